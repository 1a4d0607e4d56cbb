"""Documents: create one, with its content in one go or announced for an upload in
bestandsdelen; change it (every change is a new version, and needs the lock:
drc-009, drc-010); lock and unlock it; destroy it (drc-008)."""

import secrets
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from loket.zgw.catalogi.models import InformatieObjectType
from loket.zgw.documenten.choices import DocumentStatus
from loket.zgw.documenten.models import (
    BestandsDeel,
    EnkelvoudigInformatieObject,
    InformatieObject,
)
from loket.zgw.documenten.services import content
from loket.zgw.documenten.services.base import BRON, announce, changed, latest, state
from loket.zgw.registers import services as registers
from loket.zgw.registers.services import Actor
from loket.zgw.registers.validators import rsin_error

IDENTIFICATIE_SOORT = "DOCUMENT"

# Metadata besides the required fields, as model field names.
OPTIONAL = frozenset(
    {
        "status",
        "link",
        "beschrijving",
        "ontvangstdatum",
        "verzenddatum",
        "indicatie_gebruiksrecht",
        "verschijningsvorm",
        "ondertekening_soort",
        "ondertekening_datum",
        "integriteit_algoritme",
        "integriteit_waarde",
        "integriteit_datum",
        "trefwoorden",
        "inhoud_is_vervallen",
    }
)
# What a change may touch: everything a client can send.
UPDATABLE = OPTIONAL | {
    "identificatie",
    "bronorganisatie",
    "creatiedatum",
    "titel",
    "vertrouwelijkheidaanduiding",
    "auteur",
    "formaat",
    "taal",
    "bestandsnaam",
    "informatieobjecttype",
    "inhoud",
    "bestandsomvang",
}
# drc-005: statuses of a document still being written, not of one received.
NOT_RECEIVED = (DocumentStatus.IN_BEWERKING, DocumentStatus.TER_VASTSTELLING)


def vertrouwelijkheid(informatieobjecttype: InformatieObjectType, given: str) -> str:
    """drc-007: the level the client gave, else the informatieobjecttype's."""
    return given or informatieobjecttype.vertrouwelijkheidaanduiding


@transaction.atomic
def create_document(
    *,
    actor: Actor,
    informatieobjecttype: InformatieObjectType,
    bronorganisatie: str,
    titel: str,
    auteur: str,
    taal: str,
    creatiedatum: date,
    inhoud: bytes | None = None,
    bestandsomvang: int | None = None,
    bestandsnaam: str = "",
    formaat: str = "",
    identificatie: str = "",
    vertrouwelijkheidaanduiding: str = "",
    **metadata,
) -> EnkelvoudigInformatieObject:
    """A new document (version 1). Give its content as ``inhoud`` (bytes, e.g. the
    PDF of a submitted form, with ``bestandsnaam`` and ``formaat``), or leave
    ``inhoud`` out and announce ``bestandsomvang``: the document then gets
    bestandsdelen to upload and is locked until the upload is complete
    (``document.informatieobject.lock`` holds the lock). ``metadata`` takes the
    other fields of the standard (``status``, ``beschrijving``, ``trefwoorden``, …)
    by their model names. Without ``identificatie`` one is generated, unique for
    the bronorganisatie (DOCUMENT-2026-0000000001)."""
    unknown = set(metadata) - OPTIONAL
    if unknown:
        raise TypeError(f"create_document() kent {', '.join(sorted(unknown))} niet")
    problems: dict[str, ValidationError] = {}
    _check_type(informatieobjecttype, problems)
    if metadata.get("indicatie_gebruiksrecht"):
        problems["indicatie_gebruiksrecht"] = _use_gebruiksrechten()
    document = InformatieObject.objects.create()
    version = EnkelvoudigInformatieObject(
        informatieobject=document,
        versie=1,
        laatste=True,
        begin_registratie=timezone.now(),
        informatieobjecttype=informatieobjecttype,
        bronorganisatie=bronorganisatie,
        identificatie=identificatie,
        titel=titel,
        auteur=auteur,
        taal=taal,
        creatiedatum=creatiedatum,
        bestandsnaam=bestandsnaam,
        formaat=formaat,
        vertrouwelijkheidaanduiding=vertrouwelijkheid(
            informatieobjecttype, vertrouwelijkheidaanduiding
        ),
        **metadata,
    )
    _check_bronorganisatie(version, problems)
    if identificatie:
        _check_identificatie(version, problems)
    _check_status(version, problems)
    data = _content(version, inhoud, bestandsomvang, problems)
    _raise(problems)
    if not version.identificatie:
        version.identificatie = _new_identificatie(version.bronorganisatie)
    _save(version, data)
    if _upload_expected(version):
        content.make_parts(document, version.bestandsomvang)
        document.lock = _new_lock()
        document.save(update_fields=["lock"])
    changed(version=version, actie="create", actor=actor, nieuw=state(version))
    return version


