"""The rules of the catalogue: UPL names, one definition specialised per gemeente,
publication per gemeente, zaaktypen from the gemeente's catalogus."""

from django.core.exceptions import ValidationError

import pytest

from loket.producten import selectors, services
from loket.producten.tests import maak
from tests import factories, zgw_data

pytestmark = pytest.mark.django_db


def messages(exc: pytest.ExceptionInfo) -> str:
    return " ".join(exc.value.messages)


def test_the_upl_name_is_taken_from_the_national_list(werkorganisatie):
    definitie = maak.definitie(werkorganisatie, upl_uri=maak.UPL + "brpUittr")
    assert definitie.upl_naam == "brp-uittreksel"


@pytest.mark.parametrize(
    "uri",
    [
        maak.UPL + "bestaat_niet",
        # On the list, but offered by the Rijk, not by gemeenten.
        maak.UPL + "verzoek_overheidsinformatie",
        "",
    ],
)
def test_a_name_that_is_not_a_municipal_upl_product_is_refused(werkorganisatie, uri):
    with pytest.raises(ValidationError) as exc:
        maak.definitie(werkorganisatie, upl_uri=uri)
    assert "Uniforme Productnamenlijst" in messages(exc)
    assert "upl_uri" in exc.value.error_dict


def test_a_published_product_applies_the_definition_in_every_gemeente(
    werkorganisatie, zeestad, bosdorp
):
    definitie = maak.definitie(
        werkorganisatie, slug="grofvuil", kosten="€ 25,00", servicenorm_dagen=14
    )
    services.publiceer(definitie=definitie, gemeente=zeestad)
    services.publiceer(definitie=definitie, gemeente=bosdorp)
    for gemeente in (zeestad, bosdorp):
        view = selectors.product(gemeente, "grofvuil")
        assert (view.kosten, view.servicenorm_dagen) == ("€ 25,00", 14)
        assert view.upl_naam == "parkeervergunning"


def test_a_specialisation_overrides_only_what_differs(
    werkorganisatie, zeestad, bosdorp
):
    definitie = maak.definitie(werkorganisatie, slug="vergunning", kosten="€ 52,40")
    services.publiceer(definitie=definitie, gemeente=zeestad)
    services.publiceer(definitie=definitie, gemeente=bosdorp, kosten="€ 38,00")

    services.update_definitie(definitie, samenvatting="Nieuwe uitleg.")

    zee, bos = (selectors.product(g, "vergunning") for g in (zeestad, bosdorp))
    assert (zee.kosten, bos.kosten) == ("€ 52,40", "€ 38,00")
    assert zee.samenvatting == bos.samenvatting == "Nieuwe uitleg."


def test_an_emptied_override_goes_back_to_the_definition(werkorganisatie, zeestad):
    definitie = maak.definitie(werkorganisatie, slug="p", kosten="€ 1,00")
    gp = services.publiceer(definitie=definitie, gemeente=zeestad, kosten="€ 2,00")
    services.specialiseer(gp, kosten="")
    assert selectors.product(zeestad, "p").kosten == "€ 1,00"


def test_yes_no_and_list_overrides_resolve_per_gemeente(
    werkorganisatie, zeestad, bosdorp
):
    definitie = maak.definitie(
        werkorganisatie,
        slug="p",
        kanalen=["balie", "telefoon"],
        levensgebeurtenissen=[maak.levensgebeurtenis("wonen")],
    )
    services.publiceer(definitie=definitie, gemeente=zeestad)
    services.publiceer(
        definitie=definitie,
        gemeente=bosdorp,
        kanalen=["post"],
        doelgroep="beide",
        levensgebeurtenissen=[maak.levensgebeurtenis("afval")],
    )
    zee, bos = (selectors.product(g, "p") for g in (zeestad, bosdorp))
    assert zee.kanalen == ("balie", "telefoon") and bos.kanalen == ("post",)
    assert (zee.doelgroep, bos.doelgroep) == ("burger", "beide")
    assert [lg.slug for lg in zee.levensgebeurtenissen] == ["wonen"]
    assert [lg.slug for lg in bos.levensgebeurtenissen] == ["afval"]


