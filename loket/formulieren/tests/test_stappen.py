"""A step on the server: conditions, repeating groups, prefill, completeness."""

import pytest

from loket.formulieren import stappen
from loket.formulieren.tests import maken
from tests import zgw_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def definitie():
    return stappen.definitie(maken.formulier(zgw_data.catalogue()))


def verwerk(
    definitie, nummer, data, files=None, antwoorden=None, prefill=None, herhalingen=None
):
    return stappen.verwerk(
        definitie,
        definitie.stap(nummer),
        antwoorden=antwoorden or {},
        prefill=prefill or {},
        herhalingen=herhalingen or {},
        data=data,
        files=files,
    )


def test_a_hidden_question_is_neither_required_nor_kept(definitie):
    data = maken.post(kenteken="AB-12-CD", soort="Van mij", werkgever="Bakkerij Bol")
    resultaat = verwerk(
        definitie, 1, data, maken.files(kentekenbewijs=("k.pdf", maken.PDF))
    )
    assert resultaat.geldig, resultaat.fouten
    assert "werkgever" not in resultaat.antwoorden


def test_a_question_shown_by_its_condition_is_required(definitie):
    data = maken.post(kenteken="AB-12-CD", soort="Van de zaak")
    resultaat = verwerk(
        definitie, 1, data, maken.files(kentekenbewijs=("k.pdf", maken.PDF))
    )
    assert resultaat.fouten == {"werkgever": "Vul dit veld in."}


def test_a_repeating_group_reads_each_row_and_its_maximum(definitie):
    data = maken.post(**{"bestuurders-0-naam": "Jan", "bestuurders-1-naam": "Piet"})
    resultaat = verwerk(definitie, 3, data, herhalingen={"bestuurders": 2})
    assert resultaat.antwoorden == {"bestuurders": [{"naam": "Jan"}, {"naam": "Piet"}]}
    te_veel = verwerk(definitie, 3, data, herhalingen={"bestuurders": 4})
    assert te_veel.fouten["bestuurders"] == "U kunt hooguit 3 keer iets opgeven."


def test_a_prefilled_field_takes_the_registers_value_not_the_input():
    cat = zgw_data.catalogue()
    formulier = maken.formulier(
        cat,
        stappen=[
            {
                "titel": "Over u",
                "velden": [
                    {
                        "sleutel": "naam",
                        "label": "Naam",
                        "type": "tekst",
                        "prefill": "persoon.naam",
                    },
                    {
                        "sleutel": "adres",
                        "label": "Adres",
                        "type": "adres",
                        "prefill": "persoon.adres",
                    },
                ],
            }
        ],
    )
    definitie = stappen.definitie(formulier)
    adres = {
        "postcode": "1234 AB",
        "huisnummer": 1,
        "huisletter": "",
        "toevoeging": "",
        "straat": "Kerkstraat",
        "woonplaats": "Duinwaard",
    }
    resultaat = verwerk(
        definitie,
        1,
        maken.post(naam="Iemand anders"),
        prefill={"persoon.naam": "Jan de Vries", "persoon.adres": adres},
    )
    assert resultaat.antwoorden == {"naam": "Jan de Vries", "adres": adres}
    assert all(v.alleen_lezen for v in resultaat.vragen)
    # Without the register's value the resident fills it in.
    leeg = verwerk(definitie, 1, maken.post(naam=""), prefill={})
    assert leeg.fouten["naam"] == "Vul dit veld in."


def test_completeness_is_checked_again_over_all_steps(definitie):
    antwoorden = {
        "kenteken": "AB-12-CD",
        "soort": "Van de zaak",
        "kentekenbewijs": {"bijlage": "x", "naam": "k.pdf", "grootte": 1},
    }
    # werkgever became required when soort changed; step 1 is incomplete again.
    assert stappen.controleer_alles(definitie, antwoorden, {}) == 1
    antwoorden["werkgever"] = "Bol"
    assert stappen.controleer_alles(definitie, antwoorden, {}) == 2
