"""/<gemeente>/mijn-loket/vragen/ (namespace gemeente:portaal:vragen): the
resident's own webvragen and their answers."""

from django.urls import path

from loket.klantcontact.views import publiek

app_name = "vragen"
urlpatterns = [
    path("", publiek.mijn_vragen, name="index"),
    path("<uuid:uuid>/", publiek.mijn_vraag, name="vraag"),
]
