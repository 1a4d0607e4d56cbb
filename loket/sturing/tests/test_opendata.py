"""Open data: every indicator of every public gemeente as CSV and JSON at a stable
address, aggregates only (no personal data, no group below five), and the DCAT
catalogue that lists them."""

import csv
import io
import json
import re
from datetime import date, timedelta

from django.utils import timezone

import pytest

from loket.feedback import services as feedback
from loket.klantcontact import services as klantcontact
from loket.organisaties import services as organisaties
from loket.sturing import opendata
from loket.sturing.indicatoren import INDICATOREN
from loket.sturing.tests import data
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.models import Rol
from tests import factories

pytestmark = pytest.mark.django_db

BSN = "111222333"
NAAM = "Wilhelmina Zeldzaamheid"
EMAIL = "w.zeldzaam@voorbeeld.nl"


@pytest.fixture
def w():
    """Duinstad: zaken in February 2026 (five through the website, two at the
    balie, four klachten), survey answers, and a webvraag from a named person."""
    w = data.wereld(factories.gemeente(naam="Duinstad", slug="duinstad"))
    for dagen in [2, 4, 6, 8, 10]:
        z = data.afgerond(
            w.vergunning, date(2026, 2, 2), dagen, via="Website/e-formulier"
        )
        zaken.add_rol(
            z,
            actor=LOKET,
            roltype=z.zaaktype.roltypen.get(omschrijving="Aanvrager"),
            betrokkene_type="natuurlijk_persoon",
            betrokkene_identificatie={"inpBsn": BSN, "geslachtsnaam": NAAM},
            contactpersoon_rol={"emailadres": EMAIL, "naam": NAAM},
        )
    for _ in range(2):
        data.zaak(w.vergunning, date(2026, 2, 3), via="Balie")
    for _ in range(4):
        data.zaak(w.klacht, date(2026, 2, 4), via="Telefoon")
    feedback.bewaar_antwoorden_bulk(
        [
            {
                "gemeente_id": w.gemeente.pk,
                "datum": date(2026, 2, 9),
                "cijfer": cijfer,
                "kanaal": "web",
                "opmerking": f"Groeten van {NAAM}",
            }
            for cijfer in [6, 7, 8, 9, 10]
        ]
    )
    vraag = klantcontact.ontvang_webvraag(
        gemeente=w.gemeente,
        naam=NAAM,
        emailadres=EMAIL,
        onderwerp="Afval",
        vraag="Wanneer?",
        bsn=BSN,
        ontvangen_op=timezone.now() - timedelta(hours=3),
        mailen=False,
    )
    klantcontact.beantwoord_webvraag(
        vraag,
        medewerker=factories.medewerker(factories.organisatie(w.gemeente)),
        antwoord="Morgen.",
        kanaal="email",
        mailen=False,
    )
    assert Rol.objects.filter(inp_bsn=BSN).count() == 5
    return w


def _rij(rijen, **velden):
    gevonden = [r for r in rijen if all(r[k] == v for k, v in velden.items())]
    assert len(gevonden) == 1, velden
    return gevonden[0]


