"""The werkvoorraad: queues with counts per team, a queue page, search, and taking,
assigning and giving back a zaak (``services.toewijzing``).

The small world here (``wereld()``) is shared with test_toegang and test_leesmodel:
a werkorganisatie serving Duinwaard and Lindebroek with teams Vergunningen and
Burgerzaken, and another organisation serving Elders with its own team
Vergunningen (the same team code)."""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import unquote

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from loket.core.werkdagen import werkdagen_na
from loket.organisaties import services as organisaties
from loket.organisaties.models import Gemeente, Medewerker, Organisatie, Team
from loket.organisaties.roles import Rolcode
from loket.verwerkingen.models import Activiteit, Doel, Verwerking
from loket.werkplek import selectors
from loket.werkplek.models import Behandeling, Briefsjabloon, Fase
from loket.werkplek.services import toewijzing
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.models import Rol
from tests import factories, zgw_data

pytestmark = pytest.mark.django_db

BSN = "999990019"
ANDER_BSN = "999991115"
KVK = "69599084"


@dataclass
class Wereld:
    duinwaard: zgw_data.Catalogue
    lindebroek: zgw_data.Catalogue
    elders: zgw_data.Catalogue
    werkorganisatie: Organisatie
    andere_organisatie: Organisatie
    vergunningen: Team
    burgerzaken: Team
    vergunningen_elders: Team
    behandelaar: Medewerker
    teamleider: Medewerker
    burgerzaken_behandelaar: Medewerker
    kcc: Medewerker
    privacy: Medewerker
    elders_behandelaar: Medewerker


def wereld() -> Wereld:
    duinwaard = zgw_data.catalogue(factories.gemeente(naam="Duinwaard"))
    lindebroek = zgw_data.catalogue(factories.gemeente(naam="Lindebroek"))
    elders = zgw_data.catalogue(factories.gemeente(naam="Elders"))
    werk = factories.organisatie(
        duinwaard.gemeente, lindebroek.gemeente, naam="Werkorganisatie"
    )
    ander = factories.organisatie(elders.gemeente, naam="Gemeente Elders")
    vergunningen = organisaties.create_team(organisatie=werk, naam="Vergunningen")
    burgerzaken = organisaties.create_team(organisatie=werk, naam="Burgerzaken")
    vergunningen_elders = organisaties.create_team(
        organisatie=ander, naam="Vergunningen"
    )
    for organisatie, team in ((werk, vergunningen), (ander, vergunningen_elders)):
        toewijzing.routeer(organisatie, "PARKEER", team)

    def mw(org, naam, rollen, teams=()):
        return factories.medewerker(org, naam=naam, rollen=rollen, teams=teams)

    return Wereld(
        duinwaard=duinwaard,
        lindebroek=lindebroek,
        elders=elders,
        werkorganisatie=werk,
        andere_organisatie=ander,
        vergunningen=vergunningen,
        burgerzaken=burgerzaken,
        vergunningen_elders=vergunningen_elders,
        behandelaar=mw(werk, "Jeroen de Vries", (Rolcode.BEHANDELAAR,), [vergunningen]),
        teamleider=mw(
            werk,
            "Kees Bakker",
            (Rolcode.TEAMLEIDER, Rolcode.BEHANDELAAR),
            [vergunningen],
        ),
        burgerzaken_behandelaar=mw(
            werk, "Noor Hendriks", (Rolcode.BEHANDELAAR,), [burgerzaken]
        ),
        kcc=mw(werk, "Sanne Jansen", (Rolcode.KCC_MEDEWERKER,)),
        privacy=mw(werk, "Thomas Visser", (Rolcode.PRIVACY_OFFICER,)),
        elders_behandelaar=mw(
            ander, "Eva Elders", (Rolcode.BEHANDELAAR,), [vergunningen_elders]
        ),
    )


