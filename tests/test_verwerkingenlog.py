"""Every staff page that shows a person's data writes a processing-log entry
(issue 7: "every view of a person's data writes a processing-log entry").

A small world: Duinwaard, served by one organisation with a team Vergunningen
that gets the zaaktype; one zaak whose initiator is Suzanne Moulin (BSN 999993653,
in the BRP test set, so the test BRP server knows her). Each row of ``PAGINAS`` is
one page: its URL name, the method, and how the request is built; the test visits
it as the staff member named and checks that a ``Verwerking`` for her BSN by that
staff member was written in that request.

Not in the table because they show no data of the person: the queues (no
initiator column), the zaak's history (werkplek:zaak_geschiedenis: who changed
what, by role type, no name or BSN).

| URL name                             | method   | request, by whom              |
|--------------------------------------|----------|-------------------------------|
| gemeente:formulieren:namens          | POST     | bsn + kanaal; KCC agent       |
| werkplek:zaak                        | GET      | uuid of the zaak; behandelaar |
| werkplek:zaak_document               | GET      | its aanvraag PDF; behandelaar |
| werkplek:zaak_document_inhoud        | GET      | the PDF itself; behandelaar   |
| werkplek:zoeken                      | POST+GET | term = BSN; behandelaar       |
| werkplek:zaak (KCC)                  | GET      | uuid of the zaak; KCC agent   |
| klantcontact:klantbeeld              | POST+GET | zoekwijze bsn; KCC agent      |
| klantcontact:webvragen               | GET      | her question; KCC agent       |
| klantcontact:webvraag                | GET      | her question; KCC agent       |
| klantcontact:contactmomenten         | GET      | a contact with her; KCC agent |
| klantcontact:terugbelverzoeken       | GET      | her call-back; the team       |
| klantcontact:terugbelverzoek         | GET      | her call-back; the team       |
| verwerkingen:index                   | POST     | bsn; privacy officer          |
| admin:verwerkingen_verwerking_change | GET      | an entry; privacy officer     |
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils import timezone

import pytest

from loket.formulieren.tests import maken
from loket.klantcontact import services as klantcontact
from loket.klantcontact import tokens
from loket.organisaties import services as organisaties
from loket.organisaties.roles import Rolcode
from loket.verwerkingen.models import Activiteit, Doel, Verwerking
from loket.verwerkingen.services import leg_vast
from loket.werkplek.services import toewijzing
from loket.zgw.documenten.services import documents
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from tests import factories, zgw_data

pytestmark = pytest.mark.django_db(transaction=True)

BSN = "999993653"  # Suzanne Moulin, RvIG test set


@dataclass
class Wereld:
    cat: object
    zaak: object
    team: object
    document: object
    formulier: object
    behandelaar: object
    kcc: object
    privacy: object


def wereld() -> Wereld:
    cat = zgw_data.catalogue(factories.gemeente(naam="Duinwaard", slug="duinwaard"))
    org = factories.organisatie(cat.gemeente, naam="Werkorganisatie Duinwaard")
    team = organisaties.create_team(organisatie=org, naam="Vergunningen")
    toewijzing.routeer(org, cat.zaaktype.identificatie, team)
    zaak = zgw_data.zaak(cat, omschrijving="Parkeervergunning Boterdiep 31")
    zgw_data.initiator(cat, zaak, bsn=BSN, geslachtsnaam="Moulin")
    zaken.set_status(
        zaak,
        actor=LOKET,
        statustype=cat.statustypen["Ontvangen"],
        datum_status_gezet=timezone.now(),
    )
    versie = documents.create_document(
        actor=LOKET,
        informatieobjecttype=cat.informatieobjecttypen["Aanvraag"],
        bronorganisatie=cat.rsin,
        titel="Aanvraag parkeervergunning S. Moulin",
        auteur="Aanvrager",
        taal="dut",
        creatiedatum=date(2026, 3, 2),
        inhoud=b"%PDF-1.4 aanvraag",
        bestandsnaam="aanvraag.pdf",
        formaat="application/pdf",
        indicatie_gebruiksrecht=False,
    )
    zaken.add_document(zaak, actor=LOKET, informatieobject=versie.informatieobject)
    zaak.refresh_from_db()
    return Wereld(
        cat=cat,
        zaak=zaak,
        team=team,
        document=versie.informatieobject,
        formulier=maken.formulier(cat),
        behandelaar=factories.medewerker(
            org, rollen=(Rolcode.BEHANDELAAR,), teams=[team], naam="Jeroen de Vries"
        ),
        kcc=factories.medewerker(
            org, rollen=(Rolcode.KCC_MEDEWERKER,), naam="Sanne Jansen"
        ),
        privacy=factories.medewerker(
            org, rollen=(Rolcode.PRIVACY_OFFICER,), naam="Pia Privacy"
        ),
    )


# -- how each page is asked for ------------------------------------------------------


def _namens(client, w: Wereld):
    url = reverse(
        "gemeente:formulieren:namens",
        kwargs={
            "gemeente_slug": w.cat.gemeente.slug,
            "product_slug": "parkeervergunning",
        },
    )
    return client.post(url, {"bsn": BSN, "kanaal": "telefoon"})


def _zaak(client, w: Wereld):
    return client.get(reverse("werkplek:zaak", kwargs={"uuid": w.zaak.uuid}))


def _document(client, w: Wereld):
    return client.get(
        reverse(
            "werkplek:zaak_document",
            kwargs={"uuid": w.zaak.uuid, "document_uuid": w.document.uuid},
        )
    )


def _document_inhoud(client, w: Wereld):
    return client.get(
        reverse(
            "werkplek:zaak_document_inhoud",
            kwargs={"uuid": w.zaak.uuid, "document_uuid": w.document.uuid},
        )
    )


def _zoeken(client, w: Wereld):
    url = reverse("werkplek:zoeken")
    client.post(url, {"term": BSN})
    return client.get(url)


def _klantbeeld(client, w: Wereld):
    response = client.post(
        reverse("klantcontact:klantbeeld"), {"zoekwijze": "bsn", "bsn-bsn": BSN}
    )
    if response.status_code == 302:
        response = client.get(response["Location"])
    return response


def _webvraag(w: Wereld):
    return klantcontact.ontvang_webvraag(
        gemeente=w.cat.gemeente,
        naam="Suzanne Moulin",
        emailadres="s.moulin@example.nl",
        onderwerp="Parkeren bij de markt",
        vraag="Mag ik op marktdag voor mijn deur parkeren?",
        bsn=BSN,
        mailen=False,
    )


def _terugbelverzoek(w: Wereld):
    moment = klantcontact.registreer_contactmoment(
        medewerker=w.kcc,
        gemeente=w.cat.gemeente,
        kanaal="telefoon",
        onderwerp="Parkeervergunning",
        tekst="Vraagt hoe lang de behandeling nog duurt.",
        klant=tokens.Klant(bsn=BSN, naam="Suzanne Moulin"),
        terugbellen=klantcontact.Terugbellen(
            team=w.team,
            telefoonnummer="06 12345678",
            toelichting="Wil de behandelaar zelf spreken.",
        ),
        mailen=False,
    )
    return moment.terugbelverzoek


def _webvragen(client, w: Wereld):
    _webvraag(w)
    return client.get(reverse("klantcontact:webvragen"))


def _webvraag_pagina(client, w: Wereld):
    vraag = _webvraag(w)
    return client.get(reverse("klantcontact:webvraag", kwargs={"uuid": vraag.uuid}))


def _contactmomenten(client, w: Wereld):
    _terugbelverzoek(w)
    return client.get(reverse("klantcontact:contactmomenten"))


def _terugbelverzoeken(client, w: Wereld):
    _terugbelverzoek(w)
    return client.get(reverse("klantcontact:terugbelverzoeken"))


def _terugbelverzoek_pagina(client, w: Wereld):
    verzoek = _terugbelverzoek(w)
    return client.get(
        reverse("klantcontact:terugbelverzoek", kwargs={"uuid": verzoek.uuid})
    )


def _verwerkingenlog(client, w: Wereld):
    return client.post(reverse("verwerkingen:index"), {"bsn": BSN})


def _beheer(client, w: Wereld):
    (eerder,) = leg_vast(
        medewerker=w.behandelaar,
        activiteit=Activiteit.ZAAK_INGEZIEN,
        doel=Doel.BEHANDELEN,
        bsn=BSN,
        gemeente=w.cat.gemeente,
    )
    return client.get(reverse("admin:verwerkingen_verwerking_change", args=[eerder.pk]))


@dataclass(frozen=True)
class Pagina:
    url_naam: str
    methode: str
    wie: str  # attribute of Wereld
    vraag: Callable


PAGINAS = [
    Pagina("gemeente:formulieren:namens", "POST", "kcc", _namens),
    Pagina("werkplek:zaak", "GET", "behandelaar", _zaak),
    Pagina("werkplek:zaak", "GET", "kcc", _zaak),
    Pagina("werkplek:zaak_document", "GET", "behandelaar", _document),
    Pagina("werkplek:zaak_document_inhoud", "GET", "behandelaar", _document_inhoud),
    Pagina("werkplek:zoeken", "POST, GET", "behandelaar", _zoeken),
    Pagina("klantcontact:klantbeeld", "POST, GET", "kcc", _klantbeeld),
    Pagina("klantcontact:webvragen", "GET", "kcc", _webvragen),
    Pagina("klantcontact:webvraag", "GET", "kcc", _webvraag_pagina),
    Pagina("klantcontact:contactmomenten", "GET", "kcc", _contactmomenten),
    Pagina("klantcontact:terugbelverzoeken", "GET", "behandelaar", _terugbelverzoeken),
    Pagina(
        "klantcontact:terugbelverzoek", "GET", "behandelaar", _terugbelverzoek_pagina
    ),
    Pagina("verwerkingen:index", "POST", "privacy", _verwerkingenlog),
    Pagina("admin:verwerkingen_verwerking_change", "GET", "privacy", _beheer),
]


@pytest.mark.parametrize(
    "pagina", [pytest.param(p, id=f"{p.url_naam}-{p.wie}") for p in PAGINAS]
)
def test_every_page_showing_a_persons_data_logs_it(
    pagina, client, staff_login, testdiensten
):
    w = wereld()
    medewerker = getattr(w, pagina.wie)
    staff_login(client, medewerker)
    voor = set(Verwerking.objects.values_list("pk", flat=True))

    response = pagina.vraag(client, w)

    assert response.status_code in (200, 302), response.status_code
    nieuw = Verwerking.objects.exclude(pk__in=voor).filter(medewerker=medewerker)
    assert nieuw.filter(bsn=BSN).exists(), (
        f"{pagina.url_naam} ({pagina.methode}) wrote no processing-log entry "
        f"for the person it showed"
    )
    assert all(v.doel and v.activiteit for v in nieuw)
