"""Writing besluiten and the documents that record them (Besluiten API 1.1.0, rules
brc-001 … brc-009).

Every function is one transaction that writes the change, its audit trail entry
and its notificatie on the kanaal ``besluiten``. The relations a besluit has in the
other registers are kept in that same transaction: the objectinformatieobject in
the Documenten API (brc-005) and the zaakbesluit in the Zaken API (brc-006).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from loket.zgw.api.references import Urls
from loket.zgw.besluiten import representation, selectors
from loket.zgw.besluiten.models import Besluit, BesluitInformatieObject
from loket.zgw.catalogi.models import BesluitType
from loket.zgw.documenten import selectors as documenten_selectors
from loket.zgw.documenten import services as documenten
from loket.zgw.documenten.models import InformatieObject
from loket.zgw.notificaties import services as notificaties
from loket.zgw.registers import services as registers
from loket.zgw.registers.services import Actor, Subject
from loket.zgw.registers.validators import rsin_error
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.models import Zaak

BRON = "brc"
KANAAL = "besluiten"
IDENTIFICATIE_SOORT = "BESLUIT"

# What a client may change after creation; besluittype, identificatie,
# verantwoordelijke organisatie and zaak are fixed (brc-001, brc-002, brc-006).
MUTABLE = (
    "datum",
    "toelichting",
    "bestuursorgaan",
    "ingangsdatum",
    "vervaldatum",
    "vervalreden",
    "publicatiedatum",
    "verzenddatum",
    "uiterlijke_reactiedatum",
)
IMMUTABLE = ("besluittype", "identificatie", "verantwoordelijke_organisatie", "zaak")


# -- besluit ---------------------------------------------------------------------------


@transaction.atomic
def create_besluit(
    *,
    actor: Actor,
    besluittype: BesluitType,
    verantwoordelijke_organisatie: str,
    datum,
    ingangsdatum,
    zaak: Zaak | None = None,
    identificatie: str = "",
    toelichting: str = "",
    bestuursorgaan: str = "",
    vervaldatum=None,
    vervalreden: str = "",
    publicatiedatum=None,
    verzenddatum=None,
    uiterlijke_reactiedatum=None,
) -> Besluit:
    """Register a besluit of a published besluittype (brc-001), optionally as the
    outcome of ``zaak`` (whose zaaktype must allow the besluittype, brc-007; the
    zaak hears of it, brc-006). Without ``identificatie`` one is generated, unique
    within the verantwoordelijke organisatie (brc-002)."""
    besluit = Besluit(
        besluittype=besluittype,
        verantwoordelijke_organisatie=verantwoordelijke_organisatie,
        identificatie=identificatie,
        zaak=zaak,
        datum=datum,
        ingangsdatum=ingangsdatum,
        toelichting=toelichting,
        bestuursorgaan=bestuursorgaan,
        vervaldatum=vervaldatum,
        vervalreden=vervalreden,
        publicatiedatum=publicatiedatum,
        verzenddatum=verzenddatum,
        uiterlijke_reactiedatum=uiterlijke_reactiedatum,
    )
    problems: dict[str, list[ValidationError]] = {}
    _check_besluittype(besluittype, problems)
    _check_rsin(verantwoordelijke_organisatie, problems)
    _check_datum(datum, problems)
    if zaak is not None:
        _check_zaak(zaak, besluittype, problems)
    if identificatie and _identificatie_taken(
        verantwoordelijke_organisatie, identificatie
    ):
        _add(
            problems,
            "identificatie",
            "Deze identificatie is al in gebruik bij deze verantwoordelijke "
            "organisatie.",
            "identificatie-niet-uniek",
        )
    _raise(problems)
    if not identificatie:
        besluit.identificatie = registers.next_identificatie(
            IDENTIFICATIE_SOORT,
            verantwoordelijke_organisatie,
            datum.year,
            taken=lambda candidate: _identificatie_taken(
                verantwoordelijke_organisatie, candidate
            ),
        )
    _full_clean(besluit)
    besluit.save()
    _record(besluit, actor, "create", oud=None, nieuw=_dict(besluit))
    _notify(besluit, "create")
    if zaak is not None:
        zaken.zaakbesluit_created(zaak=zaak, besluit=besluit, actor=actor)
    return besluit


@transaction.atomic
def update_besluit(
    *, actor: Actor, besluit: Besluit, actie: str = "update", **changes
) -> Besluit:
    """Change what ``changes`` names (model field names); ``actie`` is ``update``
    or ``partial_update`` as the audit trail and notificatie report it.
    Besluittype, identificatie, verantwoordelijke organisatie and zaak may be
    given, but only with their current value (brc-001, brc-002, brc-006)."""
    unknown = set(changes) - set(MUTABLE) - set(IMMUTABLE)
    if unknown:
        raise TypeError(f"update_besluit() kent geen velden {sorted(unknown)}")
    # Lock the row: two clients changing one besluit apply one after the other.
    besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
    oud = _dict(besluit)
    problems: dict[str, list[ValidationError]] = {}
    for name in IMMUTABLE:
        if name in changes and _differs(besluit, name, changes[name]):
            _add(
                problems,
                name,
                "Dit veld mag na het aanmaken van het besluit niet meer veranderen.",
                "wijzigen-niet-toegelaten",
            )
    if "datum" in changes:
        _check_datum(changes["datum"], problems)
    _raise(problems)
    for name in MUTABLE:
        if name in changes:
            setattr(besluit, name, changes[name])
    _full_clean(besluit)
    besluit.save()
    _record(besluit, actor, actie, oud=oud, nieuw=_dict(besluit))
    _notify(besluit, actie)
    return besluit


@transaction.atomic
def delete_besluit(*, actor: Actor, besluit: Besluit) -> None:
    """Destroy a besluit for real (brc-009): with its besluitinformatieobjecten
    and their mirrors in the Documenten API, its zaakbesluit and its audit trail."""
    for bio in besluit.besluitinformatieobjecten.select_related("informatieobject"):
        documenten.unrelate_object(bio.informatieobject, besluit=besluit, actor=actor)
    if besluit.zaak_id is not None:
        zaken.zaakbesluit_deleted(zaak=besluit.zaak, besluit=besluit, actor=actor)
    _notify(besluit, "destroy")
    registers.delete_trail(BRON, besluit.uuid)
    besluit.delete()  # the besluitinformatieobjecten go with it (CASCADE)


# -- besluitinformatieobject -----------------------------------------------------------


@transaction.atomic
def add_document(
    *, actor: Actor, besluit: Besluit, informatieobject: InformatieObject
) -> BesluitInformatieObject:
    """Record that ``informatieobject`` lays down ``besluit`` (aard relatie
    "legt_vast", brc-004), mirrored in the Documenten API (brc-005). The latest
    version's informatieobjecttype must be one the besluittype names (brc-008)."""
    latest = documenten_selectors.latest_versions([informatieobject.pk]).first()
    besluittype = besluit.besluittype
    problems: dict[str, list[ValidationError]] = {}
    if latest is None or not _type_allowed(latest.informatieobjecttype, besluittype):
        _add(
            problems,
            "__all__",
            "Het informatieobjecttype van dit document hoort niet bij het "
            "besluittype van het besluit.",
            "missing-besluittype-informatieobjecttype-relation",
        )
    if selectors.has_informatieobject(besluit, informatieobject):
        _add(
            problems,
            "__all__",
            "Dit document is al aan dit besluit gekoppeld.",
            "unique",
        )
    _raise(problems)
    bio = BesluitInformatieObject.objects.create(
        besluit=besluit, informatieobject=informatieobject
    )
    documenten.relate_object(informatieobject, besluit=besluit, actor=actor)
    _record_document(bio, actor, "create", oud=None, nieuw=_bio_dict(bio))
    _notify_document(bio, "create")
    return bio


