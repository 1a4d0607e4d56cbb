"""/werkplek/verwerkingen/ (namespace verwerkingen): the processing log for the
privacy officer."""

from django.urls import path

from loket.verwerkingen import views

app_name = "verwerkingen"
urlpatterns = [
    path("", views.index, name="index"),
]
