"""/werkplek/tevredenheid/ (namespace tevredenheid):
survey answers and comments for staff, follow-up."""

from django.urls import path

from loket.feedback import views

app_name = "tevredenheid"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<uuid:pk>/opvolging/", views.opvolging, name="opvolging"),
]