@transaction.atomic
def remove_document(
    *, actor: Actor, besluitinformatieobject: BesluitInformatieObject
) -> None:
    """Undo :func:`add_document`, also in the Documenten API (brc-005, brc-009)."""
    bio = besluitinformatieobject
    documenten.unrelate_object(bio.informatieobject, besluit=bio.besluit, actor=actor)
    _record_document(bio, actor, "destroy", oud=_bio_dict(bio), nieuw=None)
    _notify_document(bio, "destroy")
    bio.delete()


# -- rules -----------------------------------------------------------------------------


def _check_besluittype(besluittype: BesluitType, problems: dict) -> None:
    if besluittype.concept:
        _add(
            problems,
            "besluittype",
            "Dit besluittype is nog een concept; gebruik een gepubliceerd besluittype.",
            "not-published",
        )


def _check_rsin(rsin: str, problems: dict) -> None:
    error = rsin_error(rsin)
    if error is not None:
        problems.setdefault("verantwoordelijke_organisatie", []).append(error)


def _check_datum(datum, problems: dict) -> None:
    if datum is None:
        _add(problems, "datum", "Geef de beslisdatum.", "required")
    elif datum > timezone.localdate():
        _add(
            problems,
            "datum",
            "De beslisdatum mag niet in de toekomst liggen.",
            "future-not-allowed",
        )


