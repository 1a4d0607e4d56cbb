"""The privacy officer's pages at /werkplek/verwerkingen/: who may read the log,
what they see (only their organisation's gemeenten), searching by POST (no BSN
in a URL), stable pages, the CSV download, and that reading the log is logged."""

import csv
import io
import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from loket.organisaties.roles import Rolcode
from loket.verwerkingen.models import Activiteit, Doel, Verwerking
from loket.verwerkingen.tests import kit
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/werkplek/verwerkingen/"


@pytest.fixture
def w():
    return kit.wereld()


def _zoek(client, **data):
    return client.post(URL, data)


def _zaken(response) -> set[str]:
    return set(re.findall(r"ZAAK-[A-Z0-9-]+", response.content.decode()))


def test_the_url_name_is_the_one_the_menu_uses():
    assert reverse("verwerkingen:index") == URL


def test_only_a_privacy_officer_or_beheerder_reads_the_log(client, staff_login, w):
    anoniem = client.get(URL)
    assert anoniem.status_code == 302 and "/medewerker/" in anoniem["Location"]

    for medewerker in (w.behandelaar, w.kcc):
        staff_login(client, medewerker)
        assert client.get(URL).status_code == 403
        assert _zoek(client).status_code == 403

    staff_login(client, w.privacy)
    assert client.get(URL).status_code == 200
    beheerder = factories.medewerker(
        None, rollen=(), is_superuser=True, organisatie=None
    )
    staff_login(client, beheerder)
    assert client.get(URL).status_code == 200


def test_the_officer_sees_only_the_gemeenten_their_organisation_serves(
    client, staff_login, w
):
    kit.log(w.behandelaar, gemeente=w.duinwaard, zaak="ZAAK-EIGEN-1")
    kit.log(w.vreemde, gemeente=w.lindebroek, zaak="ZAAK-GEDEELD-2")
    kit.log(w.vreemde, gemeente=w.elders, zaak="ZAAK-ELDERS-3")
    kit.log(w.behandelaar, zaak="ZAAK-EIGENZONDER-4")  # no gemeente, own staff
    kit.log(w.vreemde, zaak="ZAAK-VREEMDZONDER-5")  # no gemeente, other staff
    staff_login(client, w.privacy)

    response = _zoek(client)

    assert response.status_code == 200
    assert _zaken(response) == {
        "ZAAK-EIGEN-1",
        "ZAAK-GEDEELD-2",
        "ZAAK-EIGENZONDER-4",
    }


def test_searching_by_bsn_is_a_post_and_reading_is_logged(client, staff_login, w):
    kit.log(w.behandelaar, gemeente=w.duinwaard, zaak="ZAAK-DEZE-1")
    kit.log(w.behandelaar, bsn=kit.ANDER_BSN, gemeente=w.duinwaard, zaak="ZAAK-ANDER-2")
    staff_login(client, w.privacy)

    pagina = client.get(URL).content.decode()
    assert re.search(r'<form method="post"[^>]*>', pagina)
    # A BSN in the query string is not a search.
    assert _zaken(client.get(URL, {"bsn": kit.BSN})) == set()

    response = _zoek(client, bsn=kit.BSN)

    html = response.content.decode()
    assert _zaken(response) == {"ZAAK-DEZE-1"}
    assert f"BSN {kit.BSN}" in html
    for url in re.findall(r'(?:href|action)="([^"]*)"', html):
        assert kit.BSN not in url
    inzage = Verwerking.objects.get(activiteit=Activiteit.INZAGE_LOG)
    assert (inzage.medewerker, inzage.bsn, inzage.doel) == (
        w.privacy,
        kit.BSN,
        Doel.TOEZICHT,
    )
    assert inzage.functie == "Privacy officer / FG"


def test_a_search_for_someone_without_entries_is_logged_too(client, staff_login, w):
    staff_login(client, w.privacy)
    response = _zoek(client, kvk=kit.KVK)
    assert "Er zijn geen verwerkingen gevonden" in response.content.decode()
    assert Verwerking.objects.filter(
        activiteit=Activiteit.INZAGE_LOG, kvk=kit.KVK, medewerker=w.privacy
    ).exists()


def test_a_result_list_logs_every_person_on_the_page_in_one_go(
    client, staff_login, w, django_assert_max_num_queries
):
    for n in range(30):
        kit.log(
            w.behandelaar,
            bsn=factories.rsin(n + 1),
            gemeente=w.duinwaard,
            zaak=f"ZAAK-{n}",
        )
    staff_login(client, w.privacy)
    client.get(URL)  # session and user in the cache of the test client

    with django_assert_max_num_queries(9):
        response = _zoek(client)

    assert len(_zaken(response)) == 30
    assert Verwerking.objects.filter(activiteit=Activiteit.INZAGE_LOG).count() == 30


