"""The beheer of forms: for the functional administrator of the gemeente, with
the zaaktype as the check on what a question writes to."""

from django.core.exceptions import ValidationError

import pytest

from loket.formulieren import controles
from loket.formulieren.models import Stap, Veld
from loket.formulieren.tests import maken
from loket.organisaties.roles import Rolcode
from tests import factories, zgw_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def formulier():
    return maken.formulier(zgw_data.catalogue())


def test_a_form_writing_to_an_unknown_eigenschap_is_refused():
    cat = zgw_data.catalogue()
    stappen = [
        {
            "titel": "Auto",
            "velden": [
                {
                    "sleutel": "k",
                    "label": "Kenteken",
                    "type": "tekst",
                    "eigenschap": "kleur",
                }
            ],
        }
    ]
    with pytest.raises(ValidationError) as fout:
        maken.formulier(cat, stappen=stappen)
    assert "heeft geen eigenschap 'kleur'. Wel: kenteken." in str(fout.value)


def test_the_check_names_what_is_wrong(formulier):
    Veld.objects.filter(sleutel="werkgever").update(conditie_veld="bestaat-niet")
    assert controles.controleer_formulier(formulier) == [
        "Vraag 'werkgever' hangt af van 'bestaat-niet'; die vraag bestaat niet in "
        "dit formulier."
    ]


def test_the_functional_administrator_edits_the_questions(
    client, staff_login, formulier
):
    beheerder = factories.medewerker(
        factories.organisatie(formulier.gemeente),
        rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,),
    )
    staff_login(client, beheerder)
    assert client.get("/beheer/formulieren/formulier/").status_code == 200
    page = client.get(f"/beheer/formulieren/formulier/{formulier.pk}/change/")
    assert "Het formulier past bij het zaaktype." in page.content.decode()
    stap = Stap.objects.filter(formulier=formulier).first()
    assert client.get(f"/beheer/formulieren/stap/{stap.pk}/change/").status_code == 200


def test_another_organisations_administrator_does_not_see_the_form(
    client, staff_login, formulier
):
    elders = factories.medewerker(rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,))
    staff_login(client, elders)
    assert (
        client.get(f"/beheer/formulieren/formulier/{formulier.pk}/change/").status_code
        == 302
    )
