"""Archiving dates of a closed zaak, derived from its resultaat (zrc-021, zrc-026).

The resultaattype says how long the zaakdossier must be kept (archiefactietermijn)
and from which date that term runs: the *brondatum*, found per afleidingswijze.
When the brondatum cannot be found (no value yet, or ``ander_datumkenmerk``, which a
person must set), no archiefactiedatum is set.
"""

from datetime import date, datetime

from loket.zgw.catalogi.choices import Afleidingswijze, Archiefnominatie
from loket.zgw.zaken.termijnen import add_duration


def brondatum(zaak, resultaattype, einddatum: date) -> date | None:
    wijze = resultaattype.brondatum_afleidingswijze
    kenmerk = resultaattype.brondatum_datumkenmerk
    if wijze == Afleidingswijze.AFGEHANDELD:
        return einddatum
    if wijze == Afleidingswijze.TERMIJN:
        termijn = resultaattype.brondatum_procestermijn or resultaattype.procestermijn
        return add_duration(einddatum, termijn) if termijn else None
    if wijze == Afleidingswijze.HOOFDZAAK:
        return zaak.hoofdzaak.einddatum if zaak.hoofdzaak_id else None
    if wijze == Afleidingswijze.EIGENSCHAP:
        waarden = zaak.zaakeigenschappen.filter(naam=kenmerk).values_list(
            "waarde", flat=True
        )
        return _latest(parse_date(w) for w in waarden)
    if wijze == Afleidingswijze.ZAAKOBJECT:
        objecten = zaak.zaakobjecten.filter(
            object_type=resultaattype.brondatum_objecttype
        ).values_list("object_identificatie", flat=True)
        return _latest(parse_date(_kenmerk(i, kenmerk)) for i in objecten)
    if wijze == Afleidingswijze.GERELATEERDE_ZAAK:
        return _latest(
            relatie.andere_zaak.einddatum
            for relatie in zaak.relevante_andere_zaken.select_related("andere_zaak")
        )
    if wijze in (
        Afleidingswijze.INGANGSDATUM_BESLUIT,
        Afleidingswijze.VERVALDATUM_BESLUIT,
    ):
        from loket.zgw.besluiten.selectors import besluiten_of_zaak

        field = (
            "ingangsdatum"
            if wijze == Afleidingswijze.INGANGSDATUM_BESLUIT
            else "vervaldatum"
        )
        return _latest(besluiten_of_zaak(zaak).values_list(field, flat=True))
    return None  # ander_datumkenmerk, or not configured: a person decides


def on_closing(zaak, resultaattype, einddatum: date) -> dict:
    """The archiving fields to set on a zaak that closes with this resultaattype.
    What the client already set stays."""
    changes = {}
    nominatie = zaak.archiefnominatie or resultaattype.archiefnominatie
    if not zaak.archiefnominatie and nominatie:
        changes["archiefnominatie"] = nominatie
    if not resultaattype.archiefactietermijn:
        return changes
    bron = brondatum(zaak, resultaattype, einddatum)
    if bron is None:
        return changes
    if zaak.archiefactiedatum is None:
        changes["archiefactiedatum"] = add_duration(
            bron, resultaattype.archiefactietermijn
        )
    if (
        nominatie == Archiefnominatie.VERNIETIGEN
        and zaak.startdatum_bewaartermijn is None
    ):
        changes["startdatum_bewaartermijn"] = bron
    return changes


def _kenmerk(identificatie: dict | None, kenmerk: str):
    """The date attribute of a zaakobject: in its identification, or in the
    ``overigeData`` of an object of type overige."""
    identificatie = identificatie or {}
    if kenmerk in identificatie:
        return identificatie[kenmerk]
    return (identificatie.get("overigeData") or {}).get(kenmerk)


def parse_date(value) -> date | None:
    """A date as clients write it in eigenschappen and objects: 2026-03-01,
    20260301, or a date-time."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for parse in (date.fromisoformat, _compact, _datetime):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


def _compact(text: str) -> date:
    if len(text) != 8 or not text.isdigit():
        raise ValueError(text)
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


def _datetime(text: str) -> date:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).date()


def _latest(values) -> date | None:
    found = [v for v in values if v is not None]
    return max(found) if found else None
