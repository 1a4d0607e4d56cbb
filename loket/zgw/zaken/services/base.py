"""What every Zaken service does beside its write: the audit trail entry under the
zaak and the notificatie on the kanaal ``zaken``, in the same transaction."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from loket.zgw import apis
from loket.zgw.api.references import Urls
from loket.zgw.notificaties import services as notificaties
from loket.zgw.registers import services as registers
from loket.zgw.registers.services import Actor, Subject
from loket.zgw.zaken import models, representation
from loket.zgw.zaken.models import Zaak

KANAAL = "zaken"


def urls() -> Urls:
    return Urls.base()


def zaak_subject(zaak: Zaak) -> Subject:
    return Subject("/zaken", zaak.uuid, "zaak", zaak.identificatie)


def zaak_state(zaak: Zaak) -> dict:
    """The zaak as the API shows it now (for the audit trail)."""
    fresh = representation.zaak_queryset().get(pk=zaak.pk)
    return representation.zaak_dicts(urls(), [fresh])[0]


def changed(
    *,
    zaak: Zaak,
    actie: str,
    actor: Actor,
    resource: str,
    subject: Subject,
    oud: dict | None = None,
    nieuw: dict | None = None,
) -> None:
    """Record a change to ``subject`` (the zaak itself, or something below it) in
    the zaak's audit trail and announce it to subscribers."""
    registers.record(
        bron="zrc",
        actie=actie,
        actor=actor,
        hoofd_object=zaak_subject(zaak),
        subject=subject,
        oud=oud,
        nieuw=nieuw,
    )
    base = urls()
    notificaties.publish(
        kanaal=KANAAL,
        hoofd_object=representation.zaak_url(base, zaak.uuid),
        resource=resource,
        resource_url=base(apis.ZAKEN, subject.pad, subject.uuid),
        actie=actie,
        kenmerken={
            "bronorganisatie": zaak.bronorganisatie,
            "zaaktype": base(apis.CATALOGI, "/zaaktypen", zaak.zaaktype.uuid),
            "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
        },
    )


def invalid(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def same_zaaktype(zaak: Zaak, type_obj, field: str, what: str) -> None:
    """zrc-016 … zrc-020: a type below a zaaktype must be of the zaak's zaaktype."""
    if type_obj.zaaktype_id != zaak.zaaktype_id:
        raise invalid(
            field,
            f"Dit {what} hoort niet bij het zaaktype van de zaak.",
            "zaaktype-mismatch",
        )


# -- what lives below a zaak -----------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """How one kind of object below a zaak appears in its audit trail and
    notificaties: the standard's resource name, where it lives, what it is called,
    and how the API shows it."""

    resource: str
    subject: Callable[[object], Subject]
    render: Callable[[Urls, object], dict]


def _rol(urls_, rol):
    return representation.rol_dicts(urls_, [rol])[0]


_KINDS: dict = {}
_KINDS.update(
    {
        models.Rol: Kind(
            "rol",
            lambda r: Subject("/rollen", r.uuid, "rol", r.omschrijving),
            _rol,
        ),
        models.Resultaat: Kind(
            "resultaat",
            lambda r: Subject(
                "/resultaten", r.uuid, "resultaat", r.resultaattype.omschrijving
            ),
            representation.resultaat_dict,
        ),
        models.ZaakObject: Kind(
            "zaakobject",
            lambda z: Subject(
                "/zaakobjecten",
                z.uuid,
                "zaakobject",
                z.relatieomschrijving or z.get_object_type_display(),
            ),
            representation.zaakobject_dict,
        ),
        models.ZaakEigenschap: Kind(
            "zaakeigenschap",
            lambda e: Subject(
                f"/zaken/{e.zaak.uuid}/zaakeigenschappen",
                e.uuid,
                "zaakeigenschap",
                e.naam,
            ),
            representation.zaakeigenschap_dict,
        ),
        models.ZaakInformatieObject: Kind(
            "zaakinformatieobject",
            lambda z: Subject(
                "/zaakinformatieobjecten",
                z.uuid,
                "zaakinformatieobject",
                z.titel or str(z.informatieobject.uuid),
            ),
            representation.zaakinformatieobject_dict,
        ),
        models.KlantContact: Kind(
            "klantcontact",
            lambda k: Subject(
                "/klantcontacten", k.uuid, "klantcontact", k.identificatie
            ),
            representation.klantcontact_dict,
        ),
        models.ZaakContactMoment: Kind(
            "zaakcontactmoment",
            lambda z: Subject(
                "/zaakcontactmomenten", z.uuid, "zaakcontactmoment", z.contactmoment
            ),
            representation.zaakcontactmoment_dict,
        ),
        models.ZaakVerzoek: Kind(
            "zaakverzoek",
            lambda z: Subject("/zaakverzoeken", z.uuid, "zaakverzoek", z.verzoek),
            representation.zaakverzoek_dict,
        ),
    }
)


def snapshot(obj) -> dict:
    """An object below a zaak as the API shows it now (for the audit trail)."""
    return _KINDS[type(obj)].render(urls(), obj)


def record(obj, actie: str, actor: Actor, *, oud: dict | None = None) -> None:
    """Audit trail entry and notificatie for a change to an object below a zaak;
    after a create or update its new state is recorded too."""
    kind = _KINDS[type(obj)]
    changed(
        zaak=obj.zaak,
        actie=actie,
        actor=actor,
        resource=kind.resource,
        subject=kind.subject(obj),
        oud=oud,
        nieuw=None if actie == "destroy" else snapshot(obj),
    )


def destroy(obj, actor: Actor) -> None:
    """Delete an object below a zaak, with its audit trail entry and notificatie."""
    record(obj, "destroy", actor, oud=snapshot(obj))
    obj.delete()


def update_actie(partial: bool) -> str:
    return "partial_update" if partial else "update"
