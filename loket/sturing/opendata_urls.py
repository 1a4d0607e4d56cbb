"""/open-data/ (namespace opendata):
every indicator as CSV and JSON, and the DCAT catalogue."""

from django.urls import path

from loket.sturing.views import opendata

app_name = "opendata"
urlpatterns = [
    path("", opendata.index, name="index"),
    path("catalog.json", opendata.catalog, name="catalog"),
    path("<slug:gemeente>/<slug:code>.json", opendata.dataset_json, name="json"),
    path("<slug:gemeente>/<slug:code>.csv", opendata.dataset_csv, name="csv"),
]
