"""The beleid pages: who reads, who changes, which gemeente; and that what staff
type arrives in the services."""

import re
from decimal import Decimal

from django.urls import reverse
from django.utils.formats import date_format

import pytest

from loket.beleid import services
from loket.beleid.models import Beleidsdoel, Mijlpaal, Programma, Project, Risico
from loket.beleid.tests import kit

pytestmark = pytest.mark.django_db


def url(naam: str, *args) -> str:
    return reverse(f"beleid:{naam}", args=args)


def wijzig_urls(w, slug: str | None = None) -> list[str]:
    slug = slug or w.duinwaard.slug
    mijlpaal = services.voeg_mijlpaal_toe(w.project, naam="M", gepland=kit.dagen(3))
    risico = services.voeg_risico_toe(w.project, omschrijving="R", niveau="laag")
    p = w.project.uuid
    return [
        url("programma_nieuw", slug),
        url("programma_wijzigen", slug, w.programma.pk),
        url("doel_nieuw", slug),
        url("doel_wijzigen", slug, w.doel.uuid),
        url("doel_verwijderen", slug, w.doel.uuid),
        url("project_nieuw", slug),
        url("project_wijzigen", slug, p),
        url("project_bijwerken", slug, p),
        url("mijlpaal_nieuw", slug, p),
        url("mijlpaal_gehaald", slug, p, mijlpaal.pk),
        url("risico_nieuw", slug, p),
        url("risico_sluiten", slug, p, risico.pk),
    ]


def rij(html: str, kop: str) -> list[str]:
    """The texts of the cells of the table row that starts with ``kop``."""
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cellen = [
            " ".join(re.sub(r"<[^>]+>", " ", c).split())
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        ]
        if cellen and cellen[0] == kop:
            return cellen
    raise AssertionError(f"no row {kop}")


