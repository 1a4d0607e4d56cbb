"""Prefill clients against the BRP, KvK and BAG test servers over HTTP."""

from datetime import date

import pytest

from loket.identiteit import prefill

pytestmark = pytest.mark.django_db(transaction=True)


def test_persoon(testdiensten):
    persoon = prefill.persoon("999993653")
    assert persoon.naam == "Suzanne Moulin"
    assert persoon.geboortedatum == date(1985, 12, 1)
    assert persoon.adres == prefill.Adres(
        straat="Boterdiep",
        huisnummer=31,
        huisletter="",
        toevoeging="",
        postcode="3077AW",
        woonplaats="Rotterdam",
    )
    assert prefill.persoon("999990639").voorvoegsel == "du"


def test_unknown_persoon(testdiensten):
    assert prefill.persoon("111222333") is None


def test_bedrijf(testdiensten):
    bedrijf = prefill.bedrijf("69599084")
    assert (bedrijf.naam, bedrijf.vestigingsnummer) == (
        "Test EMZ Dagobert",
        "000038509504",
    )
    assert bedrijf.adres.regel == "Abebe Bikilalaan 17, 1034 WL Amsterdam"
    assert prefill.bedrijf("12345678") is None


def test_adressen(testdiensten):
    [adres] = prefill.adressen("3077 aw", 31)
    assert (adres.straat, adres.woonplaats) == ("Boterdiep", "Rotterdam")
    assert prefill.adressen("9999ZZ", 1) == []


def test_wrong_api_key(testdiensten, settings):
    settings.BRP_API_KEY = "fout"
    settings.KVK_API_KEY = "fout"
    with pytest.raises(prefill.PrefillError, match="geweigerd"):
        prefill.persoon("999993653")
    with pytest.raises(prefill.PrefillError, match="KvK"):
        prefill.bedrijf("69599084")


def test_server_down(settings):
    settings.BAG_URL = "http://127.0.0.1:9"
    with pytest.raises(prefill.PrefillError, match="niet bereikbaar"):
        prefill.adressen("3077AW", 31)


def test_not_configured(settings):
    settings.TESTDIENSTEN = False
    settings.BRP_URL = ""
    with pytest.raises(prefill.PrefillError, match="niet ingesteld"):
        prefill.persoon("999993653")


def test_invalid_input_is_not_sent():
    with pytest.raises(prefill.PrefillError, match="postcode"):
        prefill.adressen("12AB", 1)
