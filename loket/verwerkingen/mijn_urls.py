"""/<gemeente>/mijn-loket/inzage/ (namespace gemeente:portaal:inzage): who processed
the resident's data, when and why."""

from django.urls import path

from loket.verwerkingen import views

app_name = "inzage"
urlpatterns = [
    path("", views.mijn_verwerkingen, name="index"),
]
