from loket.zgw import apis
from loket.zgw.api.urls import api_urls
from loket.zgw.notificaties.api.resources import (
    AbonnementResource,
    KanaalResource,
    NotificatieResource,
)

urlpatterns = api_urls(
    apis.NOTIFICATIES, [KanaalResource, AbonnementResource, NotificatieResource]
)
