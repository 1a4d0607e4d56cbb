"""/sturing/ (namespace sturing):
dashboard, comparison, council report for college, management and council."""

from django.urls import path

from loket.sturing.views import dashboard, rapportage

app_name = "sturing"
urlpatterns = [
    path("", dashboard.index, name="index"),
    path("vergelijking/", dashboard.vergelijking, name="vergelijking"),
    path("<slug:gemeente>/", dashboard.dashboard, name="dashboard"),
    path(
        "<slug:gemeente>/indicatoren/<slug:code>/",
        dashboard.indicator,
        name="indicator",
    ),
    path("<slug:gemeente>/rapportage/", rapportage.html, name="rapportage"),
    path("<slug:gemeente>/rapportage.pdf", rapportage.pdf, name="rapportage_pdf"),
]
