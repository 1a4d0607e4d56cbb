"""Contactmomenten and the warm handover: a call-back request reaches the team
with its context, the team picks it up and finishes it; nobody else can."""

from django.urls import reverse

import pytest

from loket.klantcontact import services, tokens
from loket.klantcontact.models import Contactmoment, Terugbelverzoek
from loket.klantcontact.tests import kit
from loket.verwerkingen.models import Activiteit, Verwerking
from loket.zgw.zaken.models import KlantContact
from tests import zgw_data

pytestmark = pytest.mark.django_db


def _nieuw(client, token, **extra):
    data = {
        "klant": token,
        "gemeente": extra.pop("gemeente"),
        "kanaal": "telefoon",
        "naam": "Floris Kierkegaard",
        "onderwerp": "Vraag over zijn evenementenvergunning",
        "tekst": "Wil weten of de geluidsgrens 85 dB is.",
        **extra,
    }
    return client.post(reverse("klantcontact:contactmoment_nieuw"), data)


def test_a_contactmoment_about_a_zaak_is_a_klantcontact_of_the_zaak(
    client, staff_login, w
):
    zaak = kit.zaak(zgw_data.catalogue(w.duinwaard))
    token = tokens.maak(tokens.Klant(bsn=kit.BSN, naam="Floris Kierkegaard"))
    staff_login(client, w.kcc)
    formulier = client.get(
        reverse("klantcontact:contactmoment_nieuw"), {"klant": token}
    )
    assert zaak.identificatie in formulier.content.decode()  # the zaak to choose

    response = _nieuw(client, token, gemeente=w.duinwaard.pk, zaak=str(zaak.uuid))

    assert response.status_code == 302
    cm = Contactmoment.objects.get()
    assert (cm.bsn, cm.zaak, cm.medewerker) == (kit.BSN, zaak, w.kcc)
    assert KlantContact.objects.get(zaak=zaak).onderwerp == cm.onderwerp
    assert Verwerking.objects.filter(
        bsn=kit.BSN,
        activiteit=Activiteit.CONTACTMOMENT,
        zaak_identificatie=zaak.identificatie,
    ).exists()


def test_an_anonymous_contactmoment_can_be_recorded(client, staff_login, w):
    staff_login(client, w.kcc)
    response = client.post(
        reverse("klantcontact:contactmoment_nieuw"),
        {"gemeente": w.lindebroek.pk, "kanaal": "balie", "onderwerp": "Openingstijden"},
    )
    assert response.status_code == 302
    assert Contactmoment.objects.get().bsn == ""
    listing = client.get(reverse("klantcontact:contactmomenten")).content.decode()
    assert "Openingstijden" in listing


def test_the_form_refuses_a_gemeente_the_agent_does_not_serve(client, staff_login, w):
    staff_login(client, w.kcc)
    response = client.post(
        reverse("klantcontact:contactmoment_nieuw"),
        {"gemeente": w.elders.pk, "kanaal": "balie", "onderwerp": "Iets"},
    )
    assert response.status_code == 200
    assert not Contactmoment.objects.exists()


def test_a_call_back_needs_team_phone_and_what_was_said(client, staff_login, w):
    staff_login(client, w.kcc)
    token = tokens.maak(tokens.Klant(bsn=kit.BSN))
    response = _nieuw(client, token, gemeente=w.duinwaard.pk, terugbellen="on")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies het team dat terugbelt." in html
    assert "Schrijf op wat er al gevraagd en gezegd is." in html
    assert 'href="#id_team"' in html  # the summary links to the field


@pytest.mark.django_db(transaction=True)
def test_a_warm_handover_reaches_the_team_and_only_the_team(
    client, staff_login, w, mailbox, run_tasks
):
    zaak = kit.zaak(zgw_data.catalogue(w.duinwaard))
    token = tokens.maak(tokens.Klant(bsn=kit.BSN, naam="Floris Kierkegaard"))
    staff_login(client, w.kcc)
    _nieuw(
        client,
        token,
        gemeente=w.duinwaard.pk,
        zaak=str(zaak.uuid),
        terugbellen="on",
        team=w.vergunningen.pk,
        telefoonnummer="06 12345678",
        beste_moment="Na 15.00 uur",
        toelichting="Vraagt of het podium 10 meter verder mag staan.",
    )
    verzoek = Terugbelverzoek.objects.get()
    run_tasks()
    assert [m["To"] for m in mailbox] == ["vergunningen@test.nl"]
    assert kit.BSN not in mailbox[0].get_content()  # personal data stay in Loket

    staff_login(client, w.behandelaar)
    lijst = client.get(reverse("klantcontact:terugbelverzoeken")).content.decode()
    assert "Vraag over zijn evenementenvergunning" in lijst
    detail = client.get(
        reverse("klantcontact:terugbelverzoek", args=[verzoek.uuid])
    ).content.decode()
    for context in (
        "10 meter verder",
        "85 dB",
        "Floris Kierkegaard",
        "06 12345678",
        zaak.identificatie,
        "Na 15.00 uur",
    ):
        assert context in detail

    staff_login(client, w.collega)  # team Burgerzaken
    lijst = client.get(reverse("klantcontact:terugbelverzoeken")).content.decode()
    assert "Vraag over zijn evenementenvergunning" not in lijst
    url = reverse("klantcontact:terugbelverzoek", args=[verzoek.uuid])
    assert client.get(url).status_code == 404


def test_the_team_picks_up_and_finishes_a_call_back(client, staff_login, w):
    cm = services.registreer_contactmoment(
        medewerker=w.kcc,
        gemeente=w.duinwaard,
        kanaal="telefoon",
        onderwerp="Terugbellen graag",
        klant=tokens.Klant(bsn=kit.BSN),
        terugbellen=services.Terugbellen(
            team=w.vergunningen, telefoonnummer="0612345678", toelichting="Bel even"
        ),
    )
    verzoek = cm.terugbelverzoek
    url = reverse("klantcontact:terugbelverzoek", args=[verzoek.uuid])

    staff_login(client, w.kcc)  # sees it, but calling back is for the team
    assert client.get(url).status_code == 200
    assert client.post(url, {"actie": "oppakken"}).status_code == 404

    staff_login(client, w.behandelaar)
    client.post(url, {"actie": "oppakken"})
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.opgepakt_door) == ("opgepakt", w.behandelaar)
    assert client.post(url, {"actie": "afronden", "afhandeling": ""}).status_code == 200
    client.post(url, {"actie": "afronden", "afhandeling": "Teruggebeld, het mag."})
    verzoek.refresh_from_db()
    assert verzoek.status == "afgehandeld"
    assert verzoek.afhandeling == "Teruggebeld, het mag."
    assert Verwerking.objects.filter(
        bsn=kit.BSN, activiteit=Activiteit.VRAAG_INGEZIEN, medewerker=w.behandelaar
    ).exists()


def test_staff_without_a_werkplek_role_get_403(client, staff_login, w):
    from loket.organisaties.roles import Rolcode
    from tests import factories

    archivaris = factories.medewerker(w.organisatie, rollen=(Rolcode.ARCHIVARIS,))
    staff_login(client, archivaris)
    for naam in (
        "terugbelverzoeken",
        "contactmomenten",
        "contactmoment_nieuw",
        "kennisbank",
        "webvragen",
        "klantbeeld",
    ):
        assert client.get(reverse(f"klantcontact:{naam}")).status_code == 403, naam
