"""/<gemeente>/mijn-loket/tevredenheid/ (namespace gemeente:portaal:tevredenheid):
the resident's open survey invitations."""

from django.urls import path  # noqa: F401

app_name = "tevredenheid"
urlpatterns: list = []
