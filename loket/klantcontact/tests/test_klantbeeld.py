"""The klantbeeld: search by POST, a token in the URL that hides who it is about,
only the zaken the agent may see, every view in the processing log, and a bounded
number of queries."""

import base64
import re

from django.urls import reverse

import pytest

from loket.klantcontact import selectors, services, tokens
from loket.klantcontact.tests import kit
from loket.klantcontact.views.klantbeeld import REGISTER_FOUT
from loket.verwerkingen.models import Activiteit, Verwerking
from tests import zgw_data

pytestmark = pytest.mark.django_db


def _zoek(client, wijze, **velden):
    data = {"zoekwijze": wijze, **{f"{wijze}-{k}": v for k, v in velden.items()}}
    return client.post(reverse("klantcontact:klantbeeld"), data)


def _geen_nummer_in(tekst: str, *nummers):
    """No BSN/KvK in any URL of the page, nor base64-hidden in a token."""
    urls = re.findall(r'(?:href|action)="([^"]*)"', tekst)
    for url in urls:
        for nummer in nummers:
            assert nummer not in url, url
            for deel in re.split(r"[/?=&]", url):
                try:
                    ontsleuteld = base64.urlsafe_b64decode(deel + "==").decode(
                        "latin-1"
                    )
                except ValueError:
                    continue
                assert nummer not in ontsleuteld, url


def test_a_search_by_bsn_leads_to_a_url_without_the_bsn(
    client, staff_login, w, testdiensten
):
    staff_login(client, w.kcc)
    response = _zoek(client, "bsn", bsn=kit.BSN)
    assert response.status_code == 302
    _geen_nummer_in(f'href="{response["Location"]}"', kit.BSN)
    html = client.get(response["Location"]).content.decode()
    assert "Floris Kierkegaard" in html and "Mimosastraat 130" in html
    assert kit.persoon().adres.regel in html  # as the BRP test server has it
    _geen_nummer_in(html, kit.BSN)


def test_the_klantbeeld_shows_only_zaken_the_agent_may_see(
    client, staff_login, w, testdiensten
):
    kit.zaak(zgw_data.catalogue(w.duinwaard), omschrijving="Eigen zaak")
    kit.zaak(zgw_data.catalogue(w.elders), omschrijving="Zaak in Elders")
    kit.zaak(
        zgw_data.catalogue(w.lindebroek), bsn=kit.ANDER_BSN, omschrijving="Van ander"
    )
    staff_login(client, w.kcc)

    html = client.get(client_url(kit.BSN)).content.decode()

    assert "Eigen zaak" in html
    assert "Zaak in Elders" not in html
    assert "Van ander" not in html


def client_url(bsn="", kvk="", naam=""):
    token = tokens.maak(tokens.Klant(bsn=bsn, kvk=kvk, naam=naam))
    return reverse("klantcontact:klantbeeld_klant", args=[token])


def test_every_view_is_logged_as_klantbeeld_and_brp_consultation(
    client, staff_login, w, testdiensten
):
    staff_login(client, w.kcc)
    client.get(client_url(kit.BSN))
    activiteiten = set(
        Verwerking.objects.filter(bsn=kit.BSN, medewerker=w.kcc).values_list(
            "activiteit", flat=True
        )
    )
    assert {Activiteit.KLANTBEELD, Activiteit.BRP_RAADPLEGING} <= activiteiten


def test_a_changed_or_expired_token_is_refused(
    client, staff_login, w, testdiensten, monkeypatch
):
    staff_login(client, w.kcc)
    token = tokens.maak(tokens.Klant(bsn=kit.BSN))
    veranderd = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    url = reverse("klantcontact:klantbeeld_klant", args=[veranderd])
    assert client.get(url).status_code == 404
    monkeypatch.setattr(tokens, "GELDIG_SECONDEN", -1)
    url = reverse("klantcontact:klantbeeld_klant", args=[token])
    assert client.get(url).status_code == 404
    assert not Verwerking.objects.filter(activiteit=Activiteit.KLANTBEELD).exists()


def test_a_bsn_that_fails_the_elfproef_is_refused_in_dutch(
    client, staff_login, w, testdiensten
):
    staff_login(client, w.kcc)
    response = _zoek(client, "bsn", bsn="123456789")
    assert response.status_code == 200
    assert "Dit is geen geldig BSN" in response.content.decode()


def test_several_persons_found_give_a_choice_without_bsns_in_the_links(
    client, staff_login, w, testdiensten
):
    staff_login(client, w.kcc)
    # Remi and Romeo Zaal (kit.NAAMGENOTEN) share surname and date of birth.
    response = _zoek(client, "naam", geslachtsnaam="Zaal", geboortedatum="02-02-2002")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies de persoon" in html
    assert "Remi Zaal" in html and "Romeo Zaal" in html
    assert html.count("klantbeeld/gAAAA") == 2
    _geen_nummer_in(html, *kit.NAAMGENOTEN)
    assert Verwerking.objects.filter(activiteit=Activiteit.BRP_RAADPLEGING).count() == 2


