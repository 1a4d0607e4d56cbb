from django.urls import include, path

from loket.organisaties import views

app_name = "gemeente"
urlpatterns = [
    path("", views.home, name="home"),
    path("huisstijl.css", views.huisstijl_css, name="huisstijl"),
    path("logo", views.logo, name="logo"),
    path("inloggen/", include("loket.identiteit.inwoner_urls")),
    path("producten/", include("loket.producten.urls")),
    path("aanvragen/", include("loket.formulieren.urls")),
    path("mijn-loket/", include("loket.portaal.urls")),
    path("contact/", include("loket.klantcontact.publiek_urls")),
    path("tevredenheid/", include("loket.feedback.publiek_urls")),
    path("zo-doen-we-het/", include("loket.sturing.publiek_urls")),
]
