from django.urls import path

from loket.organisaties import views

app_name = "gemeente"
urlpatterns = [
    path("", views.home, name="home"),
    path("huisstijl.css", views.huisstijl_css, name="huisstijl"),
    path("logo", views.logo, name="logo"),
]
