"""/open-data/ (namespace opendata):
every indicator as CSV and JSON, and the DCAT catalogue."""

from django.urls import path  # noqa: F401

app_name = "opendata"
urlpatterns: list = []