@transaction.atomic
def update_document(
    informatieobject: InformatieObject,
    *,
    actor: Actor,
    lock: str,
    actie: str = "partial_update",
    **changes,
) -> EnkelvoudigInformatieObject:
    """A new version with ``changes`` (model field names, as for
    :func:`create_document`); what is not changed, the file included, is copied
    from the latest version. Needs the document's ``lock`` (drc-009). ``inhoud``
    bytes replace the content; ``inhoud=None`` with a ``bestandsomvang`` starts an
    upload in bestandsdelen, completed by unlocking."""
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise TypeError(f"update_document() kent {', '.join(sorted(unknown))} niet")
    document = InformatieObject.objects.select_for_update().get(pk=informatieobject.pk)
    _check_lock(document, lock)
    previous = latest(document)
    oud = state(previous)
    version = latest(document)  # a second copy, saved as the new version
    version.pk = None
    version._state.adding = True
    version.versie = previous.versie + 1
    version.begin_registratie = timezone.now()
    problems: dict[str, ValidationError] = {}
    if "informatieobjecttype" in changes:
        _check_type(changes["informatieobjecttype"], problems)
    fields = {k: v for k, v in changes.items() if k not in ("inhoud", "bestandsomvang")}
    if changes.get("identificatie") == "":
        del fields["identificatie"]  # keeps the identificatie it has
    for name, value in fields.items():
        setattr(version, name, value)
    if "vertrouwelijkheidaanduiding" in changes:
        version.vertrouwelijkheidaanduiding = vertrouwelijkheid(
            version.informatieobjecttype, changes["vertrouwelijkheidaanduiding"]
        )
    if "bronorganisatie" in fields:
        _check_bronorganisatie(version, problems)
    if {"identificatie", "bronorganisatie"} & set(fields):
        _check_identificatie(version, problems)
    if "indicatie_gebruiksrecht" in changes:
        _check_indicatie(document, changes["indicatie_gebruiksrecht"], problems)
    _check_status(version, problems)
    data, new_content = None, _content_changes(previous, changes, problems)
    if new_content:
        data = _content(
            version, changes.get("inhoud"), changes.get("bestandsomvang"), problems
        )
    _raise(problems)
    EnkelvoudigInformatieObject.objects.filter(pk=previous.pk).update(laatste=False)
    _save(version, data)
    if new_content:
        content.discard_parts(document)
        if _upload_expected(version):
            content.make_parts(document, version.bestandsomvang)
    changed(version=version, actie=actie, actor=actor, oud=oud, nieuw=state(version))
    return version


@transaction.atomic
def lock_document(informatieobject: InformatieObject, *, actor: Actor) -> str:
    """Check the document out (drc-009): the unguessable lock that changing and
    unlocking it need."""
    document = InformatieObject.objects.select_for_update().get(pk=informatieobject.pk)
    if document.lock:
        raise ValidationError(
            "Dit document is al vergrendeld; wie het vergrendelde moet het eerst "
            "ontgrendelen.",
            code="existing-lock",
        )
    document.lock = _new_lock()
    document.save(update_fields=["lock"])
    changed(version=latest(document), actie="lock", actor=actor, notify=False)
    informatieobject.lock = document.lock
    return document.lock


