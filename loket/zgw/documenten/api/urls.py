from loket.zgw import apis
from loket.zgw.api.urls import api_urls
from loket.zgw.documenten.api.enkelvoudiginformatieobjecten import (
    BestandsDeelResource,
    DocumentAuditTrailResource,
    EnkelvoudigInformatieObjectResource,
)
from loket.zgw.documenten.api.gebruiksrechten import GebruiksrechtenResource
from loket.zgw.documenten.api.objectinformatieobjecten import (
    ObjectInformatieObjectResource,
)
from loket.zgw.documenten.api.verzendingen import VerzendingResource

urlpatterns = api_urls(
    apis.DOCUMENTEN,
    [
        EnkelvoudigInformatieObjectResource,
        DocumentAuditTrailResource,
        BestandsDeelResource,
        GebruiksrechtenResource,
        ObjectInformatieObjectResource,
        VerzendingResource,
    ],
)
