"""/werkplek/: the staff werkplek (namespace werkplek), with klantcontact and the
processing log beneath it."""

from django.urls import include, path

from loket.werkplek.views import wachtrij, zaak

app_name = "werkplek"
urlpatterns = [
    *wachtrij.urlpatterns,
    path("zaken/", include(zaak.urlpatterns)),
]
