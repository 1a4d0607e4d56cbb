"""Pages of producten under /<gemeente>/ (namespace gemeente:producten)."""

from django.urls import path  # noqa: F401

app_name = "producten"
urlpatterns = []
