"""/sturing/ (namespace sturing):
dashboard, comparison, council report for college, management and council."""

from django.urls import path  # noqa: F401

app_name = "sturing"
urlpatterns: list = []
