"""The access rules of ``toegang`` and that every werkplek page and action keeps
them: gemeenten served, team scope, KCC, the confidentiality ceiling, platform
beheerders, roles without a werkplek."""

from django.urls import reverse

import pytest

from loket.organisaties.roles import Rolcode
from loket.werkplek import toegang
from loket.werkplek.services import toewijzing
from loket.werkplek.tests.test_wachtrij import BSN, rij, wereld, zaak
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return wereld()


def zichtbaar(medewerker) -> set[int]:
    return set(toegang.zichtbaar(medewerker).values_list("pk", flat=True))


def test_zaken_of_a_gemeente_the_organisation_does_not_serve_are_invisible(w):
    duinwaard, lindebroek, elders = (
        zaak(w.duinwaard),
        zaak(w.lindebroek),
        zaak(w.elders),
    )
    # The werkorganisatie serves Duinwaard and Lindebroek: its team sees both.
    assert zichtbaar(w.behandelaar) == {duinwaard.pk, lindebroek.pk}
    assert zichtbaar(w.elders_behandelaar) == {elders.pk}
    # Elders' team has the same code as Vergunningen, but serves only Elders.
    assert rij(elders).team == w.vergunningen_elders
    assert rij(duinwaard).team == w.vergunningen


def test_a_behandelaar_sees_only_the_zaken_of_their_teams_and_their_own(w):
    z = zaak(w.duinwaard)
    assert zichtbaar(w.burgerzaken_behandelaar) == set()
    toewijzing.wijs_toe(z, door=w.teamleider, medewerker=w.burgerzaken_behandelaar)
    assert zichtbaar(w.burgerzaken_behandelaar) == {z.pk}
    assert toegang.mag_behandelen(w.burgerzaken_behandelaar, rij(z))
    assert not toegang.mag_toewijzen(w.burgerzaken_behandelaar, rij(z))


def test_kcc_sees_every_zaak_of_the_served_gemeenten_but_handles_none(w):
    a, b, _ = zaak(w.duinwaard), zaak(w.lindebroek), zaak(w.elders)
    assert zichtbaar(w.kcc) == {a.pk, b.pk}
    assert toegang.is_kcc(w.kcc)
    assert not toegang.mag_behandelen(w.kcc, rij(a))


def test_the_confidentiality_ceiling_hides_what_is_above_it(w):
    geheim = zaak(w.duinwaard, vertrouwelijkheidaanduiding="geheim")
    gewoon = zaak(w.duinwaard)
    assert zichtbaar(w.behandelaar) == {gewoon.pk}
    assert zichtbaar(w.kcc) == {gewoon.pk}
    w.behandelaar.max_vertrouwelijkheid = "geheim"
    w.behandelaar.save()
    assert zichtbaar(w.behandelaar) == {gewoon.pk, geheim.pk}


def test_the_platform_beheerder_sees_and_may_do_everything(w):
    beheerder = factories.medewerker(None, rollen=(), is_superuser=True)
    zaken_ = [zaak(w.duinwaard), zaak(w.elders)]
    assert zichtbaar(beheerder) == {z.pk for z in zaken_}
    assert toegang.mag_toewijzen(beheerder, rij(zaken_[1]))


