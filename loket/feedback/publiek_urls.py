"""/<gemeente>/tevredenheid/ (namespace gemeente:tevredenheid):
the survey a resident was invited to."""

from django.urls import path  # noqa: F401

app_name = "tevredenheid"
urlpatterns: list = []
