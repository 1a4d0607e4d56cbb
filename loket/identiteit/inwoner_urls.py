"""Resident and business login (DigiD, eHerkenning) under /<gemeente>/inloggen/
(namespace gemeente:inwoner)."""

from django.urls import path

from loket.identiteit import inwoner_views as views

app_name = "inwoner"
urlpatterns = [
    path("", views.login, name="login"),
    path("terug/", views.callback, name="callback"),
    path("uitloggen/", views.logout, name="logout"),
    path("uitgelogd/", views.uitgelogd, name="uitgelogd"),
    path("verlopen/", views.verlopen, name="verlopen"),
    path("actief/", views.actief, name="actief"),
    path("<str:middel>/", views.start, name="start"),
]
