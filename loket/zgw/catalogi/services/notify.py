"""Notificaties of the Catalogi API: kanalen zaaktypen, informatieobjecttypen and
besluittypen, each with the catalogus as kenmerk. Changes to the types below a
zaaktype are announced with the zaaktype as hoofdObject."""

from loket.zgw import apis
from loket.zgw.api.references import resource_url
from loket.zgw.catalogi import models
from loket.zgw.notificaties import services as notificaties

PATHS = {
    models.Catalogus: "/catalogussen",
    models.ZaakType: "/zaaktypen",
    models.InformatieObjectType: "/informatieobjecttypen",
    models.BesluitType: "/besluittypen",
    models.StatusType: "/statustypen",
    models.ResultaatType: "/resultaattypen",
    models.RolType: "/roltypen",
    models.Eigenschap: "/eigenschappen",
    models.ZaakTypeInformatieObjectType: "/zaaktype-informatieobjecttypen",
    models.ZaakObjectType: "/zaakobjecttypen",
}
RESOURCE_NAMES = {
    models.ZaakType: "zaaktype",
    models.InformatieObjectType: "informatieobjecttype",
    models.BesluitType: "besluittype",
    models.StatusType: "statustype",
    models.ResultaatType: "resultaattype",
    models.RolType: "roltype",
    models.Eigenschap: "eigenschap",
    models.ZaakTypeInformatieObjectType: "zaaktypeinformatieobjecttype",
    models.ZaakObjectType: "zaakobjecttype",
}
KANALEN = {
    models.InformatieObjectType: "informatieobjecttypen",
    models.BesluitType: "besluittypen",
}


def url_of(obj) -> str:
    return resource_url(apis.CATALOGI, PATHS[type(obj)], obj.uuid)


def notify(obj, actie: str) -> None:
    hoofd = (
        obj
        if type(obj) in KANALEN or isinstance(obj, models.ZaakType)
        else obj.zaaktype
    )
    kanaal = KANALEN.get(type(hoofd), "zaaktypen")
    notificaties.publish(
        kanaal=kanaal,
        hoofd_object=url_of(hoofd),
        resource=RESOURCE_NAMES[type(obj)],
        resource_url=url_of(obj),
        actie=actie,
        kenmerken={"catalogus": url_of(hoofd.catalogus)},
    )
