"""``/klantcontacten`` (deprecated by the standard, still served),
``/zaakcontactmomenten`` and ``/zaakverzoeken``."""

from loket.zgw.api.views import Call
from loket.zgw.zaken import models, representation, services
from loket.zgw.zaken.api import common
from loket.zgw.zaken.api.base import BelowZaakResource


class KlantContactResource(BelowZaakResource):
    path = "/klantcontacten"
    model = models.KlantContact

    def dicts(self, call, objects):
        return [representation.klantcontact_dict(call.urls, o) for o in objects]

    def create(self, call: Call):
        body = call.body
        zaak = self.zaak_for_write(call, body)
        klantcontact = services.add_klantcontact(
            zaak,
            actor=common.actor(call),
            datumtijd=common.parse_moment(body["datumtijd"], "datumtijd"),
            identificatie=body.get("identificatie", ""),
            kanaal=body.get("kanaal", ""),
            onderwerp=body.get("onderwerp", ""),
            toelichting=body.get("toelichting", ""),
        )
        return self.fresh(call, klantcontact)


class ZaakContactMomentResource(BelowZaakResource):
    path = "/zaakcontactmomenten"
    model = models.ZaakContactMoment
    paginated = False
    filters = {
        "zaak": ("zaak__uuid", "zaak"),
        "contactmoment": ("contactmoment", "text"),
    }

    def dicts(self, call, objects):
        return [representation.zaakcontactmoment_dict(call.urls, o) for o in objects]

    def create(self, call: Call):
        zaak = self.zaak_for_write(call, call.body)
        zcm = services.add_contactmoment(
            zaak, actor=common.actor(call), contactmoment=call.body["contactmoment"]
        )
        return self.fresh(call, zcm)

    remove = staticmethod(services.remove_contactmoment)


class ZaakVerzoekResource(BelowZaakResource):
    path = "/zaakverzoeken"
    model = models.ZaakVerzoek
    paginated = False
    filters = {"zaak": ("zaak__uuid", "zaak"), "verzoek": ("verzoek", "text")}

    def dicts(self, call, objects):
        return [representation.zaakverzoek_dict(call.urls, o) for o in objects]

    def create(self, call: Call):
        zaak = self.zaak_for_write(call, call.body)
        zaakverzoek = services.add_verzoek(
            zaak, actor=common.actor(call), verzoek=call.body["verzoek"]
        )
        return self.fresh(call, zaakverzoek)

    remove = staticmethod(services.remove_verzoek)