def _check_zaak(zaak: Zaak, besluittype: BesluitType, problems: dict) -> None:
    """brc-007: the zaak's zaaktype names this besluittype, in its own catalogus."""
    zaaktype = zaak.zaaktype
    if (
        zaaktype.catalogus_id != besluittype.catalogus_id
        or besluittype.omschrijving not in zaaktype.besluittype_omschrijvingen
    ):
        _add(
            problems,
            "__all__",
            "Het besluittype hoort niet bij het zaaktype van de zaak.",
            "zaaktype-mismatch",
        )


def _type_allowed(informatieobjecttype, besluittype: BesluitType) -> bool:
    return (
        informatieobjecttype.catalogus_id == besluittype.catalogus_id
        and informatieobjecttype.omschrijving
        in besluittype.informatieobjecttype_omschrijvingen
    )


def _identificatie_taken(organisatie: str, identificatie: str) -> bool:
    return Besluit.objects.filter(
        verantwoordelijke_organisatie=organisatie, identificatie=identificatie
    ).exists()


def _differs(besluit: Besluit, name: str, value) -> bool:
    if name in ("besluittype", "zaak"):
        current = getattr(besluit, f"{name}_id")
        return (value.pk if value is not None else None) != current
    return value != getattr(besluit, name)


def _full_clean(besluit: Besluit) -> None:
    # Uniqueness was checked above with the standard's own error code.
    besluit.full_clean(validate_unique=False, validate_constraints=False)


def _add(problems: dict, name: str, message: str, code: str) -> None:
    problems.setdefault(name, []).append(ValidationError(message, code=code))


def _raise(problems: dict) -> None:
    if problems:
        raise ValidationError(problems)


# -- audit trail and notificaties ------------------------------------------------------


def _dict(besluit: Besluit) -> dict:
    return representation.besluit_dicts(Urls.base(), [besluit])[0]


def _bio_dict(bio: BesluitInformatieObject) -> dict:
    return representation.besluitinformatieobject_dicts(Urls.base(), [bio])[0]


def _besluit_subject(besluit: Besluit) -> Subject:
    return Subject(
        representation.BESLUITEN, besluit.uuid, "besluit", besluit.identificatie
    )


def _record(besluit: Besluit, actor: Actor, actie: str, *, oud, nieuw) -> None:
    subject = _besluit_subject(besluit)
    registers.record(
        bron=BRON,
        actie=actie,
        actor=actor,
        hoofd_object=subject,
        subject=subject,
        oud=oud,
        nieuw=nieuw,
    )


def _record_document(bio, actor: Actor, actie: str, *, oud, nieuw) -> None:
    registers.record(
        bron=BRON,
        actie=actie,
        actor=actor,
        hoofd_object=_besluit_subject(bio.besluit),
        subject=Subject(
            representation.BESLUITINFORMATIEOBJECTEN,
            bio.uuid,
            "besluitinformatieobject",
            f"Document {bio.informatieobject.uuid} bij besluit "
            f"{bio.besluit.identificatie}",
        ),
        oud=oud,
        nieuw=nieuw,
    )


def _kenmerken(besluit: Besluit, urls: Urls) -> dict:
    besluittype_uuid = (
        BesluitType.objects.filter(pk=besluit.besluittype_id)
        .values_list("uuid", flat=True)
        .get()
    )
    return {
        "verantwoordelijke_organisatie": besluit.verantwoordelijke_organisatie,
        "besluittype": representation.besluittype_url(urls, besluittype_uuid),
    }


def _notify(besluit: Besluit, actie: str) -> None:
    urls = Urls.base()
    besluit_url = representation.besluit_url(urls, besluit.uuid)
    notificaties.publish(
        kanaal=KANAAL,
        hoofd_object=besluit_url,
        resource="besluit",
        resource_url=besluit_url,
        actie=actie,
        kenmerken=_kenmerken(besluit, urls),
    )


def _notify_document(bio: BesluitInformatieObject, actie: str) -> None:
    urls = Urls.base()
    notificaties.publish(
        kanaal=KANAAL,
        hoofd_object=representation.besluit_url(urls, bio.besluit.uuid),
        resource="besluitinformatieobject",
        resource_url=representation.besluitinformatieobject_url(urls, bio.uuid),
        actie=actie,
        kenmerken=_kenmerken(bio.besluit, urls),
    )
