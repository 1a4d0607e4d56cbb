"""/<gemeente>/zo-doen-we-het/ (namespace gemeente:zo_doen_we_het):
the public page with selected indicators."""

from django.urls import path  # noqa: F401

app_name = "zo_doen_we_het"
urlpatterns: list = []
