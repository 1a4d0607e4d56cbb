"""/werkplek/klantcontact/ (namespace klantcontact): contactmomenten, webvragen,
call-back requests, the knowledge base and the klantbeeld."""

from django.urls import path

from loket.klantcontact.views import klantbeeld, werkplek

app_name = "klantcontact"
urlpatterns = [
    path("webvragen/", werkplek.webvragen, name="webvragen"),
    path("webvragen/<uuid:uuid>/", werkplek.webvraag, name="webvraag"),
    path(
        "webvragen/<uuid:uuid>/oppakken/",
        werkplek.webvraag_oppakken,
        name="webvraag_oppakken",
    ),
    path("contactmomenten/", werkplek.contactmomenten, name="contactmomenten"),
    path(
        "contactmomenten/nieuw/",
        werkplek.contactmoment_nieuw,
        name="contactmoment_nieuw",
    ),
    path("terugbelverzoeken/", werkplek.terugbelverzoeken, name="terugbelverzoeken"),
    path(
        "terugbelverzoeken/<uuid:uuid>/",
        werkplek.terugbelverzoek,
        name="terugbelverzoek",
    ),
    path("kennisbank/", werkplek.kennisbank, name="kennisbank"),
    path("kennisbank/<int:pk>/", werkplek.kennisartikel, name="kennisartikel"),
    path("klantbeeld/", klantbeeld.zoeken, name="klantbeeld"),
    path("klantbeeld/<str:token>/", klantbeeld.klant, name="klantbeeld_klant"),
    path("klantbeeld/<str:token>/namens/", klantbeeld.namens, name="klantbeeld_namens"),
]