def zaak(cat, *, bsn=BSN, naam="Boer", omschrijving="Parkeervergunning", **fields):
    """A zaak of the catalogue's zaaktype with a resident as initiator."""
    z = zgw_data.zaak(cat, omschrijving=omschrijving, **fields)
    if bsn:
        zgw_data.initiator(
            cat,
            z,
            bsn=bsn,
            geslachtsnaam=naam,
            voorvoegselGeslachtsnaam="de",
            verblijfsadres=zgw_data.adres(cat.gemeente.naam),
        )
    return z


def bedrijfszaak(cat, kvk=KVK):
    z = zgw_data.zaak(cat, omschrijving="Terras")
    zgw_data.initiator(
        cat,
        z,
        kvk=kvk,
        vestigingsNummer="000038509504",
        handelsnaam=["Test EMZ Dagobert"],
    )
    return z


def rij(z) -> Behandeling:
    return Behandeling.objects.get(pk=z.pk)


@pytest.fixture
def w():
    return wereld()


@pytest.fixture
def ingelogd(client, staff_login):
    def login(medewerker):
        staff_login(client, medewerker)
        return client

    return login


# -- the services ------------------------------------------------------------------


def test_a_routed_zaak_arrives_in_the_team_queue_as_new(w):
    z = zaak(w.duinwaard)
    assert rij(z).team == w.vergunningen
    assert rij(z).fase == Fase.NIEUW
    assert rij(z).behandelaar is None


def test_taking_a_zaak_adds_a_medewerker_rol_and_the_queue_row_follows(w):
    z = zaak(w.duinwaard)

    toewijzing.neem(rij(z), medewerker=w.behandelaar)

    (rol,) = Rol.objects.filter(zaak=z, betrokkene_type="medewerker")
    assert rol.omschrijving_generiek == "behandelaar"
    assert rol.medewerker_identificatie == w.behandelaar.zgw_identificatie
    assert rol.betrokkene_identificatie["achternaam"] == "Jeroen de Vries"
    assert rij(z).behandelaar == w.behandelaar
    assert rij(z).fase == Fase.IN_BEHANDELING
    assert rij(z).team == w.vergunningen


def test_a_teamleider_taking_over_replaces_the_earlier_behandelaar_rol(w):
    z = zaak(w.duinwaard)
    toewijzing.neem(z, medewerker=w.behandelaar)

    toewijzing.neem(z, medewerker=w.teamleider)

    rollen = Rol.objects.filter(zaak=z, betrokkene_type="medewerker")
    assert [r.medewerker_identificatie for r in rollen] == [
        w.teamleider.zgw_identificatie
    ]
    assert rij(z).behandelaar == w.teamleider


def test_a_behandelaar_cannot_take_a_zaak_a_colleague_handles(w):
    collega = factories.medewerker(
        w.werkorganisatie, rollen=(Rolcode.BEHANDELAAR,), teams=[w.vergunningen]
    )
    z = zaak(w.duinwaard)
    toewijzing.neem(z, medewerker=collega)

    with pytest.raises(ValidationError, match="behandelt deze zaak al"):
        toewijzing.neem(z, medewerker=w.behandelaar)
    assert rij(z).behandelaar == collega


def test_a_closed_zaak_cannot_be_taken(w):
    z = zaak(w.duinwaard)
    zaken.set_resultaat(
        z, actor=LOKET, resultaattype=w.duinwaard.resultaattypen["Geweigerd"]
    )
    zaken.set_status(
        z,
        actor=LOKET,
        statustype=w.duinwaard.statustypen["Afgehandeld"],
        datum_status_gezet=timezone.now(),
    )
    assert rij(z).fase == Fase.AFGEHANDELD

    with pytest.raises(ValidationError, match="al afgehandeld"):
        toewijzing.neem(z, medewerker=w.behandelaar)


def test_only_the_teamleider_assigns(w):
    z = zaak(w.duinwaard)
    with pytest.raises(PermissionDenied):
        toewijzing.wijs_toe(z, door=w.behandelaar, medewerker=w.behandelaar)
    toewijzing.wijs_toe(z, door=w.teamleider, medewerker=w.behandelaar)
    assert rij(z).behandelaar == w.behandelaar


