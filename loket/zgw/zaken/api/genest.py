"""Resources below one zaak's path: ``/zaken/{zaak_uuid}/zaakeigenschappen``,
``/zaken/{zaak_uuid}/besluiten`` and ``/zaken/{zaak_uuid}/audittrail``."""

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource, Result
from loket.zgw.catalogi.models import Eigenschap, ZaakType
from loket.zgw.registers.api import AuditTrailResource, RecordedStates
from loket.zgw.zaken import models, representation, services
from loket.zgw.zaken.api import common


def _parent(call: Call, zaak_uuid, *, for_write: bool = False):
    """The zaak in the path. These collections document no 404: a zaak that does
    not exist has nothing below it to list (None), and cannot get anything (400)."""
    zaak = models.Zaak.objects.select_related("zaaktype").filter(uuid=zaak_uuid).first()
    if zaak is None:
        if for_write:
            raise errors.field_error(
                "zaak", "does_not_exist", "Er is geen zaak met deze UUID."
            )
        return None
    common.require_read(call, zaak)
    return zaak


def _zaak_in_body(call: Call, zaak) -> None:
    """A body that names a zaak must name the one in the path."""
    value = (call.body or {}).get("zaak")
    if value and representation.zaak_url(call.urls, zaak.uuid) != value:
        refs = common.References(call)
        other = refs.zaak(value)
        refs.check()
        if other is not None and other.pk != zaak.pk:
            raise errors.field_error(
                "zaak",
                "zaak-mismatch",
                "De zaak in het bericht is niet de zaak in het pad.",
            )


class ZaakEigenschapResource(Resource):
    api = apis.ZAKEN
    path = "/zaken/{zaak_uuid}/zaakeigenschappen"

    def _queryset(self, zaak):
        return (
            models.ZaakEigenschap.objects.filter(zaak=zaak)
            .select_related("zaak", "eigenschap")
            .order_by("pk")
        )

    def _get(self, call: Call, zaak_uuid, uuid):
        zaak = common.get_zaak(call, zaak_uuid)
        found = self._queryset(zaak).filter(uuid=uuid).first()
        if found is None:
            raise errors.not_found()
        return found

    def _dict(self, call: Call, obj) -> dict:
        return representation.zaakeigenschap_dict(call.urls, obj)

    def list(self, call: Call, zaak_uuid):
        zaak = _parent(call, zaak_uuid)
        if zaak is None:
            return []
        return [self._dict(call, obj) for obj in self._queryset(zaak)]

    def retrieve(self, call: Call, zaak_uuid, uuid):
        return self._dict(call, self._get(call, zaak_uuid, uuid))

    def create(self, call: Call, zaak_uuid):
        zaak = _parent(call, zaak_uuid, for_write=True)
        common.require_write(call, zaak)
        _zaak_in_body(call, zaak)
        refs = common.References(call)
        eigenschap = refs.one(
            call.body.get("eigenschap"),
            "eigenschap",
            Eigenschap,
            apis.CATALOGI,
            "/eigenschappen",
            required=True,
        )
        refs.check()
        zaakeigenschap = services.add_zaakeigenschap(
            zaak,
            actor=common.actor(call),
            eigenschap=eigenschap,
            waarde=call.body["waarde"],
        )
        return self._dict(call, zaakeigenschap)

    def update(self, call: Call, zaak_uuid, uuid):
        return self._change(call, zaak_uuid, uuid, partial=False)

    def partial_update(self, call: Call, zaak_uuid, uuid):
        return self._change(call, zaak_uuid, uuid, partial=True)

    def _change(self, call: Call, zaak_uuid, uuid, *, partial):
        zaakeigenschap = self._get(call, zaak_uuid, uuid)
        common.require_write(call, zaakeigenschap.zaak)
        _zaak_in_body(call, zaakeigenschap.zaak)
        refs = common.References(call)
        eigenschap = refs.one(
            call.body.get("eigenschap"),
            "eigenschap",
            Eigenschap,
            apis.CATALOGI,
            "/eigenschappen",
        )
        refs.check()
        services.update_zaakeigenschap(
            zaakeigenschap,
            actor=common.actor(call),
            waarde=call.body.get("waarde", zaakeigenschap.waarde),
            eigenschap=eigenschap,
            partial=partial,
        )
        return self._dict(call, zaakeigenschap)

    def destroy(self, call: Call, zaak_uuid, uuid):
        zaakeigenschap = self._get(call, zaak_uuid, uuid)
        common.require_write(call, zaakeigenschap.zaak)
        services.delete_zaakeigenschap(zaakeigenschap, actor=common.actor(call))
        return Result(None)


class ZaakBesluitResource(Resource):
    """A zaakbesluit is a besluit's link to this zaak, kept by the Besluiten API
    (brc-006); here it is read, and its creation or removal confirmed."""

    api = apis.ZAKEN
    path = "/zaken/{zaak_uuid}/besluiten"

    def _besluiten(self, zaak):
        from loket.zgw.besluiten.selectors import besluiten_of_zaak

        return besluiten_of_zaak(zaak).order_by("pk")

    def list(self, call: Call, zaak_uuid):
        zaak = _parent(call, zaak_uuid)
        if zaak is None:
            return []
        return [
            representation.zaakbesluit_dict(call.urls, zaak, besluit)
            for besluit in self._besluiten(zaak)
        ]

    def retrieve(self, call: Call, zaak_uuid, uuid):
        zaak = common.get_zaak(call, zaak_uuid)
        besluit = self._besluiten(zaak).filter(uuid=uuid).first()
        if besluit is None:
            raise errors.not_found()
        return representation.zaakbesluit_dict(call.urls, zaak, besluit)

    def create(self, call: Call, zaak_uuid):
        from loket.zgw.besluiten.models import Besluit

        zaak = _parent(call, zaak_uuid, for_write=True)
        common.require_write(call, zaak)
        refs = common.References(call)
        besluit = refs.one(
            call.body.get("besluit"),
            "besluit",
            Besluit,
            apis.BESLUITEN,
            "/besluiten",
            required=True,
        )
        refs.check()
        if besluit.zaak_id != zaak.pk:
            raise errors.field_error(
                "besluit",
                "inconsistent-relation",
                "Dit besluit hoort niet bij deze zaak; leg de relatie vast met de "
                "zaak van het besluit in de Besluiten API.",
            )
        return representation.zaakbesluit_dict(call.urls, zaak, besluit)

    def destroy(self, call: Call, zaak_uuid, uuid):
        zaak = common.get_zaak(call, zaak_uuid)
        common.require_write(call, zaak)
        if self._besluiten(zaak).filter(uuid=uuid).exists():
            raise errors.ApiError(
                409,
                "inconsistent-relation",
                "Het besluit hoort nog bij deze zaak; verwijder het besluit of zijn "
                "zaak in de Besluiten API.",
            )
        raise errors.not_found()


class ZaakAuditTrailResource(AuditTrailResource):
    api = apis.ZAKEN
    path = "/zaken/{zaak_uuid}/audittrail"
    bron = "zrc"
    parent_kwarg = "zaak_uuid"
    states = RecordedStates("zaak", "zaaktype", ZaakType, "/zaaktypen")

    def check_parent(self, call: Call, parent_uuid) -> bool:
        zaak = models.Zaak.objects.filter(uuid=parent_uuid).first()
        if zaak is None:
            return False
        if not common.may(call, zaak, "audittrails.lezen"):
            raise common.forbidden()
        return True
