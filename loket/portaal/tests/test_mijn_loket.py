"""Mijn Loket: a resident sees their own zaken (and only those) with the timeline,
documents, decision and messages, and gets e-mail about news."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from loket.portaal import services
from loket.portaal.models import Bericht, Mailsjabloon, Verzonden
from loket.zgw.besluiten import services as besluiten
from loket.zgw.documenten.services import documents
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import selectors as zaken_selectors
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.models import Zaak
from tests import factories, inwoner, zgw_data

pytestmark = pytest.mark.django_db

ANDER_BSN = "999990019"


def _zaak(cat, bsn=inwoner.TEST_BSN, **fields):
    zaak = zgw_data.zaak(cat, omschrijving="Parkeervergunning Dorpsstraat", **fields)
    zgw_data.initiator(cat, zaak, bsn=bsn)
    return zaak


def _document(cat, zaak, titel, vertrouwelijkheid="zaakvertrouwelijk", **extra):
    versie = documents.create_document(
        actor=LOKET,
        informatieobjecttype=cat.informatieobjecttypen["Besluit"],
        bronorganisatie=cat.rsin,
        titel=titel,
        auteur="Gemeente",
        taal="dut",
        creatiedatum=date(2026, 3, 3),
        inhoud=b"%PDF-1.4 " + titel.encode(),
        bestandsnaam=f"{titel}.pdf",
        formaat="application/pdf",
        vertrouwelijkheidaanduiding=vertrouwelijkheid,
        **extra,
    )
    zaken.add_document(zaak, actor=LOKET, informatieobject=versie.informatieobject)
    return versie


@pytest.fixture
def cat():
    return zgw_data.catalogue(factories.gemeente(naam="Duinwaard", slug="duinwaard"))


def _url(name, cat, **kwargs):
    return reverse(
        f"gemeente:portaal:{name}",
        kwargs={"gemeente_slug": cat.gemeente.slug, **kwargs},
    )


def test_not_logged_in_goes_to_the_login_page(client, cat):
    response = client.get(_url("index", cat))
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{cat.gemeente.slug}/inloggen/")
    assert "next=" in response["Location"]


def test_the_list_shows_own_zaken_of_every_gemeente_and_nobody_elses(client, cat):
    eigen = _zaak(cat)
    andere_gemeente = zgw_data.catalogue(factories.gemeente(naam="Lindebroek"))
    elders = _zaak(andere_gemeente)
    van_een_ander = _zaak(cat, bsn=ANDER_BSN)
    inwoner.log_in(client, inwoner.persoon(), cat.gemeente.slug)

    response = client.get(_url("index", cat))

    html = response.content.decode()
    assert response.status_code == 200
    assert eigen.identificatie in html
    assert elders.identificatie in html and "Lindebroek" in html
    assert van_een_ander.identificatie not in html
    assert response["Cache-Control"].startswith("no-store") or (
        "no-store" in response["Cache-Control"]
    )


def test_a_company_sees_the_zaken_of_its_kvk_number(client, cat):
    zaak = zgw_data.zaak(cat)
    zaken.add_rol(
        zaak,
        actor=LOKET,
        roltype=cat.roltypen["Aanvrager"],
        betrokkene_type="vestiging",
        betrokkene_identificatie={
            "vestigingsNummer": "000038509504",
            "kvkNummer": "69599084",
            "handelsnaam": ["Test EMZ Dagobert"],
        },
    )
    inwoner.log_in(client, inwoner.bedrijf(), cat.gemeente.slug)
    assert zaak.identificatie in client.get(_url("index", cat)).content.decode()
    inwoner.log_in(client, inwoner.bedrijf(kvk="68750110"), cat.gemeente.slug)
    assert zaak.identificatie not in client.get(_url("index", cat)).content.decode()


def test_the_zaak_page_shows_the_timeline_and_what_comes_next(client, cat):
    zaak = _zaak(cat)
    zaken.set_status(
        zaak,
        actor=LOKET,
        statustype=cat.statustypen["Ontvangen"],
        datum_status_gezet=timezone.make_aware(timezone.datetime(2026, 3, 2, 9)),
    )
    inwoner.log_in(client, inwoner.persoon(), cat.gemeente.slug)

    response = client.get(_url("zaak", cat, zaak_uuid=zaak.uuid))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-current="step"' in html
    assert "2 maart 2026" in html
    # The steps still to come, and the next one explained.
    assert "In behandeling" in html and "Afgehandeld" in html
    assert "De volgende stap is: in behandeling. We beoordelen uw aanvraag." in html
    assert zaak.einddatum_gepland is None or (f"{zaak.einddatum_gepland.day} " in html)


def test_someone_elses_zaak_is_not_found(client, cat):
    zaak = _zaak(cat, bsn=ANDER_BSN)
    inwoner.log_in(client, inwoner.persoon(), cat.gemeente.slug)
    assert client.get(_url("zaak", cat, zaak_uuid=zaak.uuid)).status_code == 404


def test_documents_the_initiator_may_read_can_be_downloaded(client, cat):
    zaak = _zaak(cat)
    brief = _document(cat, zaak, "Besluit parkeervergunning", status="definitief")
    intern = _document(cat, zaak, "Interne notitie", vertrouwelijkheid="intern")
    concept = _document(cat, zaak, "Conceptbesluit", status="in_bewerking")
    inwoner.log_in(client, inwoner.persoon(), cat.gemeente.slug)

    html = client.get(_url("zaak", cat, zaak_uuid=zaak.uuid)).content.decode()
    assert "Besluit parkeervergunning" in html
    assert "Interne notitie" not in html and "Conceptbesluit" not in html

    download = client.get(
        _url(
            "document",
            cat,
            zaak_uuid=zaak.uuid,
            document_uuid=brief.informatieobject.uuid,
        )
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-1.4")
    assert "attachment" in download["Content-Disposition"]
    for hidden in (intern, concept):
        response = client.get(
            _url(
                "document",
                cat,
                zaak_uuid=zaak.uuid,
                document_uuid=hidden.informatieobject.uuid,
            )
        )
        assert response.status_code == 404


def test_a_document_of_someone_elses_zaak_is_not_found(client, cat):
    zaak = _zaak(cat, bsn=ANDER_BSN)
    brief = _document(cat, zaak, "Besluit", status="definitief")
    eigen = _zaak(cat)
    inwoner.log_in(client, inwoner.persoon(), cat.gemeente.slug)
    for zaak_uuid in (zaak.uuid, eigen.uuid):
        url = _url(
            "document",
            cat,
            zaak_uuid=zaak_uuid,
            document_uuid=brief.informatieobject.uuid,
        )
        assert client.get(url).status_code == 404


def test_the_decision_is_shown(client, cat):
    zaak = _zaak(cat)
    besluiten.create_besluit(
        actor=LOKET,
        besluittype=cat.besluittype,
        verantwoordelijke_organisatie=cat.rsin,
        zaak=zaak,
        datum=date(2026, 3, 20),
        ingangsdatum=date(2026, 4, 1),
        toelichting="U krijgt een parkeervergunning voor zone A.",
    )
    inwoner.log_in(client, inwoner.persoon(), cat.gemeente.slug)
    html = client.get(_url("zaak", cat, zaak_uuid=zaak.uuid)).content.decode()
    assert "20 maart 2026" in html and "1 april 2026" in html
    assert "U krijgt een parkeervergunning voor zone A." in html


def test_the_resident_reads_a_message_and_answers(client, cat):
    zaak = _zaak(cat)
    handler = factories.medewerker()
    services.stuur_bericht(
        zaak,
        medewerker=handler,
        onderwerp="Foto van uw kenteken",
        tekst="Wilt u een foto van uw kentekenbewijs sturen?",
    )
    inwoner.log_in(client, inwoner.persoon(), cat.gemeente.slug)
    index = client.get(_url("index", cat)).content.decode()
    assert "1 nieuw bericht" in index

    url = _url("zaak", cat, zaak_uuid=zaak.uuid)
    assert (
        "Wilt u een foto van uw kentekenbewijs sturen?"
        in client.get(url).content.decode()
    )
    assert Bericht.objects.get().gelezen_op is not None

    empty = client.post(url, {"tekst": "  "})
    assert empty.status_code == 200
    assert "Schrijf uw reactie." in empty.content.decode()

    response = client.post(url, {"tekst": "Ik stuur de foto morgen."})
    assert response.status_code == 302
    antwoord = Bericht.objects.get(richting=Bericht.Richting.VAN_INWONER)
    assert antwoord.tekst == "Ik stuur de foto morgen." and antwoord.zaak == zaak


def test_a_resident_cannot_answer_in_someone_elses_zaak(client, cat):
    zaak = _zaak(cat, bsn=ANDER_BSN)
    inwoner.log_in(client, inwoner.persoon(), cat.gemeente.slug)
    response = client.post(_url("zaak", cat, zaak_uuid=zaak.uuid), {"tekst": "Hoi"})
    assert response.status_code == 404
    assert not Bericht.objects.exists()


def test_the_resident_sets_and_removes_an_email_address(client, cat):
    inwoner.log_in(client, inwoner.persoon(), cat.gemeente.slug)
    url = _url("gegevens", cat)
    bad = client.post(url, {"emailadres": "geen-adres"})
    assert "Vul een geldig e-mailadres in" in bad.content.decode()
    client.post(url, {"emailadres": "s.boer@example.nl"})
    assert "s.boer@example.nl" in client.get(_url("index", cat)).content.decode()
    client.post(url, {"emailadres": ""})
    assert "U krijgt nu geen e-mail" in client.get(_url("index", cat)).content.decode()


def test_a_sjabloon_refuses_unknown_placeholders():
    sjabloon = Mailsjabloon(
        gebeurtenis="status", onderwerp="Nieuws over {{ zaak }}", tekst="Hoi {{ bsn }}"
    )
    with pytest.raises(ValidationError) as error:
        services.bewaar_sjabloon(sjabloon)
    assert "Onbekend invulveld: {{ bsn }}" in str(error.value)


@pytest.mark.django_db(transaction=True)
def test_a_new_status_is_mailed_once_with_the_most_specific_sjabloon(
    cat, mailbox, run_tasks
):
    zaak = _zaak(cat)
    services.zet_emailadres(bsn=inwoner.TEST_BSN, emailadres="s.boer@example.nl")
    Mailsjabloon.objects.create(
        gebeurtenis="status",
        gemeente=cat.gemeente,
        zaaktype_identificatie=cat.zaaktype.identificatie,
        onderwerp="Parkeervergunning {{ zaak }}: {{ status }}",
        tekst="Beste {{ naam }}, uw aanvraag is {{ status }}. Zie {{ link }}",
    )
    Mailsjabloon.objects.create(
        gebeurtenis="status", onderwerp="Algemeen", tekst="Algemeen {{ zaak }}"
    )

    status = zaken.set_status(
        zaak, actor=LOKET, statustype=cat.statustypen["Ontvangen"]
    )
    run_tasks()

    assert len(mailbox) == 1
    mail = mailbox[0]
    assert mail["To"] == "s.boer@example.nl"
    assert mail["Subject"] == f"Parkeervergunning {zaak.identificatie}: Ontvangen"
    body = mail.get_payload(decode=True).decode()
    assert "Beste S. Boer, uw aanvraag is Ontvangen." in body
    assert f"/duinwaard/mijn-loket/zaken/{zaak.uuid}/" in body
    # The task running again (a retry after a crash) does not mail twice.
    assert services.mail_status(str(status.uuid)) == "al verzonden"
    assert Verzonden.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_no_mail_for_a_status_without_informeren_or_registered_afterwards(
    cat, mailbox, run_tasks
):
    zaak = _zaak(cat)
    services.zet_emailadres(bsn=inwoner.TEST_BSN, emailadres="s.boer@example.nl")
    zaken.set_status(
        zaak,
        actor=LOKET,
        statustype=cat.statustypen["Ontvangen"],
        datum_status_gezet=timezone.now() - timedelta(days=30),
    )
    zaken.add_zaakeigenschap(
        zaak, actor=LOKET, eigenschap=cat.eigenschappen["kenteken"], waarde="AB-12-CD"
    )
    # "In behandeling" does not inform the initiator.
    zaken.set_status(zaak, actor=LOKET, statustype=cat.statustypen["In behandeling"])
    run_tasks()
    assert mailbox == []


@pytest.mark.django_db(transaction=True)
def test_a_message_is_announced_by_mail_without_its_content(cat, mailbox, run_tasks):
    zaak = _zaak(cat)
    services.zet_emailadres(bsn=inwoner.TEST_BSN, emailadres="s.boer@example.nl")
    services.stuur_bericht(
        zaak,
        medewerker=factories.medewerker(),
        onderwerp="Vraag",
        tekst="Uw medische gegevens ontbreken.",
    )
    run_tasks()
    assert len(mailbox) == 1
    body = mailbox[0].get_payload(decode=True).decode()
    assert "nieuw bericht" in body
    assert "medische" not in body


@pytest.mark.django_db(transaction=True)
def test_a_submitted_form_mails_its_first_status_to_the_address_given(
    cat, mailbox, run_tasks
):
    from loket.formulieren import services as formulieren
    from loket.formulieren.models import Kanaal
    from loket.formulieren.tests import maken

    concept = maken.ingevuld(maken.formulier(cat))  # answers e-mail jan@voorbeeld.nl
    inzending = formulieren.submit(
        concept,
        actor=formulieren.actor_voor(concept),
        kanaal=Kanaal.WEB,
        verklaard=True,
    )
    rol = zaken_selectors.initiator(Zaak.objects.get(uuid=inzending.zaak_uuid).pk)
    assert rol.contactpersoon_rol["emailadres"] == "jan@voorbeeld.nl"

    run_tasks()

    assert [m["To"] for m in mailbox] == ["jan@voorbeeld.nl"]
    assert mailbox[0]["Subject"] == (
        f"Uw aanvraag {inzending.zaak_identificatie}: Ontvangen"
    )
