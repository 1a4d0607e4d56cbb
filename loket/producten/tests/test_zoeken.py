"""Typo-tolerant search and its ranking, on the demo catalogue's names and search
words (no database needed: the search is plain Python)."""

import pytest

from loket.producten import upl, zoeken
from loket.producten.demo import PRODUCTEN, UPL
from loket.producten.selectors import ProductView


def _view(spec) -> ProductView:
    return ProductView(
        slug=spec.slug,
        naam=spec.naam,
        samenvatting=spec.samenvatting,
        doelgroep=spec.doelgroep,
        servicenorm_dagen=spec.servicenorm_dagen,
        online_aanvraagbaar=spec.online,
        zaaktype_identificatie=spec.zaaktype,
        kosten=spec.kosten,
        zoekwoorden=tuple(zoeken.zoekwoorden_van(spec.zoekwoorden)),
        upl_naam=upl.zoek_uri(UPL + spec.upl).naam,
    )


CATALOGUS = [_view(spec) for spec in PRODUCTEN]


def zoek(tekst: str) -> list[str]:
    return [view.slug for view in zoeken.rangschik(CATALOGUS, tekst)]


@pytest.mark.parametrize(
    ("tekst", "eerste"),
    [
        ("parkeervergunning", "parkeervergunning-bewoners"),
        ("parkeervergunnig", "parkeervergunning-bewoners"),  # a letter missing
        ("parkeervregunning", "parkeervergunning-bewoners"),  # two swapped
        ("Parkeervergunningen", "parkeervergunning-bewoners"),
        ("verhuizen", "verhuizing-doorgeven"),
        ("verhiuzen", "verhuizing-doorgeven"),
        ("nieuw adres", "verhuizing-doorgeven"),
        ("ik wil een paspoort aanvragen", "paspoort"),
        ("pasport", "paspoort"),
        ("id kaart", "identiteitskaart"),
        ("invalidenkaart", "gehandicaptenparkeerkaart"),
        ("gehandicapten parkeerkaart", "gehandicaptenparkeerkaart"),
        ("kliko", "afvalcontainer"),
        ("brp", "uittreksel-brp"),
        ("uitreksel", "uittreksel-brp"),
        ("trouwen", "trouwen-of-partnerschap"),
        ("huwelijk", "trouwen-of-partnerschap"),
        ("bezwaarschrift", "bezwaar"),
        ("festival", "evenementenvergunning"),
        ("evenementvergunning", "evenementenvergunning"),
        ("baby", "geboorteaangifte"),
        ("HONDENBELASTING", "hondenbelasting"),
    ],
)
def test_the_right_product_comes_first(tekst, eerste):
    assert zoek(tekst)[0] == eerste


def test_a_word_for_several_products_finds_them_all_best_first():
    found = zoek("parkeren")
    assert set(found[:2]) == {"parkeervergunning-bewoners", "gehandicaptenparkeerkaart"}
    found = zoek("legitimatie")  # a search word of both travel documents
    assert set(found[:2]) == {"paspoort", "identiteitskaart"}


def test_a_match_in_the_name_ranks_above_a_match_in_the_search_words():
    # "reisdocument" is a search word of both; only one has "paspoort" in its name.
    assert zoek("paspoort reisdocument")[0] == "paspoort"
    assert zoek("identiteitskaart reisdocument")[0] == "identiteitskaart"


def test_more_matching_words_rank_higher():
    found = zoek("kaart parkeren gehandicapt")
    assert found[0] == "gehandicaptenparkeerkaart"
    assert "parkeervergunning-bewoners" in found[1:]


@pytest.mark.parametrize("tekst", ["xyzzy", "", "   ", "qwertyuiop", "?!"])
def test_nothing_unrelated_is_found(tekst):
    assert zoek(tekst) == []


def test_a_query_of_only_common_words_still_searches_them():
    assert zoek("ik wil") == []  # and no error
    assert "paspoort" in zoek("pas")


def test_short_words_are_not_matched_loosely():
    assert zoeken.gelijkenis("pas", "was") == 0
    assert zoeken.gelijkenis("hond", "bond") == 0
    assert zoeken.gelijkenis("pas", "paspoort") > 0  # the start of a word


def test_typos_cost_a_little_and_too_many_typos_nothing():
    exact = zoeken.gelijkenis("verhuizing", "verhuizing")
    one = zoeken.gelijkenis("verhuizng", "verhuizing")
    assert exact > one > 0
    assert zoeken.gelijkenis("vrhzng", "verhuizing") == 0


def test_a_typo_inside_a_compound_word_is_found():
    assert zoeken.gelijkenis("parkeerkart", "gehandicaptenparkeerkaart") > 0


def test_accents_and_punctuation_do_not_matter():
    assert zoeken.woorden("Één brp-uittreksel, graag!") == [
        "een",
        "brp",
        "uittreksel",
        "graag",
    ]
