"""Verzendingen: to whom a document was sent, or from whom it was received, and at
which single address (a verzending has exactly one: a postal address, e-mail,
phone, fax or MijnOverheid; several addresses are several verzendingen)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from loket.zgw.documenten import representation
from loket.zgw.documenten.models import InformatieObject, Verzending
from loket.zgw.documenten.services.base import changed, invalid, latest, urls
from loket.zgw.registers.services import Actor, Subject

RESOURCE = "verzending"
FIELDS = (
    "betrokkene",
    "aard_relatie",
    "toelichting",
    "ontvangstdatum",
    "verzenddatum",
    "contact_persoon",
    "contactpersoonnaam",
    *representation.ADDRESSES,
    *representation.CHANNELS,
)


@transaction.atomic
def create_verzending(
    *,
    actor: Actor,
    informatieobject: InformatieObject,
    betrokkene: str,
    aard_relatie: str,
    contact_persoon: str,
    **fields,
) -> Verzending:
    """Record that a document went to (or came from) a betrokkene."""
    _known(fields)
    verzending = Verzending(
        informatieobject=informatieobject,
        betrokkene=betrokkene,
        aard_relatie=aard_relatie,
        contact_persoon=contact_persoon,
        **fields,
    )
    _validate(verzending)
    verzending.save()
    _changed(verzending, "create", actor, oud=None)
    return verzending


@transaction.atomic
def update_verzending(
    verzending: Verzending,
    *,
    actor: Actor,
    actie: str = "partial_update",
    informatieobject: InformatieObject | None = None,
    **changes,
) -> Verzending:
    """Change a verzending; the document it is about stays."""
    _known(changes)
    if informatieobject and informatieobject.pk != verzending.informatieobject_id:
        raise invalid(
            "informatieobject",
            "Een verzending blijft bij haar document; maak een nieuwe aan voor een "
            "ander document.",
            "wijzigen-niet-toegelaten",
        )
    oud = _dict(verzending)
    for name, value in changes.items():
        setattr(verzending, name, value)
    _validate(verzending)
    verzending.save()
    _changed(verzending, actie, actor, oud=oud)
    return verzending


@transaction.atomic
def delete_verzending(verzending: Verzending, *, actor: Actor) -> None:
    oud = _dict(verzending)
    subject = _subject(verzending)
    version = latest(verzending.informatieobject)
    verzending.delete()
    changed(version=version, actie="destroy", actor=actor, subject=subject, oud=oud)


def _known(fields: dict) -> None:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"onbekende velden: {', '.join(sorted(unknown))}")


def _validate(verzending: Verzending) -> None:
    used = [
        name
        for name in (*representation.ADDRESSES, *representation.CHANNELS)
        if _filled(getattr(verzending, name))
    ]
    if len(used) != 1:
        raise ValidationError(
            "Een verzending heeft precies één adres: een binnenlands of buitenlands "
            "correspondentieadres, een postadres, een e-mailadres, een "
            "telefoonnummer, een faxnummer of MijnOverheid. Gebruikt u er meer, "
            f"maak dan meer verzendingen aan (nu: {len(used)}).",
            code="invalid-address",
        )
    verzending.full_clean()


def _filled(value) -> bool:
    if isinstance(value, dict):
        return any(value.values())
    return bool(value)


def _subject(verzending: Verzending) -> Subject:
    return Subject(
        representation.VERZENDINGEN,
        verzending.uuid,
        RESOURCE,
        f"{verzending.get_aard_relatie_display()}: {verzending.betrokkene}"[:200],
    )


def _dict(verzending: Verzending) -> dict:
    return representation.verzending_dicts(urls(), [verzending])[0]


def _changed(verzending: Verzending, actie: str, actor: Actor, *, oud) -> None:
    changed(
        version=latest(verzending.informatieobject),
        actie=actie,
        actor=actor,
        subject=_subject(verzending),
        oud=oud,
        nieuw=_dict(verzending),
    )