def test_one_person_at_an_address_goes_straight_to_the_klantbeeld(
    client, staff_login, w, testdiensten
):
    staff_login(client, w.kcc)
    # Suzanne Moulin lives alone at Boterdiep 31 (Floris Kierkegaard does not).
    response = _zoek(client, "adres", postcode="3077 aw", huisnummer="31")
    assert response.status_code == 302
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert tokens.lees(token).bsn == kit.ANDER_BSN


def test_an_unreachable_brp_gives_staff_a_message_and_loket_s_own_zaken(
    client, staff_login, w, testdiensten, settings
):
    settings.BRP_URL = "http://127.0.0.1:9/"  # the discard port: nothing answers
    kit.zaak(zgw_data.catalogue(w.duinwaard), omschrijving="Eigen zaak")
    staff_login(client, w.kcc)
    melding = REGISTER_FOUT.format(register="de BRP")

    # The search stays on the search page, with the message for staff.
    response = _zoek(client, "bsn", bsn=kit.BSN)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Loket kan de BRP nu niet raadplegen: " in html and melding in html
    assert "Traceback" not in html and "uw gegevens" not in html

    # The klantbeeld says so too, and shows what Loket knows itself.
    response = client.get(client_url(kit.BSN))
    html = response.content.decode()
    assert response.status_code == 200
    assert melding in html and "Eigen zaak" in html
    assert "Traceback" not in html and "uw gegevens" not in html
    assert "Mimosastraat" not in html  # nothing from the BRP
    activiteiten = set(Verwerking.objects.values_list("activiteit", flat=True))
    assert Activiteit.KLANTBEELD in activiteiten
    assert Activiteit.BRP_RAADPLEGING not in activiteiten


def test_the_klantbeeld_is_for_kcc_staff_only(client, staff_login, w, testdiensten):
    staff_login(client, w.behandelaar)
    assert client.get(client_url(kit.BSN)).status_code == 403
    assert client.get(reverse("klantcontact:klantbeeld")).status_code == 403


def test_the_klantbeeld_takes_a_bounded_number_of_queries(
    client, staff_login, w, testdiensten, django_assert_max_num_queries
):
    cat = zgw_data.catalogue(w.duinwaard)
    for n in range(5):
        zaak = kit.zaak(cat, omschrijving=f"Zaak {n}")
        services.registreer_contactmoment(
            medewerker=w.kcc,
            gemeente=w.duinwaard,
            kanaal="telefoon",
            onderwerp=f"Gebeld {n}",
            klant=tokens.Klant(bsn=kit.BSN),
            zaak=zaak,
            terugbellen=services.Terugbellen(
                team=w.vergunningen, telefoonnummer="0612345678", toelichting="Bel"
            ),
        )
        services.ontvang_webvraag(
            gemeente=w.duinwaard,
            naam="F",
            emailadres="f@x.nl",
            onderwerp=f"V{n}",
            vraag="?",
            bsn=kit.BSN,
        )
    staff_login(client, w.kcc)
    url = client_url(kit.BSN)
    with django_assert_max_num_queries(16):
        html = client.get(url).content.decode()
    assert html.count("Gebeld ") >= 5 and "Zaak 4" in html


def test_the_selector_for_the_bench_gives_zaken_and_contacts(w):
    cat = zgw_data.catalogue(w.duinwaard)
    kit.zaak(cat)
    beeld = selectors.klantbeeld(w.kcc, bsn=kit.BSN)
    assert len(beeld.zaken) == 1 and beeld.zaken[0]["gemeente__naam"] == "Duinwaard"
    assert selectors.klantbeeld(w.kcc).zaken == []


def test_a_form_can_be_started_on_behalf_of_the_person(
    client, staff_login, w, testdiensten
):
    from loket.formulieren.models import Concept

    formulier = _formulier(w.duinwaard)
    staff_login(client, w.kcc)
    html = client.get(client_url(kit.BSN, naam="Floris Kierkegaard")).content.decode()
    assert formulier.naam in html
    token = re.search(r'klantbeeld/([^/"]+)/namens/', html).group(1)
    response = client.post(
        reverse("klantcontact:klantbeeld_namens", args=[token]),
        {"gemeente": "duinwaard", "product": formulier.product_slug},
    )
    assert response.status_code == 302
    concept = Concept.objects.get()
    assert (concept.bsn, concept.medewerker) == (kit.BSN, w.kcc)
    assert Verwerking.objects.filter(activiteit=Activiteit.FORMULIER_NAMENS).exists()


def _formulier(gemeente):
    from loket.formulieren.models import Formulier

    # Straight in the table: this test is about starting a draft, and
    # create_formulier checks the form against a published zaaktype.
    return Formulier.objects.create(
        gemeente=gemeente,
        product_slug="afvalpas",
        naam="Afvalpas aanvragen",
        doelgroep="burger",
        zaaktype_identificatie="AFVALPAS",
        actief=True,
    )