def test_online_can_be_switched_off_in_one_gemeente(werkorganisatie, zeestad):
    cat = zgw_data.catalogue(zeestad)
    definitie = maak.definitie(
        werkorganisatie,
        slug="p",
        online_aanvraagbaar=True,
        kanalen=["online"],
        zaaktype_identificatie=cat.zaaktype.identificatie,
    )
    services.publiceer(
        definitie=definitie,
        gemeente=zeestad,
        online_aanvraagbaar=False,
        kanalen=["balie"],
    )
    view = selectors.product(zeestad, "p")
    assert view.online_aanvraagbaar is False
    assert definitie.online_aanvraagbaar is True


def test_a_product_is_only_on_the_site_of_the_gemeenten_it_is_published_in(
    werkorganisatie, zeestad, bosdorp
):
    definitie = maak.definitie(werkorganisatie, slug="p")
    gp = services.publiceer(definitie=definitie, gemeente=zeestad, kosten="€ 3,00")
    assert selectors.product(bosdorp, "p") is None
    assert [v.slug for v in selectors.producten_for(zeestad)] == ["p"]

    services.depubliceer(gp)
    assert selectors.product(zeestad, "p") is None
    assert selectors.producten_for(zeestad) == []

    services.publiceer(definitie=definitie, gemeente=zeestad)
    assert selectors.product(zeestad, "p").kosten == "€ 3,00"  # kept


def test_a_product_cannot_be_published_in_a_gemeente_the_organisation_does_not_serve(
    werkorganisatie,
):
    elders = factories.gemeente(naam="Elders")
    definitie = maak.definitie(werkorganisatie)
    with pytest.raises(ValidationError) as exc:
        services.publiceer(definitie=definitie, gemeente=elders)
    assert "werkt niet voor gemeente Elders" in messages(exc)


def test_two_products_of_one_gemeente_cannot_share_a_web_address(
    werkorganisatie, zeestad
):
    eigen = factories.organisatie(zeestad)
    services.publiceer(
        definitie=maak.definitie(werkorganisatie, slug="paspoort"), gemeente=zeestad
    )
    tweede = maak.definitie(eigen, slug="paspoort")
    with pytest.raises(ValidationError) as exc:
        services.publiceer(definitie=tweede, gemeente=zeestad)
    assert "al een product met dit webadres" in messages(exc)


def test_an_address_used_by_a_page_is_refused_as_product_slug(werkorganisatie):
    with pytest.raises(ValidationError) as exc:
        maak.definitie(werkorganisatie, slug="levensgebeurtenis")
    assert "slug" in exc.value.error_dict


def test_a_new_web_address_follows_to_every_publication(werkorganisatie, zeestad):
    definitie = maak.definitie(werkorganisatie, slug="oud")
    services.publiceer(definitie=definitie, gemeente=zeestad)
    services.update_definitie(definitie, slug="nieuw")
    assert selectors.product(zeestad, "oud") is None
    assert selectors.product(zeestad, "nieuw") is not None


def test_the_zaaktype_must_be_in_the_catalogus_of_the_gemeente(
    werkorganisatie, zeestad, bosdorp
):
    zgw_data.catalogue(zeestad, identificatie="PARKEER")
    zgw_data.catalogue(bosdorp, identificatie="ANDERS")
    definitie = maak.definitie(werkorganisatie, zaaktype_identificatie="PARKEER")
    services.publiceer(definitie=definitie, gemeente=zeestad)
    with pytest.raises(ValidationError) as exc:
        services.publiceer(definitie=definitie, gemeente=bosdorp)
    assert "PARKEER staat niet gepubliceerd in de catalogus van gemeente Bosdorp" in (
        messages(exc)
    )
    # Bosdorp can publish it with its own zaaktype.
    services.publiceer(
        definitie=definitie, gemeente=bosdorp, zaaktype_identificatie="ANDERS"
    )
    assert selectors.product(bosdorp, definitie.slug).zaaktype_identificatie == (
        "ANDERS"
    )


