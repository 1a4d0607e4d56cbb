"""Reading Loket's configuration from ``LOKET_…`` environment variables.

Every variable is declared once, with its type, default and explanation, through an
:class:`Env`. ``loket/settings.py`` is the only module that declares them; the table
in ``docs/configuration.md`` is generated from those declarations
(``python manage.py loket instellingen --markdown``), so code and docs cannot drift.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

_REQUIRED = object()
_TRUE = {"1", "true", "yes", "on", "ja", "aan"}
_FALSE = {"0", "false", "no", "off", "nee", "uit", ""}


class ConfigurationError(ImproperlyConfigured):
    """A configuration mistake that should stop start-up with one clear sentence."""


@dataclass(frozen=True)
class Variable:
    name: str
    kind: str
    default: Any
    help: str
    shown: str | None = None

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED

    def default_text(self) -> str:
        if self.shown is not None:
            return self.shown
        if self.required:
            return "verplicht"
        if self.default in (None, "", []):
            return "(leeg)"
        if isinstance(self.default, bool):
            return "true" if self.default else "false"
        if isinstance(self.default, list | tuple):
            return ",".join(str(item) for item in self.default)
        return str(self.default)


class Env:
    """Typed access to environment variables that records what it was asked for."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self.environ = os.environ if environ is None else environ
        self.variables: dict[str, Variable] = {}

    # -- typed readers ---------------------------------------------------------------

    def str(
        self,
        name: str,
        default: Any = _REQUIRED,
        *,
        help: str,
        shown=None,
    ) -> str:
        return self._read(name, "tekst", default, help, lambda raw: raw, shown)

    def bool(
        self, name: str, default: Any = _REQUIRED, *, help: str, shown=None
    ) -> bool:
        def parse(raw: str) -> bool:
            value = raw.strip().lower()
            if value in _TRUE:
                return True
            if value in _FALSE:
                return False
            raise ConfigurationError(f"{name} moet true of false zijn, niet {raw!r}.")

        return self._read(name, "ja/nee", default, help, parse, shown)

    def int(self, name: str, default: Any = _REQUIRED, *, help: str, shown=None) -> int:
        def parse(raw: str) -> int:
            try:
                return int(raw)
            except ValueError:
                raise ConfigurationError(
                    f"{name} moet een geheel getal zijn, niet {raw!r}."
                ) from None

        return self._read(name, "getal", default, help, parse, shown)

    def list(self, name: str, default: Any = _REQUIRED, *, help: str) -> list[str]:
        def parse(raw: str) -> list[str]:
            return [item.strip() for item in raw.split(",") if item.strip()]

        return self._read(name, "lijst (komma's)", default, help, parse)

    def path(
        self, name: str, default: Any = _REQUIRED, *, help: str, shown=None
    ) -> Path:
        return self._read(name, "pad", default, help, Path, shown)

    def choice(
        self,
        name: str,
        default: Any = _REQUIRED,
        *,
        choices: list[str],
        help: str,
        shown=None,
    ) -> str:
        def parse(raw: str) -> str:
            value = raw.strip().lower()
            if value not in choices:
                allowed = ", ".join(choices)
                raise ConfigurationError(
                    f"{name} moet een van deze waarden zijn: {allowed}; niet {raw!r}."
                )
            return value

        kind = "een van: " + ", ".join(choices)
        return self._read(name, kind, default, help, parse, shown)

    # -- internals -------------------------------------------------------------------

    def _read(
        self,
        name: str,
        kind: str,
        default: Any,
        help: str,
        parse: Callable[[str], Any],
        shown: str | None = None,
    ) -> Any:
        if not name.startswith("LOKET_"):
            raise ValueError(f"{name}: Loket's variables start with LOKET_")
        self.variables[name] = Variable(name, kind, default, help, shown)
        raw = self.environ.get(name)
        if raw is None or (raw == "" and default is _REQUIRED):
            if default is _REQUIRED:
                raise ConfigurationError(
                    f"{name} is niet gezet. {help} Zie docs/configuration.md."
                )
            return default
        return parse(raw)

    def documentation(self) -> str:
        """The variables as a Markdown table, in the order they were declared."""
        lines = [
            "| variabele | soort | standaard | betekenis |",
            "|---|---|---|---|",
        ]
        for var in self.variables.values():
            default = var.default_text()
            lines.append(f"| `{var.name}` | {var.kind} | `{default}` | {var.help} |")
        return "\n".join(lines) + "\n"
