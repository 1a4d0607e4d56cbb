"""/<gemeente>/zo-doen-we-het/ (namespace gemeente:zo_doen_we_het):
the public page with selected indicators."""

from django.urls import path

from loket.sturing.views import publiek

app_name = "zo_doen_we_het"
urlpatterns = [path("", publiek.index, name="index")]
