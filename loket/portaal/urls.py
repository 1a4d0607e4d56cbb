"""Pages of portaal under /<gemeente>/ (namespace gemeente:portaal)."""

from django.urls import path  # noqa: F401

app_name = "portaal"
urlpatterns = []
