"""/werkplek/verwerkingen/ (namespace verwerkingen): the processing log for the
privacy officer."""

app_name = "verwerkingen"
urlpatterns = []
