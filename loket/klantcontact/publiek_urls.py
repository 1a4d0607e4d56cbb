"""/<gemeente>/contact/ (namespace gemeente:contact): ask the gemeente a question
through the website (a webvraag)."""

from django.urls import path

from loket.klantcontact.views import publiek

app_name = "contact"
urlpatterns = [
    path("", publiek.vraag, name="vraag"),
    path("verstuurd/", publiek.verstuurd, name="verstuurd"),
]
