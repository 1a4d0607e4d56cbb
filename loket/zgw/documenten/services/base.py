"""What every Documenten service does beside its write: the audit trail entry
under the document and the notificatie on the kanaal ``documenten``, in the same
transaction."""

from django.core.exceptions import ValidationError

from loket.zgw import apis
from loket.zgw.api.references import Urls
from loket.zgw.documenten import representation
from loket.zgw.documenten.models import EnkelvoudigInformatieObject, InformatieObject
from loket.zgw.notificaties import services as notificaties
from loket.zgw.registers import services as registers
from loket.zgw.registers.services import Actor, Subject

BRON = "drc"
KANAAL = "documenten"
RESOURCE = "enkelvoudiginformatieobject"


def urls() -> Urls:
    return Urls.base()


def latest(informatieobject: InformatieObject) -> EnkelvoudigInformatieObject:
    return EnkelvoudigInformatieObject.objects.select_related(
        "informatieobject", "informatieobjecttype"
    ).get(informatieobject=informatieobject, laatste=True)


def document_subject(version: EnkelvoudigInformatieObject) -> Subject:
    return Subject(
        representation.DOCUMENTEN,
        version.informatieobject.uuid,
        RESOURCE,
        version.titel,
    )


def state(version: EnkelvoudigInformatieObject) -> dict:
    """The version as the API shows it now (for the audit trail)."""
    return representation.informatieobject_dicts(urls(), [version])[0]


def changed(
    *,
    version: EnkelvoudigInformatieObject,
    actie: str,
    actor: Actor,
    subject: Subject | None = None,
    oud: dict | None = None,
    nieuw: dict | None = None,
    notify: bool = True,
) -> None:
    """Record a change to ``subject`` (the document itself when None, or what
    hangs on it) in the document's audit trail, and announce it to subscribers
    with the kenmerken of the document's latest version."""
    document = document_subject(version)
    subject = subject or document
    registers.record(
        bron=BRON,
        actie=actie,
        actor=actor,
        hoofd_object=document,
        subject=subject,
        oud=oud,
        nieuw=nieuw,
    )
    if notify:
        announce(version, actie=actie, resource=subject.resource, subject=subject)


def announce(
    version: EnkelvoudigInformatieObject,
    *,
    actie: str,
    resource: str = RESOURCE,
    subject: Subject | None = None,
) -> None:
    """The notificatie of a change, without an audit trail entry (for the
    destruction of a document, whose trail goes with it)."""
    base = urls()
    subject = subject or document_subject(version)
    notificaties.publish(
        kanaal=KANAAL,
        hoofd_object=representation.document_url(base, version.informatieobject.uuid),
        resource=resource,
        resource_url=base(apis.DOCUMENTEN, subject.pad, subject.uuid),
        actie=actie,
        kenmerken={
            "bronorganisatie": version.bronorganisatie,
            "informatieobjecttype": representation.informatieobjecttype_url(
                base, version.informatieobjecttype.uuid
            ),
            "vertrouwelijkheidaanduiding": version.vertrouwelijkheidaanduiding,
        },
    )


def invalid(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})
