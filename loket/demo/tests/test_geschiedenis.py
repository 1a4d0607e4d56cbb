"""The demo's two years of history: zaken over every month, channels and lead
times that move the way the dashboard should show, answered questions."""

from datetime import date

from django.test import override_settings

import pytest

from loket.demo import geschiedenis
from loket.demo.loader import load_demo
from loket.klantcontact.models import Webvraag
from loket.organisaties.models import Gemeente
from loket.zgw.zaken.models import Resultaat, Rol, Zaak

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 11, 18)


@pytest.fixture
def gemeente():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    return Gemeente.objects.get(slug="duinwaard")


def test_two_years_of_zaken_as_the_services_would_have_written_them(gemeente):
    result = geschiedenis.load(gemeente, vandaag=VANDAAG)

    zaken = Zaak.objects.filter(gemeente=gemeente)
    assert result.zaken == zaken.count() > 20 * geschiedenis.MAANDEN
    maanden = {(z.startdatum.year, z.startdatum.month) for z in zaken}
    assert len(maanden) == geschiedenis.MAANDEN
    assert min(zaken.values_list("startdatum", flat=True)) >= date(2024, 12, 1)
    assert max(zaken.values_list("startdatum", flat=True)) < VANDAAG
    # Every zaak has its initiator and a current status; closed ones a resultaat,
    # an einddatum after the start and their end status as the current one.
    assert Rol.objects.filter(zaak__in=zaken).count() == zaken.count()
    assert not zaken.filter(status__isnull=True).exists()
    gesloten = zaken.filter(einddatum__isnull=False)
    assert Resultaat.objects.filter(zaak__in=gesloten).count() == gesloten.count()
    for zaak in gesloten.select_related("status__statustype")[:50]:
        assert zaak.einddatum >= zaak.startdatum
        assert zaak.status.statustype.volgnummer == max(
            s.volgnummer for s in zaak.zaaktype.statustypen.all()
        )
    assert zaken.filter(einddatum__isnull=True).exists()  # recent ones still run
    # Identificaties came from the register's counter: the next one follows.
    assert zaken.values("identificatie").distinct().count() == zaken.count()


def test_the_history_shows_a_trend(gemeente):
    al_er = set(Webvraag.objects.values_list("pk", flat=True))  # the demo's own
    geschiedenis.load(gemeente, vandaag=VANDAAG)
    zaken = Zaak.objects.filter(gemeente=gemeente).select_related("communicatiekanaal")

    def online(jaar):
        deel = [z for z in zaken if z.startdatum.year == jaar]
        web = [z for z in deel if z.communicatiekanaal.naam == "Website/e-formulier"]
        return len(web) / len(deel)

    assert online(2025) < online(2026)
    assert {z.communicatiekanaal.naam for z in zaken} == {
        "Website/e-formulier",
        "Balie",
        "Telefoon",
        "Post",
    }
    vragen = Webvraag.objects.filter(gemeente=gemeente).exclude(pk__in=al_er)
    assert vragen.count() > 10 * (geschiedenis.MAANDEN - 1)
    assert not vragen.filter(beantwoord_op__isnull=True).exists()
    te_laat = [v for v in vragen if v.beantwoord_op > v.antwoorden_voor]
    assert 0 < len(te_laat) < vragen.count() / 3


def test_loading_twice_adds_nothing(gemeente):
    geschiedenis.load(gemeente, vandaag=VANDAAG)
    aantal = Zaak.objects.count()
    assert geschiedenis.load(gemeente, vandaag=VANDAAG) is None
    assert Zaak.objects.count() == aantal


def test_survey_answers_follow_the_zaken_and_questions(gemeente):
    from loket.feedback.models import Antwoord

    result = geschiedenis.load(gemeente, vandaag=VANDAAG)

    antwoorden = Antwoord.objects.filter(gemeente=gemeente)
    assert result.antwoorden == antwoorden.count()
    gesloten = Zaak.objects.filter(gemeente=gemeente, einddatum__isnull=False).count()
    # About a third of the closed zaken and answered questions.
    assert 0.2 * gesloten < antwoorden.exclude(product="").count() < 0.45 * gesloten
    assert antwoorden.filter(product="", kanaal="web").exists()
    assert {a.kanaal for a in antwoorden} == {"web", "balie", "telefoon", "post"}
    assert max(a.maand for a in antwoorden) <= VANDAAG
    cijfers = [a.cijfer for a in antwoorden]
    assert all(1 <= c <= 10 for c in cijfers)
    assert antwoorden.exclude(opmerking="").exists()


def test_logins_are_counted_per_month(gemeente):
    from loket.sturing import indicatoren

    result = geschiedenis.load(gemeente, vandaag=VANDAAG)

    jaar = indicatoren.meet("inlogs", [gemeente], indicatoren.Periode.parse("2025"))
    assert 0 < jaar.waarde <= result.inlogs
    online = Zaak.objects.filter(
        gemeente=gemeente,
        startdatum__year=2025,
        communicatiekanaal__naam="Website/e-formulier",
    ).count()
    assert 1.7 * online - 12 <= jaar.waarde <= 2.3 * online + 12
