"""The zaak page and its actions (under /werkplek/zaken/)."""

urlpatterns = []
