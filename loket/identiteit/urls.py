from django.urls import path

from loket.identiteit import views

app_name = "identiteit"
urlpatterns = [
    path("", views.account, name="account"),
    path("inloggen/", views.login, name="login"),
    path("inloggen/code/", views.code, name="code"),
    path("tweestapsverificatie/", views.enrol, name="enrol"),
    path("uitloggen/", views.logout, name="logout"),
    path("wachtwoord-vergeten/", views.password_forgotten, name="password_forgotten"),
    path(
        "wachtwoord/<uidb64>/<token>/",
        views.PasswordSetView.as_view(),
        name="password_set",
    ),
]
