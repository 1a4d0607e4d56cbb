"""Pages of formulieren under /<gemeente>/ (namespace gemeente:formulieren)."""

from django.urls import path

from loket.formulieren import views

app_name = "formulieren"
urlpatterns = [
    path("<slug:product_slug>/", views.start, name="start"),
    path("<slug:product_slug>/namens/", views.namens, name="namens"),
    path("<slug:product_slug>/hervat/<str:token>/", views.hervat, name="hervat"),
    path(
        "<slug:product_slug>/<uuid:concept>/stap/<int:nummer>/",
        views.stap,
        name="stap",
    ),
    path(
        "<slug:product_slug>/<uuid:concept>/controleren/",
        views.controleren,
        name="controleren",
    ),
    path(
        "<slug:product_slug>/verstuurd/<uuid:inzending>/",
        views.verstuurd,
        name="verstuurd",
    ),
]
