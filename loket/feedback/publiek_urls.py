"""/<gemeente>/tevredenheid/ (namespace gemeente:tevredenheid):
the survey a resident was invited to."""

from django.urls import path

from loket.feedback import views

app_name = "tevredenheid"
urlpatterns = [
    path("bedankt/", views.bedankt, name="bedankt"),
    path("<str:token>/", views.vragenlijst, name="vragenlijst"),
]
