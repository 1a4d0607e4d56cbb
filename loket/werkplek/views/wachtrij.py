"""Queues per team, counts, filters and search."""

urlpatterns = []
