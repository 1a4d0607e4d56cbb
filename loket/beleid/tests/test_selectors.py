"""The reads D's dashboard and report use: only the gemeente asked for, in a
fixed order, and a fixed number of queries however many rows there are."""

from decimal import Decimal

import pytest

from loket.beleid import selectors, services
from loket.beleid.tests import kit

pytestmark = pytest.mark.django_db


def meer(w, n: int) -> None:
    """``n`` more programmes with two goals each and ``n`` more projects with
    goals, milestones, risks and history."""
    for i in range(n):
        programma = services.create_programma(
            gemeente=w.duinwaard, naam=f"Programma {i}", volgorde=10 + i
        )
        doelen = [
            services.create_beleidsdoel(
                programma=programma,
                titel=f"Doel {i}-{j}",
                indicator="tevredenheid",
                streefwaarde=Decimal(8),
                jaar=2026 + j,
            )
            for j in range(2)
        ]
        project = services.create_project(
            gemeente=w.duinwaard, naam=f"Project {i}", budget=1000, doelen=doelen
        )
        services.voeg_mijlpaal_toe(project, naam="Start", gepland=kit.dagen(5))
        services.voeg_risico_toe(project, omschrijving="Laat", niveau="laag")
        services.werk_project_bij(
            project, status="op_koers", besteed=10, voortgang="Goed.", door="T"
        )


@pytest.mark.parametrize("extra", [0, 6])
def test_each_read_costs_a_fixed_number_of_queries(w, extra, django_assert_num_queries):
    meer(w, extra)

    def gebruik_projecten(projecten):
        for p in projecten:
            [d.programma.naam for d in p.doelen.all()]
            selectors.volgende_mijlpaal(p)
            selectors.open_risicos(p)

    with django_assert_num_queries(2):
        programmas = selectors.programmas(w.duinwaard)
        [d.titel for p in programmas for d in p.doelen.all()]
    with django_assert_num_queries(1):
        [d.programma.naam for d in selectors.doelen(w.duinwaard)]
    with django_assert_num_queries(4):
        projecten = selectors.projecten(w.duinwaard)
        gebruik_projecten(projecten)
    assert len(projecten) == 1 + extra
    with django_assert_num_queries(5):
        project = selectors.project(w.duinwaard, w.project.uuid)
        gebruik_projecten([project])
        list(project.standen.all())


def test_programmes_come_in_their_order_with_their_goals_by_year(w):
    eerder = services.create_programma(gemeente=w.duinwaard, naam="Zorg", volgorde=0)
    later = services.create_beleidsdoel(
        programma=w.programma,
        titel="Alles online",
        indicator="zaken-online",
        streefwaarde=100,
        jaar=2030,
    )
    vroeg = services.create_beleidsdoel(
        programma=w.programma,
        titel="Zo snel mogelijk",
        indicator="binnen-servicenorm",
        streefwaarde=90,
        jaar=2026,
    )
    programmas = selectors.programmas(w.duinwaard)
    assert programmas == [eerder, w.programma]
    assert list(programmas[1].doelen.all()) == [vroeg, w.doel, later]
    assert selectors.programmas(w.lindebroek) == []


def test_goals_of_one_year_only_and_never_of_another_gemeente(w):
    services.create_beleidsdoel(
        programma=w.programma,
        titel="Snel",
        indicator="binnen-servicenorm",
        streefwaarde=90,
        jaar=2026,
    )
    assert [d.titel for d in selectors.doelen(w.duinwaard, jaar=2027)] == [
        "80% van de aanvragen online in 2027"
    ]
    assert [d.titel for d in selectors.doelen(w.duinwaard)] == [
        "Snel",
        "80% van de aanvragen online in 2027",
    ]
    assert selectors.doel(w.duinwaard, w.elders_doel.uuid) is None
    assert selectors.doel(w.elders, w.elders_doel.uuid) == w.elders_doel


def test_projects_by_name_and_a_project_only_in_its_own_gemeente(w):
    services.create_project(gemeente=w.duinwaard, naam="Afvalpas online", budget=0)
    assert [p.naam for p in selectors.projecten(w.duinwaard)] == [
        "Afvalpas online",
        "Parkeervergunning online",
    ]
    assert selectors.project(w.duinwaard, w.elders_project.uuid) is None
    assert selectors.project(w.duinwaard, "geen-uuid") is None
    assert selectors.project(w.duinwaard, w.project.uuid) == w.project


def test_the_next_milestone_open_risks_and_share_spent(w):
    gehaald = services.voeg_mijlpaal_toe(
        w.project, naam="Ontwerp", gepland=kit.dagen(-30), gehaald=kit.dagen(-28)
    )
    services.voeg_mijlpaal_toe(w.project, naam="Live", gepland=kit.dagen(60))
    volgende = services.voeg_mijlpaal_toe(w.project, naam="Test", gepland=kit.dagen(5))
    laag = services.voeg_risico_toe(w.project, omschrijving="A", niveau="laag")
    hoog = services.voeg_risico_toe(w.project, omschrijving="B", niveau="hoog")
    midden = services.voeg_risico_toe(w.project, omschrijving="C", niveau="midden")
    services.sluit_risico(
        services.voeg_risico_toe(w.project, omschrijving="D", niveau="hoog")
    )
    services.werk_project_bij(
        w.project, status="risico", besteed=Decimal(62500), voortgang="x", door="T"
    )
    project = selectors.project(w.duinwaard, w.project.uuid)
    assert gehaald.gehaald is not None
    assert selectors.volgende_mijlpaal(project) == volgende
    assert selectors.open_risicos(project) == [hoog, midden, laag]
    assert selectors.besteed_percentage(project) == 50


def test_no_share_spent_without_a_budget(w):
    project = services.create_project(gemeente=w.duinwaard, naam="Gratis", budget=0)
    assert selectors.besteed_percentage(project) is None
    assert (
        selectors.volgende_mijlpaal(selectors.project(w.duinwaard, project.uuid))
        is None
    )
