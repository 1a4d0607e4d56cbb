"""Mijn Loket, "Wie heeft mijn gegevens bekeken": a resident (or company) sees
their own entries of the processing log, newest first, with the organisation and
the role of whoever processed them, not the staff member's name."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from loket.verwerkingen.models import Activiteit, Doel, Verwerking
from loket.verwerkingen.services import leg_vast
from loket.verwerkingen.tests import kit
from tests import inwoner

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return kit.wereld()


def _url(gemeente) -> str:
    return reverse("gemeente:portaal:inzage:index", args=[gemeente.slug])


def test_the_page_is_for_a_logged_in_resident(client, w):
    response = client.get(_url(w.duinwaard))
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{w.duinwaard.slug}/inloggen/")


def test_a_resident_sees_their_own_entries_newest_first_without_staff_names(client, w):
    oud = kit.log(w.behandelaar, gemeente=w.duinwaard, zaak="ZAAK-OUD-1")
    Verwerking.objects.filter(pk=oud.pk).update(
        tijdstip=timezone.now() - timedelta(days=3)
    )
    kit.log(
        w.kcc,
        gemeente=w.lindebroek,
        zaak="ZAAK-NIEUW-2",
        activiteit=Activiteit.KLANTBEELD,
        doel=Doel.KLANTCONTACT,
    )
    leg_vast(
        medewerker=None,
        activiteit=Activiteit.BRP_RAADPLEGING,
        doel=Doel.DIENSTVERLENING,
        bsn=kit.BSN,
        gemeente=w.duinwaard,
    )
    kit.log(w.behandelaar, bsn=kit.ANDER_BSN, zaak="ZAAK-ANDER-3")
    inwoner.log_in(client, inwoner.persoon(kit.BSN), w.duinwaard.slug)

    response = client.get(_url(w.duinwaard))

    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert re.findall(r"ZAAK-[A-Z]+-\d", html) == ["ZAAK-NIEUW-2", "ZAAK-OUD-1"]
    assert "Werkorganisatie Duin en Linde (KCC-medewerker)" in html
    assert "Werkorganisatie Duin en Linde (Behandelaar)" in html
    assert "Loket, automatisch" in html
    assert "Gegevens opgevraagd bij de BRP" in html
    assert "Klantbeeld ingezien" in html and "Lindebroek" in html
    assert "Jeroen de Vries" not in html and "Sanne Jansen" not in html
    assert "<caption" in html and 'scope="col"' in html


def test_a_company_sees_the_entries_of_its_kvk_number(client, w):
    kit.log(w.kcc, bsn="", kvk=kit.KVK, gemeente=w.duinwaard, zaak="ZAAK-BEDRIJF-1")
    kit.log(w.kcc, gemeente=w.duinwaard, zaak="ZAAK-PERSOON-2")
    inwoner.log_in(client, inwoner.bedrijf(kvk=kit.KVK), w.duinwaard.slug)

    html = client.get(_url(w.duinwaard)).content.decode()

    assert "ZAAK-BEDRIJF-1" in html and "ZAAK-PERSOON-2" not in html
    assert "de gegevens van uw bedrijf" in html


def test_nothing_logged_says_so(client, w):
    kit.log(w.kcc, bsn=kit.ANDER_BSN)
    inwoner.log_in(client, inwoner.persoon(kit.BSN), w.duinwaard.slug)
    html = client.get(_url(w.duinwaard)).content.decode()
    assert "Er is nog niets vastgelegd over uw gegevens" in html


def test_pages_go_by_number_never_by_bsn(client, w, django_assert_max_num_queries):
    for n in range(30):
        kit.log(w.kcc, gemeente=w.duinwaard, zaak=f"ZAAK-P-{n:02d}")
    inwoner.log_in(client, inwoner.persoon(kit.BSN), w.duinwaard.slug)

    with django_assert_max_num_queries(4):
        eerste = client.get(_url(w.duinwaard)).content.decode()
    tweede = client.get(_url(w.duinwaard), {"pagina": 2}).content.decode()

    assert len(re.findall(r"ZAAK-P-\d\d", eerste)) == 25
    assert len(re.findall(r"ZAAK-P-\d\d", tweede)) == 5
    assert "?pagina=2" in eerste and "Pagina 1 van 2" in eerste
    for url in re.findall(r'href="([^"]*)"', eerste + tweede):
        assert kit.BSN not in url


def test_mijn_loket_links_to_the_page(client, w):
    inwoner.log_in(client, inwoner.persoon(kit.BSN), w.duinwaard.slug)
    html = client.get(
        reverse("gemeente:portaal:index", args=[w.duinwaard.slug])
    ).content.decode()
    assert f'href="{_url(w.duinwaard)}"' in html
    assert "Wie heeft mijn gegevens bekeken" in html
