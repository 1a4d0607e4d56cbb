"""/sturing/beleid/ (namespace beleid):
programmes, goals and the projectenboek, kept by staff."""

from django.urls import path  # noqa: F401

app_name = "beleid"
urlpatterns: list = []
