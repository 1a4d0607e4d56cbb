"""Loket's URLs with a stand-in for the form pages of ``loket.formulieren``, so
that the product page's "Aanvragen" button can be tested before (or without) that
app: only the URL name of the contract matters here."""

from django.http import HttpResponse
from django.urls import include, path

from loket import urls as loket_urls
from loket.organisaties import views as organisaties_views


def _start(request, gemeente_slug: str, product_slug: str):
    return HttpResponse(f"formulier {product_slug}")


formulieren = ([path("<slug:product_slug>/", _start, name="start")], "formulieren")
gemeente = (
    [
        path("", organisaties_views.home, name="home"),
        path("huisstijl.css", organisaties_views.huisstijl_css, name="huisstijl"),
        path("logo", organisaties_views.logo, name="logo"),
        path("producten/", include("loket.producten.urls")),
        path("aanvragen/", include(formulieren)),
    ],
    "gemeente",
)
urlpatterns = [
    *loket_urls.urlpatterns[:-1],
    path("<slug:gemeente_slug>/", include(gemeente)),
]
handler404 = loket_urls.handler404