def test_the_overview_shows_goals_and_the_projectenboek(client, staff_login, w):
    services.werk_project_bij(
        w.project, status="risico", besteed=Decimal(62500), voortgang="x", door="T"
    )
    services.voeg_mijlpaal_toe(w.project, naam="Formulier live", gepland=kit.dagen(5))
    services.voeg_mijlpaal_toe(w.project, naam="Later", gepland=kit.dagen(50))
    services.voeg_risico_toe(w.project, omschrijving="Leverancier", niveau="hoog")
    services.voeg_risico_toe(w.project, omschrijving="Capaciteit", niveau="laag")
    staff_login(client, w.teamleider)
    response = client.get(url("gemeente", "duinwaard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert rij(html, "80% van de aanvragen online in 2027") == [
        "80% van de aanvragen online in 2027",
        "Zaken die online binnenkwamen",  # the indicator's title
        "80%",
        "2027",
        "Wijzigen : 80% van de aanvragen online in 2027",
    ]
    volgende = date_format(kit.dagen(5), "j F Y")
    assert rij(html, "Parkeervergunning online") == [
        "Parkeervergunning online",
        "Risico",
        "€ 125.000",
        "€ 62.500",
        "50%",
        f"Formulier live, {volgende}",
        "2",
    ]
    assert "utrecht-status-badge--warning" in html
    assert "Elders" not in html
    assert "Programma toevoegen" in html and "Project toevoegen" in html


def test_a_bestuurder_reads_but_sees_no_edit_buttons(client, staff_login, w):
    staff_login(client, w.bestuurder)
    overzicht = client.get(url("gemeente", "duinwaard")).content.decode()
    assert "Parkeervergunning online" in overzicht
    for knop in ("Programma toevoegen", "Doel toevoegen", "Project toevoegen"):
        assert knop not in overzicht
    project = client.get(url("project", "duinwaard", w.project.uuid))
    assert project.status_code == 200
    html = project.content.decode()
    assert "Project bijwerken" not in html and "<form" not in html.split("</header>")[1]


def test_a_bestuurder_is_refused_every_change(client, staff_login, w):
    urls = wijzig_urls(w)
    staff_login(client, w.bestuurder)
    for adres in urls:
        assert client.get(adres).status_code in (403, 405), adres
        assert client.post(adres, {"naam": "Nieuw"}).status_code == 403, adres
    assert Programma.objects.filter(naam="Nieuw").count() == 0
    assert Beleidsdoel.objects.filter(pk=w.doel.pk).exists()
    assert not Mijlpaal.objects.filter(gehaald__isnull=False).exists()
    assert not Risico.objects.filter(gesloten=True).exists()


def test_staff_without_a_sturing_role_get_a_403(client, staff_login, w):
    staff_login(client, w.behandelaar)
    assert client.get(url("gemeente", "duinwaard")).status_code == 403
    assert client.get(url("index")).status_code == 403


def test_without_login_the_pages_ask_to_log_in(client, w):
    response = client.get(url("gemeente", "duinwaard"))
    assert response.status_code == 302
    assert "/medewerker/inloggen/" in response["Location"]


@pytest.mark.parametrize("rol", ["teamleider", "bestuurder"])
def test_another_gemeente_is_not_found(client, staff_login, w, rol):
    staff_login(client, getattr(w, rol))
    assert client.get(url("gemeente", "elders")).status_code == 404
    assert (
        client.get(url("project", "elders", w.elders_project.uuid)).status_code == 404
    )
    # A project of another gemeente under a gemeente one may see: not found either.
    assert (
        client.get(url("project", "duinwaard", w.elders_project.uuid)).status_code
        == 404
    )


def test_changes_to_another_gemeente_are_not_found(client, staff_login, w):
    staff_login(client, w.teamleider)
    for adres in wijzig_urls(w, "elders"):
        assert client.post(adres, {"naam": "Nieuw"}).status_code == 404, adres
    p = w.elders_project.uuid
    assert client.post(url("project_bijwerken", "duinwaard", p)).status_code == 404
    assert (
        client.post(
            url("doel_verwijderen", "duinwaard", w.elders_doel.uuid)
        ).status_code
        == 404
    )
    assert Beleidsdoel.objects.filter(pk=w.elders_doel.pk).exists()


def test_the_index_lists_the_gemeenten_one_may_see(client, staff_login, w):
    staff_login(client, w.beheerder)
    html = client.get(url("index")).content.decode()
    assert (
        url("gemeente", "duinwaard") in html and url("gemeente", "lindebroek") in html
    )
    assert "elders" not in html


def test_a_teamleider_updates_a_project_and_the_history_grows(client, staff_login, w):
    staff_login(client, w.teamleider)
    response = client.post(
        url("project_bijwerken", "duinwaard", w.project.uuid),
        {
            "stand-status": "te_laat",
            "stand-besteed": "€ 1.250,50",
            "stand-voortgang": "De leverancier levert later.",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#standen")
    project = Project.objects.get(pk=w.project.pk)
    assert (project.status, project.besteed) == ("te_laat", Decimal("1250.50"))
    stand = project.standen.get()
    assert stand.door == "Tamara Smit"
    html = client.get(response["Location"]).content.decode()
    assert "De nieuwe stand van het project is opgeslagen." in html
    assert "De leverancier levert later." in html and "€ 1.250,50 besteed" in html


def test_a_wrong_update_shows_dutch_errors_and_keeps_the_input(client, staff_login, w):
    staff_login(client, w.teamleider)
    response = client.post(
        url("project_bijwerken", "duinwaard", w.project.uuid),
        {
            "stand-status": "risico",
            "stand-besteed": "veel",
            "stand-voortgang": "Mijn tekst",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fout: Parkeervergunning online" in html
    assert "Vul een getal in, zoals 125.000 of 1.250,50." in html
    assert 'value="veel"' in html and "Mijn tekst" in html
    assert not Project.objects.get(pk=w.project.pk).standen.exists()


def test_a_teamleider_adds_a_goal_typed_the_dutch_way(client, staff_login, w):
    staff_login(client, w.teamleider)
    response = client.post(
        url("doel_nieuw", "duinwaard"),
        {
            "programma": w.programma.pk,
            "titel": "Gemiddeld rapportcijfer 8,5",
            "indicator": "tevredenheid",
            "streefwaarde": "8,5",
            "jaar": "2027",
            "nulmeting": "",
            "toelichting": "",
        },
    )
    assert response.status_code == 302
    doel = Beleidsdoel.objects.get(titel="Gemiddeld rapportcijfer 8,5")
    assert (doel.streefwaarde, doel.nulmeting, doel.programma) == (
        Decimal("8.5"),
        None,
        w.programma,
    )
    overzicht = client.get(response["Location"]).content.decode()
    assert rij(overzicht, "Gemiddeld rapportcijfer 8,5")[1:4] == [
        "Tevredenheid (gemiddeld cijfer)",
        "8,5",
        "2027",
    ]


def test_the_goal_form_refuses_a_programme_of_another_gemeente(client, staff_login, w):
    staff_login(client, w.teamleider)
    ander = Programma.objects.get(gemeente=w.elders)
    response = client.post(
        url("doel_wijzigen", "duinwaard", w.doel.uuid),
        {
            "programma": ander.pk,
            "titel": "X",
            "indicator": "zaken-online",
            "streefwaarde": "150",
            "jaar": "2027",
        },
    )
    html = response.content.decode()
    assert "Kies een programma uit de lijst." in html
    w.doel.refresh_from_db()
    assert w.doel.programma == w.programma


def test_the_service_rules_land_on_the_goal_form(client, staff_login, w):
    staff_login(client, w.teamleider)
    response = client.post(
        url("doel_wijzigen", "duinwaard", w.doel.uuid),
        {
            "programma": w.programma.pk,
            "titel": "Te veel",
            "indicator": "zaken-online",
            "streefwaarde": "150",
            "jaar": "2027",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Streefwaarde: Dit getal is te groot." in html
    assert Beleidsdoel.objects.get(pk=w.doel.pk).titel != "Te veel"


def test_a_goal_is_deleted_after_confirmation(client, staff_login, w):
    staff_login(client, w.beheerder)
    adres = url("doel_verwijderen", "duinwaard", w.doel.uuid)
    assert "Weet u zeker" in client.get(adres).content.decode()
    assert Beleidsdoel.objects.filter(pk=w.doel.pk).exists()
    assert client.post(adres).status_code == 302
    assert not Beleidsdoel.objects.filter(pk=w.doel.pk).exists()


def test_a_teamleider_adds_a_project_with_goals_and_changes_it(client, staff_login, w):
    staff_login(client, w.teamleider)
    response = client.post(
        url("project_nieuw", "duinwaard"),
        {
            "naam": "Afvalpas online",
            "budget": "95.000",
            "begindatum": "2026-01-05",
            "einddatum": "2026-12-31",
            "doelen": [w.doel.pk],
        },
    )
    project = Project.objects.get(naam="Afvalpas online")
    assert response["Location"] == url("project", "duinwaard", project.uuid)
    assert project.budget == Decimal(95000)
    assert list(project.doelen.all()) == [w.doel]

    wijzigen = url("project_wijzigen", "duinwaard", project.uuid)
    formulier = client.get(wijzigen).content.decode()
    assert 'value="95.000"' in formulier and "checked" in formulier
    client.post(wijzigen, {"naam": "Afvalpas online", "budget": "100000"})
    project.refresh_from_db()
    assert (project.budget, list(project.doelen.all())) == (Decimal(100000), [])


def test_the_project_form_offers_no_goals_of_another_gemeente(client, staff_login, w):
    staff_login(client, w.teamleider)
    response = client.post(
        url("project_nieuw", "duinwaard"),
        {"naam": "X", "budget": "1", "doelen": [w.elders_doel.pk]},
    )
    assert "Kies alleen doelen uit de lijst." in response.content.decode()
    assert not Project.objects.filter(naam="X").exists()


def test_programmes_are_added_and_renamed(client, staff_login, w):
    staff_login(client, w.teamleider)
    client.post(
        url("programma_nieuw", "lindebroek"),
        {"naam": "Klantgerichtheid", "volgorde": "2"},
    )
    programma = Programma.objects.get(gemeente=w.lindebroek)
    assert (programma.naam, programma.volgorde) == ("Klantgerichtheid", 2)
    dubbel = client.post(
        url("programma_wijzigen", "duinwaard", w.programma.pk),
        {"naam": "Digitale dienstverlening", "volgorde": "1"},
    )
    assert dubbel.status_code == 302
    fout = client.post(
        url("programma_nieuw", "duinwaard"),
        {"naam": "Digitale dienstverlening", "volgorde": "1"},
    )
    assert (
        "Deze gemeente heeft al een programma met deze naam." in fout.content.decode()
    )


def test_milestones_and_risks_from_the_project_page(client, staff_login, w):
    staff_login(client, w.teamleider)
    p = w.project.uuid
    client.post(
        url("mijlpaal_nieuw", "duinwaard", p),
        {"mijlpaal-naam": "Live", "mijlpaal-gepland": "2026-06-01"},
    )
    mijlpaal = Mijlpaal.objects.get(project=w.project)
    client.post(url("mijlpaal_gehaald", "duinwaard", p, mijlpaal.pk))
    assert Mijlpaal.objects.get(pk=mijlpaal.pk).gehaald == kit.vandaag()
    client.post(
        url("risico_nieuw", "duinwaard", p),
        {"risico-omschrijving": "Leverancier", "risico-niveau": "hoog"},
    )
    risico = Risico.objects.get(project=w.project)
    client.post(url("risico_sluiten", "duinwaard", p, risico.pk))
    assert Risico.objects.get(pk=risico.pk).gesloten
    again = client.post(url("risico_sluiten", "duinwaard", p, risico.pk), follow=True)
    assert "Dit risico is al gesloten." in again.content.decode()
    # A milestone of another project is not found.
    ander = services.voeg_mijlpaal_toe(
        w.elders_project, naam="Elders", gepland=kit.dagen(1)
    )
    assert (
        client.post(url("mijlpaal_gehaald", "duinwaard", p, ander.pk)).status_code
        == 404
    )


def test_an_empty_risk_form_explains_itself(client, staff_login, w):
    staff_login(client, w.teamleider)
    response = client.post(url("risico_nieuw", "duinwaard", w.project.uuid), {})
    html = response.content.decode()
    assert "Beschrijf het risico." in html and "Kies hoe groot het risico is." in html


def test_the_werkplek_menu_leads_sturing_roles_to_sturing(client, staff_login, w):
    sturing = reverse("sturing:index")
    staff_login(client, w.bestuurder)
    html = client.get(url("gemeente", "duinwaard")).content.decode()
    assert f'class="loket-header__home" href="{sturing}"' in html
    assert f'href="{sturing}"' in html.split('aria-label="Werkplek"')[1]
    staff_login(client, w.teamleider)
    html = client.get(url("gemeente", "duinwaard")).content.decode()
    assert "Sturing</a>" in html