def test_a_role_without_a_werkplek_gets_403_on_every_page(w, client, staff_login):
    z = zaak(w.duinwaard)
    staff_login(client, w.privacy)
    for url in (
        reverse("werkplek:index"),
        reverse("werkplek:zoeken"),
        reverse("werkplek:mijn_zaken"),
        reverse("werkplek:wachtrij", args=[w.vergunningen.uuid, "nieuw"]),
        reverse("werkplek:toewijzen", args=[z.uuid]),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "geen toegang" in response.content.decode()
    assert client.post(reverse("werkplek:nemen", args=[z.uuid])).status_code == 403
    assert zichtbaar(w.privacy) == set()


def test_not_logged_in_goes_to_the_login_page(client):
    response = client.get(reverse("werkplek:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("identiteit:login"))


def test_a_queue_of_someone_elses_team_is_not_found(w, client, staff_login):
    staff_login(client, w.behandelaar)
    for team, code in (
        (w.burgerzaken, "nieuw"),
        (w.vergunningen_elders, "nieuw"),
        (w.vergunningen, "bestaat-niet"),
    ):
        url = reverse("werkplek:wachtrij", args=[team.uuid, code])
        assert client.get(url).status_code == 404


def test_actions_on_a_zaak_one_may_not_see_are_not_found(w, client, staff_login):
    elders = zaak(w.elders)
    staff_login(client, w.teamleider)
    for name in ("nemen", "teruggeven", "toewijzen"):
        url = reverse(f"werkplek:{name}", args=[elders.uuid])
        assert client.post(url).status_code == 404, name
    assert rij(elders).behandelaar is None


def test_a_behandelaar_may_not_assign_and_kcc_may_not_take(w, client, staff_login):
    z = zaak(w.duinwaard)
    staff_login(client, w.behandelaar)
    url = reverse("werkplek:toewijzen", args=[z.uuid])
    assert client.get(url).status_code == 403
    assert client.post(url, {"team": str(w.burgerzaken.uuid)}).status_code == 403

    staff_login(client, w.kcc)
    assert client.post(reverse("werkplek:nemen", args=[z.uuid])).status_code == 403
    assert rij(z).behandelaar is None


def test_search_finds_nothing_one_may_not_see(w, client, staff_login):
    zaak(w.elders)
    geheim = zaak(w.duinwaard, bsn="", vertrouwelijkheidaanduiding="geheim")
    staff_login(client, w.kcc)
    for term in (BSN, geheim.identificatie):
        client.post(reverse("werkplek:zoeken"), {"term": term})
        html = client.get(reverse("werkplek:zoeken")).content.decode()
        assert "geen zaken gevonden" in html, term


def test_only_staff_with_a_werkplek_role_have_one(w):
    assert toegang.heeft_werkplek(w.behandelaar)
    assert toegang.heeft_werkplek(w.kcc)
    assert not toegang.heeft_werkplek(w.privacy)
    inactief = factories.medewerker(
        w.werkorganisatie, rollen=(Rolcode.BEHANDELAAR,), is_active=False
    )
    assert not toegang.heeft_werkplek(inactief)


def test_limiting_to_teams_changes_nothing_but_the_teams(w):
    beheerder = factories.medewerker(None, rollen=(), is_superuser=True)
    a, b = zaak(w.duinwaard), zaak(w.lindebroek)
    c = zaak(w.duinwaard)
    toewijzing.wijs_toe(c, door=beheerder, team=w.burgerzaken)
    toewijzing.wijs_toe(b, door=beheerder, medewerker=w.burgerzaken_behandelaar)
    toewijzing.wijs_toe(a, door=beheerder, team=w.burgerzaken)
    toewijzing.wijs_toe(a, door=beheerder, medewerker=w.behandelaar)
    zaak(w.elders)
    alle_teams = [w.vergunningen, w.burgerzaken, w.vergunningen_elders]
    for medewerker in (
        w.behandelaar,
        w.teamleider,
        w.burgerzaken_behandelaar,
        w.kcc,
        w.privacy,
        w.elders_behandelaar,
        beheerder,
    ):
        for teams in ([w.vergunningen], [w.burgerzaken], alle_teams):
            ids = [t.pk for t in teams]
            verwacht = toegang.zichtbaar(medewerker).filter(team__in=ids)
            beperkt = toegang.zichtbaar(medewerker, teams=ids)
            assert set(beperkt.values_list("pk", flat=True)) == set(
                verwacht.values_list("pk", flat=True)
            ), (medewerker, teams)


def test_mag_zien_answers_as_zichtbaar_for_every_row_and_person(w):
    """``mag_zien`` checks one loaded row in Python; it must keep the rules of the
    query in ``zichtbaar``."""
    from loket.werkplek.models import Behandeling

    beheerder = factories.medewerker(None, rollen=(), is_superuser=True)
    a, b = zaak(w.duinwaard), zaak(w.lindebroek)
    zaak(w.elders)
    zaak(w.duinwaard, vertrouwelijkheidaanduiding="geheim")
    toewijzing.wijs_toe(b, door=beheerder, team=w.burgerzaken)
    toewijzing.wijs_toe(a, door=beheerder, medewerker=w.burgerzaken_behandelaar)
    rijen = list(Behandeling.objects.all())
    for medewerker in (
        w.behandelaar,
        w.teamleider,
        w.burgerzaken_behandelaar,
        w.kcc,
        w.privacy,
        w.elders_behandelaar,
        beheerder,
    ):
        zien = zichtbaar(medewerker)
        for r in rijen:
            assert toegang.mag_zien(medewerker, r) == (r.pk in zien), (medewerker, r)
