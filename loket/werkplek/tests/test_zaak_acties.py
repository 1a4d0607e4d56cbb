"""The actions on the zaak page: each goes through the registers' services on
behalf of the staff member, is refused (403) for someone who may only look, keeps
what was typed when something is wrong, and writes the processing log."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest

from loket.portaal.models import Bericht
from loket.verwerkingen.models import Activiteit, Verwerking
from loket.werkplek.models import Behandeling, Fase, Notitie
from loket.werkplek.services import toewijzing
from loket.werkplek.tests.test_zaak import BSN, bouw_wereld, document, maak_zaak, url
from loket.zgw.besluiten.models import Besluit
from loket.zgw.registers.models import AuditTrail
from loket.zgw.zaken.models import Zaak

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld():
    return bouw_wereld()


@pytest.fixture
def zaak(wereld):
    return maak_zaak(wereld.cat)


@pytest.fixture
def ingelogd(client, staff_login, wereld):
    staff_login(client, wereld.behandelaar)
    return client


def _opnieuw(zaak) -> Zaak:
    return Zaak.objects.select_related("status__statustype").get(pk=zaak.pk)


def _gewijzigd(zaak) -> list[Verwerking]:
    return list(
        Verwerking.objects.filter(
            zaak_identificatie=zaak.identificatie,
            activiteit=Activiteit.ZAAK_GEWIJZIGD,
        )
    )


# -- status ----------------------------------------------------------------------------


def test_a_handler_moves_the_zaak_to_the_next_status(ingelogd, wereld, zaak):
    volgende = wereld.cat.statustypen["In behandeling"]
    response = ingelogd.post(
        url("zaak_status", zaak),
        {"status-statustype": volgende.pk, "status-toelichting": "Kenteken klopt"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#status-wijzigen")
    zaak = _opnieuw(zaak)
    assert zaak.status.statustype == volgende
    assert zaak.status.statustoelichting == "Kenteken klopt"
    trail = AuditTrail.objects.filter(resource="status").latest("pk")
    assert trail.gebruikers_weergave == wereld.behandelaar.naam
    assert trail.toelichting == "Kenteken klopt"
    assert len(_gewijzigd(zaak)) == 1
    page = ingelogd.get(response["Location"]).content.decode()
    assert "De status is nu: In behandeling." in page


def test_the_end_status_is_not_offered_and_is_refused(ingelogd, wereld, zaak):
    eind = wereld.cat.statustypen["Afgehandeld"]
    page = ingelogd.get(url("zaak", zaak)).content.decode()
    assert f'<option value="{eind.pk}">' not in page
    response = ingelogd.post(url("zaak_status", zaak), {"status-statustype": eind.pk})
    assert response.status_code == 200
    assert "Kies een van de volgende statussen." in response.content.decode()
    assert _opnieuw(zaak).status.statustype.omschrijving == "Ontvangen"


def test_a_refused_status_shows_why_and_keeps_the_text(ingelogd, wereld):
    zaak = maak_zaak(wereld.cat, eigenschap=False)  # 'In behandeling' needs kenteken
    response = ingelogd.post(
        url("zaak_status", zaak),
        {
            "status-statustype": wereld.cat.statustypen["In behandeling"].pk,
            "status-toelichting": "Mijn toelichting",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "kan pas gezet worden als de zaak een waarde heeft voor: kenteken" in html
    assert "Mijn toelichting" in html
    assert 'href="#status-wijzigen"' in html  # the notice at the top links to it
    assert _opnieuw(zaak).status.statustype.omschrijving == "Ontvangen"


def test_someone_who_may_only_look_gets_a_403(client, staff_login, wereld, zaak):
    staff_login(client, wereld.kcc)
    volgende = wereld.cat.statustypen["In behandeling"]
    for name, data in [
        ("zaak_status", {"status-statustype": volgende.pk}),
        ("zaak_opschorten", {"opschorten-reden": "Wachten"}),
        ("zaak_bericht", {"bericht-onderwerp": "Hoi", "bericht-tekst": "Tekst"}),
        ("zaak_notitie", {"notitie-tekst": "Notitie"}),
        ("zaak_brief", {"stap": "voorbeeld"}),
    ]:
        assert client.post(url(name, zaak), data).status_code == 403, name
    assert _opnieuw(zaak).status.statustype.omschrijving == "Ontvangen"
    assert not Notitie.objects.exists()
    assert not Bericht.objects.exists()


def test_staff_who_do_not_see_the_zaak_get_a_404_on_actions(
    client,
    staff_login,
    wereld,
    zaak,
):
    staff_login(client, wereld.collega)
    response = client.post(url("zaak_notitie", zaak), {"notitie-tekst": "Hoi"})
    assert response.status_code == 404


def test_actions_need_post(ingelogd, zaak):
    assert ingelogd.get(url("zaak_status", zaak)).status_code == 405


# -- termijn ---------------------------------------------------------------------------


def test_suspend_and_resume_move_the_deadline_by_the_days_it_stood_still(
    ingelogd,
    wereld,
    zaak,
):
    voor = _opnieuw(zaak).uiterlijke_einddatum_afdoening
    response = ingelogd.post(
        url("zaak_opschorten", zaak), {"opschorten-reden": "Wachten op de aanvrager"}
    )
    assert response.status_code == 302
    zaak = _opnieuw(zaak)
    assert zaak.opschorting_indicatie
    assert Behandeling.objects.get(zaak=zaak).fase == Fase.OPGESCHORT
    # Five days later the handler resumes.
    Zaak.objects.filter(pk=zaak.pk).update(
        opgeschort_sinds=timezone.localdate() - timedelta(days=5)
    )
    response = ingelogd.post(url("zaak_hervatten", zaak))
    assert response.status_code == 302
    zaak = _opnieuw(zaak)
    assert not zaak.opschorting_indicatie
    assert zaak.uiterlijke_einddatum_afdoening == voor + timedelta(days=5)
    rij = Behandeling.objects.get(zaak=zaak)
    assert rij.uiterste_datum == voor + timedelta(days=5)
    page = ingelogd.get(response["Location"]).content.decode()
    assert "De behandeling is hervat. De uiterste datum is nu" in page
    assert len(_gewijzigd(zaak)) == 2


def test_suspending_needs_a_reason(ingelogd, zaak):
    response = ingelogd.post(url("zaak_opschorten", zaak), {"opschorten-reden": " "})
    assert response.status_code == 200
    assert "Geef de reden van de opschorting." in response.content.decode()
    assert not _opnieuw(zaak).opschorting_indicatie


def test_extending_moves_the_deadline_within_the_zaaktypes_term(
    ingelogd,
    wereld,
    zaak,
):
    voor = _opnieuw(zaak).uiterlijke_einddatum_afdoening
    te_lang = ingelogd.post(
        url("zaak_verlengen", zaak),
        {"verlengen-dagen": "40", "verlengen-reden": "Advies nodig"},
    )
    assert te_lang.status_code == 200
    html = te_lang.content.decode()
    assert "Verleng met hoogstens 28 dagen." in html
    assert 'value="Advies nodig"' in html
    response = ingelogd.post(
        url("zaak_verlengen", zaak),
        {"verlengen-dagen": "14", "verlengen-reden": "Advies nodig"},
    )
    assert response.status_code == 302
    zaak = _opnieuw(zaak)
    assert zaak.verlenging_duur == "P14D"
    assert zaak.uiterlijke_einddatum_afdoening == voor + timedelta(days=14)
    assert Behandeling.objects.get(zaak=zaak).uiterste_datum == voor + timedelta(
        days=14
    )
    nog_eens = ingelogd.post(
        url("zaak_verlengen", zaak),
        {"verlengen-dagen": "1", "verlengen-reden": "Nog eens"},
    )
    assert "al verlengd" in nog_eens.content.decode()


# -- besluit, resultaat, closing -------------------------------------------------------


def test_a_handler_records_a_besluit(ingelogd, wereld, zaak):
    vandaag = timezone.localdate().isoformat()
    response = ingelogd.post(
        url("zaak_besluit", zaak),
        {
            "besluit-besluittype": wereld.cat.besluittype.pk,
            "besluit-datum": vandaag,
            "besluit-ingangsdatum": vandaag,
            "besluit-toelichting": "Verleend voor een jaar.",
        },
    )
    assert response.status_code == 302
    besluit = Besluit.objects.get(zaak=zaak)
    assert besluit.besluittype == wereld.cat.besluittype
    assert besluit.toelichting == "Verleend voor een jaar."
    assert besluit.verantwoordelijke_organisatie == zaak.verantwoordelijke_organisatie
    page = ingelogd.get(url("zaak", zaak)).content.decode()
    assert besluit.identificatie in page


def test_a_besluit_cannot_take_effect_before_it_was_taken(ingelogd, wereld, zaak):
    vandaag = timezone.localdate()
    response = ingelogd.post(
        url("zaak_besluit", zaak),
        {
            "besluit-besluittype": wereld.cat.besluittype.pk,
            "besluit-datum": vandaag.isoformat(),
            "besluit-ingangsdatum": (vandaag - timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "vóór de datum waarop het is genomen" in response.content.decode()
    assert not Besluit.objects.exists()


def test_setting_the_resultaat_closes_the_zaak_in_one_step(ingelogd, wereld, zaak):
    document(wereld.cat, zaak)
    response = ingelogd.post(
        url("zaak_afsluiten", zaak),
        {
            "afsluiten-resultaattype": wereld.cat.resultaattypen["Geweigerd"].pk,
            "afsluiten-toelichting": "Geen parkeerplek vrij",
        },
    )
    assert response.status_code == 302
    zaak = _opnieuw(zaak)
    assert zaak.einddatum == timezone.localdate()
    assert zaak.resultaat.resultaattype.omschrijving == "Geweigerd"
    assert zaak.status.statustype.omschrijving == "Afgehandeld"
    assert Behandeling.objects.get(zaak=zaak).fase == Fase.AFGEHANDELD


def test_a_refused_closing_leaves_no_resultaat_behind(ingelogd, wereld, zaak):
    # A document whose gebruiksrechten are unknown blocks closing (zrc-021).
    document(wereld.cat, zaak, indicatie_gebruiksrecht=None)
    response = ingelogd.post(
        url("zaak_afsluiten", zaak),
        {"afsluiten-resultaattype": wereld.cat.resultaattypen["Geweigerd"].pk},
    )
    assert response.status_code == 200
    assert "gebruiksrechten" in response.content.decode()
    zaak = _opnieuw(zaak)
    assert zaak.einddatum is None
    assert not hasattr(zaak, "resultaat")


def test_a_closed_zaak_is_read_only_and_says_why(ingelogd, wereld, zaak):
    ingelogd.post(
        url("zaak_afsluiten", zaak),
        {"afsluiten-resultaattype": wereld.cat.resultaattypen["Geweigerd"].pk},
    )
    html = ingelogd.get(url("zaak", zaak)).content.decode()
    assert "Deze zaak is afgesloten op" in html
    for name in ("zaak_status", "zaak_besluit", "zaak_notitie", "zaak_bericht"):
        assert url(name, zaak) not in html
    response = ingelogd.post(url("zaak_notitie", zaak), {"notitie-tekst": "Te laat"})
    assert response.status_code == 302
    assert not Notitie.objects.exists()


# -- taking and assigning --------------------------------------------------------------


def test_take_and_give_back_go_through_the_queue_and_come_back_here(
    ingelogd, wereld, zaak
):
    hier = url("zaak", zaak)
    page = ingelogd.get(hier).content.decode()
    assert reverse("werkplek:nemen", kwargs={"uuid": zaak.uuid}) in page
    response = ingelogd.post(
        reverse("werkplek:nemen", kwargs={"uuid": zaak.uuid}),
        {"next": f"{hier}#behandelen"},
    )
    assert response["Location"] == f"{hier}#behandelen"
    rij = Behandeling.objects.get(zaak=zaak)
    assert rij.behandelaar == wereld.behandelaar
    assert rij.fase == Fase.IN_BEHANDELING
    page = ingelogd.get(hier).content.decode()
    assert "U behandelt deze zaak." in page
    assert reverse("werkplek:teruggeven", kwargs={"uuid": zaak.uuid}) in page


def test_only_the_teamleider_gets_the_link_to_assign(client, staff_login, wereld, zaak):
    toewijzen = reverse("werkplek:toewijzen", kwargs={"uuid": zaak.uuid})
    staff_login(client, wereld.behandelaar)
    assert toewijzen not in client.get(url("zaak", zaak)).content.decode()
    staff_login(client, wereld.teamleider)
    assert toewijzen in client.get(url("zaak", zaak)).content.decode()


# -- messages and notes ----------------------------------------------------------------


def test_a_message_reaches_the_resident_and_is_logged(
    ingelogd,
    wereld,
    zaak,
    mailbox,
):
    response = ingelogd.post(
        url("zaak_bericht", zaak),
        {"bericht-onderwerp": "Uw kenteken", "bericht-tekst": "Klopt AB-12-CD?"},
    )
    assert response.status_code == 302
    bericht = Bericht.objects.get(zaak=zaak)
    assert bericht.richting == Bericht.Richting.AAN_INWONER
    assert bericht.medewerker == wereld.behandelaar
    log = Verwerking.objects.get(activiteit=Activiteit.BERICHT)
    assert log.bsn == BSN
    page = ingelogd.get(url("zaak", zaak)).content.decode()
    assert "Klopt AB-12-CD?" in page


def test_an_empty_message_is_refused_with_the_subject_kept(ingelogd, zaak):
    response = ingelogd.post(
        url("zaak_bericht", zaak), {"bericht-onderwerp": "Uw kenteken"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Schrijf het bericht." in html
    assert 'value="Uw kenteken"' in html
    assert not Bericht.objects.exists()


def test_a_note_is_kept_for_staff(ingelogd, wereld, zaak):
    response = ingelogd.post(
        url("zaak_notitie", zaak), {"notitie-tekst": "Gebeld, terugbellen vrijdag"}
    )
    assert response.status_code == 302
    notitie = Notitie.objects.get()
    assert notitie.medewerker_naam == wereld.behandelaar.naam
    assert (
        "Gebeld, terugbellen vrijdag"
        in ingelogd.get(url("zaak", zaak)).content.decode()
    )


# -- documents -------------------------------------------------------------------------


def _upload(naam, inhoud, soort="application/octet-stream"):
    return SimpleUploadedFile(naam, inhoud, content_type=soort)


def test_a_handler_uploads_a_document(ingelogd, wereld, zaak):
    response = ingelogd.post(
        url("zaak_document_toevoegen", zaak),
        {
            "document-bestand": _upload("foto.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20),
            "document-titel": "Foto van de straat",
            "document-informatieobjecttype": wereld.cat.informatieobjecttypen[
                "Aanvraag"
            ].pk,
        },
    )
    assert response.status_code == 302
    from loket.zgw.documenten.models import EnkelvoudigInformatieObject

    versie = EnkelvoudigInformatieObject.objects.get(titel="Foto van de straat")
    assert versie.formaat == "image/png"
    assert versie.auteur == wereld.behandelaar.naam
    assert zaak.zaakinformatieobjecten.filter(
        informatieobject=versie.informatieobject
    ).exists()


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("programma.exe", b"MZ\x90\x00"),
        ("vermomd.pdf", b"MZ\x90\x00 not a pdf"),
        ("pagina.html", b"<html></html>"),
    ],
)
def test_an_upload_of_the_wrong_type_is_refused(ingelogd, wereld, zaak, naam, inhoud):
    response = ingelogd.post(
        url("zaak_document_toevoegen", zaak),
        {
            "document-bestand": _upload(naam, inhoud),
            "document-titel": "Bijlage",
            "document-informatieobjecttype": wereld.cat.informatieobjecttypen[
                "Aanvraag"
            ].pk,
        },
    )
    assert response.status_code == 200
    assert "Dit soort bestand kan niet." in response.content.decode()
    assert not zaak.zaakinformatieobjecten.exists()


def test_an_upload_too_large_is_refused_by_the_documenten_check(
    ingelogd,
    wereld,
    zaak,
    settings,
):
    settings.DOCUMENTEN_MAX_FILE_SIZE = 1_048_576
    response = ingelogd.post(
        url("zaak_document_toevoegen", zaak),
        {
            "document-bestand": _upload("groot.pdf", b"%PDF-1.4" + b"0" * 2_100_000),
            "document-titel": "Groot",
            "document-informatieobjecttype": wereld.cat.informatieobjecttypen[
                "Aanvraag"
            ].pk,
        },
    )
    assert response.status_code == 200
    assert "Loket neemt bestanden tot 1 MB aan" in response.content.decode()
    assert not zaak.zaakinformatieobjecten.exists()


def test_a_new_version_replaces_the_content_and_keeps_the_old(ingelogd, wereld, zaak):
    versie = document(wereld.cat, zaak)
    doc = versie.informatieobject
    response = ingelogd.post(
        url("zaak_document", zaak, document_uuid=doc.uuid),
        {"versie-bestand": _upload("aanvraag-v2.pdf", b"%PDF-1.4 tweede versie")},
    )
    assert response.status_code == 302
    doc.refresh_from_db()
    assert doc.lock == ""
    nieuw = doc.versies.get(laatste=True)
    assert nieuw.versie == 2
    assert nieuw.inhoud.read() == b"%PDF-1.4 tweede versie"
    assert doc.versies.get(versie=1).inhoud.read() == b"%PDF-1.4 aanvraag"


def test_only_a_handler_adds_a_version(client, staff_login, wereld, zaak):
    versie = document(wereld.cat, zaak)
    staff_login(client, wereld.kcc)
    response = client.post(
        url("zaak_document", zaak, document_uuid=versie.informatieobject.uuid),
        {"versie-bestand": _upload("x.pdf", b"%PDF-1.4 x")},
    )
    assert response.status_code == 403


def test_the_services_refuse_someone_who_may_not_handle(wereld, zaak):
    from django.core.exceptions import PermissionDenied

    from loket.werkplek.services import dossier as acties

    rij = Behandeling.objects.select_related("zaak").get(zaak=zaak)
    with pytest.raises(PermissionDenied):
        acties.voeg_notitie_toe(wereld.kcc, rij, tekst="Nee")
    with pytest.raises(PermissionDenied):
        toewijzing.neem(rij, medewerker=wereld.collega)


@pytest.mark.django_db(transaction=True)
def test_the_resident_gets_an_email_without_the_message(
    client, staff_login, mailbox, run_tasks
):
    wereld = bouw_wereld()
    zaak = maak_zaak(wereld.cat)
    staff_login(client, wereld.behandelaar)
    client.post(
        url("zaak_bericht", zaak),
        {"bericht-onderwerp": "Uw kenteken", "bericht-tekst": "Geheime inhoud"},
    )
    run_tasks()
    berichten = [m for m in mailbox if "Nieuw bericht" in m["Subject"]]
    assert [m["To"] for m in berichten] == ["s.boer@example.org"]
    assert "Geheime inhoud" not in berichten[0].get_body().get_content()
