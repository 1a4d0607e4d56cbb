from loket.zgw import apis
from loket.zgw.api.urls import api_urls
from loket.zgw.besluiten.api.audittrail import BesluitAuditTrailResource
from loket.zgw.besluiten.api.besluiten import BesluitResource
from loket.zgw.besluiten.api.besluitinformatieobjecten import (
    BesluitInformatieObjectResource,
)

urlpatterns = api_urls(
    apis.BESLUITEN,
    [BesluitAuditTrailResource, BesluitResource, BesluitInformatieObjectResource],
)
