"""The zaak page: who sees it (404 otherwise), what it shows, the processing log
entry each view writes, and a query count that does not grow with the zaak."""

from dataclasses import dataclass, replace
from datetime import date

from django.urls import reverse
from django.utils import timezone

import pytest

from loket.organisaties import services as organisaties
from loket.organisaties.roles import Rolcode
from loket.portaal import services as portaal
from loket.verwerkingen.models import Activiteit, Doel, Verwerking
from loket.werkplek.models import Behandeling
from loket.werkplek.services import toewijzing
from loket.zgw.documenten.services import documents
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from tests import factories, inwoner, zgw_data

pytestmark = pytest.mark.django_db

BSN = inwoner.TEST_BSN
KVK = "68750110"


@dataclass
class Wereld:
    cat: zgw_data.Catalogue
    organisatie: object
    team: object
    ander_team: object
    behandelaar: object
    collega: object
    teamleider: object
    kcc: object
    buitenstaander: object


def bouw_wereld() -> Wereld:
    """A gemeente with a published zaaktype, served by one organisation with two
    teams (the zaaktype goes to Vergunningen), its staff, and an outsider."""
    cat = zgw_data.catalogue(factories.gemeente(naam="Duinwaard", slug="duinwaard"))
    org = factories.organisatie(cat.gemeente)
    team = organisaties.create_team(organisatie=org, naam="Vergunningen")
    ander = organisaties.create_team(organisatie=org, naam="Burgerzaken")
    toewijzing.routeer(org, cat.zaaktype.identificatie, team)
    behandelaar = factories.medewerker(org, naam="Jeroen de Vries", teams=[team])
    collega = factories.medewerker(org, naam="Noor Hendriks", teams=[ander])
    teamleider = factories.medewerker(
        org, naam="Els Bakker", rollen=(Rolcode.TEAMLEIDER,), teams=[team]
    )
    kcc = factories.medewerker(
        org, naam="Sanne Jansen", rollen=(Rolcode.KCC_MEDEWERKER,)
    )
    andere_gemeente = factories.organisatie()
    buitenstaander = factories.medewerker(andere_gemeente, naam="Piet Buiten")
    return Wereld(
        cat, org, team, ander, behandelaar, collega, teamleider, kcc, buitenstaander
    )


@pytest.fixture
def wereld():
    return bouw_wereld()


def maak_zaak(cat, *, bsn=BSN, kvk="", eigenschap=True, **fields):
    """A zaak with an initiator (person or company), its first status and (for
    the step to 'In behandeling') the required eigenschap."""
    fields.setdefault("omschrijving", "Parkeervergunning Dorpsstraat 12")
    zaak = zgw_data.zaak(cat, **fields)
    if kvk:
        zgw_data.initiator(cat, zaak, kvk=kvk)
    else:
        zgw_data.initiator(
            cat,
            zaak,
            bsn=bsn,
            verblijfsadres=zgw_data.adres("Duinwaard"),
            contactpersoon_rol={"emailadres": "s.boer@example.org"},
        )
    if eigenschap:
        zaken.add_zaakeigenschap(
            zaak,
            actor=LOKET,
            eigenschap=cat.eigenschappen["kenteken"],
            waarde="AB-12-CD",
        )
    zaken.set_status(
        zaak,
        actor=LOKET,
        statustype=cat.statustypen["Ontvangen"],
        datum_status_gezet=timezone.now(),
    )
    zaak.refresh_from_db()
    return zaak


def document(cat, zaak, titel="Aanvraag", inhoud=b"%PDF-1.4 aanvraag", **extra):
    extra.setdefault("indicatie_gebruiksrecht", False)
    versie = documents.create_document(
        actor=LOKET,
        informatieobjecttype=cat.informatieobjecttypen["Aanvraag"],
        bronorganisatie=cat.rsin,
        titel=titel,
        auteur="Aanvrager",
        taal="dut",
        creatiedatum=date(2026, 3, 2),
        inhoud=inhoud,
        bestandsnaam=f"{titel}.pdf",
        formaat="application/pdf",
        **extra,
    )
    zaken.add_document(zaak, actor=LOKET, informatieobject=versie.informatieobject)
    return versie


def url(name, zaak, **kwargs):
    return reverse(f"werkplek:{name}", kwargs={"uuid": zaak.uuid, **kwargs})


@pytest.fixture
def zaak(wereld):
    return maak_zaak(wereld.cat)


# -- who sees the page -----------------------------------------------------------------


def test_the_team_sees_the_zaak_page_with_its_summary(
    client, staff_login, wereld, zaak
):
    staff_login(client, wereld.behandelaar)
    response = client.get(url("zaak", zaak))
    assert response.status_code == 200
    html = response.content.decode()
    assert zaak.identificatie in html
    assert "Parkeervergunning Dorpsstraat 12" in html
    assert "Vergunningen" in html  # the team
    assert "S. Boer" in html  # the initiator
    assert "Dorpsstraat 12, 1234AB Duinwaard" in html
    assert "no-store" in response["Cache-Control"]


