"""/werkplek/tevredenheid/ (namespace tevredenheid):
survey answers and comments for staff, follow-up."""

from django.urls import path  # noqa: F401

app_name = "tevredenheid"
urlpatterns: list = []
