"""``/statussen``, ``/rollen``, ``/resultaten``, ``/zaakobjecten`` and
``/zaakinformatieobjecten``."""

from loket.zgw import apis
from loket.zgw.api.views import Call
from loket.zgw.catalogi.models import ResultaatType, RolType, StatusType
from loket.zgw.catalogi.models import ZaakObjectType as ZaakObjectTypeModel
from loket.zgw.zaken import models, representation, services
from loket.zgw.zaken.api import common
from loket.zgw.zaken.api.base import BelowZaakResource
from loket.zgw.zaken.api.filters import rol_conditions


def _type(refs, body, name, model, path, *, required=True):
    return refs.one(body.get(name), name, model, apis.CATALOGI, path, required=required)


class StatusResource(BelowZaakResource):
    path = "/statussen"
    model = models.Status
    related = ("statustype", "gezetdoor")
    filters = {
        "zaak": ("zaak__uuid", "zaak"),
        "statustype": ("statustype__uuid", "url:CATALOGI:/statustypen"),
    }
    field_names = {"datum_status_gezet": "datumStatusGezet"}

    def dicts(self, call, objects):
        return representation.status_dicts(call.urls, objects)

    def filter(self, call: Call, queryset):
        queryset = super().filter(call, queryset)
        laatst = call.params.get("indicatieLaatstGezetteStatus")
        if laatst not in (None, ""):
            from django.db.models import F

            last = F("zaak__status_id")
            queryset = (
                queryset.filter(pk=last)
                if common.parse_bool(laatst, "indicatieLaatstGezetteStatus")
                else queryset.exclude(pk=last)
            )
        return queryset

    def create(self, call: Call):
        body = call.body
        refs = common.References(call)
        zaak = refs.zaak(body.get("zaak"))
        statustype = _type(refs, body, "statustype", StatusType, "/statustypen")
        gezetdoor = refs.one(
            body.get("gezetdoor"), "gezetdoor", models.Rol, apis.ZAKEN, "/rollen"
        )
        refs.check()
        self._authorise(call, zaak, statustype)
        status = services.set_status(
            zaak,
            actor=common.actor(call),
            statustype=statustype,
            datum_status_gezet=common.parse_moment(
                body["datumStatusGezet"], "datumStatusGezet"
            ),
            statustoelichting=body.get("statustoelichting", ""),
            gezetdoor=gezetdoor,
        )
        # As made: with its zaak, statustype and rol in hand (no second read).
        return self.dicts(call, [status])[0]

    def _authorise(self, call: Call, zaak, statustype) -> None:
        """zrc-007/zrc-008: a first status comes with creating the zaak
        (zaken.aanmaken); later ones need zaken.statussen.toevoegen; a status on a
        closed zaak reopens it (zaken.heropenen) or corrects it
        (zaken.geforceerd-bijwerken)."""
        if common.may(call, zaak, "zaken.geforceerd-bijwerken"):
            return
        if zaak.einddatum is not None:
            if not services.is_end_status(statustype) and common.may(
                call, zaak, "zaken.heropenen"
            ):
                return
            raise common.forbidden(
                "Deze zaak is afgesloten; heropenen kan met de scope zaken.heropenen."
            )
        if common.may(call, zaak, "zaken.statussen.toevoegen"):
            return
        if zaak.status_id is None and common.may(call, zaak, "zaken.aanmaken"):
            return
        raise common.forbidden(
            "U mag voor het zaaktype van deze zaak geen statussen zetten."
        )


