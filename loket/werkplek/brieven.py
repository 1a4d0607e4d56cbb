"""Letters from a ``Briefsjabloon``: invulvelden such as ``{{ zaak.identificatie }}``
filled in by plain substitution (no template language: a sjabloon can never run
code or read other data), then written as a PDF with ``core.pdf``."""

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import formats

from loket.core import pdf

INVULVELDEN = {
    "naam": "de naam van de aanvrager",
    "adres": "het adres van de aanvrager",
    "zaak.identificatie": "het zaaknummer",
    "zaak.omschrijving": "de omschrijving van de zaak",
    "zaak.zaaktype": "het soort zaak",
    "zaak.registratiedatum": "de datum waarop de zaak binnenkwam",
    "zaak.uiterste_datum": "de uiterste datum waarop de zaak klaar moet zijn",
    "gemeente.naam": "de naam van de gemeente",
    "gemeente.adres": "het postadres (of bezoekadres) van de gemeente",
    "medewerker.naam": "uw naam",
    "datum": "de datum van vandaag",
}
_INVULVELD = re.compile(r"\{\{\s*([a-z_.]+)\s*\}\}")


def getoond(naam: str) -> str:
    return "{{ " + naam + " }}"


def controleer(tekst: str) -> None:
    """Refuse an invulveld Loket does not know, naming the ones it does."""
    onbekend = sorted({n for n in _INVULVELD.findall(tekst) if n not in INVULVELDEN})
    if onbekend:
        raise ValidationError(
            "Onbekend invulveld: %(onbekend)s. U kunt deze gebruiken: %(bekend)s.",
            params={
                "onbekend": ", ".join(getoond(n) for n in onbekend),
                "bekend": ", ".join(getoond(n) for n in INVULVELDEN),
            },
            code="onbekend-invulveld",
        )


def datum(dag: date | None) -> str:
    return formats.date_format(dag, "j F Y") if dag else "(onbekend)"


def waarden(*, zaak, behandeling, initiator, medewerker, vandaag: date) -> dict:
    """What each invulveld holds for this zaak, written out as text."""
    gemeente = zaak.gemeente
    adres = ""
    if gemeente is not None:
        adres = (gemeente.postadres or gemeente.bezoekadres or "").strip()
    return {
        "naam": (initiator.naam() if initiator else "") or "heer, mevrouw",
        "adres": initiator.adres() if initiator else "",
        "zaak.identificatie": zaak.identificatie,
        "zaak.omschrijving": zaak.omschrijving,
        "zaak.zaaktype": zaak.zaaktype.omschrijving,
        "zaak.registratiedatum": datum(zaak.registratiedatum),
        "zaak.uiterste_datum": datum(behandeling.uiterste_datum),
        "gemeente.naam": gemeente.naam if gemeente else "",
        "gemeente.adres": " ".join(adres.split()) if adres else "",
        "medewerker.naam": medewerker.naam,
        "datum": datum(vandaag),
    }


def vul_in(tekst: str, waarden_: dict) -> str:
    """The text with every invulveld replaced; blank lines left by an empty value
    collapse."""
    gevuld = _INVULVELD.sub(lambda m: waarden_.get(m.group(1), ""), tekst)
    return re.sub(r"\n{3,}", "\n\n", gevuld)


@dataclass(frozen=True)
class Brief:
    onderwerp: str
    tekst: str

    @property
    def regels(self) -> list[str]:
        return self.tekst.replace("\r\n", "\n").split("\n")

    def pdf(self, *, auteur: str, gemaakt: datetime) -> bytes:
        return pdf.document(
            titel=self.onderwerp, regels=self.regels, auteur=auteur, gemaakt=gemaakt
        )


def samenvoegen(sjabloon, waarden_: dict) -> Brief:
    """The letter ``sjabloon`` makes with these values."""
    return Brief(
        onderwerp=vul_in(sjabloon.onderwerp, waarden_).strip()[:200],
        tekst=vul_in(sjabloon.tekst, waarden_).strip(),
    )
