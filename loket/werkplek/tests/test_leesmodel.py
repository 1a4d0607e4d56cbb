"""The read model follows the register: incrementally on every notification, and
``herbouw`` rebuilds the same rows in bulk (on PostgreSQL in SQL)."""

from django.core.management import call_command
from django.utils import timezone

import pytest

from loket.werkplek import leesmodel
from loket.werkplek.models import Behandeling, Fase
from loket.werkplek.services import toewijzing
from loket.werkplek.tests.test_wachtrij import (
    ANDER_BSN,
    bedrijfszaak,
    rij,
    wereld,
    zaak,
)
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return wereld()


VERGELEKEN = [f for f in leesmodel.VELDEN if f != "bijgewerkt_op"]


def _rijen() -> dict[int, dict]:
    return {
        r["zaak"]: r
        for r in Behandeling.objects.values("zaak", *VERGELEKEN).order_by("zaak")
    }


def _gevarieerd(w) -> list:
    """Zaken in every state the row distinguishes."""
    nieuw = zaak(w.duinwaard)
    genomen = zaak(w.lindebroek, bsn=ANDER_BSN, naam="Smit")
    toewijzing.neem(genomen, medewerker=w.behandelaar)
    overgenomen = zaak(w.duinwaard)
    toewijzing.neem(overgenomen, medewerker=w.behandelaar)
    toewijzing.neem(overgenomen, medewerker=w.teamleider)
    ander_team = zaak(w.duinwaard)
    toewijzing.wijs_toe(ander_team, door=w.teamleider, team=w.burgerzaken)
    opgeschort = zaak(w.duinwaard)
    zaken.suspend_zaak(opgeschort, actor=LOKET, reden="Wacht op stukken")
    dicht = zaak(w.duinwaard, vertrouwelijkheidaanduiding="vertrouwelijk")
    zaken.set_status(
        dicht,
        actor=LOKET,
        statustype=w.duinwaard.statustypen["Ontvangen"],
        datum_status_gezet=timezone.now(),
    )
    zaken.set_resultaat(
        dicht, actor=LOKET, resultaattype=w.duinwaard.resultaattypen["Geweigerd"]
    )
    zaken.set_status(
        dicht,
        actor=LOKET,
        statustype=w.duinwaard.statustypen["Afgehandeld"],
        datum_status_gezet=timezone.now(),
    )
    bedrijf = bedrijfszaak(w.duinwaard)
    zonder_initiator = zaak(w.elders, bsn="")
    return [
        nieuw,
        genomen,
        overgenomen,
        ander_team,
        opgeschort,
        dicht,
        bedrijf,
        zonder_initiator,
    ]


def test_herbouw_gives_the_same_rows_as_the_incremental_path(w):
    gemaakt = _gevarieerd(w)
    incrementeel = _rijen()
    assert {r["fase"] for r in incrementeel.values()} == set(Fase.values)
    assert len(incrementeel) == len(gemaakt)
    bedrijf = incrementeel[gemaakt[6].pk]
    assert bedrijf["initiator_kvk"] == "69599084"
    assert bedrijf["initiator_naam"] == "Test EMZ Dagobert"
    persoon = incrementeel[gemaakt[0].pk]
    assert persoon["initiator_adres"] == "Dorpsstraat 12, 1234AB Duinwaard"
    assert persoon["initiator_naam"] == "S. de Boer"

    Behandeling.objects.all().delete()
    assert leesmodel.herbouw(batch=3) == len(gemaakt)

    assert _rijen() == incrementeel


def test_herbouw_repairs_rows_that_drifted_and_can_be_limited_to_a_gemeente(w):
    a, b = zaak(w.duinwaard), zaak(w.lindebroek)
    Behandeling.objects.update(fase=Fase.AFGEHANDELD, team=None, zoektekst="")

    assert leesmodel.herbouw(gemeente=w.duinwaard.gemeente) == 1

    assert rij(a).fase == Fase.NIEUW and rij(a).team == w.vergunningen
    assert "Dorpsstraat" in rij(a).zoektekst
    assert rij(b).fase == Fase.AFGEHANDELD  # not its gemeente


def test_the_management_command_rebuilds(w, capsys):
    z = zaak(w.duinwaard)
    Behandeling.objects.all().delete()
    call_command("loket", "werkplek-herbouw")
    assert rij(z).team == w.vergunningen
    assert "1 behandelingen" in capsys.readouterr().out


def test_removing_a_behandelaar_rol_updates_the_row_in_the_same_transaction(w):
    z = zaak(w.duinwaard)
    toewijzing.neem(z, medewerker=w.behandelaar)
    (rol,) = [r for r in z.rollen.all() if r.betrokkene_type == "medewerker"]

    zaken.delete_rol(rol, actor=LOKET)

    assert rij(z).behandelaar is None and rij(z).fase == Fase.NIEUW


def test_herbouw_of_an_empty_register_writes_nothing(db):
    assert leesmodel.herbouw() == 0
