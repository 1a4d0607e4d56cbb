"""The Referentielijsten API 0.6.0 (read-only): the Selectielijst and the generic
lists that the Catalogi API refers to."""

from __future__ import annotations

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.references import uuid_from_url
from loket.zgw.api.views import Call, Resource, paginate
from loket.zgw.referentielijsten.models import (
    TAAKGEBIEDEN,
    Communicatiekanaal,
    ProcesType,
    Resultaat,
    ResultaattypeOmschrijving,
)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


class ReadOnly(Resource):
    api = apis.REFERENTIELIJSTEN
    model = None

    def _get(self, uuid):
        obj = self.queryset().filter(uuid=uuid).first()
        if obj is None:
            raise errors.not_found()
        return obj

    def queryset(self):
        return self.model.objects.all()

    def retrieve(self, call: Call, uuid):
        return self.as_dict(call, self._get(uuid))


class ProcesTypeResource(ReadOnly):
    path = "/procestypen"
    model = ProcesType

    def as_dict(self, call, p: ProcesType) -> dict:
        return {
            "url": call.url(self.path, p.uuid),
            "nummer": p.nummer,
            "jaar": p.jaar,
            "naam": p.naam,
            "omschrijving": p.omschrijving,
            "toelichting": p.toelichting,
            "procesobject": p.procesobject,
        }

    def list(self, call: Call):
        queryset = self.queryset()
        if "jaar" in call.params:
            jaar = call.params["jaar"].strip()
            if not jaar.isdigit():
                raise errors.invalid(
                    [errors.InvalidParam("jaar", "invalid", "Geef een jaartal.")]
                )
            queryset = queryset.filter(jaar=int(jaar))
        return [self.as_dict(call, p) for p in queryset]


class ResultaatResource(ReadOnly):
    path = "/resultaten"
    model = Resultaat

    def queryset(self):
        return Resultaat.objects.select_related("proces_type", "generiek_resultaat")

    def as_dict(self, call, r: Resultaat) -> dict:
        return {
            "url": call.url(self.path, r.uuid),
            "procesType": call.url("/procestypen", r.proces_type.uuid),
            "nummer": r.nummer,
            "volledigNummer": r.volledig_nummer,
            "generiek": r.generiek_resultaat_id is None,
            "specifiek": r.generiek_resultaat_id is not None,
            "naam": r.naam,
            "omschrijving": r.omschrijving,
            "herkomst": r.herkomst,
            "waardering": r.waardering,
            "procestermijn": r.procestermijn,
            "procestermijnWeergave": r.get_procestermijn_display()
            if r.procestermijn
            else "",
            "bewaartermijn": r.bewaartermijn or None,
            "toelichting": r.toelichting,
            **{_camel(name): getattr(r, name) for name in TAAKGEBIEDEN},
            "procestermijnOpmerking": r.procestermijn_opmerking,
        }

    def list(self, call: Call):
        queryset = self.queryset()
        if call.params.get("proces_type"):
            object_uuid = uuid_from_url(
                call.params["proces_type"], self.api, "/procestypen"
            )
            queryset = (
                queryset.filter(proces_type__uuid=object_uuid)
                if object_uuid
                else queryset.none()
            )
        return paginate(
            call, queryset, lambda page: [self.as_dict(call, r) for r in page]
        )


class ResultaattypeOmschrijvingResource(ReadOnly):
    path = "/resultaattypeomschrijvingen"
    model = ResultaattypeOmschrijving

    def as_dict(self, call, o) -> dict:
        return {
            "url": call.url(self.path, o.uuid),
            "omschrijving": o.omschrijving,
            "definitie": o.definitie,
            "opmerking": o.opmerking,
        }

    def list(self, call: Call):
        return [self.as_dict(call, o) for o in self.queryset()]


class CommunicatiekanaalResource(ReadOnly):
    path = "/communicatiekanalen"
    model = Communicatiekanaal

    def as_dict(self, call, k) -> dict:
        return {
            "url": call.url(self.path, k.uuid),
            "naam": k.naam,
            "omschrijving": k.omschrijving,
        }

    def list(self, call: Call):
        return paginate(
            call, self.queryset(), lambda page: [self.as_dict(call, k) for k in page]
        )


RESOURCES = [
    ProcesTypeResource,
    ResultaatResource,
    ResultaattypeOmschrijvingResource,
    CommunicatiekanaalResource,
]
