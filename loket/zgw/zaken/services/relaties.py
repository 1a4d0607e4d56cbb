"""What a zaak relates to elsewhere: documents (mirrored in the Documenten API in
the same transaction, zrc-003 … zrc-005, zrc-017), besluiten, klantcontacten,
contactmomenten and verzoeken."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from loket.zgw.catalogi.models import ZaakTypeInformatieObjectType
from loket.zgw.registers.services import Actor, Subject
from loket.zgw.zaken import representation
from loket.zgw.zaken.choices import Archiefstatus
from loket.zgw.zaken.models import (
    KlantContact,
    Zaak,
    ZaakContactMoment,
    ZaakInformatieObject,
    ZaakVerzoek,
)
from loket.zgw.zaken.services import base

# -- documents -----------------------------------------------------------------------


@transaction.atomic
def add_document(
    zaak: Zaak,
    *,
    actor: Actor,
    informatieobject,
    titel: str = "",
    beschrijving: str = "",
    vernietigingsdatum=None,
    status=None,
) -> ZaakInformatieObject:
    """Add a document (``documenten.InformatieObject``) to a zaak. Its type must be
    one the zaaktype allows, the zaak may not be archived yet, and each document is
    in a zaak once."""
    from loket.zgw.documenten import services as documenten
    from loket.zgw.documenten.selectors import latest_versions

    if zaak.archiefstatus != Archiefstatus.NOG_TE_ARCHIVEREN:
        raise base.invalid(
            "zaak",
            "Deze zaak is al gearchiveerd; er kunnen geen documenten meer bij.",
            "zaak-archiefstatus",
        )
    version = next(iter(latest_versions([informatieobject.pk])), None)
    allowed = ZaakTypeInformatieObjectType.objects.filter(
        zaaktype_id=zaak.zaaktype_id,
        informatieobjecttype_omschrijving=version.informatieobjecttype.omschrijving,
    ).exists() and (
        version.informatieobjecttype.catalogus_id == zaak.zaaktype.catalogus_id
    )
    if not allowed:
        raise base.invalid(
            "informatieobject",
            "Het documenttype van dit document hoort niet bij het zaaktype.",
            "missing-zaaktype-informatieobjecttype-relation",
        )
    if ZaakInformatieObject.objects.filter(
        zaak=zaak, informatieobject=informatieobject
    ).exists():
        raise ValidationError("Dit document hoort al bij deze zaak.", code="unique")
    if status is not None and status.zaak_id != zaak.pk:
        raise base.invalid(
            "status", "Deze status hoort niet bij de zaak.", "zaak-mismatch"
        )
    zio = ZaakInformatieObject.objects.create(
        zaak=zaak,
        informatieobject=informatieobject,
        titel=titel,
        beschrijving=beschrijving,
        vernietigingsdatum=vernietigingsdatum,
        status=status,
        registratiedatum=timezone.now(),
    )
    documenten.relate_object(informatieobject, zaak=zaak)
    base.record(zio, "create", actor)
    return zio


@transaction.atomic
def update_zaakinformatieobject(
    zio: ZaakInformatieObject, *, actor: Actor, partial: bool = True, **fields
) -> ZaakInformatieObject:
    """Change what the relation says (titel, beschrijving, vernietigingsdatum,
    status); which document belongs to which zaak stays (zrc-004)."""
    oud = base.snapshot(zio)
    for name in ("zaak", "informatieobject"):
        if name in fields and getattr(fields[name], "pk", None) != getattr(
            zio, f"{name}_id"
        ):
            raise base.invalid(
                name, "De relatie zelf kan niet veranderen.", "wijzigen-niet-toegelaten"
            )
        fields.pop(name, None)
    status = fields.get("status")
    if status is not None and status.zaak_id != zio.zaak_id:
        raise base.invalid(
            "status", "Deze status hoort niet bij de zaak.", "zaak-mismatch"
        )
    for name, value in fields.items():
        setattr(zio, name, value)
    zio.save()
    base.record(zio, base.update_actie(partial), actor, oud=oud)
    return zio


@transaction.atomic
def remove_document(zio: ZaakInformatieObject, *, actor: Actor) -> None:
    """Take a document out of a zaak; its mirror in the Documenten API goes too."""
    from loket.zgw.documenten import services as documenten

    documenten.unrelate_object(zio.informatieobject, zaak=zio.zaak)
    base.destroy(zio, actor)


# -- besluiten -----------------------------------------------------------------------


def zaakbesluit_created(*, zaak: Zaak, besluit, actor: Actor) -> None:
    """The Besluiten services call this when a besluit gets a zaak (brc-006): the
    zaak's history and subscribers on the kanaal zaken hear of the zaakbesluit."""
    _zaakbesluit_changed(zaak, besluit, "create", actor)


