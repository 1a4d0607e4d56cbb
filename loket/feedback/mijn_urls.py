"""/<gemeente>/mijn-loket/tevredenheid/ (namespace gemeente:portaal:tevredenheid):
the resident's open survey invitations."""

from django.urls import path

from loket.feedback import views

app_name = "tevredenheid"
urlpatterns = [
    path("", views.mijn_uitnodigingen, name="index"),
]