class RolResource(BelowZaakResource):
    path = "/rollen"
    model = models.Rol
    related = ("roltype",)
    filters = {
        "zaak": ("zaak__uuid", "zaak"),
        "roltype": ("roltype__uuid", "url:CATALOGI:/roltypen"),
        "omschrijving": ("omschrijving", "text"),
    }

    def dicts(self, call, objects):
        return representation.rol_dicts(call.urls, objects)

    def filter(self, call: Call, queryset):
        return (
            super()
            .filter(call, queryset)
            .filter(**rol_conditions(call.params, prefix=""))
        )

    def create(self, call: Call):
        body = call.body
        refs = common.References(call)
        zaak = refs.zaak(body.get("zaak"))
        roltype = _type(refs, body, "roltype", RolType, "/roltypen")
        refs.check()
        common.require_write(call, zaak)
        rol = services.add_rol(
            zaak,
            actor=common.actor(call),
            roltype=roltype,
            betrokkene_type=body["betrokkeneType"],
            betrokkene=body.get("betrokkene", ""),
            betrokkene_identificatie=body.get("betrokkeneIdentificatie"),
            roltoelichting=body.get("roltoelichting", ""),
            afwijkende_naam_betrokkene=body.get("afwijkendeNaamBetrokkene", ""),
            indicatie_machtiging=body.get("indicatieMachtiging") or "",
            contactpersoon_rol=body.get("contactpersoonRol"),
        )
        return self.fresh(call, rol)

    remove = staticmethod(services.delete_rol)


class ResultaatResource(BelowZaakResource):
    path = "/resultaten"
    model = models.Resultaat
    related = ("resultaattype",)
    filters = {
        "zaak": ("zaak__uuid", "zaak"),
        "resultaattype": ("resultaattype__uuid", "url:CATALOGI:/resultaattypen"),
    }

    def dicts(self, call, objects):
        return [representation.resultaat_dict(call.urls, o) for o in objects]

    def create(self, call: Call):
        body = call.body
        refs = common.References(call)
        zaak = refs.zaak(body.get("zaak"))
        resultaattype = _type(
            refs, body, "resultaattype", ResultaatType, "/resultaattypen"
        )
        refs.check()
        common.require_write(call, zaak)
        resultaat = services.set_resultaat(
            zaak,
            actor=common.actor(call),
            resultaattype=resultaattype,
            toelichting=body.get("toelichting", ""),
        )
        return self.fresh(call, resultaat)

    def change(self, call: Call, uuid, *, partial):
        resultaat = self.existing_for_write(call, uuid)
        body = call.body
        refs = common.References(call)
        if "zaak" in body and refs.zaak(body["zaak"]) not in (None, resultaat.zaak):
            refs.add("zaak", "wijzigen-niet-toegelaten", "De zaak kan niet veranderen.")
        resultaattype = _type(
            refs,
            body,
            "resultaattype",
            ResultaatType,
            "/resultaattypen",
            required=False,
        )
        refs.check()
        services.update_resultaat(
            resultaat,
            actor=common.actor(call),
            resultaattype=resultaattype,
            toelichting=body.get("toelichting"),
            partial=partial,
        )
        return self.fresh(call, resultaat)

    remove = staticmethod(services.delete_resultaat)


