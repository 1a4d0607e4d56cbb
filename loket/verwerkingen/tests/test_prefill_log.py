"""Loket asking the BRP or KvK to fill in a form is logged: for a resident as
Loket itself (purpose: dienstverlening), once per actual lookup; for a staff
member filling in a form for a resident as that staff member (formulier namens).
Against the real test servers."""

import pytest

from loket.formulieren import services
from loket.formulieren.models import Concept
from loket.formulieren.services import Eigenaar
from loket.formulieren.tests import maken
from loket.organisaties.roles import Rolcode
from loket.verwerkingen.models import Activiteit, Doel, Verwerking
from tests import factories, inwoner, zgw_data

pytestmark = pytest.mark.django_db(transaction=True)

BSN = "999993653"  # Suzanne Moulin in the BRP test set
KVK = "69599084"  # the KvK test profile


@pytest.fixture
def formulier():
    return maken.formulier(zgw_data.catalogue())


def _start(client, formulier):
    return client.get(f"/{formulier.gemeente.slug}/aanvragen/parkeervergunning/")


def test_a_resident_starting_a_form_logs_one_brp_lookup(
    client, testdiensten, formulier
):
    inwoner.log_in(client, inwoner.persoon(BSN), formulier.gemeente.slug)

    assert _start(client, formulier).status_code == 302
    assert _start(client, formulier).status_code == 302  # resumes the draft

    verwerking = Verwerking.objects.get()
    assert verwerking.activiteit == Activiteit.BRP_RAADPLEGING
    assert verwerking.doel == Doel.DIENSTVERLENING
    assert (verwerking.bsn, verwerking.medewerker, verwerking.gemeente) == (
        BSN,
        None,
        formulier.gemeente,
    )
    assert Concept.objects.get().prefill["_naam"] == "Suzanne Moulin"


def test_a_company_lookup_is_logged_as_a_kvk_lookup(testdiensten, formulier):
    services.start_concept(formulier=formulier, eigenaar=Eigenaar(kvk=KVK))

    verwerking = Verwerking.objects.get()
    assert (verwerking.activiteit, verwerking.kvk, verwerking.bsn) == (
        Activiteit.KVK_RAADPLEGING,
        KVK,
        "",
    )


def test_no_lookup_no_entry(settings, formulier):
    settings.TESTDIENSTEN = False
    settings.BRP_URL = ""  # the register is not connected: nothing is asked
    _, melding = services.start_concept(formulier=formulier, eigenaar=Eigenaar(bsn=BSN))
    assert melding
    assert not Verwerking.objects.exists()


def test_staff_filling_in_for_a_resident_is_logged_as_that_staff_member(
    client, staff_login, testdiensten, formulier
):
    kcc = factories.medewerker(
        factories.organisatie(formulier.gemeente),
        rollen=(Rolcode.KCC_MEDEWERKER,),
    )
    staff_login(client, kcc)

    response = client.post(
        f"/{formulier.gemeente.slug}/aanvragen/parkeervergunning/namens/",
        {"bsn": BSN, "kanaal": "telefoon"},
    )

    assert response.status_code == 302
    verwerking = Verwerking.objects.get()
    assert (verwerking.activiteit, verwerking.medewerker, verwerking.bsn) == (
        Activiteit.FORMULIER_NAMENS,
        kcc,
        BSN,
    )
    assert verwerking.gemeente == formulier.gemeente
    assert verwerking.functie == "KCC-medewerker"
