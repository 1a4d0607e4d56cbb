"""The functional administrator chooses, in the beheer, which indicators "Zo doen
we het" shows for a gemeente of the own organisation; no one else's."""

import pytest

from loket.organisaties.roles import Rolcode, permissies_voor
from loket.sturing import indicatoren
from loket.sturing.models import Sturinginstelling
from tests import factories

pytestmark = pytest.mark.django_db

PAD = "/beheer/sturing/sturinginstelling/"


@pytest.fixture
def gemeente():
    return factories.gemeente(naam="Zeestad")


@pytest.fixture
def beheerder(gemeente):
    return factories.medewerker(
        factories.organisatie(gemeente), rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,)
    )


def test_only_the_functional_administrator_manages_the_choice():
    assert "sturing.change_sturinginstelling" in permissies_voor(
        [Rolcode.FUNCTIONEEL_BEHEERDER]
    )
    assert "sturing.change_sturinginstelling" not in permissies_voor(
        [Rolcode.TEAMLEIDER, Rolcode.BESTUURDER]
    )


def test_choosing_the_public_indicators_in_the_beheer(
    client, staff_login, beheerder, gemeente
):
    ander = factories.gemeente(naam="Elders")
    staff_login(client, beheerder)
    pagina = client.get(PAD + "add/")
    assert pagina.status_code == 200
    assert "Zeestad" in pagina.text and "Elders" not in pagina.text

    response = client.post(
        PAD + "add/",
        {"gemeente": gemeente.pk, "publieke_indicatoren": ["klachten", "tevredenheid"]},
    )
    assert response.status_code == 302, response.text
    assert indicatoren.publieke_indicatoren(gemeente) == ["tevredenheid", "klachten"]

    response = client.post(
        PAD + "add/", {"gemeente": ander.pk, "publieke_indicatoren": ["klachten"]}
    )
    assert response.status_code == 200  # not a choice for this administrator
    assert not Sturinginstelling.objects.filter(gemeente=ander).exists()


def test_the_list_shows_only_the_own_gemeenten(
    client, staff_login, beheerder, gemeente
):
    ander = factories.gemeente(naam="Elders")
    Sturinginstelling.objects.create(gemeente=gemeente)
    Sturinginstelling.objects.create(gemeente=ander)
    staff_login(client, beheerder)
    lijst = client.get(PAD)
    assert lijst.status_code == 200
    assert "Zeestad" in lijst.text and "Elders" not in lijst.text
    eigen = Sturinginstelling.objects.get(gemeente=gemeente)
    vreemd = Sturinginstelling.objects.get(gemeente=ander)
    assert client.get(f"{PAD}{eigen.pk}/change/").status_code == 200
    assert client.get(f"{PAD}{vreemd.pk}/change/").status_code == 302  # not found
