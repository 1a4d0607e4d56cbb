"""The rules for programmes, goals and projects, each refused in Dutch on its
field; a project update adds to the history instead of overwriting it."""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from loket.beleid import services
from loket.beleid.models import Beleidsdoel, Mijlpaal, Programma, Project, Projectstand
from loket.beleid.tests import kit

pytestmark = pytest.mark.django_db


def fouten(error: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return error.value.message_dict


def doel_velden(**extra):
    return {
        "titel": "Gemiddeld rapportcijfer 8,5",
        "indicator": "tevredenheid",
        "streefwaarde": Decimal("8.5"),
        "jaar": 2027,
        **extra,
    }


# -- programmes --------------------------------------------------------------------


def test_a_programme_name_is_unique_per_gemeente_whatever_its_case(w):
    with pytest.raises(ValidationError) as error:
        services.create_programma(
            gemeente=w.duinwaard, naam=" digitale Dienstverlening "
        )
    assert fouten(error) == {
        "naam": ["Deze gemeente heeft al een programma met deze naam."]
    }
    # Another gemeente may use the same name.
    services.create_programma(gemeente=w.lindebroek, naam="Digitale dienstverlening")
    assert Programma.objects.filter(naam="Digitale dienstverlening").count() == 2


def test_a_programme_needs_a_name_and_a_sensible_order(w):
    with pytest.raises(ValidationError) as error:
        services.create_programma(gemeente=w.duinwaard, naam="  ", volgorde=1000)
    assert fouten(error) == {
        "naam": ["Vul de naam van het programma in."],
        "volgorde": ["Vul een volgnummer in van 0 tot en met 999."],
    }


def test_a_programme_can_be_renamed_and_keeps_its_goals(w):
    services.update_programma(
        w.programma, naam="Digitaal", omschrijving="Online eerst", volgorde=3
    )
    w.programma.refresh_from_db()
    assert (w.programma.naam, w.programma.omschrijving, w.programma.volgorde) == (
        "Digitaal",
        "Online eerst",
        3,
    )
    assert list(w.programma.doelen.all()) == [w.doel]


# -- goals -------------------------------------------------------------------------


def test_a_goal_is_stored_with_its_indicator_target_and_year(w):
    doel = services.create_beleidsdoel(
        programma=w.programma, **doel_velden(nulmeting="7.40", toelichting=" Uit KTO ")
    )
    doel.refresh_from_db()
    assert (doel.indicator, doel.streefwaarde, doel.jaar, doel.nulmeting) == (
        "tevredenheid",
        Decimal("8.50"),
        2027,
        Decimal("7.40"),
    )
    assert doel.toelichting == "Uit KTO"


def test_a_goal_must_name_an_indicator_that_exists(w):
    with pytest.raises(ValidationError) as error:
        services.create_beleidsdoel(
            programma=w.programma, **doel_velden(indicator="aantal-koffie")
        )
    assert fouten(error) == {"indicator": ["Kies de indicator die dit doel meet."]}
    assert Beleidsdoel.objects.count() == 2  # the two of the kit


def test_a_percentage_goal_cannot_exceed_100_and_nothing_is_negative(w):
    with pytest.raises(ValidationError) as error:
        services.create_beleidsdoel(
            programma=w.programma,
            **doel_velden(
                indicator="zaken-online",
                streefwaarde=Decimal(101),
                nulmeting=Decimal(-1),
                jaar=1999,
            ),
        )
    assert fouten(error) == {
        "streefwaarde": ["Dit getal is te groot."],
        "nulmeting": ["Dit kan niet negatief zijn."],
        "jaar": ["Vul een jaar in van 2000 tot en met 2100."],
    }


def test_a_count_goal_may_exceed_100(w):
    doel = services.create_beleidsdoel(
        programma=w.programma,
        **doel_velden(indicator="inzendingen", streefwaarde=Decimal(12000)),
    )
    assert doel.streefwaarde == Decimal(12000)


def test_a_goal_needs_a_title_and_a_target(w):
    with pytest.raises(ValidationError) as error:
        services.create_beleidsdoel(
            programma=w.programma, **doel_velden(titel="", streefwaarde=None)
        )
    assert fouten(error) == {
        "titel": ["Vul de titel van het doel in."],
        "streefwaarde": ["Vul de streefwaarde in."],
    }


def test_a_goal_cannot_move_to_a_programme_of_another_gemeente(w):
    ander = Programma.objects.get(gemeente=w.elders)
    with pytest.raises(ValidationError) as error:
        services.update_beleidsdoel(
            w.doel, programma=ander, **doel_velden(indicator="zaken-online")
        )
    assert fouten(error) == {"programma": ["Kies een programma van dezelfde gemeente."]}
    w.doel.refresh_from_db()
    assert w.doel.programma == w.programma


def test_a_deleted_goal_leaves_its_projects_without_the_link(w):
    services.delete_beleidsdoel(w.doel)
    assert not Beleidsdoel.objects.filter(pk=w.doel.pk).exists()
    assert list(Project.objects.get(pk=w.project.pk).doelen.all()) == []


# -- projects ----------------------------------------------------------------------


def test_a_project_of_another_gemeente_cannot_serve_a_goal_here(w):
    with pytest.raises(ValidationError) as error:
        services.update_project(
            w.elders_project, naam="Elders project", budget=1000, doelen=[w.doel]
        )
    assert fouten(error) == {
        "doelen": [
            "Een project dient alleen doelen van de eigen gemeente; "
            '"80% van de aanvragen online in 2027" hoort bij een andere gemeente.'
        ]
    }
    assert list(w.elders_project.doelen.all()) == []


def test_a_new_project_links_goals_of_its_gemeente_and_starts_on_course(w):
    tweede = services.create_beleidsdoel(programma=w.programma, **doel_velden())
    project = services.create_project(
        gemeente=w.duinwaard,
        naam="  Nieuwe website ",
        budget="185000",
        eigenaar="Teamleider Communicatie",
        begindatum=kit.dagen(-10),
        einddatum=kit.dagen(300),
        doelen=[w.doel, tweede],
    )
    project.refresh_from_db()
    assert project.naam == "Nieuwe website"
    assert project.budget == Decimal(185000)
    assert (project.status, project.besteed, project.bijgewerkt_op) == (
        "op_koers",
        Decimal(0),
        None,
    )
    assert set(project.doelen.all()) == {w.doel, tweede}


def test_a_project_needs_a_name_a_budget_and_an_end_after_its_start(w):
    with pytest.raises(ValidationError) as error:
        services.create_project(
            gemeente=w.duinwaard,
            naam="",
            budget=None,
            begindatum=kit.dagen(0),
            einddatum=kit.dagen(-1),
        )
    assert fouten(error) == {
        "naam": ["Vul de naam van het project in."],
        "einddatum": ["De einddatum ligt voor de begindatum."],
        "budget": ["Vul het budget in."],
    }


def test_a_budget_has_at_most_two_decimals(w):
    with pytest.raises(ValidationError) as error:
        services.update_project(w.project, naam="X", budget=Decimal("10.005"))
    assert fouten(error) == {
        "budget": ["Gebruik hoogstens twee cijfers achter de komma."]
    }


def test_updating_a_project_keeps_the_earlier_states_as_history(w):
    eerste = services.werk_project_bij(
        w.project,
        status="op_koers",
        besteed=Decimal(20000),
        voortgang="Gestart.",
        door="Tamara Smit",
        datum=timezone.now() - timedelta(days=30),
    )
    tweede = services.werk_project_bij(
        w.project,
        status="risico",
        besteed=Decimal("61000.50"),
        voortgang="Leverancier is laat.",
        door="Tamara Smit",
    )
    assert list(w.project.standen.all()) == [tweede, eerste]  # newest first
    project = Project.objects.get(pk=w.project.pk)
    assert (project.status, project.besteed, project.voortgang) == (
        "risico",
        Decimal("61000.50"),
        "Leverancier is laat.",
    )
    assert project.bijgewerkt_op == tweede.datum


def test_a_backdated_state_joins_the_history_without_replacing_the_newest(w):
    services.werk_project_bij(
        w.project, status="te_laat", besteed=500, voortgang="Nu.", door="T. Smit"
    )
    services.werk_project_bij(
        w.project,
        status="op_koers",
        besteed=100,
        voortgang="Vorig jaar.",
        door="T. Smit",
        datum=timezone.now() - timedelta(days=365),
    )
    project = Project.objects.get(pk=w.project.pk)
    assert (project.status, project.voortgang) == ("te_laat", "Nu.")
    assert project.standen.count() == 2


def test_an_invalid_update_stores_nothing(w):
    with pytest.raises(ValidationError) as error:
        services.werk_project_bij(
            w.project,
            status="prima",
            besteed=Decimal(-5),
            voortgang=" ",
            door="",
            datum=timezone.now() + timedelta(days=1),
        )
    assert fouten(error) == {
        "status": ["Kies de status van het project."],
        "besteed": ["Dit kan niet negatief zijn."],
        "voortgang": ["Schrijf kort hoe het project ervoor staat."],
        "door": ["Vul in wie dit bijwerkt."],
        "datum": ["Een stand kan niet in de toekomst liggen."],
    }
    assert not Projectstand.objects.exists()
    assert Project.objects.get(pk=w.project.pk).bijgewerkt_op is None


# -- milestones and risks ----------------------------------------------------------


def test_a_milestone_is_planned_then_met_once(w):
    mijlpaal = services.voeg_mijlpaal_toe(
        w.project, naam="Formulier live", gepland=kit.dagen(10)
    )
    assert mijlpaal.gehaald is None
    services.markeer_mijlpaal_gehaald(mijlpaal)
    assert Mijlpaal.objects.get(pk=mijlpaal.pk).gehaald == kit.vandaag()
    with pytest.raises(ValidationError) as error:
        services.markeer_mijlpaal_gehaald(mijlpaal)
    assert fouten(error) == {"gehaald": ["Deze mijlpaal is al gehaald."]}


def test_a_milestone_cannot_be_met_in_the_future_and_needs_a_name_and_date(w):
    with pytest.raises(ValidationError) as error:
        services.voeg_mijlpaal_toe(
            w.project, naam="", gepland=None, gehaald=kit.dagen(1)
        )
    assert fouten(error) == {
        "naam": ["Vul de naam van de mijlpaal in."],
        "gepland": ["Vul in wanneer de mijlpaal gepland is."],
        "gehaald": ["Deze datum ligt in de toekomst."],
    }


def test_a_risk_is_added_and_closed_once(w):
    risico = services.voeg_risico_toe(
        w.project, omschrijving="Leverancier laat", niveau="hoog", maatregel="Bellen"
    )
    services.sluit_risico(risico)
    risico.refresh_from_db()
    assert risico.gesloten
    with pytest.raises(ValidationError) as error:
        services.sluit_risico(risico)
    assert error.value.messages == ["Dit risico is al gesloten."]


def test_a_risk_needs_a_description_and_a_level(w):
    with pytest.raises(ValidationError) as error:
        services.voeg_risico_toe(w.project, omschrijving="", niveau="enorm")
    assert fouten(error) == {
        "omschrijving": ["Beschrijf het risico."],
        "niveau": ["Kies hoe groot het risico is."],
    }
