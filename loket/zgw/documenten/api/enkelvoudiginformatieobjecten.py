"""``/enkelvoudiginformatieobjecten``: documents with their versions, content, lock
and audit trail; and ``/bestandsdelen``, the parts of a large upload."""

import base64
import binascii
from datetime import date

from django.conf import settings
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.http import FileResponse

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource, paginate
from loket.zgw.catalogi.models import InformatieObjectType
from loket.zgw.documenten import selectors, services
from loket.zgw.documenten.api import common
from loket.zgw.documenten.models import BestandsDeel
from loket.zgw.documenten.representation import bestandsdeel_dict
from loket.zgw.registers.api import AuditTrailResource, RecordedStates

# API name → model field, for what needs no translation beyond the name.
PLAIN = {
    "identificatie": "identificatie",
    "bronorganisatie": "bronorganisatie",
    "titel": "titel",
    "vertrouwelijkheidaanduiding": "vertrouwelijkheidaanduiding",
    "auteur": "auteur",
    "status": "status",
    "formaat": "formaat",
    "taal": "taal",
    "bestandsnaam": "bestandsnaam",
    "bestandsomvang": "bestandsomvang",
    "link": "link",
    "beschrijving": "beschrijving",
    "indicatieGebruiksrecht": "indicatie_gebruiksrecht",
    "verschijningsvorm": "verschijningsvorm",
    "trefwoorden": "trefwoorden",
    "inhoudIsVervallen": "inhoud_is_vervallen",
}
DATES = {
    "creatiedatum": "creatiedatum",
    "ontvangstdatum": "ontvangstdatum",
    "verzenddatum": "verzenddatum",
}
GROUPS = {
    "ondertekening": {"soort": "ondertekening_soort", "datum": "ondertekening_datum"},
    "integriteit": {
        "algoritme": "integriteit_algoritme",
        "waarde": "integriteit_waarde",
        "datum": "integriteit_datum",
    },
}
FIELD_NAMES = {
    **{model: api for api, model in PLAIN.items()},
    **{model: api for api, model in DATES.items()},
    **{
        model: f"{group}.{api}"
        for group, fields in GROUPS.items()
        for api, model in fields.items()
    },
}
UPDATE_SCOPES = ("documenten.bijwerken", "documenten.geforceerd-bijwerken")
EXPAND = ("informatieobjecttype",)


def document_fields(body: dict) -> dict:
    """The body's metadata as model fields (not the type, content or lock)."""
    fields = {model: body[api] for api, model in PLAIN.items() if api in body}
    for api, model in DATES.items():
        if api in body:
            fields[model] = date.fromisoformat(body[api]) if body[api] else None
    for group, names in GROUPS.items():
        if group in body:
            values = body[group] or {}
            for api, model in names.items():
                value = values.get(api)
                if model.endswith("_datum"):
                    fields[model] = date.fromisoformat(value) if value else None
                else:
                    fields[model] = value or ""
    return fields


def decode(value: str | None) -> bytes | None:
    """``inhoud`` in base64, as bytes."""
    if value is None:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error as error:
        padding = "padding" in str(error)
        raise errors.field_error(
            "inhoud",
            "incorrect-base64-padding" if padding else "invalid-base64",
            "De inhoud is geen geldige base64"
            + (" (de opvulling met '=' klopt niet)." if padding else "."),
        ) from None


