"""/<gemeente>/contact/ (namespace gemeente:contact): ask the gemeente a question
through the website (a webvraag)."""

app_name = "contact"
urlpatterns = []
