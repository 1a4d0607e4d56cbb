"""/<gemeente>/mijn-loket/inzage/ (namespace gemeente:portaal:inzage): who processed
the resident's data, when and why."""

app_name = "inzage"
urlpatterns = []
