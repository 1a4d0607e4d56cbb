"""Searching the BRP for a person by name and birth date, or by address, over the
Haal Centraal BRP Personen 2.x protocol, against the BRP test server (the RvIG test
set). The klantbeeld uses these."""

from datetime import date

import pytest
import urllib3

from loket.identiteit.clients import PrefillError, brp, endpoint

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_person_is_found_by_surname_and_birth_date_case_insensitively(
    testdiensten,
):
    gevonden = brp.zoek_op_naam("MOULIN", date(1985, 12, 1))

    assert [p.bsn for p in gevonden] == ["999993653"]
    suzanne = gevonden[0]
    assert suzanne.naam == "Suzanne Moulin"
    assert suzanne.geboortedatum == date(1985, 12, 1)
    assert suzanne.adres.regel == "Boterdiep 31, 3077 AW Rotterdam"


def test_a_surname_with_a_voorvoegsel_is_split_as_the_brp_keeps_it(testdiensten):
    # Born 17-04-1959: Peter-Jan van der Meijden and Frederik Meijden (and a
    # deceased Van der Meijden, whom a search does not find).
    zonder = brp.zoek_op_naam("Meijden", date(1959, 4, 17))
    assert {p.bsn for p in zonder} == {"999993872", "999991036"}
    met = brp.zoek_op_naam("van der Meijden", date(1959, 4, 17))
    assert [(p.bsn, p.voorvoegsel) for p in met] == [("999993872", "van der")]
    assert brp.zoek_op_naam("de Meijden", date(1959, 4, 17)) == []


def test_first_names_narrow_the_search_and_a_wildcard_needs_three_letters(
    testdiensten,
):
    frederik = brp.zoek_op_naam("Meijden", date(1959, 4, 17), "FREDERIK")
    assert [p.bsn for p in frederik] == ["999991036"]
    peter = brp.zoek_op_naam("meijden", date(1959, 4, 17), "peter*")
    assert [p.bsn for p in peter] == ["999993872"]
    assert {p.bsn for p in brp.zoek_op_naam("Mei*", date(1959, 4, 17))} == {
        "999993872",
        "999991036",
    }
    with pytest.raises(PrefillError, match="drie letters"):
        brp.zoek_op_naam("Me*", date(1959, 4, 17))


def test_diacritics_are_ignored_in_names(testdiensten):
    met = brp.zoek_op_naam("Käster", date(1958, 10, 9))
    zonder = brp.zoek_op_naam("kaster", date(1958, 10, 9))
    assert met and [p.bsn for p in met] == [p.bsn for p in zonder]


def test_a_wrong_birth_date_finds_nobody(testdiensten):
    assert brp.zoek_op_naam("Moulin", date(1985, 12, 2)) == []


def test_deceased_persons_are_not_found(testdiensten):
    # Margriet Buidel (999990147) is deceased in the test set.
    assert brp.zoek_op_naam("Buidel", date(1948, 1, 17)) == []


def test_everybody_at_an_address_is_found_by_postcode_and_number(testdiensten):
    gevonden = brp.zoek_op_adres("3077 aw", 31)
    assert "999993653" in [p.bsn for p in gevonden]
    assert all(p.adres.postcode == "3077AW" for p in gevonden)


def test_huisletter_and_toevoeging_narrow_an_address(testdiensten):
    alle = brp.zoek_op_adres("3225TD", 555)
    met_letter = brp.zoek_op_adres("3225TD", 555, huisletter="a")
    met_toevoeging = brp.zoek_op_adres("3225TD", 555, "a", "-4A")
    assert len(alle) > len(met_letter) > len(met_toevoeging) > 0
    assert all(p.adres.huisletter == "A" for p in met_letter)
    assert [(p.adres.huisletter, p.adres.toevoeging) for p in met_toevoeging] == [
        ("A", "-4a")
    ]
    # The only resident at 555B-73c is deceased.
    assert brp.zoek_op_adres("3225TD", 555, "B", "73c") == []


def test_an_unknown_address_finds_nobody(testdiensten):
    assert brp.zoek_op_adres("9999ZZ", 1) == []


@pytest.mark.parametrize(
    ("postcode", "huisnummer", "huisletter", "melding"),
    [
        ("123", 1, "", "postcode"),
        ("1234AB", 0, "", "huisnummer"),
        ("1234AB", 1, "AB", "huisletter"),
    ],
)
def test_a_wrong_address_is_refused_before_asking_the_brp(
    postcode, huisnummer, huisletter, melding
):
    with pytest.raises(PrefillError, match=melding):
        brp.zoek_op_adres(postcode, huisnummer, huisletter)


def test_the_search_speaks_the_haal_centraal_protocol(testdiensten):
    """A search answers the limited person (PersoonBeperkt): the BSN and address
    lines, no structured address; an unknown search type is refused."""
    base, key = endpoint("brp")
    http = urllib3.PoolManager()

    def post(body):
        return http.request(
            "POST",
            f"{base}/personen",
            json=body,
            headers={"X-API-Key": key},
        )

    antwoord = post(
        {
            "type": "ZoekMetPostcodeEnHuisnummer",
            "postcode": "3077AW",
            "huisnummer": 31,
            "fields": ["burgerservicenummer", "adressering"],
        }
    )
    assert antwoord.status == 200
    data = antwoord.json()
    assert data["type"] == "ZoekMetPostcodeEnHuisnummer"
    suzanne = next(
        p for p in data["personen"] if p["burgerservicenummer"] == "999993653"
    )
    assert suzanne == {
        "burgerservicenummer": "999993653",
        "adressering": {
            "adresregel1": "Boterdiep 31",
            "adresregel2": "3077 AW  ROTTERDAM",
        },
    }
    # Fields of the full person are not for a search.
    assert (
        post(
            {
                "type": "ZoekMetPostcodeEnHuisnummer",
                "postcode": "3077AW",
                "huisnummer": 31,
                "fields": ["verblijfplaats"],
            }
        ).status
        == 400
    )
    assert (
        post(
            {
                "type": "ZoekMetNummeraanduidingIdentificatie",
                "nummeraanduidingIdentificatie": "0599200000219678",
                "fields": ["burgerservicenummer"],
            }
        ).status
        == 400
    )
    assert (
        http.request(
            "POST",
            f"{base}/personen",
            json={"type": "ZoekMetPostcodeEnHuisnummer"},
            headers={"X-API-Key": "fout"},
        ).status
        == 401
    )


def test_without_a_brp_connection_the_search_says_so(settings):
    settings.TESTDIENSTEN = False
    settings.BRP_URL = ""
    with pytest.raises(PrefillError, match="niet ingesteld"):
        brp.zoek_op_naam("Moulin", date(1985, 12, 1))


def test_splitting_voorvoegsels():
    assert brp.splits_voorvoegsel("van der Berg") == ("van der", "Berg")
    assert brp.splits_voorvoegsel("d'Ancona") == ("d'", "Ancona")
    assert brp.splits_voorvoegsel("De") == ("", "De")
    assert brp.splits_voorvoegsel("Vandenberg") == ("", "Vandenberg")