def test_a_zaaktype_in_none_of_the_catalogi_is_refused(werkorganisatie, zeestad):
    zgw_data.catalogue(zeestad, identificatie="PARKEER")
    with pytest.raises(ValidationError) as exc:
        maak.definitie(werkorganisatie, zaaktype_identificatie="BESTAAT-NIET")
    assert "staat in geen enkele catalogus" in messages(exc)


def test_without_a_catalogus_the_zaaktype_cannot_be_checked_and_is_accepted(
    werkorganisatie, zeestad
):
    definitie = maak.definitie(werkorganisatie, zaaktype_identificatie="IETS")
    services.publiceer(definitie=definitie, gemeente=zeestad)
    assert selectors.product(zeestad, definitie.slug).zaaktype_identificatie == "IETS"


def test_a_definition_change_that_breaks_a_publication_names_the_gemeente(
    werkorganisatie, zeestad, bosdorp
):
    zgw_data.catalogue(zeestad, identificatie="PARKEER")
    zgw_data.catalogue(bosdorp, identificatie="ANDERS")
    definitie = maak.definitie(werkorganisatie, zaaktype_identificatie="ANDERS")
    services.publiceer(definitie=definitie, gemeente=bosdorp)
    with pytest.raises(ValidationError) as exc:
        services.update_definitie(definitie, zaaktype_identificatie="PARKEER")
    assert messages(exc).startswith("In gemeente Bosdorp: Zaaktype PARKEER")


def test_a_product_requested_online_needs_a_zaaktype_and_the_online_channel(
    werkorganisatie,
):
    with pytest.raises(ValidationError) as exc:
        maak.definitie(werkorganisatie, online_aanvraagbaar=True, kanalen=["balie"])
    assert set(exc.value.error_dict) == {"zaaktype_identificatie", "kanalen"}


def test_unknown_channels_are_refused(werkorganisatie):
    with pytest.raises(ValidationError) as exc:
        maak.definitie(werkorganisatie, kanalen=["fax"])
    assert "kanalen" in exc.value.error_dict


@pytest.mark.parametrize(
    ("dagen", "tekst"),
    [
        (56, "U krijgt binnen 8 weken een besluit."),
        (7, "U krijgt binnen 1 week een besluit."),
        (3, "U krijgt binnen 3 dagen een besluit."),
        (1, "U krijgt binnen 1 dag een besluit."),
        (None, ""),
    ],
)
def test_the_service_norm_in_words(werkorganisatie, zeestad, dagen, tekst):
    definitie = maak.definitie(werkorganisatie, servicenorm_dagen=dagen)
    services.publiceer(definitie=definitie, gemeente=zeestad)
    assert selectors.product(zeestad, definitie.slug).servicenorm_tekst == tekst


def test_the_outcome_in_the_service_norm_can_be_named(werkorganisatie, zeestad):
    definitie = maak.definitie(
        werkorganisatie, servicenorm_dagen=3, uitkomst="het uittreksel"
    )
    services.publiceer(definitie=definitie, gemeente=zeestad)
    view = selectors.product(zeestad, definitie.slug)
    assert view.servicenorm_tekst == "U krijgt binnen 3 dagen het uittreksel."


def test_only_life_events_with_products_in_the_gemeente_are_listed(
    werkorganisatie, zeestad, bosdorp
):
    definitie = maak.definitie(
        werkorganisatie,
        levensgebeurtenissen=[
            maak.levensgebeurtenis("afval"),
            maak.levensgebeurtenis("verhuizen"),
        ],
    )
    services.publiceer(definitie=definitie, gemeente=zeestad)
    slugs = [lg.slug for lg in selectors.levensgebeurtenissen_for(zeestad)]
    assert slugs == ["verhuizen", "afval"]  # in their fixed order
    assert selectors.levensgebeurtenissen_for(bosdorp) == []