def test_assigning_to_someone_of_another_organisation_is_refused(w):
    z = zaak(w.duinwaard)
    with pytest.raises(ValidationError, match="werkt niet bij uw organisatie"):
        toewijzing.wijs_toe(z, door=w.teamleider, medewerker=w.elders_behandelaar)
    with pytest.raises(ValidationError, match="hoort niet bij uw organisatie"):
        toewijzing.wijs_toe(z, door=w.teamleider, team=w.vergunningen_elders)
    assert rij(z).behandelaar is None


def test_assigning_to_someone_without_a_team_or_handling_role_is_refused(w):
    z = zaak(w.duinwaard)
    zonder_team = factories.medewerker(w.werkorganisatie, rollen=(Rolcode.BEHANDELAAR,))
    with pytest.raises(ValidationError, match="zit nog niet in een team"):
        toewijzing.wijs_toe(z, door=w.teamleider, medewerker=zonder_team)
    with pytest.raises(ValidationError, match="geen zaken behandelen"):
        toewijzing.wijs_toe(z, door=w.teamleider, medewerker=w.kcc)


def test_assigning_to_someone_below_the_zaaks_confidentiality_is_refused(w):
    z = zaak(w.duinwaard, vertrouwelijkheidaanduiding="geheim")
    w.teamleider.max_vertrouwelijkheid = "zeer_geheim"
    w.teamleider.save()
    with pytest.raises(ValidationError, match="vertrouwelijkheid niet inzien"):
        toewijzing.wijs_toe(z, door=w.teamleider, medewerker=w.behandelaar)


def test_assigning_to_a_team_moves_the_zaak_to_its_queue_without_behandelaar(w):
    z = zaak(w.duinwaard)
    toewijzing.neem(z, medewerker=w.behandelaar)

    toewijzing.wijs_toe(z, door=w.teamleider, team=w.burgerzaken)

    assert rij(z).team == w.burgerzaken
    assert rij(z).behandelaar is None
    assert rij(z).fase == Fase.NIEUW
    (rol,) = Rol.objects.filter(zaak=z, omschrijving_generiek="behandelaar")
    assert rol.organisatorische_eenheid_identificatie == w.burgerzaken.code


def test_giving_back_puts_the_zaak_in_the_team_queue_again(w):
    z = zaak(w.duinwaard)
    toewijzing.neem(z, medewerker=w.behandelaar)
    with pytest.raises(PermissionDenied):
        toewijzing.geef_terug(z, medewerker=w.burgerzaken_behandelaar)

    toewijzing.geef_terug(z, medewerker=w.behandelaar)

    assert rij(z).behandelaar is None
    assert rij(z).fase == Fase.NIEUW
    assert rij(z).team == w.vergunningen
    assert not Rol.objects.filter(zaak=z, betrokkene_type="medewerker").exists()


def test_a_zaaktype_without_a_behandelaar_roltype_gives_a_clear_error(w):
    cat = zgw_data.catalogue(
        identificatie="ZONDER",
        roltypen=[{"omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"}],
    )
    beheerder = factories.medewerker(None, rollen=(), is_superuser=True)
    z = zaak(cat)
    with pytest.raises(ValidationError, match="geen roltype 'behandelaar'"):
        toewijzing.neem(z, medewerker=beheerder)


def test_routering_keeps_an_existing_choice_and_refuses_a_foreign_team(w):
    routering, nieuw = toewijzing.routeer(w.werkorganisatie, "PARKEER", w.burgerzaken)
    assert not nieuw and routering.team == w.vergunningen
    with pytest.raises(ValidationError):
        toewijzing.routeer(w.werkorganisatie, "ANDERS", w.vergunningen_elders)


def test_bijna_verlopen_counts_working_days():
    vrijdag = timezone.datetime(2026, 12, 4).date()
    assert werkdagen_na(vrijdag, 5) == timezone.datetime(2026, 12, 11).date()
    assert werkdagen_na(vrijdag, 1) == timezone.datetime(2026, 12, 7).date()


