"""The beheer: a functional administrator defines, publishes and specialises the
products of their own organisation; other organisations see none of it."""

import pytest

from loket.organisaties.roles import Rolcode, permissies_voor
from loket.producten import selectors, services
from loket.producten.models import Gemeenteproduct, Productdefinitie
from loket.producten.tests import maak
from tests import factories

pytestmark = pytest.mark.django_db

DEFINITIES = "/beheer/producten/productdefinitie/"
PUBLICATIES = "/beheer/producten/gemeenteproduct/"


@pytest.fixture
def beheerder(werkorganisatie):
    return factories.medewerker(
        werkorganisatie, rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,)
    )


@pytest.fixture
def buitenstaander():
    return factories.medewerker(rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,))


@pytest.fixture
def gepubliceerd(werkorganisatie, zeestad):
    definitie = maak.definitie(
        werkorganisatie, naam="Grofvuil laten ophalen", slug="grofvuil"
    )
    return services.publiceer(definitie=definitie, gemeente=zeestad)


def _definitie_form(organisatie, **overrides) -> dict:
    data = {
        "organisatie": organisatie.pk,
        "upl_uri": maak.UPL + "afvalinzameling_grofvuil",
        "naam": "Grofvuil laten ophalen",
        "slug": "grofvuil-ophalen",
        "samenvatting": "Wij halen grote spullen bij u op.",
        "beschrijving": "Maak een afspraak.",
        "voorwaarden": "",
        "kosten": "€ 25,00",
        "servicenorm_dagen": "14",
        "uitkomst": "",
        "kanalen": ["telefoon"],
        "doelgroep": "burger",
        "zoekwoorden": "grof afval",
        "levensgebeurtenissen": [maak.levensgebeurtenis("afval").pk],
        "zaaktype_identificatie": "",
        "_save": "Opslaan",
    }
    data.update(overrides)
    return data


def test_the_functional_administrator_role_manages_products():
    permissies = permissies_voor([Rolcode.FUNCTIONEEL_BEHEERDER])
    assert {
        "producten.add_productdefinitie",
        "producten.change_productdefinitie",
        "producten.change_gemeenteproduct",
        "producten.view_levensgebeurtenis",
    } <= permissies
    assert "producten.change_levensgebeurtenis" not in permissies
    assert "producten.change_productdefinitie" not in permissies_voor(
        [Rolcode.BEHANDELAAR]
    )


@pytest.mark.parametrize(
    "path", [DEFINITIES, DEFINITIES + "add/", PUBLICATIES, PUBLICATIES + "add/"]
)
def test_the_beheer_pages_open(client, staff_login, beheerder, gepubliceerd, path):
    staff_login(client, beheerder)
    assert client.get(path).status_code == 200


def test_a_functional_administrator_defines_a_product(
    client, staff_login, beheerder, werkorganisatie
):
    staff_login(client, beheerder)
    response = client.post(DEFINITIES + "add/", _definitie_form(werkorganisatie))
    assert response.status_code == 302, response.text
    definitie = Productdefinitie.objects.get(slug="grofvuil-ophalen")
    assert definitie.upl_naam == "afvalinzameling grofvuil"
    assert definitie.kanalen == ["telefoon"]
    assert [lg.slug for lg in definitie.levensgebeurtenissen.all()] == ["afval"]


def test_a_refused_definition_shows_why_and_keeps_the_input(
    client, staff_login, beheerder, werkorganisatie
):
    staff_login(client, beheerder)
    response = client.post(
        DEFINITIES + "add/",
        _definitie_form(werkorganisatie, online_aanvraagbaar="on"),
    )
    assert response.status_code == 200
    assert "heeft een zaaktype nodig" in response.text
    assert "Wij halen grote spullen bij u op." in response.text
    assert not Productdefinitie.objects.filter(slug="grofvuil-ophalen").exists()


def test_a_functional_administrator_specialises_a_product_for_one_gemeente(
    client, staff_login, beheerder, gepubliceerd, zeestad
):
    staff_login(client, beheerder)
    response = client.post(
        f"{PUBLICATIES}{gepubliceerd.pk}/change/",
        {
            "gepubliceerd": "on",
            "kosten": "Gratis, 4 keer per jaar",
            "online_aanvraagbaar": "",
            "doelgroep": "",
            "zaaktype_identificatie": "",
            "_save": "Opslaan",
        },
    )
    assert response.status_code == 302, response.text
    view = selectors.product(zeestad, "grofvuil")
    assert view.kosten == "Gratis, 4 keer per jaar"
    assert view.samenvatting == gepubliceerd.definitie.samenvatting


def test_a_functional_administrator_takes_a_product_offline(
    client, staff_login, beheerder, gepubliceerd, zeestad
):
    staff_login(client, beheerder)
    response = client.post(
        PUBLICATIES,
        {"action": "unpublish", "_selected_action": [gepubliceerd.pk]},
    )
    assert response.status_code == 302
    assert selectors.product(zeestad, "grofvuil") is None
    assert Gemeenteproduct.objects.filter(pk=gepubliceerd.pk).exists()


def test_a_functional_administrator_publishes_in_every_gemeente_at_once(
    client, staff_login, beheerder, werkorganisatie, zeestad, bosdorp
):
    definitie = maak.definitie(werkorganisatie, slug="nieuw")
    staff_login(client, beheerder)
    client.post(
        DEFINITIES, {"action": "publish_everywhere", "_selected_action": [definitie.pk]}
    )
    assert selectors.product(zeestad, "nieuw") and selectors.product(bosdorp, "nieuw")


def test_staff_of_another_organisation_do_not_see_the_products(
    client, staff_login, buitenstaander, gepubliceerd
):
    staff_login(client, buitenstaander)
    for path in (DEFINITIES, PUBLICATIES):
        response = client.get(path)
        assert response.status_code == 200
        assert "Grofvuil laten ophalen" not in response.text
    for path in (
        f"{DEFINITIES}{gepubliceerd.definitie.pk}/change/",
        f"{PUBLICATIES}{gepubliceerd.pk}/change/",
    ):
        assert client.get(path).status_code in (302, 404)


def test_staff_of_another_organisation_cannot_publish_in_our_gemeente(
    client, staff_login, buitenstaander, zeestad
):
    eigen = maak.definitie(buitenstaander.organisatie, slug="eigen")
    staff_login(client, buitenstaander)
    response = client.post(
        PUBLICATIES + "add/",
        {"definitie": eigen.pk, "gemeente": zeestad.pk, "gepubliceerd": "on"},
    )
    assert response.status_code == 200  # the form refuses the gemeente
    assert not Gemeenteproduct.objects.filter(gemeente=zeestad).exists()


def test_the_specialisation_form_shows_the_value_of_the_definition(
    client, staff_login, beheerder, gepubliceerd
):
    staff_login(client, beheerder)
    response = client.get(f"{PUBLICATIES}{gepubliceerd.pk}/change/")
    assert response.status_code == 200
    assert "Leeg: zoals in de definitie (&quot;€ 10,00&quot;)." in response.text


def test_texts_of_the_definition_in_help_texts_are_escaped(
    client, staff_login, beheerder, gepubliceerd
):
    services.update_definitie(gepubliceerd.definitie, kosten="<b>gratis</b>")
    staff_login(client, beheerder)
    response = client.get(f"{PUBLICATIES}{gepubliceerd.pk}/change/")
    assert "<b>gratis</b>" not in response.text
    assert "&lt;b&gt;gratis&lt;/b&gt;" in response.text
