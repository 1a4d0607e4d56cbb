"""The beheer (Django admin): only for staff whose roles manage something, and
limited to their own organisation and the gemeenten it serves."""

from django.urls import reverse

import pytest

from loket.organisaties.models import Gemeente, Medewerker
from loket.organisaties.roles import Rolcode
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def werkorganisatie():
    return factories.organisatie(factories.gemeente(), factories.gemeente())


@pytest.fixture
def beheerder(werkorganisatie):
    return factories.medewerker(
        werkorganisatie, rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,)
    )


def _lands_on_login(response) -> bool:
    final_url = response.redirect_chain[-1][0] if response.redirect_chain else ""
    return final_url.startswith(reverse("identiteit:login"))


def test_beheer_sends_anonymous_visitors_to_the_staff_login(client):
    response = client.get("/beheer/", follow=True)
    assert _lands_on_login(response)
    assert "next=%2Fbeheer%2F" in response.redirect_chain[-1][0]


def test_staff_without_second_factor_cannot_reach_the_beheer(
    client, staff_login, beheerder
):
    staff_login(client, beheerder, second_factor=False)
    response = client.get("/beheer/", follow=True)
    assert _lands_on_login(response)
    assert "Loket beheer" not in response.text


def test_beheerder_with_second_factor_reaches_the_beheer(
    client, staff_login, beheerder
):
    staff_login(client, beheerder)
    response = client.get("/beheer/")
    assert response.status_code == 200
    assert "Loket beheer" in response.text


def test_handler_without_beheer_role_is_refused_not_looped(client, staff_login):
    staff_login(client, factories.medewerker(rollen=(Rolcode.BEHANDELAAR,)))
    response = client.get("/beheer/", follow=True)
    assert response.status_code == 403
    assert "geen toegang" in response.text


def test_beheerder_lists_only_the_gemeenten_of_the_organisation(
    client, staff_login, beheerder, werkorganisatie
):
    other = factories.gemeente(naam="Elders")
    staff_login(client, beheerder)
    response = client.get("/beheer/organisaties/gemeente/")
    for gemeente in werkorganisatie.gemeenten.all():
        assert gemeente.naam in response.text
    assert "Elders" not in response.text
    assert client.get(
        f"/beheer/organisaties/gemeente/{other.pk}/change/"
    ).status_code in (
        302,
        404,
    )


def test_beheerder_changes_colours_but_not_the_identity_of_a_gemeente(
    client, staff_login, beheerder, werkorganisatie
):
    gemeente = werkorganisatie.gemeenten.first()
    staff_login(client, beheerder)
    url = f"/beheer/organisaties/gemeente/{gemeente.pk}/change/"
    response = client.post(
        url,
        {
            "naam": "Gekaapt",
            "rsin": "999993653",
            "kleur_primair": "#2e6b30",
            "kleur_primair_tekst": "#ffffff",
            "kleur_link": "#2e6b30",
            "telefoonnummer": "14 012",
        },
    )
    assert response.status_code == 302, response.text
    gemeente.refresh_from_db()
    assert gemeente.kleur_primair == "#2e6b30"
    assert gemeente.telefoonnummer == "14 012"
    assert gemeente.naam != "Gekaapt"


def test_unreadable_colour_is_explained_in_the_beheer(
    client, staff_login, beheerder, werkorganisatie
):
    gemeente = werkorganisatie.gemeenten.first()
    staff_login(client, beheerder)
    response = client.post(
        f"/beheer/organisaties/gemeente/{gemeente.pk}/change/",
        {
            "kleur_primair": "#2e6b30",
            "kleur_primair_tekst": "#3a7a3c",
            "kleur_link": "#2e6b30",
        },
    )
    assert response.status_code == 200
    assert "slecht leesbaar" in response.text
    assert Gemeente.objects.get(pk=gemeente.pk).kleur_primair_tekst == "#ffffff"


def test_new_staff_member_is_created_in_the_own_organisation_and_invited(
    client, staff_login, beheerder, werkorganisatie
):
    staff_login(client, beheerder)
    response = client.post(
        "/beheer/organisaties/medewerker/add/",
        {
            "naam": "Nieuwe Collega",
            "email": "Nieuw@Werkorganisatie.test",
            "organisatie": werkorganisatie.pk,
            "rollen": [Rolcode.KCC_MEDEWERKER.value],
            "max_vertrouwelijkheid": "vertrouwelijk",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.text
    nieuw = Medewerker.objects.get(email="nieuw@werkorganisatie.test")
    assert nieuw.organisatie == werkorganisatie
    assert nieuw.rolcodes == {Rolcode.KCC_MEDEWERKER}
    assert nieuw.max_vertrouwelijkheid == "vertrouwelijk"
    assert not nieuw.has_usable_password()
    from django_tasks_db.models import DBTaskResult

    invitation = DBTaskResult.objects.get(task_path__endswith="send_password_link")
    assert invitation.args_kwargs["args"] == [nieuw.pk, "uitnodiging"]


def test_beheerder_cannot_place_staff_in_another_organisation(
    client, staff_login, beheerder
):
    other = factories.organisatie()
    staff_login(client, beheerder)
    response = client.post(
        "/beheer/organisaties/medewerker/add/",
        {"naam": "Indringer", "email": "x@elders.test", "organisatie": other.pk},
    )
    assert response.status_code == 200
    assert not Medewerker.objects.filter(email="x@elders.test").exists()


def test_staff_of_other_organisations_are_not_listed(client, staff_login, beheerder):
    stranger = factories.medewerker(naam="Vreemde Eend")
    staff_login(client, beheerder)
    response = client.get("/beheer/organisaties/medewerker/")
    assert "Vreemde Eend" not in response.text
    detail = client.get(f"/beheer/organisaties/medewerker/{stranger.pk}/change/")
    assert detail.status_code in (302, 404)


def test_nobody_can_read_a_second_factor_secret_in_the_beheer(client, staff_login):
    platform = factories.medewerker(rollen=(), is_superuser=True, organisatie=None)
    staff_login(client, platform)
    assert client.get("/beheer/otp_totp/totpdevice/").status_code == 404
    assert "otp_totp" not in client.get("/beheer/").text
