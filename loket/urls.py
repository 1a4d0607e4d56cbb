from django.contrib import admin
from django.urls import include, path

from loket.core import views as core_views
from loket.organisaties import views as organisaties_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("favicon.ico", core_views.favicon),
    path("huisstijl.css", organisaties_views.huisstijl_css, name="huisstijl"),
    path("beheer/", admin.site.urls),
    path("medewerker/", include("loket.identiteit.urls")),
    path("werkplek/klantcontact/", include("loket.klantcontact.urls")),
    path("werkplek/verwerkingen/", include("loket.verwerkingen.urls")),
    path("werkplek/tevredenheid/", include("loket.feedback.urls")),
    path("werkplek/", include("loket.werkplek.urls")),
    path("sturing/beleid/", include("loket.beleid.urls")),
    path("sturing/", include("loket.sturing.urls")),
    path("open-data/", include("loket.sturing.opendata_urls")),
    path("autorisaties/api/v1/", include("loket.zgw.autorisaties.api.urls")),
    path("catalogi/api/v1/", include("loket.zgw.catalogi.api.urls")),
    path("zaken/api/v1/", include("loket.zgw.zaken.api.urls")),
    path("documenten/api/v1/", include("loket.zgw.documenten.api.urls")),
    path("besluiten/api/v1/", include("loket.zgw.besluiten.api.urls")),
    path("notificaties/api/v1/", include("loket.zgw.notificaties.api.urls")),
    path("referentielijsten/api/v1/", include("loket.zgw.referentielijsten.api.urls")),
    # Answers 404 unless LOKET_TESTDIENSTEN is on (the demo, the tests).
    path("testdiensten/", include("loket.testdiensten.urls")),
    # Last: every other first path segment is a gemeente's slug.
    path("<slug:gemeente_slug>/", include("loket.organisaties.urls")),
]

handler400 = "loket.core.views.bad_request"
handler403 = "loket.core.views.permission_denied"
handler404 = "loket.core.views.page_not_found"
handler500 = "loket.core.views.server_error"
