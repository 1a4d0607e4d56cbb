"""Resident login with DigiD and eHerkenning through the test identity provider,
over its real HTTP endpoints, and every way it can go wrong."""

from urllib.parse import urlsplit

from django.utils import timezone

import pytest

from loket.identiteit import inwoner
from loket.identiteit.models import OidcKoppeling
from loket.identiteit.tests.inwoner_helpers import (
    TEST_BSN,
    choose,
    log_in,
    query,
    start,
)
from loket.testdiensten import idp
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gemeente(testdiensten):
    gemeente = factories.gemeente(naam="Duinstad", slug="duinstad")
    testdiensten.koppel(gemeente, "digid")
    testdiensten.koppel(gemeente, "eherkenning")
    return gemeente


def session_inwoner(client):
    data = client.session.get(inwoner.SESSION_KEY)
    return inwoner.Inwoner(**data) if data else None


def test_login_page_offers_the_configured_ways(client, gemeente):
    response = client.get("/duinstad/inloggen/", {"next": "/duinstad/mijn-loket/"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Inloggen met DigiD" in text and "Inloggen met eHerkenning" in text
    assert "15 minuten" in text
    only = client.get("/duinstad/inloggen/", {"middel": "eherkenning"}).content.decode()
    assert "Inloggen met eHerkenning" in only and "Inloggen met DigiD" not in only


def test_login_page_without_configuration(client, db):
    factories.gemeente(slug="zonder")
    response = client.get("/zonder/inloggen/")
    assert "Inloggen kan nu niet" in response.content.decode()


def test_digid_login_full_flow(client, gemeente, testdiensten):
    authorize = start(client, gemeente, next_url="/duinstad/producten/")
    assert authorize.startswith(testdiensten.url + "/testdiensten/idp/authorize?")
    params = query(authorize)
    assert params["code_challenge_method"] == "S256"
    assert params["state"] and params["nonce"] and len(params["code_challenge"]) == 43
    page = client.get(urlsplit(authorize).path, params)
    assert (
        "Test-identiteitsprovider — alleen voor demo en tests" in page.content.decode()
    )
    assert "geen echte DigiD/eHerkenning" in page.content.decode()
    session_before = client.session.session_key

    callback = choose(client, authorize, actie="inloggen", bsn=TEST_BSN, niveau="hoog")
    response = client.get(callback)

    assert response.status_code == 302
    assert response["Location"] == "/duinstad/producten/"
    assert session_inwoner(client) == inwoner.Inwoner(
        middel="digid", bsn=TEST_BSN, naam="S. Moulin", betrouwbaarheidsniveau="hoog"
    )
    assert client.session.session_key != session_before  # rotated on login
    home = client.get("/duinstad/")
    assert home.wsgi_request.inwoner.bsn == TEST_BSN
    assert home.wsgi_request.user.is_anonymous  # not a staff login


def test_eherkenning_login_with_vestiging(client, gemeente):
    authorize = start(client, gemeente, "eherkenning")
    callback = choose(
        client,
        authorize,
        actie="inloggen",
        bedrijf="69599084:000038509504",
        niveau="substantieel",
    )
    client.get(callback)
    resident = session_inwoner(client)
    assert resident.is_bedrijf
    assert (resident.kvk, resident.vestigingsnummer) == ("69599084", "000038509504")
    assert resident.naam == "Test EMZ Dagobert"
    assert resident.betrouwbaarheidsniveau == "substantieel"


def test_next_only_to_this_site(client, gemeente):
    response = log_in(client, gemeente, next_url="//evil.example/")
    assert response["Location"] == "/duinstad/"


def test_inwoner_required_redirects_to_login(rf, gemeente, client):
    @inwoner.inwoner_required
    def view(request, gemeente_slug):
        from django.http import HttpResponse

        return HttpResponse(inwoner.current(request).bsn)

    request = rf.get("/duinstad/mijn-loket/?tab=1")
    request.session = client.session
    response = view(request, "duinstad")
    assert response.status_code == 302
    assert response["Location"] == inwoner.login_url(
        "duinstad", "/duinstad/mijn-loket/?tab=1"
    )
    log_in(client, gemeente)
    request.session = client.session
    response = view(request, "duinstad")
    assert response.content.decode() == TEST_BSN
    assert "no-store" in response["Cache-Control"]
    assert view(request, "elders").status_code == 302  # logged in elsewhere


# -- failures -----------------------------------------------------------------------


def assert_error_page(response, status, text):
    body = response.content.decode()
    assert response.status_code == status
    assert text in body, body
    assert "Opnieuw inloggen" in body
    assert "Traceback" not in body


def test_bad_state(client, gemeente):
    start(client, gemeente)
    response = client.get("/duinstad/inloggen/terug/", {"state": "x", "code": "y"})
    assert_error_page(response, 400, "Het inloggen is verlopen")
    assert session_inwoner(client) is None


def test_cancel(client, gemeente):
    callback = choose(client, start(client, gemeente), actie="annuleren")
    assert query(callback)["error"] == "access_denied"
    assert_error_page(client.get(callback), 200, "U heeft het inloggen met DigiD")


def test_replayed_code_is_refused(client, gemeente):
    authorize = start(client, gemeente)
    flows = client.session["inwoner_flows"]
    callback = choose(client, authorize, actie="inloggen", bsn=TEST_BSN, niveau="hoog")
    client.get(callback)
    assert session_inwoner(client) is not None
    # Someone replays the same answer, with the state still valid.
    client.post("/duinstad/inloggen/uitloggen/")
    session = client.session
    session["inwoner_flows"] = flows
    session.save()
    assert_error_page(client.get(callback), 400, "Het inloggen is niet gelukt")
    assert session_inwoner(client) is None


def test_wrong_nonce(client, gemeente):
    authorize = start(client, gemeente)
    session = client.session
    state = query(authorize)["state"]
    flows = session["inwoner_flows"]
    flows[state]["nonce"] = "een-andere-nonce"
    session["inwoner_flows"] = flows
    session.save()
    callback = choose(client, authorize, actie="inloggen", bsn=TEST_BSN, niveau="hoog")
    assert_error_page(client.get(callback), 400, "Het inloggen is niet gelukt")
    assert session_inwoner(client) is None


def test_too_low_assurance_level(client, gemeente):
    OidcKoppeling.objects.filter(middel="digid").update(minimum_niveau="substantieel")
    response = log_in(client, gemeente, niveau="midden")
    assert_error_page(response, 403, "betrouwbaarheidsniveau substantieel of hoger")
    assert session_inwoner(client) is None


def test_provider_down(client, gemeente):
    OidcKoppeling.objects.filter(middel="digid").update(issuer="http://127.0.0.1:9")
    response = client.get("/duinstad/inloggen/digid/")
    assert_error_page(response, 503, "DigiD is op dit moment niet bereikbaar")


def test_missing_client_secret(client, gemeente):
    OidcKoppeling.objects.filter(middel="digid").update(
        client_secret_env="LOKET_OIDC_BESTAAT_NIET"
    )
    response = log_in(client, gemeente)
    assert_error_page(response, 503, "niet goed ingesteld")


# -- session expiry and logout ------------------------------------------------------


def test_expiry_after_inactivity(client, gemeente, settings):
    log_in(client, gemeente)
    session = client.session
    facts = session[inwoner.LOGIN_KEY]
    facts["laatst_actief"] = timezone.now().timestamp() - 14 * 60
    session[inwoner.LOGIN_KEY] = facts
    session.save()
    assert client.get("/duinstad/").wsgi_request.inwoner is not None  # still in time

    session = client.session
    facts = session[inwoner.LOGIN_KEY]
    facts["laatst_actief"] = timezone.now().timestamp() - 15 * 60 - 5
    session[inwoner.LOGIN_KEY] = facts
    session.save()
    response = client.get("/duinstad/producten/")
    assert response.status_code == 302
    assert response["Location"].startswith("/duinstad/inloggen/verlopen/?next=")
    page = client.get(response["Location"])
    assert "U bent automatisch uitgelogd" in page.content.decode()
    assert (
        "/duinstad/inloggen/?next=%2Fduinstad%2Fproducten%2F" in page.content.decode()
    )
    assert session_inwoner(client) is None


def test_keep_alive(client, gemeente):
    log_in(client, gemeente)
    session = client.session
    facts = session[inwoner.LOGIN_KEY]
    facts["laatst_actief"] = timezone.now().timestamp() - 14 * 60
    session[inwoner.LOGIN_KEY] = facts
    session.save()
    response = client.post(
        "/duinstad/inloggen/actief/", headers={"Accept": "application/json"}
    )
    assert response.json() == {"ingelogd": True, "seconden": 900}
    last = client.session[inwoner.LOGIN_KEY]["laatst_actief"]
    assert timezone.now().timestamp() - last < 5


def test_logout_at_both_ends(client, gemeente, testdiensten):
    log_in(client, gemeente)
    assert idp.SESSION_KEY in client.session  # the test IdP remembers the person
    id_token = client.session[inwoner.LOGIN_KEY]["id_token"]

    response = client.post("/duinstad/inloggen/uitloggen/")
    assert session_inwoner(client) is None
    location = response["Location"]
    assert location.startswith(testdiensten.url + "/testdiensten/idp/end_session?")
    params = query(location)
    assert params["id_token_hint"] == id_token
    assert params["post_logout_redirect_uri"] == (
        testdiensten.url + "/duinstad/inloggen/uitgelogd/"
    )

    back = client.get(urlsplit(location).path, params)
    assert back["Location"] == testdiensten.url + "/duinstad/inloggen/uitgelogd/"
    assert client.session[idp.SESSION_KEY] == {}
    page = client.get("/duinstad/inloggen/uitgelogd/")
    assert "U bent uitgelogd" in page.content.decode()


def test_logout_form_may_go_to_the_provider(client, gemeente, testdiensten):
    """Browsers check the redirect after the logout form against form-action."""
    before = client.get("/duinstad/")["Content-Security-Policy"]
    assert testdiensten.url not in before
    log_in(client, gemeente)
    policy = client.get("/duinstad/")["Content-Security-Policy"]
    assert f"form-action 'self' {testdiensten.url}" in policy