@transaction.atomic
def unlock_document(
    informatieobject: InformatieObject,
    *,
    actor: Actor,
    lock: str = "",
    force: bool = False,
) -> None:
    """Check the document in. With the right ``lock``; or ``force`` (scope
    documenten.geforceerd-unlock, drc-009) without one. A finished upload in
    bestandsdelen becomes the latest version's file; an unfinished one is refused
    (``incomplete-upload``), or dropped when forced."""
    document = InformatieObject.objects.select_for_update().get(pk=informatieobject.pk)
    if not force and not secrets.compare_digest(lock, document.lock):
        raise ValidationError(
            "Het lock klopt niet; gebruik het lock dat het vergrendelen gaf.",
            code="incorrect-lock-id",
        )
    version = latest(document)
    oud = state(version)
    parts = list(document.bestandsdelen.order_by("volgnummer"))
    joined = bool(parts) and all(part.voltooid for part in parts)
    if parts and not joined and not force:
        missing = ", ".join(str(p.volgnummer) for p in parts if not p.voltooid)
        raise ValidationError(
            f"De upload is nog niet compleet: bestandsdelen {missing} ontbreken nog.",
            code="incomplete-upload",
        )
    if joined:
        content.join_parts(version, parts)
    elif parts:
        version.bestandsomvang = None  # the upload was abandoned
    if parts:
        version.save(update_fields=["inhoud", "bestandsomvang"])
        content.discard_parts(document)
    document.lock = ""
    document.save(update_fields=["lock"])
    informatieobject.lock = ""
    nieuw = state(version)
    changed(
        version=version,
        actie="unlock",
        actor=actor,
        oud=oud,
        nieuw=nieuw,
        notify=False,
    )
    if parts:  # the content arrived (or the upload was given up): subscribers hear
        announce(version, actie="update")


@transaction.atomic
def upload_part(part: BestandsDeel, *, lock: str, inhoud: File) -> BestandsDeel:
    """Store one part of an upload in bestandsdelen, for the holder of the lock;
    its size must be the part's ``omvang``. Unlocking joins the parts."""
    document = InformatieObject.objects.select_for_update().get(
        pk=part.informatieobject_id
    )
    _check_lock(document, lock)
    content.store_part(part, inhoud)
    return part


@transaction.atomic
def delete_document(informatieobject: InformatieObject, *, actor: Actor) -> None:
    """Destroy a document for real (drc-008): every version and its file, its
    bestandsdelen, gebruiksrechten, verzendingen and audit trail. Refused while
    it belongs to a zaak or besluit."""
    document = InformatieObject.objects.select_for_update().get(pk=informatieobject.pk)
    if (
        document.objecten.exists()
        or document.zaakinformatieobjecten.exists()
        or document.besluitinformatieobjecten.exists()
    ):
        raise ValidationError(
            "Dit document hoort nog bij een zaak of besluit. Haal het daar eerst "
            "weg (zaakinformatieobject of besluitinformatieobject); daarna kan het "
            "verwijderd worden.",
            code="pending-relations",
        )
    version = latest(document)
    content.delete_on_commit(
        [
            *document.versies.values_list("inhoud", flat=True),
            *document.bestandsdelen.values_list("inhoud", flat=True),
        ]
    )
    registers.delete_trail(BRON, document.uuid)
    announce(version, actie="destroy")
    document.delete()


# -- rules -----------------------------------------------------------------------------


def _check_type(iotype: InformatieObjectType, problems: dict) -> None:
    """drc-001: a published informatieobjecttype (that it exists in this
    installation's Catalogi API, the API checks when it reads the URL)."""
    if iotype.concept:
        problems["informatieobjecttype"] = ValidationError(
            "Dit informatieobjecttype is nog niet gepubliceerd; publiceer het eerst "
            "in de catalogus.",
            code="not-published",
        )


def _check_bronorganisatie(version: EnkelvoudigInformatieObject, problems) -> None:
    error = rsin_error(version.bronorganisatie)
    if error is not None:
        problems["bronorganisatie"] = error


def _check_identificatie(version: EnkelvoudigInformatieObject, problems) -> None:
    taken = (
        EnkelvoudigInformatieObject.objects.filter(
            bronorganisatie=version.bronorganisatie,
            identificatie=version.identificatie,
        )
        .exclude(informatieobject=version.informatieobject_id)
        .exists()
    )
    if taken:
        problems["identificatie"] = ValidationError(
            f"De identificatie {version.identificatie!r} is al in gebruik bij een "
            "ander document van deze bronorganisatie.",
            code="identificatie-niet-uniek",
        )


