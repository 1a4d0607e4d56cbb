"""The test services under /testdiensten/ (404 unless LOKET_TESTDIENSTEN is on)."""

from django.urls import path  # noqa: F401

app_name = "testdiensten"
urlpatterns = []
