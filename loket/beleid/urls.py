"""/sturing/beleid/ (namespace beleid):
programmes, goals and the projectenboek, kept by staff."""

from django.urls import path

from loket.beleid import views

app_name = "beleid"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:gemeente>/", views.gemeente, name="gemeente"),
    path(
        "<slug:gemeente>/programmas/nieuw/",
        views.programma_nieuw,
        name="programma_nieuw",
    ),
    path(
        "<slug:gemeente>/programmas/<int:pk>/",
        views.programma_wijzigen,
        name="programma_wijzigen",
    ),
    path("<slug:gemeente>/doelen/nieuw/", views.doel_nieuw, name="doel_nieuw"),
    path(
        "<slug:gemeente>/doelen/<uuid:uuid>/",
        views.doel_wijzigen,
        name="doel_wijzigen",
    ),
    path(
        "<slug:gemeente>/doelen/<uuid:uuid>/verwijderen/",
        views.doel_verwijderen,
        name="doel_verwijderen",
    ),
    path("<slug:gemeente>/projecten/nieuw/", views.project_nieuw, name="project_nieuw"),
    path("<slug:gemeente>/projecten/<uuid:uuid>/", views.project, name="project"),
    path(
        "<slug:gemeente>/projecten/<uuid:uuid>/wijzigen/",
        views.project_wijzigen,
        name="project_wijzigen",
    ),
    path(
        "<slug:gemeente>/projecten/<uuid:uuid>/bijwerken/",
        views.project_bijwerken,
        name="project_bijwerken",
    ),
    path(
        "<slug:gemeente>/projecten/<uuid:uuid>/mijlpalen/",
        views.mijlpaal_nieuw,
        name="mijlpaal_nieuw",
    ),
    path(
        "<slug:gemeente>/projecten/<uuid:uuid>/mijlpalen/<int:pk>/gehaald/",
        views.mijlpaal_gehaald,
        name="mijlpaal_gehaald",
    ),
    path(
        "<slug:gemeente>/projecten/<uuid:uuid>/risicos/",
        views.risico_nieuw,
        name="risico_nieuw",
    ),
    path(
        "<slug:gemeente>/projecten/<uuid:uuid>/risicos/<int:pk>/sluiten/",
        views.risico_sluiten,
        name="risico_sluiten",
    ),
]
