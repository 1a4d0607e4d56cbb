"""The demo forms asking the base registers for real: the KvK test server fills in
the company, the BAG test server finds the street of a postcode and house number
(the test servers speak the KvK and Haal Centraal APIs over HTTP)."""

from django.test import override_settings

import pytest

from loket.demo.loader import load_demo
from loket.formulieren import velden
from tests import inwoner

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_company_finds_its_data_from_the_handelsregister(client, testdiensten):
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    inwoner.log_in(client, inwoner.bedrijf(kvk="69599084"), "duinwaard")

    response = client.get("/duinwaard/aanvragen/evenementenvergunning/", follow=True)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Test EMZ Dagobert" in html  # naam in the KvK test profile
    assert "69599084" in html
    assert "Dit komt uit het Handelsregister van de KvK" in html


def test_an_address_is_completed_from_the_bag(testdiensten):
    # Boterdiep 31, 3077 AW: an address of the RvIG test set, served by the BAG
    # test server.
    adres, storing = velden.zoek_adres("3077 AW", 31)
    assert not storing
    assert (adres.straat, adres.postcode) == ("Boterdiep", "3077AW")
    assert velden.zoek_adres("9999 ZZ", 1) == (None, False)