def test_search_by_medewerker_period_and_activity(client, staff_login, w):
    oud = kit.log(w.behandelaar, gemeente=w.duinwaard, zaak="ZAAK-OUD-1")
    Verwerking.objects.filter(pk=oud.pk).update(
        tijdstip=timezone.now() - timedelta(days=40)
    )
    kit.log(w.behandelaar, gemeente=w.duinwaard, zaak="ZAAK-NIEUW-2")
    kit.log(
        w.kcc,
        gemeente=w.duinwaard,
        zaak="ZAAK-KCC-3",
        activiteit=Activiteit.KLANTBEELD,
        doel=Doel.KLANTCONTACT,
    )
    staff_login(client, w.privacy)
    vandaag = timezone.localdate()

    assert _zaken(_zoek(client, medewerker=w.behandelaar.pk)) == {
        "ZAAK-OUD-1",
        "ZAAK-NIEUW-2",
    }
    assert _zaken(_zoek(client, van=(vandaag - timedelta(days=7)).isoformat())) == {
        "ZAAK-NIEUW-2",
        "ZAAK-KCC-3",
    }
    assert _zaken(_zoek(client, tot=(vandaag - timedelta(days=7)).isoformat())) == {
        "ZAAK-OUD-1"
    }
    assert _zaken(_zoek(client, activiteit=Activiteit.KLANTBEELD)) == {"ZAAK-KCC-3"}


def test_staff_of_another_organisation_are_not_a_choice(client, staff_login, w):
    staff_login(client, w.privacy)
    keuzes = client.get(URL).content.decode()
    assert "Jeroen de Vries" in keuzes and "Vera Vreemd" not in keuzes
    response = _zoek(client, medewerker=w.vreemde.pk)
    assert "Er is iets niet goed ingevuld" in response.content.decode()


def test_a_wrong_bsn_is_explained_linked_and_kept(client, staff_login, w):
    staff_login(client, w.privacy)
    response = _zoek(client, bsn="123456789", van="2026-12-05", tot="2026-12-01")

    html = response.content.decode()
    assert "elfproef" in html
    assert (
        'href="#id_bsn"' in html
        and 'aria-describedby="id_bsn_helptext id_bsn_error"' in html
    )
    assert 'value="123456789"' in html
    assert "vóór de datum bij Vanaf" in html
    assert not Verwerking.objects.filter(activiteit=Activiteit.INZAGE_LOG).exists()


def test_pages_stay_put_while_the_log_grows(client, staff_login, w):
    for n in range(60):
        kit.log(w.behandelaar, gemeente=w.duinwaard, zaak=f"ZAAK-R{n:02d}")
    staff_login(client, w.privacy)

    eerste = _zoek(client, activiteit=Activiteit.ZAAK_INGEZIEN)
    html = eerste.content.decode()
    assert len(_zaken(eerste)) == 50 and "Volgende 50" in html
    peil = re.search(r'name="peil" value="([^"]+)"', html).group(1)
    # Meanwhile someone looks at another zaak.
    kit.log(w.behandelaar, gemeente=w.duinwaard, zaak="ZAAK-LATER")

    tweede = _zoek(client, activiteit=Activiteit.ZAAK_INGEZIEN, peil=peil, pagina="2")

    assert len(_zaken(tweede)) == 10
    assert not _zaken(eerste) & _zaken(tweede)
    assert "ZAAK-LATER" not in _zaken(tweede)
    assert "Vorige 50" in tweede.content.decode()


def test_the_csv_holds_the_current_selection(client, staff_login, w):
    kit.log(
        w.behandelaar,
        gemeente=w.duinwaard,
        zaak="ZAAK-CSV-1",
        toelichting='=HYPERLINK("x")',
    )
    kit.log(w.behandelaar, bsn=kit.ANDER_BSN, gemeente=w.duinwaard, zaak="ZAAK-CSV-2")
    kit.log(w.vreemde, gemeente=w.elders, zaak="ZAAK-ELDERS")
    staff_login(client, w.privacy)

    response = _zoek(client, bsn=kit.BSN, actie="csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert kit.BSN not in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rijen = list(
        csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert [r["zaak"] for r in rijen] == ["ZAAK-CSV-1"]
    rij = rijen[0]
    assert (rij["bsn"], rij["medewerker"], rij["functie"]) == (
        kit.BSN,
        "Jeroen de Vries",
        "Behandelaar",
    )
    assert (rij["activiteit"], rij["gemeente"]) == ("Zaak ingezien", "Duinwaard")
    assert rij["toelichting"].startswith("'=")  # not a formula in a spreadsheet
    assert Verwerking.objects.filter(
        activiteit=Activiteit.INZAGE_LOG, bsn=kit.BSN
    ).exists()


def test_the_menu_shows_the_log_to_the_privacy_officer_only(client, staff_login, w):
    staff_login(client, w.privacy)
    assert f'href="{URL}"' in client.get(URL).content.decode()
    kcc = factories.medewerker(w.werkorganisatie, rollen=(Rolcode.KCC_MEDEWERKER,))
    staff_login(client, kcc)
    werkplek = client.get("/werkplek/")
    assert werkplek.status_code == 200
    assert f'href="{URL}"' not in werkplek.content.decode()