class ZaakObjectResource(BelowZaakResource):
    path = "/zaakobjecten"
    model = models.ZaakObject
    related = ("zaakobjecttype",)
    filters = {
        "zaak": ("zaak__uuid", "zaak"),
        "object": ("object", "text"),
        "objectType": ("object_type", "text"),
    }
    field_names = {
        "object_type_overige": "objectTypeOverige",
        "object_type": "objectType",
        "object": "object",
    }

    def dicts(self, call, objects):
        return [representation.zaakobject_dict(call.urls, o) for o in objects]

    def create(self, call: Call):
        body = call.body
        refs = common.References(call)
        zaak = refs.zaak(body.get("zaak"))
        zaakobjecttype = _type(
            refs,
            body,
            "zaakobjecttype",
            ZaakObjectTypeModel,
            "/zaakobjecttypen",
            required=False,
        )
        refs.check()
        common.require_write(call, zaak)
        zaakobject = services.add_zaakobject(
            zaak,
            actor=common.actor(call),
            zaakobjecttype=zaakobjecttype,
            **self._fields(body),
        )
        return self.fresh(call, zaakobject)

    def _fields(self, body: dict) -> dict:
        names = {
            "object": "object",
            "objectType": "object_type",
            "objectIdentificatie": "object_identificatie",
            "objectTypeOverige": "object_type_overige",
            "objectTypeOverigeDefinitie": "object_type_overige_definitie",
            "relatieomschrijving": "relatieomschrijving",
        }
        fields = {model: body[api] for api, model in names.items() if api in body}
        for name in ("object", "object_type_overige", "relatieomschrijving"):
            if fields.get(name, "") is None:
                fields[name] = ""
        return fields

    def change(self, call: Call, uuid, *, partial):
        zaakobject = self.existing_for_write(call, uuid)
        body = call.body
        refs = common.References(call)
        fields = self._fields(body)
        if "zaak" in body:
            fields["zaak"] = refs.zaak(body["zaak"])
        if "zaakobjecttype" in body:
            fields["zaakobjecttype"] = _type(
                refs,
                body,
                "zaakobjecttype",
                ZaakObjectTypeModel,
                "/zaakobjecttypen",
                required=False,
            )
        refs.check()
        services.update_zaakobject(
            zaakobject, actor=common.actor(call), partial=partial, **fields
        )
        return self.fresh(call, zaakobject)

    remove = staticmethod(services.delete_zaakobject)


class ZaakInformatieObjectResource(BelowZaakResource):
    path = "/zaakinformatieobjecten"
    model = models.ZaakInformatieObject
    related = ("informatieobject", "status")
    paginated = False
    filters = {
        "zaak": ("zaak__uuid", "zaak"),
        "informatieobject": (
            "informatieobject__uuid",
            "url:DOCUMENTEN:/enkelvoudiginformatieobjecten",
        ),
    }

    def dicts(self, call, objects):
        return [representation.zaakinformatieobject_dict(call.urls, o) for o in objects]

    def create(self, call: Call):
        from loket.zgw.documenten.models import InformatieObject

        body = call.body
        refs = common.References(call)
        zaak = refs.zaak(body.get("zaak"))
        informatieobject = refs.one(
            body.get("informatieobject"),
            "informatieobject",
            InformatieObject,
            apis.DOCUMENTEN,
            "/enkelvoudiginformatieobjecten",
            required=True,
        )
        status = refs.one(
            body.get("status"), "status", models.Status, apis.ZAKEN, "/statussen"
        )
        refs.check()
        common.require_write(call, zaak)
        zio = services.add_document(
            zaak,
            actor=common.actor(call),
            informatieobject=informatieobject,
            titel=body.get("titel", ""),
            beschrijving=body.get("beschrijving", ""),
            vernietigingsdatum=self._vernietigingsdatum(body),
            status=status,
        )
        return self.fresh(call, zio)

    def _vernietigingsdatum(self, body):
        value = body.get("vernietigingsdatum")
        return common.parse_moment(value, "vernietigingsdatum") if value else None

    def change(self, call: Call, uuid, *, partial):
        from loket.zgw.documenten.models import InformatieObject

        zio = self.existing_for_write(call, uuid)
        body = call.body
        refs = common.References(call)
        fields = {}
        if "zaak" in body:
            fields["zaak"] = refs.zaak(body["zaak"])
        if "informatieobject" in body:
            fields["informatieobject"] = refs.one(
                body["informatieobject"],
                "informatieobject",
                InformatieObject,
                apis.DOCUMENTEN,
                "/enkelvoudiginformatieobjecten",
            )
        if "status" in body:
            fields["status"] = refs.one(
                body["status"], "status", models.Status, apis.ZAKEN, "/statussen"
            )
        refs.check()
        for name in ("titel", "beschrijving"):
            if name in body:
                fields[name] = body[name] or ""
        if "vernietigingsdatum" in body:
            fields["vernietigingsdatum"] = self._vernietigingsdatum(body)
        services.update_zaakinformatieobject(
            zio, actor=common.actor(call), partial=partial, **fields
        )
        return self.fresh(call, zio)

    remove = staticmethod(services.remove_document)
