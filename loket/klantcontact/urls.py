"""/werkplek/klantcontact/ (namespace klantcontact): contactmomenten, webvragen,
call-back requests, the knowledge base and the klantbeeld."""

app_name = "klantcontact"
urlpatterns = []