def test_a_dataset_as_json_has_rows_per_month_quarter_year_and_channel(client, w):
    response = client.get("/open-data/duinstad/zaken-online.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=3600"
    inhoud = response.json()
    assert inhoud["gemeente"] == {
        "naam": "Duinstad",
        "gemeentecode": w.gemeente.gemeentecode,
        "webadres": "duinstad",
    }
    assert inhoud["indicator"]["definitie"] == INDICATOREN["zaken-online"].definitie
    assert inhoud["licentie"] == opendata.LICENTIE
    rijen = inhoud["rijen"]
    assert _rij(rijen, periode="2026-02", kanaal="") == {
        "gemeentecode": w.gemeente.gemeentecode,
        "gemeente": "Duinstad",
        "indicator": "zaken-online",
        "periode": "2026-02",
        "soort": "maand",
        "begin": "2026-02-01",
        "eind": "2026-02-28",
        "kanaal": "",
        "waarde": 45.5,  # 5 of 11 (the klachten are zaken too)
        "eenheid": "%",
        "aantal": 11,
        "onderdrukt": False,
    }
    assert _rij(rijen, periode="2026-K1", kanaal="")["waarde"] == 45.5
    assert _rij(rijen, periode="2026", kanaal="")["soort"] == "jaar"
    assert _rij(rijen, periode="2026-02", kanaal="balie")["waarde"] == 18.2
    assert _rij(rijen, periode="2026-02", kanaal="telefoon")["waarde"] == 36.4
    # The months before the first data are not there; the ones after are.
    assert not [r for r in rijen if r["periode"] == "2026-01"]
    assert _rij(rijen, periode="2026-03", kanaal="")["aantal"] == 0


def test_a_dataset_as_csv_has_a_header_and_the_same_rows(client, w):
    response = client.get("/open-data/duinstad/doorlooptijd.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert response["Cache-Control"] == "public, max-age=3600"
    assert 'filename="duinstad-doorlooptijd.csv"' in response["Content-Disposition"]
    tekst = response.content.decode()
    assert tekst.splitlines()[0] == ",".join(opendata.KOLOMMEN)
    rijen = list(csv.DictReader(io.StringIO(tekst)))
    februari = _rij(rijen, periode="2026-02", kanaal="")
    assert (februari["waarde"], februari["aantal"], februari["onderdrukt"]) == (
        "6.0",
        "5",
        "nee",
    )
    assert len(rijen) == len(
        client.get("/open-data/duinstad/doorlooptijd.json").json()["rijen"]
    )


def test_small_groups_and_small_counts_are_not_published(client, w):
    klachten = client.get("/open-data/duinstad/klachten.json").json()["rijen"]
    # Four klachten: staff see 4, open data says only that it was fewer than 5.
    februari = _rij(klachten, periode="2026-02", kanaal="")
    assert (februari["waarde"], februari["aantal"], februari["onderdrukt"]) == (
        None,
        None,
        True,
    )
    # Five zaken through the website: shown, also per channel.
    doorlooptijd = client.get("/open-data/duinstad/doorlooptijd.json").json()
    assert _rij(doorlooptijd["rijen"], periode="2026-02", kanaal="web")["waarde"] == 6
    for indicator in INDICATOREN.values():
        for formaat in ("json", "csv"):
            response = client.get(f"/open-data/duinstad/{indicator.code}.{formaat}")
            assert response.status_code == 200
        rijen = client.get(f"/open-data/duinstad/{indicator.code}.json").json()["rijen"]
        for rij in rijen:
            if rij["onderdrukt"]:
                assert rij["waarde"] is None and rij["aantal"] is None, rij
            elif indicator.eenheid == "aantal":
                assert rij["waarde"] == 0 or rij["waarde"] >= 5, rij
            else:
                assert rij["aantal"] == 0 or rij["aantal"] >= 5, rij


def test_open_data_holds_no_personal_data(client, w):
    teksten = [client.get("/open-data/catalog.json").content.decode()]
    for indicator in INDICATOREN:
        for formaat in ("json", "csv"):
            teksten.append(
                client.get(
                    f"/open-data/duinstad/{indicator}.{formaat}"
                ).content.decode()
            )
    alles = "\n".join(teksten)
    assert BSN not in alles
    assert "Zeldzaam" not in alles and "Groeten" not in alles
    assert not re.search(r"\b\d{9}\b", alles), "a number shaped like a BSN"
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", alles), "an e-mail address"


def test_the_catalogue_lists_every_dataset_of_every_public_gemeente(client, w):
    verborgen = factories.gemeente(naam="Verborgen", slug="verborgen")
    organisaties.update_gemeente(verborgen, actief=False)
    response = client.get("/open-data/catalog.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=3600"
    catalogus = json.loads(response.content)
    assert catalogus["@type"] == "dcat:Catalog"
    assert catalogus["dct:license"] == {"@id": opendata.LICENTIE}
    datasets = catalogus["dcat:dataset"]
    assert len(datasets) == len(INDICATOREN)
    assert {d["dct:identifier"] for d in datasets} == {
        f"duinstad/{code}" for code in INDICATOREN
    }
    zaken = next(d for d in datasets if d["dct:identifier"] == "duinstad/zaken-online")
    assert zaken["@type"] == "dcat:Dataset"
    assert zaken["dct:title"] == "Zaken die online binnenkwamen (gemeente Duinstad)"
    assert zaken["dct:description"] == INDICATOREN["zaken-online"].definitie
    assert zaken["dct:publisher"]["foaf:name"] == "Gemeente Duinstad"
    assert zaken["dct:publisher"]["dct:identifier"] == w.gemeente.gemeentecode
    assert zaken["dct:temporal"] == {
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": "2026-02-01",
        "dcat:endDate": timezone.localdate().isoformat(),
    }
    assert zaken["dct:license"] == {"@id": opendata.LICENTIE}
    assert zaken["dcat:theme"]
    iana = "https://www.iana.org/assignments/media-types/"
    distributies = {
        d["dcat:mediaType"]["@id"].removeprefix(iana): d["dcat:downloadURL"]["@id"]
        for d in zaken["dcat:distribution"]
    }
    assert distributies == {
        "text/csv": "http://testserver/open-data/duinstad/zaken-online.csv",
        "application/json": "http://testserver/open-data/duinstad/zaken-online.json",
    }
    for url in distributies.values():
        assert client.get(url).status_code == 200


def test_unknown_and_non_public_gemeenten_and_indicators_are_not_found(client, w):
    verborgen = factories.gemeente(naam="Verborgen", slug="verborgen")
    organisaties.update_gemeente(verborgen, actief=False)
    assert client.get("/open-data/verborgen/klachten.json").status_code == 404
    assert client.get("/open-data/nergens/klachten.csv").status_code == 404
    assert client.get("/open-data/duinstad/geluk.json").status_code == 404
    assert client.post("/open-data/duinstad/klachten.json").status_code == 405


def test_the_index_page_links_every_dataset(client, w):
    response = client.get("/open-data/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"
    tekst = response.content.decode()
    assert "Gemeente Duinstad" in tekst
    for code in INDICATOREN:
        assert f'href="/open-data/duinstad/{code}.csv"' in tekst
        assert f'href="/open-data/duinstad/{code}.json"' in tekst
    assert 'href="/open-data/catalog.json"' in tekst
