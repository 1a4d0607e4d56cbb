"""The beleid demo: programmes with measurable goals and a projectenboek with
two years of history for both demo gemeenten, loaded twice without doubles."""

from datetime import timedelta

from django.utils import timezone

import pytest

from loket.beleid import demo
from loket.beleid.models import Beleidsdoel, Mijlpaal, Programma, Project, Projectstand
from loket.demo.loader import DemoReport
from loket.sturing.indicatoren import INDICATOREN
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_demo_loads_idempotently_with_a_history_in_the_past():
    gemeenten = {
        slug: factories.gemeente(naam=slug.title(), slug=slug)
        for slug in ("duinwaard", "lindebroek")
    }
    eerste = DemoReport()
    demo.load(gemeenten, eerste)
    tweede = DemoReport()
    demo.load(gemeenten, tweede)
    assert tweede.created == []
    assert tweede.kept == len(eerste.created)

    duinwaard, lindebroek = gemeenten["duinwaard"], gemeenten["lindebroek"]
    assert Programma.objects.filter(gemeente=duinwaard).count() == 3
    assert Beleidsdoel.objects.filter(programma__gemeente=duinwaard).count() == 6
    assert Project.objects.filter(gemeente=duinwaard).count() == 5
    assert Project.objects.filter(gemeente=lindebroek).count() == 4
    assert {d.indicator for d in Beleidsdoel.objects.all()} <= set(INDICATOREN)
    assert Beleidsdoel.objects.get(
        programma__gemeente=lindebroek, indicator="tevredenheid"
    ).titel == ("Gemiddeld rapportcijfer 8,0")

    nu = timezone.now()
    standen = Projectstand.objects.all()
    assert standen.count() == 2 * (5 + 3 + 4 + 4) + 3
    assert all(s.datum < nu for s in standen)
    assert min(s.datum for s in standen) < nu - timedelta(days=600)
    for project in Project.objects.all():
        nieuwste = project.standen.first()
        assert (project.status, project.besteed, project.bijgewerkt_op) == (
            nieuwste.status,
            nieuwste.besteed,
            nieuwste.datum,
        )
        assert project.doelen.exists()
        assert all(
            d.programma.gemeente_id == project.gemeente_id for d in project.doelen.all()
        )
    assert Mijlpaal.objects.filter(gehaald__isnull=False).exists()
    assert Mijlpaal.objects.filter(gehaald__isnull=True).exists()
    assert set(Project.objects.values_list("status", flat=True)) == {
        "op_koers",
        "risico",
        "te_laat",
        "afgerond",
    }
