from loket.zgw import apis
from loket.zgw.api.urls import api_urls
from loket.zgw.referentielijsten.api.resources import RESOURCES

urlpatterns = api_urls(apis.REFERENTIELIJSTEN, RESOURCES)