# -- the pages -------------------------------------------------------------------------


def _met_termijn(cat, dagen: int, **fields):
    vandaag = timezone.localdate()
    return zaak(cat, uiterlijke_einddatum_afdoening=vandaag + timedelta(days=dagen))


def test_the_index_counts_each_queue_of_my_teams(w, ingelogd):
    _met_termijn(w.duinwaard, 30)
    _met_termijn(w.lindebroek, 2)  # bijna verlopen
    verlopen = _met_termijn(w.duinwaard, -3)
    opgeschort = _met_termijn(w.duinwaard, -10)
    zaken.suspend_zaak(opgeschort, actor=LOKET, reden="Wacht op gegevens")
    toewijzing.neem(verlopen, medewerker=w.behandelaar)
    zaak(w.elders)  # another organisation's

    tellingen = selectors.tellingen(w.behandelaar, [w.vergunningen])[w.vergunningen.pk]
    assert tellingen == {
        "nieuw": 2,
        "in-behandeling": 1,
        "opgeschort": 1,
        "bijna-verlopen": 1,
        "verlopen": 1,
    }
    html = ingelogd(w.behandelaar).get(reverse("werkplek:index")).content.decode()
    assert "Team Vergunningen" in html and "Burgerzaken" not in html
    assert "1 open zaak" in html  # mijn zaken
    assert reverse("werkplek:wachtrij", args=[w.vergunningen.uuid, "verlopen"]) in html


