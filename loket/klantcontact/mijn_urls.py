"""/<gemeente>/mijn-loket/vragen/ (namespace gemeente:portaal:vragen): the
resident's own webvragen and their answers."""

app_name = "vragen"
urlpatterns = []