def test_someone_of_another_team_gets_a_404(client, staff_login, wereld, zaak):
    staff_login(client, wereld.collega)
    assert client.get(url("zaak", zaak)).status_code == 404


def test_staff_of_an_organisation_that_does_not_serve_the_gemeente_get_a_404(
    client, staff_login, wereld, zaak
):
    staff_login(client, wereld.buitenstaander)
    assert client.get(url("zaak", zaak)).status_code == 404
    assert not Verwerking.objects.exists()


def test_a_zaak_above_ones_confidentiality_is_not_found(client, staff_login, wereld):
    zaak = maak_zaak(wereld.cat, vertrouwelijkheidaanduiding="geheim")
    staff_login(client, wereld.behandelaar)
    assert client.get(url("zaak", zaak)).status_code == 404


def test_a_role_without_werkplek_gets_the_403_page(client, staff_login, wereld, zaak):
    privacy = factories.medewerker(
        wereld.organisatie, rollen=(Rolcode.PRIVACY_OFFICER,)
    )
    staff_login(client, privacy)
    assert client.get(url("zaak", zaak)).status_code == 403


def test_not_logged_in_goes_to_the_login_page(client, zaak):
    response = client.get(url("zaak", zaak))
    assert response.status_code == 302
    assert "/medewerker/inloggen/" in response["Location"]


def test_a_kcc_agent_sees_the_zaak_but_gets_no_actions(
    client, staff_login, wereld, zaak
):
    staff_login(client, wereld.kcc)
    response = client.get(url("zaak", zaak))
    assert response.status_code == 200
    html = response.content.decode()
    assert "U kunt deze zaak bekijken, maar niet behandelen" in html
    assert url("zaak_status", zaak) not in html


# -- the processing log ----------------------------------------------------------------


def test_viewing_writes_one_log_entry_per_person_for_behandelen(
    client, staff_login, wereld, zaak
):
    staff_login(client, wereld.behandelaar)
    client.get(url("zaak", zaak))
    entry = Verwerking.objects.get()
    assert entry.medewerker == wereld.behandelaar
    assert entry.bsn == BSN
    assert entry.activiteit == Activiteit.ZAAK_INGEZIEN
    assert entry.doel == Doel.BEHANDELEN
    assert entry.zaak_identificatie == zaak.identificatie
    assert entry.gemeente == wereld.cat.gemeente


def test_a_kcc_agent_viewing_is_logged_as_klantcontact(
    client, staff_login, wereld, zaak
):
    staff_login(client, wereld.kcc)
    client.get(url("zaak", zaak))
    assert Verwerking.objects.get().doel == Doel.KLANTCONTACT


def test_a_company_as_initiator_is_logged_by_kvk_number(client, staff_login, wereld):
    zaak = maak_zaak(wereld.cat, kvk=KVK)
    staff_login(client, wereld.behandelaar)
    client.get(url("zaak", zaak))
    entry = Verwerking.objects.get()
    assert (entry.bsn, entry.kvk) == ("", KVK)


