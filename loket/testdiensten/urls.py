"""The test services under /testdiensten/ (404 unless LOKET_TESTDIENSTEN is on)."""

from django.urls import path

from loket.testdiensten import idp, mailbox, registers

app_name = "testdiensten"
urlpatterns = [
    path(
        "idp/.well-known/openid-configuration",
        idp.discovery,
        name="idp_discovery",
    ),
    path("idp/jwks", idp.jwks, name="idp_jwks"),
    path("idp/authorize", idp.authorize, name="idp_authorize"),
    path("idp/token", idp.token, name="idp_token"),
    path("idp/userinfo", idp.userinfo, name="idp_userinfo"),
    path("idp/end_session", idp.end_session, name="idp_end_session"),
    path("brp/personen", registers.brp_personen, name="brp_personen"),
    path(
        "kvk/api/v1/basisprofielen/<str:kvk_nummer>",
        registers.kvk_basisprofiel,
        name="kvk_basisprofiel",
    ),
    path("bag/adressen", registers.bag_adressen, name="bag_adressen"),
    path("mailbox/", mailbox.index, name="mailbox"),
    path("mailbox/<str:sleutel>/", mailbox.bericht, name="mailbox_bericht"),
]
