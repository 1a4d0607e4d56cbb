"""Resident and business login (DigiD, eHerkenning) under /<gemeente>/inloggen/
(namespace gemeente:inwoner)."""

from django.urls import path  # noqa: F401

app_name = "inwoner"
urlpatterns = []