class EnkelvoudigInformatieObjectResource(Resource):
    api = apis.DOCUMENTEN
    path = "/enkelvoudiginformatieobjecten"
    actions = ("download", "lock", "unlock")
    collection_actions = {"_zoek": "search"}
    field_names = FIELD_NAMES
    too_large_hint = (
        "Stuur een groot bestand in bestandsdelen: maak het document aan (of werk "
        "het bij) met inhoud null en de bestandsomvang, en upload de delen naar de "
        "URL's in bestandsdelen."
    )

    def body_limit(self) -> int:
        return settings.DOCUMENTEN_MAX_JSON_SIZE

    # -- reading -----------------------------------------------------------------------

    def list(self, call: Call):
        expand = common.expansions(call, EXPAND)
        queryset = selectors.documents_for(call.client)
        for name in ("identificatie", "bronorganisatie"):
            if call.params.get(name):
                queryset = queryset.filter(**{name: call.params[name]})
        words = [w.strip() for w in call.params.get("trefwoorden", "").split(",")]
        if any(words):
            any_word = Q()
            for word in filter(None, words):
                any_word |= Q(_trefwoorden__contains=f'"{word}"')
            queryset = queryset.annotate(
                _trefwoorden=Cast("trefwoorden", TextField())
            ).filter(any_word)
        return paginate(
            call,
            queryset,
            lambda page: common.document_dicts(call, page, expand),
            unfiltered_count=lambda: selectors.documents_count(call.client),
            narrow=True,
        )

    def search(self, call: Call):
        expand = common.expansions(call, EXPAND, raw=call.body.get("expand"))
        queryset = selectors.versions_by_uuid(call.client, call.body["uuid_In"])
        return paginate(
            call, queryset, lambda page: common.document_dicts(call, page, expand)
        )

    def retrieve(self, call: Call, uuid):
        version = self._version(call, uuid)
        expand = common.expansions(call, EXPAND)
        return common.document_dicts(call, [version], expand)[0]

    def _version(self, call: Call, uuid):
        """The version asked for (``versie``, ``registratieOp``; else the latest),
        of a document the client may read, also in that version."""
        document, latest = common.readable(call, uuid)
        versie = call.params.get("versie")
        moment = common.moment(call, "registratieOp")
        if versie is None and moment is None:
            return latest
        version = selectors.version_of(document, versie=versie, registratie_op=moment)
        if version is None:
            raise errors.not_found("Dit document heeft geen versie die hierbij past.")
        common.require(call, selectors.READ, version)
        return version

    def download(self, call: Call, uuid):
        version = self._version(call, uuid)
        if not version.inhoud:
            raise errors.not_found(
                "Deze versie van het document heeft (nog) geen inhoud."
            )
        return FileResponse(
            version.inhoud.open("rb"),
            as_attachment=True,
            filename=version.bestandsnaam or str(uuid),
            content_type="application/octet-stream",
        )

    # -- writing -----------------------------------------------------------------------

    def create(self, call: Call):
        body = call.body
        refs = common.References(call)
        iotype = refs.informatieobjecttype(body["informatieobjecttype"])
        refs.check()
        level = services.vertrouwelijkheid(
            iotype, body.get("vertrouwelijkheidaanduiding", "")
        )
        common.require_type(call, "documenten.aanmaken", iotype.pk, level)
        version = services.create_document(
            actor=common.actor(call),
            informatieobjecttype=iotype,
            inhoud=decode(body.get("inhoud")),
            **document_fields(body),
        )
        data = self._fresh(call, version.informatieobject)
        if version.informatieobject.lock:
            # Created for an upload in bestandsdelen: the lock to send them with.
            data["lock"] = version.informatieobject.lock
        return data

    def update(self, call: Call, uuid):
        return self._change(call, uuid, "update")

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid, "partial_update")

    def _change(self, call: Call, uuid, actie: str):
        document, latest = common.readable(call, uuid, UPDATE_SCOPES)
        body = call.body
        changes = document_fields(body)
        iotype = latest.informatieobjecttype
        if "informatieobjecttype" in body:
            refs = common.References(call)
            iotype = refs.informatieobjecttype(body["informatieobjecttype"])
            refs.check()
            changes["informatieobjecttype"] = iotype
        level = latest.vertrouwelijkheidaanduiding
        if "vertrouwelijkheidaanduiding" in body:
            level = services.vertrouwelijkheid(
                iotype, body["vertrouwelijkheidaanduiding"]
            )
        # The client must be allowed the document as it is and as it will be.
        common.require_type(call, UPDATE_SCOPES, iotype.pk, level)
        if "inhoud" in body:
            changes["inhoud"] = decode(body["inhoud"])
        services.update_document(
            document,
            actor=common.actor(call),
            lock=body.get("lock", ""),
            actie=actie,
            **changes,
        )
        return self._fresh(call, document)

    def destroy(self, call: Call, uuid):
        document, _ = common.readable(call, uuid, "documenten.verwijderen")
        services.delete_document(document, actor=common.actor(call))

    def lock(self, call: Call, uuid):
        document, _ = common.readable(call, uuid, "documenten.lock")
        return {"lock": services.lock_document(document, actor=common.actor(call))}

    def unlock(self, call: Call, uuid):
        document = common.document(uuid)
        latest = selectors.latest_version(document)
        may_force = selectors.may(call.client, "documenten.geforceerd-unlock", latest)
        if not may_force:
            common.require(call, "documenten.lock", latest)
        lock = call.body.get("lock", "")
        services.unlock_document(
            document,
            actor=common.actor(call),
            lock=lock,
            force=may_force and not lock,
        )

    def _fresh(self, call: Call, document) -> dict:
        version = selectors.latest_version(document)
        return common.document_dicts(call, [version], set())[0]


class DocumentAuditTrailResource(AuditTrailResource):
    api = apis.DOCUMENTEN
    path = (
        "/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail"
    )
    bron = "drc"
    parent_kwarg = "enkelvoudiginformatieobject_uuid"
    states = RecordedStates(
        "enkelvoudiginformatieobject",
        "informatieobjecttype",
        InformatieObjectType,
        "/informatieobjecttypen",
    )

    def check_parent(self, call: Call, parent_uuid) -> bool:
        document = selectors.document_by_uuid(parent_uuid)
        if document is None:
            return False
        common.require(call, "audittrails.lezen", selectors.latest_version(document))
        return True


class BestandsDeelResource(Resource):
    """``PUT /bestandsdelen/{uuid}``: one part of a large file, as multipart form
    data with the document's ``lock``."""

    api = apis.DOCUMENTEN
    path = "/bestandsdelen"

    def body_limit(self) -> int:
        # One part, plus the multipart envelope and the lock around it.
        return settings.DOCUMENTEN_PART_SIZE + 64 * 1024

    def update(self, call: Call, uuid):
        part = (
            BestandsDeel.objects.select_related("informatieobject")
            .filter(uuid=uuid)
            .first()
        )
        if part is None:
            raise errors.not_found("Er is geen bestandsdeel met deze UUID.")
        common.require(
            call,
            "documenten.bijwerken",
            selectors.latest_version(part.informatieobject),
        )
        lock = call.body.get("lock") or ""
        upload = call.files.get("inhoud")
        problems = []
        if not lock:
            problems.append(
                errors.InvalidParam("lock", "required", "Dit veld is vereist.")
            )
        if upload is None:
            problems.append(
                errors.InvalidParam(
                    "inhoud",
                    "required",
                    "Stuur het bestandsdeel als bestand in het veld inhoud "
                    "(multipart/form-data).",
                )
            )
        if problems:
            raise errors.invalid(problems)
        services.upload_part(part, lock=lock, inhoud=upload)
        return bestandsdeel_dict(call.urls, part, lock=lock)
