"""Rebuilding the counts from the registers gives exactly what the live path
counted, on PostgreSQL (in SQL) and SQLite (in Python); logins, which are stored
nowhere else, are kept."""

from datetime import date, timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest

from loket.feedback import services as feedback
from loket.formulieren import services as formulieren
from loket.formulieren.models import Kanaal
from loket.formulieren.tests import maken
from loket.klantcontact import services as klantcontact
from loket.sturing import herbouw, services
from loket.sturing.models import Maandtotaal, Telling, Zaakfeit
from loket.sturing.tests import data
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from tests import factories

pytestmark = pytest.mark.django_db


def _gevarieerd():
    """Something of every source, in two gemeenten."""
    w = data.wereld()
    ander = data.wereld(servicenorm=None)
    for dagen, via in [(3, "Balie"), (14, "Website/e-formulier"), (15, None)]:
        data.afgerond(w.vergunning, date(2026, 1, 30), dagen, via=via)
    data.afgerond(ander.vergunning, date(2025, 11, 3), 200, via="Post")
    data.afgerond(w.klacht, date(2026, 2, 2), 50, via="Telefoon")
    data.zaak(w.bezwaar, date(2026, 2, 3), via="Post")
    heropend = data.afgerond(w.vergunning, date(2026, 2, 1), 10)
    data.status(heropend, "Ontvangen", date(2026, 2, 20))
    weg = data.afgerond(ander.vergunning, date(2026, 1, 1), 4)
    zaken.delete_zaak(weg, actor=LOKET)

    medewerker = factories.medewerker(factories.organisatie(w.gemeente))
    vraag = klantcontact.ontvang_webvraag(
        gemeente=w.gemeente,
        naam="A. Vrager",
        emailadres="vrager@voorbeeld.nl",
        onderwerp="Afval",
        vraag="Wanneer?",
        ontvangen_op=timezone.now() - timedelta(hours=30),
        mailen=False,
    )
    klantcontact.beantwoord_webvraag(
        vraag, medewerker=medewerker, antwoord="Morgen.", kanaal="email", mailen=False
    )
    klantcontact.ontvang_webvraag(  # not answered: not counted
        gemeente=w.gemeente,
        naam="B. Vrager",
        emailadres="b@voorbeeld.nl",
        onderwerp="Paspoort",
        vraag="Hoe lang?",
        mailen=False,
    )

    formulier = maken.formulier(
        type("Cat", (), {"gemeente": w.gemeente, "zaaktype": w.vergunning})
    )
    concept = maken.ingevuld(formulier, kanaal=Kanaal.BALIE)
    formulieren.submit(
        concept,
        actor=formulieren.actor_voor(concept),
        kanaal=Kanaal.BALIE,
        verklaard=True,
    )

    feedback.bewaar_antwoorden_bulk(
        [
            {
                "gemeente_id": ander.gemeente.pk,
                "datum": date(2026, 1, 9),
                "cijfer": 7,
                "kanaal": "balie",
                "product": "PARKEER",
                "gemak": 4,
            },
            {"gemeente_id": w.gemeente.pk, "datum": date(2026, 1, 9), "cijfer": 3},
        ]
    )
    services.tel_inlog(w.gemeente.pk)
    return w, ander


def test_herbouw_gives_the_same_counts_as_the_live_path():
    _gevarieerd()
    live = data.tellingen()
    totalen = data.totalen()
    assert totalen == data.totalen_uit_tellingen()
    feiten = set(Zaakfeit.objects.values_list())
    assert {t[1] for t in live} == {
        "zaak_gestart",
        "zaak_afgerond",
        "klacht",
        "bezwaar",
        "webvraag_beantwoord",
        "inzending",
        "kto_cijfer",
        "kto_gemak",
        "inlog",
    }

    Telling.objects.exclude(meetpunt="inlog").delete()
    Maandtotaal.objects.exclude(meetpunt="inlog").delete()
    Zaakfeit.objects.all().delete()
    uitkomst = herbouw.herbouw()

    assert data.tellingen() == live
    assert data.totalen() == totalen
    assert set(Zaakfeit.objects.values_list()) == feiten
    assert uitkomst == {"zaakfeiten": len(feiten), "tellingen": len(live) - 1}


def test_herbouw_repairs_counts_that_drifted_and_keeps_the_logins():
    _gevarieerd()
    live = data.tellingen()
    totalen = data.totalen()
    Telling.objects.filter(meetpunt="zaak_gestart").update(aantal=99)
    Maandtotaal.objects.filter(meetpunt="zaak_afgerond").update(web=7)
    Zaakfeit.objects.update(kanaal="chat")
    herbouw.herbouw(batch=2)  # several batches
    assert data.tellingen() == live
    assert data.totalen() == totalen


def test_the_management_command_rebuilds_and_says_so(capsys):
    w = data.wereld()
    data.afgerond(w.vergunning, date(2026, 1, 5), 3)
    Telling.objects.all().delete()
    call_command("loket", "sturing-herbouw")
    uit = capsys.readouterr().out
    assert "sturing: 1 zaakfeiten" in uit
    assert "Sturing: 1 zaakfeiten en 2 tellingen herbouwd in" in uit
    assert Telling.objects.count() == 2


def test_herbouw_of_nothing_writes_nothing():
    assert herbouw.herbouw() == {"zaakfeiten": 0, "tellingen": 0}
