"""The processing log in the beheer: read-only for the privacy officer, limited to
their organisation's gemeenten; opening an entry (it shows the BSN) is logged."""

import pytest

from loket.organisaties.roles import Rolcode
from loket.verwerkingen.models import Activiteit, Verwerking
from loket.verwerkingen.tests import kit
from tests import factories

pytestmark = pytest.mark.django_db

LIJST = "/beheer/verwerkingen/verwerking/"


@pytest.fixture
def w():
    return kit.wereld()


def test_the_privacy_officer_reads_entries_of_served_gemeenten(client, staff_login, w):
    eigen = kit.log(w.behandelaar, gemeente=w.duinwaard, zaak="ZAAK-EIGEN-1")
    elders = kit.log(w.vreemde, gemeente=w.elders, zaak="ZAAK-ELDERS-2")
    staff_login(client, w.privacy)

    lijst = client.get(LIJST)
    assert lijst.status_code == 200
    html = lijst.content.decode()
    assert "ZAAK-EIGEN-1" in html and "ZAAK-ELDERS-2" not in html
    assert 'name="q"' not in html  # no search box that would put a BSN in the URL

    detail = client.get(f"{LIJST}{eigen.pk}/change/")
    assert detail.status_code == 200 and kit.BSN in detail.content.decode()
    inzage = Verwerking.objects.get(activiteit=Activiteit.INZAGE_LOG)
    assert (inzage.medewerker, inzage.bsn) == (w.privacy, kit.BSN)
    assert client.get(f"{LIJST}{elders.pk}/change/").status_code in (302, 404)


def test_nobody_adds_changes_or_deletes_an_entry(client, staff_login, w):
    verwerking = kit.log(w.behandelaar, gemeente=w.duinwaard)
    beheerder = factories.medewerker(
        None, rollen=(), is_superuser=True, organisatie=None
    )
    for medewerker in (w.privacy, beheerder):
        staff_login(client, medewerker)
        assert client.get(f"{LIJST}add/").status_code == 403
        assert client.post(f"{LIJST}{verwerking.pk}/delete/").status_code == 403
        client.post(f"{LIJST}{verwerking.pk}/change/", {"toelichting": "weg"})
    verwerking.refresh_from_db()
    assert verwerking.toelichting == ""
    assert Verwerking.objects.filter(pk=verwerking.pk).exists()


def test_other_roles_do_not_see_the_log_in_the_beheer(client, staff_login, w):
    security = factories.medewerker(
        w.werkorganisatie, rollen=(Rolcode.SECURITY_OFFICER,)
    )
    staff_login(client, security)
    assert client.get(LIJST).status_code == 403
