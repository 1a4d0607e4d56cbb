import pytest

from loket.organisaties import services
from tests import factories

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect/></svg>'


def test_each_gemeente_has_its_own_home_page_with_its_details(client):
    gemeente = factories.gemeente(
        naam="Zeedorp", telefoonnummer="14 012", welkomsttekst="Fijn dat u er bent."
    )
    response = client.get(f"/{gemeente.slug}/")
    assert response.status_code == 200
    assert "Welkom bij gemeente Zeedorp" in response.text
    assert "14 012" in response.text
    assert "Fijn dat u er bent." in response.text
    assert f"/{gemeente.slug}/huisstijl.css?v=" in response.text


def test_inactive_or_unknown_gemeente_is_not_found(client):
    gemeente = factories.gemeente(actief=False)
    assert client.get(f"/{gemeente.slug}/").status_code == 404
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.text


def test_huisstijl_css_sets_the_gemeente_colours_as_design_tokens(client):
    gemeente = factories.gemeente(kleur_primair="#2e6b30", kleur_link="#1a4d1c")
    response = client.get(f"/{gemeente.slug}/huisstijl.css?v=1")
    assert response["Content-Type"].startswith("text/css")
    assert "--basis-color-accent-1-inverse-bg-default: #2e6b30;" in response.text
    assert "--basis-color-action-2-color-default: #1a4d1c;" in response.text
    assert "immutable" in response["Cache-Control"]


def test_pages_without_a_gemeente_use_loket_colours(client):
    response = client.get("/huisstijl.css")
    assert "--basis-color-accent-1-inverse-bg-default: #154273;" in response.text


def test_logo_is_served_with_its_type_and_cannot_run_scripts(client):
    gemeente = factories.gemeente()
    services.set_logo(gemeente, filename="logo.svg", content=SVG)
    response = client.get(f"/{gemeente.slug}/logo")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == SVG


def test_gemeente_without_logo_shows_its_name(client):
    gemeente = factories.gemeente(naam="Zonderlogo")
    assert client.get(f"/{gemeente.slug}/logo").status_code == 404
    assert "Gemeente Zonderlogo" in client.get(f"/{gemeente.slug}/").text


def test_installation_home_lists_active_gemeenten(client):
    active = factories.gemeente(naam="Actiefdorp")
    factories.gemeente(naam="Slaapdorp", actief=False)
    response = client.get("/")
    assert f'href="/{active.slug}/"' in response.text
    assert "Slaapdorp" not in response.text


def test_public_pages_make_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    gemeenten = [factories.gemeente() for _ in range(5)]
    for gemeente in gemeenten:
        services.set_logo(gemeente, filename="logo.svg", content=SVG)
    with django_assert_max_num_queries(2):
        client.get("/")
    with django_assert_max_num_queries(2):
        client.get(f"/{gemeenten[0].slug}/")
