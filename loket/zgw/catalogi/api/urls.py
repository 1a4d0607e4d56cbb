from loket.zgw import apis
from loket.zgw.api.urls import api_urls
from loket.zgw.catalogi.api.besluittypen import BesluitTypeResource
from loket.zgw.catalogi.api.catalogussen import CatalogusResource
from loket.zgw.catalogi.api.informatieobjecttypen import InformatieObjectTypeResource
from loket.zgw.catalogi.api.onderdelen import RESOURCES
from loket.zgw.catalogi.api.zaaktypen import ZaakTypeResource

urlpatterns = api_urls(
    apis.CATALOGI,
    [
        CatalogusResource,
        ZaakTypeResource,
        InformatieObjectTypeResource,
        BesluitTypeResource,
        *RESOURCES,
    ],
)
