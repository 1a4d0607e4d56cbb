"""The public pages: search, life events and the product page, per gemeente."""

from django.urls import resolve

import pytest

from loket.formulieren import views as formulieren_views
from loket.producten import services
from loket.producten.tests import maak
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def producten(werkorganisatie, zeestad, bosdorp):
    verhuizen = maak.levensgebeurtenis("verhuizen")
    parkeren = maak.levensgebeurtenis("parkeren-en-verkeer")
    maak.levensgebeurtenis("afval")  # exists, but no product has it
    vergunning = maak.definitie(
        werkorganisatie,
        upl_uri=maak.UPL + "parkeervergunning",
        naam="Parkeervergunning voor bewoners",
        slug="parkeervergunning-bewoners",
        samenvatting="Parkeer in uw eigen zone.",
        voorwaarden="U woont in de zone.\n- Het kenteken van uw auto.",
        kosten="€ 52,40 per jaar",
        servicenorm_dagen=56,
        kanalen=["online", "balie"],
        online_aanvraagbaar=True,
        zaaktype_identificatie="PARKEERVERGUNNING-BEWONERS",
        zoekwoorden="parkeren, auto",
        levensgebeurtenissen=[parkeren, verhuizen],
    )
    verhuizing = maak.definitie(
        werkorganisatie,
        upl_uri=maak.UPL + "verhuismelding",
        naam="Verhuizing doorgeven",
        slug="verhuizing-doorgeven",
        samenvatting="Geef uw nieuwe adres door.",
        kanalen=["balie", "telefoon"],
        levensgebeurtenissen=[verhuizen],
    )
    services.publiceer(definitie=vergunning, gemeente=zeestad)
    services.publiceer(definitie=verhuizing, gemeente=zeestad)
    services.publiceer(definitie=vergunning, gemeente=bosdorp, kosten="€ 38,00")
    return vergunning, verhuizing


def test_index_lists_life_events_and_all_products(client, zeestad, producten):
    response = client.get(f"/{zeestad.slug}/producten/")
    assert response.status_code == 200
    text = response.text
    assert "Alle producten van A tot Z" in text
    assert text.index("Parkeervergunning voor bewoners") < text.index(
        "Verhuizing doorgeven"
    )
    assert f"/{zeestad.slug}/producten/levensgebeurtenis/verhuizen/" in text
    assert "/levensgebeurtenis/afval/" not in text  # no products
    assert 'role="search"' in text and 'name="q"' in text


def test_search_finds_a_product_despite_a_typo(client, zeestad, producten):
    response = client.get(f"/{zeestad.slug}/producten/", {"q": "parkeervergunnig"})
    assert response.status_code == 200
    assert 'We vonden 1 product bij "parkeervergunnig"' in response.text
    assert f"/{zeestad.slug}/producten/parkeervergunning-bewoners/" in response.text
    assert "Alle producten van A tot Z" not in response.text


def test_a_search_without_results_says_so_and_offers_the_life_events(
    client, zeestad, producten
):
    response = client.get(f"/{zeestad.slug}/producten/", {"q": "xyzzy"})
    assert response.status_code == 200
    assert 'We vonden helaas niets bij "xyzzy"' in response.text
    assert "Kies een onderwerp" in response.text
    assert "/levensgebeurtenis/verhuizen/" in response.text
    assert "14 0123" in response.text  # whom to call


def test_the_search_text_is_escaped(client, zeestad, producten):
    response = client.get(f"/{zeestad.slug}/producten/", {"q": "<script>x</script>"})
    assert "<script>x" not in response.text
    assert "&lt;script&gt;x" in response.text


def test_a_life_event_lists_its_products(client, zeestad, producten):
    response = client.get(f"/{zeestad.slug}/producten/levensgebeurtenis/verhuizen/")
    assert response.status_code == 200
    assert '<h1 class="utrecht-heading-1">Verhuizen</h1>' in response.text
    assert "Parkeervergunning voor bewoners" in response.text
    assert "Verhuizing doorgeven" in response.text


def test_a_life_event_without_products_here_says_so_kindly(client, zeestad, producten):
    response = client.get(f"/{zeestad.slug}/producten/levensgebeurtenis/afval/")
    assert response.status_code == 200
    assert "heeft gemeente Zeestad nog geen producten" in response.text


def test_the_product_page_shows_what_applies_in_the_gemeente(
    client, zeestad, bosdorp, producten
):
    response = client.get(f"/{zeestad.slug}/producten/parkeervergunning-bewoners/")
    assert response.status_code == 200
    text = response.text
    assert "€ 52,40 per jaar" in text
    assert "U krijgt binnen 8 weken een besluit." in text
    assert "Het kenteken van uw auto." in text
    assert "Parkeren en verkeer" in text
    other = client.get(f"/{bosdorp.slug}/producten/parkeervergunning-bewoners/")
    assert "€ 38,00" in other.text and "€ 52,40" not in other.text


def test_a_product_without_online_request_explains_the_other_ways(
    client, zeestad, producten
):
    response = client.get(f"/{zeestad.slug}/producten/verhuizing-doorgeven/")
    assert "U kunt dit niet online aanvragen" in response.text
    assert "Kom langs bij het gemeentehuis" in response.text
    assert 'href="tel:140123"' in response.text
    assert "Aanvragen</a>" not in response.text


def test_an_online_product_has_an_aanvragen_button_to_its_form(
    client, zeestad, producten
):
    response = client.get(f"/{zeestad.slug}/producten/parkeervergunning-bewoners/")
    url = f"/{zeestad.slug}/aanvragen/parkeervergunning-bewoners/"
    assert f'href="{url}">Aanvragen</a>' in response.text
    assert "U logt in met DigiD" in response.text
    assert resolve(url).func is formulieren_views.start


@pytest.mark.parametrize(
    "path",
    [
        "/zeestad-x/producten/",  # no such gemeente
        "/{g}/producten/bestaat-niet/",
        "/{g}/producten/levensgebeurtenis/bestaat-niet/",
    ],
)
def test_unknown_pages_are_the_normal_404(client, zeestad, producten, path):
    response = client.get(path.format(g=zeestad.slug))
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.text  # Loket's own 404 page


def test_a_product_not_published_in_this_gemeente_is_not_found(
    client, bosdorp, zeestad, producten
):
    assert (
        client.get(f"/{bosdorp.slug}/producten/verhuizing-doorgeven/").status_code
        == 404
    )
    gp = producten[1].gemeenteproducten.get(gemeente=zeestad)
    services.depubliceer(gp)
    assert (
        client.get(f"/{zeestad.slug}/producten/verhuizing-doorgeven/").status_code
        == 404
    )


def test_an_inactive_gemeente_has_no_product_pages(client, producten, werkorganisatie):
    stil = factories.gemeente(naam="Stil", actief=False)
    assert client.get(f"/{stil.slug}/producten/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/{g}/producten/",
        "/{g}/producten/?q=parkeervergunnig",
        "/{g}/producten/levensgebeurtenis/verhuizen/",
        "/{g}/producten/parkeervergunning-bewoners/",
    ],
)
def test_each_page_needs_only_a_few_queries(
    client, zeestad, producten, django_assert_max_num_queries, path
):
    with django_assert_max_num_queries(5):
        response = client.get(path.format(g=zeestad.slug))
    assert response.status_code == 200


def test_the_gemeente_home_page_links_to_the_products(client, zeestad):
    response = client.get(f"/{zeestad.slug}/")
    assert f'href="/{zeestad.slug}/producten/"' in response.text