def test_opening_a_document_logs_document_ingezien(client, staff_login, wereld, zaak):
    versie = document(wereld.cat, zaak)
    staff_login(client, wereld.behandelaar)
    response = client.get(
        url("zaak_document_inhoud", zaak, document_uuid=versie.informatieobject.uuid)
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 aanvraag"
    assert Verwerking.objects.get().activiteit == Activiteit.DOCUMENT_INGEZIEN


# -- documents -------------------------------------------------------------------------


def test_a_pdf_opens_inline_and_other_files_download(client, staff_login, wereld, zaak):
    pdf = document(wereld.cat, zaak)
    word = documents.create_document(
        actor=LOKET,
        informatieobjecttype=wereld.cat.informatieobjecttypen["Aanvraag"],
        bronorganisatie=wereld.cat.rsin,
        titel="Bijlage",
        auteur="Aanvrager",
        taal="dut",
        creatiedatum=date(2026, 3, 2),
        inhoud=b"<html><script>alert(1)</script></html>",
        bestandsnaam="bijlage.html",
        formaat="text/html",
    )
    zaken.add_document(zaak, actor=LOKET, informatieobject=word.informatieobject)
    staff_login(client, wereld.behandelaar)
    inline = client.get(
        url("zaak_document_inhoud", zaak, document_uuid=pdf.informatieobject.uuid)
    )
    assert inline["Content-Disposition"].startswith("inline")
    assert inline["Content-Type"] == "application/pdf"
    download = client.get(
        url("zaak_document_inhoud", zaak, document_uuid=word.informatieobject.uuid)
    )
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Content-Type"] == "application/octet-stream"
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_document_of_another_zaak_is_not_found_through_this_one(
    client, staff_login, wereld, zaak
):
    andere = maak_zaak(wereld.cat)
    versie = document(wereld.cat, andere)
    staff_login(client, wereld.behandelaar)
    for name in ("zaak_document", "zaak_document_inhoud"):
        response = client.get(
            url(name, zaak, document_uuid=versie.informatieobject.uuid)
        )
        assert response.status_code == 404


def test_a_document_above_ones_confidentiality_is_hidden(
    client, staff_login, wereld, zaak
):
    versie = document(
        wereld.cat, zaak, titel="Medisch advies", vertrouwelijkheidaanduiding="geheim"
    )
    staff_login(client, wereld.behandelaar)
    html = client.get(url("zaak", zaak)).content.decode()
    assert "Medisch advies" not in html
    response = client.get(
        url("zaak_document_inhoud", zaak, document_uuid=versie.informatieobject.uuid)
    )
    assert response.status_code == 404


def test_the_document_page_lists_every_version(client, staff_login, wereld, zaak):
    versie = document(wereld.cat, zaak)
    lock = documents.lock_document(versie.informatieobject, actor=LOKET)
    documents.update_document(
        versie.informatieobject, actor=LOKET, lock=lock, inhoud=b"%PDF-1.4 tweede"
    )
    documents.unlock_document(versie.informatieobject, actor=LOKET, lock=lock)
    staff_login(client, wereld.behandelaar)
    doc = versie.informatieobject.uuid
    html = client.get(url("zaak_document", zaak, document_uuid=doc)).content.decode()
    assert "Versies, nieuwste eerst (2)" in html
    oud = client.get(
        url("zaak_document_inhoud", zaak, document_uuid=doc), {"versie": 1}
    )
    assert b"".join(oud.streaming_content) == b"%PDF-1.4 aanvraag"


# -- what the page shows ---------------------------------------------------------------


def test_the_page_shows_timeline_messages_notes_and_history(
    client, staff_login, wereld, zaak
):
    portaal.stuur_bericht(
        zaak, medewerker=wereld.behandelaar, onderwerp="Vraag", tekst="Welk kenteken?"
    )
    staff_login(client, wereld.behandelaar)
    html = client.get(url("zaak", zaak)).content.decode()
    assert "1. Ontvangen (huidige status)" in html
    assert "Welk kenteken?" in html
    assert "AB-12-CD" in html  # the eigenschap
    assert "Wijzigingen in de zaak, nieuwste eerst" in html


def test_the_deadline_is_said_in_words(wereld):
    from loket.werkplek import dossier

    zaak = maak_zaak(wereld.cat)
    rij = Behandeling.objects.select_related("zaak").get(zaak=zaak)
    rij.uiterste_datum = date(2026, 3, 10)
    assert dossier.termijn(rij, date(2026, 3, 9)) == "nog 1 dag"
    assert dossier.termijn(rij, date(2026, 3, 10)) == "vandaag"
    assert dossier.termijn(rij, date(2026, 3, 13)) == "3 dagen te laat"


def test_the_history_is_capped_with_a_link_to_all_of_it(
    client, staff_login, wereld, zaak
):
    for n in range(55):
        wie = replace(LOKET, toelichting=f"Wijziging {n}")
        zaken.update_zaak(zaak, actor=wie, omschrijving=f"Omschrijving {n}")
    staff_login(client, wereld.behandelaar)
    html = client.get(url("zaak", zaak)).content.decode()
    assert "Bekijk de hele geschiedenis" in html
    assert html.count("Wijziging ") == 50
    alles = client.get(url("zaak_geschiedenis", zaak)).content.decode()
    assert "Wijziging 0" in alles and "Wijziging 54" in alles


# -- speed -----------------------------------------------------------------------------


def _queries(client, zaak, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url("zaak", zaak)).status_code == 200
    return len(context.captured_queries)


def test_the_page_query_count_does_not_grow_with_the_zaak(
    client, staff_login, wereld, django_assert_max_num_queries
):
    klein = maak_zaak(wereld.cat)
    document(wereld.cat, klein)
    portaal.stuur_bericht(
        klein, medewerker=wereld.behandelaar, onderwerp="B", tekst="Tekst"
    )
    groot = maak_zaak(wereld.cat)
    zaken.set_status(
        groot, actor=LOKET, statustype=wereld.cat.statustypen["In behandeling"]
    )
    for n in range(6):
        document(wereld.cat, groot, titel=f"Document {n}")
        portaal.stuur_bericht(
            groot, medewerker=wereld.behandelaar, onderwerp=f"B{n}", tekst="Tekst"
        )
    staff_login(client, wereld.behandelaar)
    _queries(client, klein, django_assert_max_num_queries)  # warm the caches
    aantal = _queries(client, klein, django_assert_max_num_queries)
    assert _queries(client, groot, django_assert_max_num_queries) == aantal
    with django_assert_max_num_queries(35):
        client.get(url("zaak", groot))
