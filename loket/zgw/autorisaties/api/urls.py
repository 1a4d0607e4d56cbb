from loket.zgw import apis
from loket.zgw.api.urls import api_urls
from loket.zgw.autorisaties.api.resources import ApplicatieResource, ConsumerResource

urlpatterns = api_urls(apis.AUTORISATIES, [ConsumerResource, ApplicatieResource])