def _check_status(version: EnkelvoudigInformatieObject, problems) -> None:
    """drc-005: a received document is not being written any more."""
    if version.ontvangstdatum and version.status in NOT_RECEIVED:
        problems["status"] = ValidationError(
            "Een ontvangen document (met ontvangstdatum) kan niet de status 'in "
            "bewerking' of 'ter vaststelling' hebben. Laat de ontvangstdatum leeg "
            "of kies een andere status.",
            code="invalid_for_received",
        )


def _check_indicatie(document: InformatieObject, indicatie, problems) -> None:
    """drc-006: the indicatie follows the gebruiksrechten, not the client."""
    has_rights = document.gebruiksrechten.exists()
    if indicatie and not has_rights:
        problems["indicatie_gebruiksrecht"] = _use_gebruiksrechten()
    elif not indicatie and has_rights:
        problems["indicatie_gebruiksrecht"] = ValidationError(
            "Dit document heeft gebruiksrechten; de indicatie blijft dan 'ja'. "
            "Verwijder eerst de gebruiksrechten.",
            code="existing-gebruiksrechten",
        )


def _use_gebruiksrechten() -> ValidationError:
    return ValidationError(
        "De indicatie wordt 'ja' door gebruiksrechten aan te maken "
        "(/gebruiksrechten), niet door haar hier te zetten.",
        code="missing-gebruiksrechten",
    )


def _check_lock(document: InformatieObject, lock: str) -> None:
    """drc-009, drc-010: only the holder of the lock changes a document."""
    if not document.lock:
        raise ValidationError(
            "Dit document is niet vergrendeld. Vergrendel het eerst (/lock) en "
            "stuur het lock mee.",
            code="unlocked",
        )
    if not lock:
        raise ValidationError(
            "Stuur het lock van het document mee (veld lock).",
            code="missing-lock-id",
        )
    if not secrets.compare_digest(lock, document.lock):
        raise ValidationError(
            "Het lock klopt niet; gebruik het lock dat het vergrendelen gaf.",
            code="incorrect-lock-id",
        )


def _content_changes(previous, changes: dict, problems) -> bool:
    """Does this change replace the content? A new bestandsomvang alone only
    fits a document whose content has not arrived yet."""
    if "inhoud" in changes:
        return True
    if changes.get("bestandsomvang", previous.bestandsomvang) == (
        previous.bestandsomvang
    ):
        return False
    if previous.inhoud:
        problems["bestandsomvang"] = ValidationError(
            "De bestandsomvang hoort bij de inhoud; stuur de nieuwe inhoud mee, of "
            "inhoud null om in bestandsdelen te uploaden.",
            code="file-size",
        )
    return True


def _content(version, inhoud: bytes | None, bestandsomvang, problems) -> bytes | None:
    """Set the version's content fields; the bytes to store, if any."""
    version.inhoud = ""
    if inhoud is None:
        version.bestandsomvang = bestandsomvang
    else:
        if bestandsomvang is not None and bestandsomvang != len(inhoud):
            problems["bestandsomvang"] = ValidationError(
                f"De bestandsomvang ({bestandsomvang}) is niet de grootte van de "
                f"inhoud ({len(inhoud)} bytes).",
                code="file-size",
            )
        version.bestandsomvang = len(inhoud)
        try:
            content.refuse_executable(inhoud[: content.HEAD])
        except ValidationError as error:
            problems.update(error.error_dict)
    too_large = content.size_problem(version.bestandsomvang)
    if too_large:
        problems["bestandsomvang" if inhoud is None else "inhoud"] = too_large
    return inhoud


def _upload_expected(version: EnkelvoudigInformatieObject) -> bool:
    return not version.inhoud and bool(version.bestandsomvang)


def _raise(problems: dict) -> None:
    if problems:
        raise ValidationError(problems)


def _save(version: EnkelvoudigInformatieObject, data: bytes | None) -> None:
    version.full_clean(exclude=["inhoud"], validate_constraints=False)
    if data is not None:
        content.store(version, data)
    version.save()


def _new_identificatie(bronorganisatie: str) -> str:
    return registers.next_identificatie(
        IDENTIFICATIE_SOORT,
        bronorganisatie,
        timezone.localdate().year,
        taken=lambda candidate: EnkelvoudigInformatieObject.objects.filter(
            bronorganisatie=bronorganisatie, identificatie=candidate
        ).exists(),
    )


def _new_lock() -> str:
    return secrets.token_hex(16)
