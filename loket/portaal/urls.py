"""Mijn Loket under /<gemeente>/mijn-loket/ (namespace gemeente:portaal)."""

from django.urls import include, path

from loket.portaal import views

app_name = "portaal"
urlpatterns = [
    path("", views.index, name="index"),
    path("gegevens/", views.gegevens, name="gegevens"),
    path("zaken/<uuid:zaak_uuid>/", views.zaak, name="zaak"),
    path(
        "zaken/<uuid:zaak_uuid>/documenten/<uuid:document_uuid>/",
        views.document,
        name="document",
    ),
    # Questions asked through the website and their answers (klantcontact).
    path("vragen/", include("loket.klantcontact.mijn_urls")),
    # Who processed my data, when and why (the processing log).
    path("inzage/", include("loket.verwerkingen.mijn_urls")),
    path("tevredenheid/", include("loket.feedback.mijn_urls")),
]
