"""Gebruiksrechten: the conditions for using a document beyond reading it.

drc-006: the document's ``indicatieGebruiksrecht`` follows them, true while there
are any and null again when the last one goes. That indicatie is changed on the
latest version in place rather than as a new version: gebruiksrechten are no
change to the document itself (adding them needs no lock), and a new version per
gebruiksrecht would move ``versie`` under the feet of whoever holds the lock.
"""

from django.db import transaction

from loket.zgw.documenten import representation
from loket.zgw.documenten.models import (
    EnkelvoudigInformatieObject,
    Gebruiksrechten,
    InformatieObject,
)
from loket.zgw.documenten.services.base import changed, invalid, latest, urls
from loket.zgw.registers.services import Actor, Subject

RESOURCE = "gebruiksrechten"
FIELDS = ("startdatum", "einddatum", "omschrijving_voorwaarden")


@transaction.atomic
def create_gebruiksrechten(
    *,
    actor: Actor,
    informatieobject: InformatieObject,
    startdatum,
    omschrijving_voorwaarden: str,
    einddatum=None,
) -> Gebruiksrechten:
    """New gebruiksrechten on a document; its indicatie becomes true."""
    document = _locked(informatieobject)
    rights = Gebruiksrechten(
        informatieobject=document,
        startdatum=startdatum,
        einddatum=einddatum,
        omschrijving_voorwaarden=omschrijving_voorwaarden,
    )
    rights.full_clean()
    rights.save()
    version = _set_indicatie(document, True)
    _changed(rights, version, "create", actor, oud=None)
    return rights


@transaction.atomic
def update_gebruiksrechten(
    gebruiksrechten: Gebruiksrechten,
    *,
    actor: Actor,
    actie: str = "partial_update",
    informatieobject: InformatieObject | None = None,
    **changes,
) -> Gebruiksrechten:
    """Change the period or the conditions; the document they belong to stays."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise TypeError(f"onbekende velden: {', '.join(sorted(unknown))}")
    if informatieobject and informatieobject.pk != gebruiksrechten.informatieobject_id:
        raise invalid(
            "informatieobject",
            "Gebruiksrechten blijven bij hun document; maak nieuwe aan voor een "
            "ander document.",
            "wijzigen-niet-toegelaten",
        )
    oud = _dict(gebruiksrechten)
    for name, value in changes.items():
        setattr(gebruiksrechten, name, value)
    gebruiksrechten.full_clean()
    gebruiksrechten.save()
    version = latest(gebruiksrechten.informatieobject)
    _changed(gebruiksrechten, version, actie, actor, oud=oud)
    return gebruiksrechten


@transaction.atomic
def delete_gebruiksrechten(gebruiksrechten: Gebruiksrechten, *, actor: Actor) -> None:
    """Remove gebruiksrechten; with the last one the indicatie is null again."""
    document = _locked(gebruiksrechten.informatieobject)
    oud = _dict(gebruiksrechten)
    subject = _subject(gebruiksrechten)
    gebruiksrechten.delete()
    if document.gebruiksrechten.exists():
        version = latest(document)
    else:
        version = _set_indicatie(document, None)
    changed(version=version, actie="destroy", actor=actor, subject=subject, oud=oud)


def _locked(informatieobject: InformatieObject) -> InformatieObject:
    """The document, locked in the database so concurrent changes to its
    gebruiksrechten see each other (the last one removed resets the indicatie)."""
    return InformatieObject.objects.select_for_update().get(pk=informatieobject.pk)


def _set_indicatie(document: InformatieObject, value) -> EnkelvoudigInformatieObject:
    version = latest(document)
    if version.indicatie_gebruiksrecht is not value:
        EnkelvoudigInformatieObject.objects.filter(pk=version.pk).update(
            indicatie_gebruiksrecht=value
        )
        version.indicatie_gebruiksrecht = value
    return version


def _subject(rights: Gebruiksrechten) -> Subject:
    return Subject(
        representation.GEBRUIKSRECHTEN,
        rights.uuid,
        RESOURCE,
        rights.omschrijving_voorwaarden[:200],
    )


def _dict(rights: Gebruiksrechten) -> dict:
    return representation.gebruiksrechten_dicts(urls(), [rights])[0]


def _changed(rights, version, actie: str, actor: Actor, *, oud) -> None:
    changed(
        version=version,
        actie=actie,
        actor=actor,
        subject=_subject(rights),
        oud=oud,
        nieuw=_dict(rights),
    )
