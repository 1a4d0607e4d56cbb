"""The clock of a webvraag in words, for the templates."""

from dataclasses import dataclass

from django import template

from loket.klantcontact import werkdagen

register = template.Library()


@dataclass(frozen=True)
class Klok:
    tekst: str
    te_laat: bool


@register.filter
def klok(deadline) -> Klok | None:
    """``{% with k=webvraag.antwoorden_voor|klok %}``: "nog 5 uur" / "1 dag te
    laat"."""
    if deadline is None:
        return None
    return Klok(*werkdagen.klok(deadline))
