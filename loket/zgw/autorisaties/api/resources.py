"""The Autorisaties API 1.0.0: applicaties with their client ids and autorisaties."""

from __future__ import annotations

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.references import uuid_from_url
from loket.zgw.api.views import Call, Resource, paginate
from loket.zgw.autorisaties import selectors, services
from loket.zgw.autorisaties.models import Applicatie
from loket.zgw.autorisaties.services import AutorisatieSpec
from loket.zgw.catalogi.models import BesluitType, InformatieObjectType, ZaakType

_TYPE_FIELDS = {
    "zaaktype": (ZaakType, "/zaaktypen"),
    "informatieobjecttype": (InformatieObjectType, "/informatieobjecttypen"),
    "besluittype": (BesluitType, "/besluittypen"),
}


def applicatie_dict(call: Call, applicatie: Applicatie) -> dict:
    catalogi = call.root_of(apis.CATALOGI)
    return {
        "url": call.url("/applicaties", applicatie.uuid),
        "clientIds": [c.client_id for c in applicatie.clients.all()],
        "label": applicatie.label,
        "heeftAlleAutorisaties": applicatie.heeft_alle_autorisaties,
        "autorisaties": [
            _autorisatie_dict(a, catalogi) for a in applicatie.autorisaties.all()
        ],
    }


def _autorisatie_dict(autorisatie, catalogi_root: str) -> dict:
    data = {
        "component": autorisatie.component,
        "componentWeergave": autorisatie.get_component_display(),
        "scopes": list(autorisatie.scopes),
    }
    for name, (_, path) in _TYPE_FIELDS.items():
        related = getattr(autorisatie, name)
        if related is not None:
            data[name] = f"{catalogi_root}{path}/{related.uuid}"
    if autorisatie.max_vertrouwelijkheidaanduiding:
        data["maxVertrouwelijkheidaanduiding"] = (
            autorisatie.max_vertrouwelijkheidaanduiding
        )
    return data


class ApplicatieResource(Resource):
    api = apis.AUTORISATIES
    path = "/applicaties"
    field_names = {"client_ids": "clientIds", "label": "label"}

    def _get(self, uuid) -> Applicatie:
        applicatie = selectors.applicaties().filter(uuid=uuid).first()
        if applicatie is None:
            raise errors.not_found()
        return applicatie

    def list(self, call: Call):
        queryset = selectors.applicaties().order_by("label", "pk")
        client_ids = [c for c in (call.params.get("clientIds") or "").split(",") if c]
        if client_ids:
            queryset = queryset.filter(clients__client_id__in=client_ids).distinct()
        return paginate(
            call, queryset, lambda page: [applicatie_dict(call, a) for a in page]
        )

    def retrieve(self, call: Call, uuid):
        return applicatie_dict(call, self._get(uuid))

    def create(self, call: Call):
        body = call.body
        applicatie = services.create_applicatie(
            label=body["label"],
            client_ids=body["clientIds"],
            heeft_alle_autorisaties=body.get("heeftAlleAutorisaties", False),
            autorisaties=self._autorisaties(body.get("autorisaties", [])),
        )
        return applicatie_dict(call, self._get(applicatie.uuid))

    def update(self, call: Call, uuid):
        body = call.body
        applicatie = services.update_applicatie(
            self._get(uuid),
            label=body["label"],
            client_ids=body["clientIds"],
            heeft_alle_autorisaties=body.get("heeftAlleAutorisaties", False),
            autorisaties=self._autorisaties(body.get("autorisaties", [])),
        )
        return applicatie_dict(call, self._get(applicatie.uuid))

    def partial_update(self, call: Call, uuid):
        body = call.body
        applicatie = services.update_applicatie(
            self._get(uuid),
            label=body.get("label"),
            client_ids=body.get("clientIds"),
            heeft_alle_autorisaties=body.get("heeftAlleAutorisaties"),
            autorisaties=(
                self._autorisaties(body["autorisaties"])
                if "autorisaties" in body
                else None
            ),
            actie="partial_update",
        )
        return applicatie_dict(call, self._get(applicatie.uuid))

    def destroy(self, call: Call, uuid):
        services.delete_applicatie(self._get(uuid))

    def _autorisaties(self, items: list[dict]) -> list[AutorisatieSpec]:
        specs, problems = [], []
        for index, item in enumerate(items):
            spec = AutorisatieSpec(
                component=item["component"],
                scopes=item["scopes"],
                max_vertrouwelijkheidaanduiding=item.get(
                    "maxVertrouwelijkheidaanduiding", ""
                ),
            )
            for name, (model, path) in _TYPE_FIELDS.items():
                url = item.get(name)
                if not url:
                    continue
                object_uuid = uuid_from_url(url, apis.CATALOGI, path)
                found = (
                    model.objects.filter(uuid=object_uuid).first()
                    if object_uuid
                    else None
                )
                if found is None:
                    problems.append(
                        errors.InvalidParam(
                            f"autorisaties.{index}.{name}",
                            "bad-url",
                            f"De URL {url} verwijst niet naar een {name} in deze "
                            "installatie.",
                        )
                    )
                setattr(spec, name, found)
            specs.append(spec)
        if problems:
            raise errors.invalid(problems)
        return specs


class ConsumerResource(Resource):
    """GET /applicaties/consumer?clientId=…: the application of one client id."""

    api = apis.AUTORISATIES
    path = "/applicaties/consumer"

    @classmethod
    def urls(cls) -> list:
        from django.urls import path as url_path

        resource = cls()
        return [
            url_path(
                "applicaties/consumer",
                resource.view(cls.path),
                name="applicaties-consumer",
            )
        ]

    def handler_for(self, method, spec_path, action):
        return self.consumer if method == "get" else None

    def consumer(self, call: Call):
        client_id = call.params.get("clientId")
        if not client_id:
            raise errors.field_error("clientId", "required", "Dit veld is vereist.")
        applicatie = (
            selectors.applicaties().filter(clients__client_id=client_id).first()
        )
        if applicatie is None:
            raise errors.not_found(f"Geen applicatie met client-id {client_id!r}.")
        return [applicatie_dict(call, applicatie)]
