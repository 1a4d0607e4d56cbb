"""Pages of producten under /<gemeente>/ (namespace gemeente:producten)."""

from django.urls import path

from loket.producten import views

app_name = "producten"
urlpatterns = [
    path("", views.index, name="index"),
    path(
        "levensgebeurtenis/<slug:levensgebeurtenis_slug>/",
        views.levensgebeurtenis,
        name="levensgebeurtenis",
    ),
    path("<slug:product_slug>/", views.detail, name="detail"),
]