def test_a_queue_shows_no_personal_data_and_says_how_late_in_words(w, ingelogd):
    z = _met_termijn(w.duinwaard, -3)
    _met_termijn(w.duinwaard, 1)
    client = ingelogd(w.behandelaar)

    response = client.get(
        reverse("werkplek:wachtrij", args=[w.vergunningen.uuid, "nieuw"])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert z.identificatie in html
    assert "3 dagen te laat" in html and "Nog 1 dag" in html
    assert "Boer" not in html and BSN not in html
    assert "<caption" in html and 'scope="col"' in html
    assert "Neem in behandeling" in html
    assert "Toewijzen" not in html  # not a teamleider
    assert not Verwerking.objects.exists()


def test_a_queue_page_makes_a_fixed_number_of_queries(
    w, ingelogd, django_assert_max_num_queries
):
    for _ in range(3):
        zaak(w.duinwaard)
    client = ingelogd(w.teamleider)
    url = reverse("werkplek:wachtrij", args=[w.vergunningen.uuid, "nieuw"])
    client.get(url)
    with django_assert_max_num_queries(14):
        client.get(url)
    for _ in range(5):
        zaak(w.duinwaard)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


def test_a_queue_filters_sorts_and_pages(w, ingelogd, monkeypatch):
    monkeypatch.setattr(selectors, "PER_PAGINA", 2)
    laat = _met_termijn(w.duinwaard, 40)
    vroeg = _met_termijn(w.duinwaard, 5)
    midden = _met_termijn(w.duinwaard, 20)
    toewijzing.neem(midden, medewerker=w.behandelaar)
    client = ingelogd(w.teamleider)
    url = reverse("werkplek:wachtrij", args=[w.vergunningen.uuid, "nieuw"])

    eerste = client.get(url).content.decode()
    assert eerste.index(vroeg.identificatie) < eerste.index(laat.identificatie)
    assert "Pagina 1 van 1" not in eerste
    # Taking one moved it out of Nieuw; page 2 of "in behandeling" filter:
    alle = reverse("werkplek:wachtrij", args=[w.vergunningen.uuid, "in-behandeling"])
    html = client.get(alle, {"behandelaar": str(w.behandelaar.uuid)}).content.decode()
    assert midden.identificatie in html
    html = client.get(alle, {"behandelaar": "geen"}).content.decode()
    assert midden.identificatie not in html

    for _ in range(2):
        _met_termijn(w.duinwaard, 60)
    pagina1 = client.get(url).content.decode()
    assert "Volgende pagina" in pagina1 and "Pagina 1 van 2" in pagina1
    pagina2 = client.get(url, {"pagina": 2}).content.decode()
    assert "Vorige pagina" in pagina2 and vroeg.identificatie not in pagina2
    assert client.get(url, {"pagina": "x"}).status_code == 200

    sorted_ = client.get(url, {"sortering": "registratiedatum"})
    assert sorted_.status_code == 200
    gefilterd = client.get(url, {"zaaktype": "BESTAAT-NIET"})
    assert gefilterd.status_code == 200  # an unknown choice: the unfiltered queue


def test_taking_from_the_queue_posts_and_returns_to_it(w, ingelogd):
    z = zaak(w.duinwaard)
    client = ingelogd(w.behandelaar)
    queue = reverse("werkplek:wachtrij", args=[w.vergunningen.uuid, "nieuw"])
    url = reverse("werkplek:nemen", args=[z.uuid])

    assert client.get(url).status_code == 405
    response = client.post(url, {"next": queue})

    assert response.status_code == 302 and response["Location"] == queue
    assert rij(z).behandelaar == w.behandelaar
    page = client.get(queue).content.decode()
    assert f"U behandelt nu zaak {z.identificatie}." in page
    # Someone else's zaak: a clear message, not an error page.
    collega = ingelogd(w.teamleider)
    toewijzing.neem(z, medewerker=w.teamleider)
    client = ingelogd(w.behandelaar)
    response = client.post(url, {"next": "https://elders.example/"}, follow=True)
    assert "Kees Bakker behandelt deze zaak al" in response.content.decode()
    assert collega


def test_the_assign_endpoint_takes_a_team_or_a_person_and_next(w, ingelogd):
    z = zaak(w.duinwaard)
    client = ingelogd(w.teamleider)
    url = reverse("werkplek:toewijzen", args=[z.uuid])

    page = client.get(url, {"next": "/werkplek/"})
    assert page.status_code == 200 and "Noor Hendriks" in page.content.decode()
    fout = client.post(
        url,
        {"team": str(w.vergunningen.uuid), "medewerker": str(w.behandelaar.uuid)},
    )
    assert fout.status_code == 400
    assert "niet allebei" in fout.content.decode()

    response = client.post(url, {"team": str(w.burgerzaken.uuid), "next": "/werkplek/"})
    assert response.status_code == 302 and response["Location"] == "/werkplek/"
    assert rij(z).team == w.burgerzaken
    # Now in Burgerzaken's queue: the teamleider of Vergunningen no longer sees it.
    assert client.post(url, {"team": str(w.vergunningen.uuid)}).status_code == 404


def test_giving_back_through_the_endpoint(w, ingelogd):
    z = zaak(w.duinwaard)
    toewijzing.neem(z, medewerker=w.behandelaar)
    client = ingelogd(w.behandelaar)
    response = client.post(reverse("werkplek:teruggeven", args=[z.uuid]))
    assert response.status_code == 302
    assert rij(z).behandelaar is None


def test_mijn_zaken_lists_open_zaken_i_handle(w, ingelogd):
    z = zaak(w.duinwaard)
    ander = zaak(w.duinwaard)
    toewijzing.neem(z, medewerker=w.behandelaar)
    html = ingelogd(w.behandelaar).get(reverse("werkplek:mijn_zaken")).content.decode()
    assert z.identificatie in html and ander.identificatie not in html


# -- search ----------------------------------------------------------------------------


def _zoek(client, term, **filters):
    response = client.post(reverse("werkplek:zoeken"), {"term": term, **filters})
    assert response.status_code == 302, response.content.decode()[:500]
    assert term not in unquote(response["Location"])
    return client.get(response["Location"]).content.decode()


def test_search_finds_by_bsn_kvk_identificatie_name_address_and_words(w, ingelogd):
    z = zaak(w.duinwaard, naam="Bakker", omschrijving="Bewonersvergunning centrum")
    ander = zaak(w.lindebroek, bsn=ANDER_BSN, naam="Smit")
    bedrijf = bedrijfszaak(w.duinwaard)
    client = ingelogd(w.behandelaar)

    html = _zoek(client, BSN)
    assert "S. de Bakker" in html and "Smit" not in html
    assert "Test EMZ Dagobert" in _zoek(client, KVK)
    html = _zoek(client, bedrijf.identificatie.lower())
    assert "Test EMZ Dagobert" in html and "Bakker" not in html
    prefix = _zoek(client, z.identificatie[:-2])
    assert "Bakker" in prefix and "Smit" in prefix and "Dagobert" in prefix
    assert "Bakker" in _zoek(client, "bakk")
    namen = _zoek(client, "s bakker")
    assert "Bakker" in namen and "Smit" not in namen
    html = _zoek(client, "Dorpsstraat 12 lindebroek")
    assert "Smit" in html and "Bakker" not in html
    assert "Bakker" in _zoek(client, "bewoners centrum")
    assert "geen zaken gevonden" in _zoek(client, "Pietersen")
    # Filters
    html = _zoek(client, "dorpsstraat", gemeente=str(w.lindebroek.gemeente.pk))
    assert "Smit" in html and "Bakker" not in html
    html = _zoek(client, "dorpsstraat", fase="afgehandeld")
    assert "geen zaken gevonden" in html
    assert ander


def test_search_results_are_logged_per_person_with_the_purpose(w, ingelogd):
    zaak(w.duinwaard)
    zaak(w.lindebroek, bsn=ANDER_BSN)
    _zoek(ingelogd(w.behandelaar), "dorpsstraat")
    logged = Verwerking.objects.filter(medewerker=w.behandelaar)
    assert {(v.bsn, v.gemeente.naam) for v in logged} == {
        (BSN, "Duinwaard"),
        (ANDER_BSN, "Lindebroek"),
    }
    assert {(v.activiteit, v.doel) for v in logged} == {
        (Activiteit.ZOEKEN, Doel.BEHANDELEN)
    }
    _zoek(ingelogd(w.kcc), BSN)
    (kcc,) = Verwerking.objects.filter(medewerker=w.kcc)
    assert kcc.doel == Doel.KLANTCONTACT and kcc.bsn == BSN


def test_search_errors_keep_what_was_typed(w, ingelogd):
    client = ingelogd(w.behandelaar)
    response = client.post(reverse("werkplek:zoeken"), {"term": "x", "fase": "nieuw"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul minstens 2 tekens in." in html
    assert (
        'value="x"' in html
        and 'aria-describedby="id_term_helptext id_term_error"' in html
    )
    assert 'href="#id_term"' in html


def test_a_new_search_clears_the_stored_term(w, ingelogd):
    zaak(w.duinwaard)
    client = ingelogd(w.behandelaar)
    _zoek(client, BSN)
    client.post(reverse("werkplek:zoeken"), {"wissen": "1"})
    html = client.get(reverse("werkplek:zoeken")).content.decode()
    assert BSN not in html and "Resultaten" not in html


# -- landing ---------------------------------------------------------------------------


def test_staff_with_a_werkplek_land_on_it_after_login(w, ingelogd):
    login = reverse("identiteit:login")
    assert ingelogd(w.behandelaar).get(login)["Location"] == reverse("werkplek:index")
    assert ingelogd(w.privacy).get(login)["Location"] == reverse("identiteit:account")
    assert ingelogd(w.behandelaar).get(login, {"next": "/werkplek/zoeken/"})[
        "Location"
    ] == ("/werkplek/zoeken/")


def test_a_kcc_agent_gets_a_page_pointing_to_search(w, ingelogd):
    html = ingelogd(w.kcc).get(reverse("werkplek:index")).content.decode()
    assert "Een zaak zoeken" in html and "Mijn zaken" not in html


def test_the_platform_beheerder_sees_every_team(w, ingelogd):
    beheerder = factories.medewerker(
        None, rollen=(), is_superuser=True, organisatie=None
    )
    html = ingelogd(beheerder).get(reverse("werkplek:index")).content.decode()
    assert html.count("Team Vergunningen") == 2 and "Team Burgerzaken" in html
    assert Gemeente.objects.count() == 3


# -- beheer ----------------------------------------------------------------------------


def test_the_functioneel_beheerder_keeps_routering_and_briefsjablonen(w, ingelogd):
    beheerder = factories.medewerker(
        w.werkorganisatie, rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,)
    )
    client = ingelogd(beheerder)

    lijst = client.get("/beheer/werkplek/routering/")
    assert lijst.status_code == 200
    html = lijst.content.decode()
    assert "Werkorganisatie" in html and "Gemeente Elders" not in html

    response = client.post(
        "/beheer/werkplek/routering/add/",
        {
            "organisatie": w.werkorganisatie.pk,
            "zaaktype_identificatie": "TERRAS",
            "team": w.burgerzaken.pk,
        },
    )
    assert response.status_code == 302
    fout = client.post(
        "/beheer/werkplek/briefsjabloon/add/",
        {
            "organisatie": w.werkorganisatie.pk,
            "naam": "Ontvangst",
            "onderwerp": "Uw aanvraag",
            "tekst": "Beste {{ naam }}, {{ onbekend }}",
        },
    )
    assert fout.status_code == 200
    assert "Onbekend invulveld" in fout.content.decode()
    goed = client.post(
        "/beheer/werkplek/briefsjabloon/add/",
        {
            "organisatie": w.werkorganisatie.pk,
            "naam": "Ontvangst",
            "onderwerp": "Uw aanvraag {{ zaak.identificatie }}",
            "tekst": "Beste {{ naam }},",
        },
    )
    assert goed.status_code == 302
    sjabloon = Briefsjabloon.objects.get(naam="Ontvangst")
    wijziging = client.post(
        f"/beheer/werkplek/briefsjabloon/{sjabloon.pk}/change/",
        {
            "organisatie": w.werkorganisatie.pk,
            "naam": "Ontvangstbevestiging",
            "onderwerp": "Uw aanvraag",
            "tekst": "Beste {{ naam }},",
        },
    )
    assert wijziging.status_code == 302
    # Renamed in place, not copied.
    assert list(
        Briefsjabloon.objects.filter(organisatie=w.werkorganisatie).values_list(
            "pk", "naam"
        )
    ) == [(sjabloon.pk, "Ontvangstbevestiging")]


# -- demo ------------------------------------------------------------------------------


class _Report:
    def __init__(self):
        self.notes = []

    def note(self, created, what):
        self.notes.append((created, what))


def test_the_demo_routes_zaaktypen_to_their_teams_and_hands_out_some_zaken(w):
    from loket.demo.soorten import SOORTEN
    from loket.werkplek import demo
    from loket.werkplek.models import Routering

    gemeenten = {"duinwaard": w.duinwaard.gemeente, "lindebroek": w.lindebroek.gemeente}
    eerst, dan = _Report(), _Report()
    demo.load(gemeenten, eerst)
    demo.load(gemeenten, dan)

    verwacht = {
        i for i, s in SOORTEN.items() if s.team in ("Vergunningen", "Burgerzaken")
    }
    routeringen = Routering.objects.filter(organisatie=w.werkorganisatie)
    assert set(routeringen.values_list("zaaktype_identificatie", flat=True)) == (
        verwacht | {"PARKEER"}
    )
    assert all(created for created, _ in eerst.notes)
    assert not any(created for created, _ in dan.notes)

    jeroen = factories.medewerker(
        w.werkorganisatie,
        email=demo.DEMO_BEHANDELAAR,
        rollen=(Rolcode.BEHANDELAAR,),
        teams=[w.vergunningen],
    )
    for _ in range(4):
        zaak(w.duinwaard)
    demo.verdeel(gemeenten, _Report())
    demo.verdeel(gemeenten, _Report())
    assert Behandeling.objects.filter(behandelaar=jeroen).count() == 3
