"""Periods an indicator is measured over: a month, a quarter or a year."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3

SOORTEN = ("maand", "kwartaal", "jaar")
_MAANDEN = {"maand": 1, "kwartaal": 3, "jaar": 12}
_CODE = re.compile(r"^(\d{4})(?:-K([1-4])|-(\d{2}))?$")


def plus_maanden(dag: date, maanden: int) -> date:
    """The first of the month ``maanden`` after (or before) ``dag``'s month."""
    index = dag.year * 12 + dag.month - 1 + maanden
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Periode:
    soort: str  # "maand" | "kwartaal" | "jaar"
    begin: date
    einde: date  # exclusive

    @classmethod
    def maand(cls, jaar: int, maand: int) -> "Periode":
        begin = date(jaar, maand, 1)
        return cls("maand", begin, plus_maanden(begin, 1))

    @classmethod
    def kwartaal(cls, jaar: int, kwartaal: int) -> "Periode":
        begin = date(jaar, 3 * (kwartaal - 1) + 1, 1)
        return cls("kwartaal", begin, plus_maanden(begin, 3))

    @classmethod
    def jaar(cls, jaar: int) -> "Periode":
        return cls("jaar", date(jaar, 1, 1), date(jaar + 1, 1, 1))

    @classmethod
    def van(cls, soort: str, dag: date) -> "Periode":
        """The period of ``soort`` that ``dag`` falls in."""
        if soort == "maand":
            return cls.maand(dag.year, dag.month)
        if soort == "kwartaal":
            return cls.kwartaal(dag.year, (dag.month - 1) // 3 + 1)
        if soort == "jaar":
            return cls.jaar(dag.year)
        raise ValueError(f"Onbekende soort periode: {soort!r}")

    @classmethod
    def huidig(cls, soort: str, vandaag: date | None = None) -> "Periode":
        return cls.van(soort, vandaag or timezone.localdate())

    @classmethod
    def parse(cls, code: str) -> "Periode":
        """ "2026" (a year), "2026-K3" (a quarter), "2026-05" (a month)."""
        match = _CODE.match((code or "").strip().upper())
        if not match:
            raise ValueError(f"Geen periode: {code!r}")
        jaar, kwartaal, maand = match.groups()
        if not 1900 <= int(jaar) <= 9998:
            raise ValueError(f"Geen periode: {code!r}")
        if kwartaal:
            return cls.kwartaal(int(jaar), int(kwartaal))
        if maand:
            if not 1 <= int(maand) <= 12:
                raise ValueError(f"Geen periode: {code!r}")
            return cls.maand(int(jaar), int(maand))
        return cls.jaar(int(jaar))

    @property
    def code(self) -> str:
        if self.soort == "maand":
            return f"{self.begin:%Y-%m}"
        if self.soort == "kwartaal":
            return f"{self.begin.year}-K{self._kwartaal}"
        return str(self.begin.year)

    @property
    def label(self) -> str:
        if self.soort == "maand":
            # Django's month names, in Loket's language: "mei 2026".
            return f"{MONTHS[self.begin.month]} {self.begin.year}"
        if self.soort == "kwartaal":
            return f"{self._kwartaal}e kwartaal {self.begin.year}"
        return str(self.begin.year)

    @property
    def kort(self) -> str:
        """The short name under a column of a chart: "mrt 2026", "K1 2026"."""
        if self.soort == "maand":
            return f"{MONTHS_3[self.begin.month]} {self.begin.year}"
        if self.soort == "kwartaal":
            return f"K{self._kwartaal} {self.begin.year}"
        return str(self.begin.year)

    @property
    def _kwartaal(self) -> int:
        return (self.begin.month - 1) // 3 + 1

    def vorige(self) -> "Periode":
        return Periode.van(self.soort, plus_maanden(self.begin, -1))

    def volgende(self) -> "Periode":
        return Periode.van(self.soort, self.einde)

    @property
    def maanden(self) -> list[date]:
        """The first days of the months in the period."""
        return [plus_maanden(self.begin, i) for i in range(_MAANDEN[self.soort])]

    def bevat(self, dag: date) -> bool:
        return self.begin <= dag < self.einde

    def __str__(self) -> str:
        return self.label


def laatste_maanden(periode: Periode, aantal: int) -> list[Periode]:
    """The ``aantal`` months up to and including the last month of ``periode``."""
    laatste = plus_maanden(periode.einde, -1)
    return [
        Periode.maand(m.year, m.month)
        for m in (plus_maanden(laatste, -i) for i in reversed(range(aantal)))
    ]
