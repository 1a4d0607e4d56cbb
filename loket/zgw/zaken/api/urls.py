from loket.zgw import apis
from loket.zgw.api.urls import api_urls
from loket.zgw.zaken.api.contacten import (
    KlantContactResource,
    ZaakContactMomentResource,
    ZaakVerzoekResource,
)
from loket.zgw.zaken.api.genest import (
    ZaakAuditTrailResource,
    ZaakBesluitResource,
    ZaakEigenschapResource,
)
from loket.zgw.zaken.api.onderdelen import (
    ResultaatResource,
    RolResource,
    StatusResource,
    ZaakInformatieObjectResource,
    ZaakObjectResource,
)
from loket.zgw.zaken.api.zaken import ZaakResource

urlpatterns = api_urls(
    apis.ZAKEN,
    [
        ZaakResource,
        ZaakEigenschapResource,
        ZaakBesluitResource,
        ZaakAuditTrailResource,
        StatusResource,
        RolResource,
        ResultaatResource,
        ZaakObjectResource,
        ZaakInformatieObjectResource,
        KlantContactResource,
        ZaakContactMomentResource,
        ZaakVerzoekResource,
    ],
)
