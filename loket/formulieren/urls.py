"""Pages of formulieren under /<gemeente>/ (namespace gemeente:formulieren)."""

from django.urls import path  # noqa: F401

app_name = "formulieren"
urlpatterns = []