def zaakbesluit_deleted(*, zaak: Zaak, besluit, actor: Actor) -> None:
    _zaakbesluit_changed(zaak, besluit, "destroy", actor)


def _zaakbesluit_changed(zaak, besluit, actie: str, actor: Actor) -> None:
    data = representation.zaakbesluit_dict(base.urls(), zaak, besluit)
    base.changed(
        zaak=zaak,
        actie=actie,
        actor=actor,
        resource="zaakbesluit",
        # The besluit by its UUID, not its identificatie: whoever may read this
        # zaak's history need not be allowed to see besluiten of that besluittype.
        subject=Subject(
            f"/zaken/{zaak.uuid}/besluiten",
            besluit.uuid,
            "zaakbesluit",
            f"Besluit {besluit.uuid}",
        ),
        oud=data if actie == "destroy" else None,
        nieuw=data if actie == "create" else None,
    )


# -- contact -------------------------------------------------------------------------


@transaction.atomic
def add_klantcontact(
    zaak: Zaak,
    *,
    actor: Actor,
    datumtijd,
    identificatie: str = "",
    kanaal: str = "",
    onderwerp: str = "",
    toelichting: str = "",
) -> KlantContact:
    """Record a contact with the customer about a zaak (deprecated in the standard
    in favour of contactmomenten, still served)."""
    if not identificatie:
        identificatie = _klantcontact_identificatie()
    klantcontact = KlantContact.objects.create(
        zaak=zaak,
        identificatie=identificatie,
        datumtijd=datumtijd,
        kanaal=kanaal,
        onderwerp=onderwerp,
        toelichting=toelichting,
    )
    base.record(klantcontact, "create", actor)
    return klantcontact


def _klantcontact_identificatie() -> str:
    """14 characters at most: KC + a number unique in this installation."""
    last = KlantContact.objects.order_by("-pk").values_list("pk", flat=True).first()
    number = (last or 0) + 1
    while KlantContact.objects.filter(identificatie=f"KC{number:012d}").exists():
        number += 1
    return f"KC{number:012d}"


@transaction.atomic
def add_contactmoment(
    zaak: Zaak, *, actor: Actor, contactmoment: str
) -> ZaakContactMoment:
    """Relate a contactmoment (in a Contactmomenten API) to the zaak."""
    zcm = ZaakContactMoment.objects.create(zaak=zaak, contactmoment=contactmoment)
    base.record(zcm, "create", actor)
    return zcm


@transaction.atomic
def remove_contactmoment(zcm: ZaakContactMoment, *, actor: Actor) -> None:
    base.destroy(zcm, actor)


@transaction.atomic
def add_verzoek(zaak: Zaak, *, actor: Actor, verzoek: str) -> ZaakVerzoek:
    """Relate a verzoek (in a Verzoeken API) to the zaak."""
    zaakverzoek = ZaakVerzoek.objects.create(zaak=zaak, verzoek=verzoek)
    base.record(zaakverzoek, "create", actor)
    return zaakverzoek


@transaction.atomic
def remove_verzoek(zaakverzoek: ZaakVerzoek, *, actor: Actor) -> None:
    base.destroy(zaakverzoek, actor)
