"""Letters from a template: the handler sees the letter with the invulvelden
filled in, may change it, and saves it as a PDF document of the zaak that holds
the merged text; the processing log says a letter was made."""

import re

import pytest

from loket.verwerkingen.models import Activiteit, Verwerking
from loket.werkplek import brieven
from loket.werkplek.services.dossier import bewaar_briefsjabloon
from loket.werkplek.tests.test_zaak import BSN, bouw_wereld, maak_zaak, url
from loket.zgw.documenten.models import EnkelvoudigInformatieObject
from tests import factories

pytestmark = pytest.mark.django_db

TEKST = (
    "{{ naam }}\n{{ adres }}\n\nBeste {{ naam }},\n\n"
    "Uw aanvraag {{ zaak.zaaktype }} ({{ zaak.identificatie }}) over "
    "{{ zaak.omschrijving }} kwam binnen op {{ zaak.registratiedatum }}.\n"
    "Wij beslissen voor {{ zaak.uiterste_datum }}.\n\n"
    "{{ medewerker.naam }}, gemeente {{ gemeente.naam }}, {{ datum }}"
)


@pytest.fixture
def wereld():
    return bouw_wereld()


@pytest.fixture
def zaak(wereld):
    return maak_zaak(wereld.cat)


@pytest.fixture
def sjabloon(wereld):
    return bewaar_briefsjabloon(
        organisatie=wereld.organisatie,
        naam="Ontvangstbevestiging",
        onderwerp="Ontvangen: {{ zaak.identificatie }}",
        tekst=TEKST,
        informatieobjecttype_omschrijving="Besluit",
    )


@pytest.fixture
def ingelogd(client, staff_login, wereld):
    staff_login(client, wereld.behandelaar)
    return client


def _pdf_tekst(data: bytes) -> str:
    """The text shown by the PDF's Tj/' operators, joined."""
    delen = re.findall(rb"\(((?:[^()\\]|\\.)*)\) (?:Tj|')", data)
    return " ".join(
        d.decode("cp1252").replace("\\(", "(").replace("\\)", ")") for d in delen
    )


def test_step_one_shows_the_merged_letter(ingelogd, wereld, zaak, sjabloon):
    response = ingelogd.post(
        url("zaak_brief", zaak), {"stap": "voorbeeld", "brief-sjabloon": sjabloon.pk}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Ontvangen: {zaak.identificatie}" in html
    assert "Beste S. Boer," in html
    assert "Dorpsstraat 12, 1234AB Duinwaard" in html
    assert "Jeroen de Vries, gemeente Duinwaard" in html
    assert "{{" not in html.split("Invulvelden")[0]
    # Nothing is stored yet, but the preview showed the person's data.
    assert not EnkelvoudigInformatieObject.objects.filter(titel__startswith="Ontv")
    assert Verwerking.objects.filter(activiteit=Activiteit.ZAAK_INGEZIEN).exists()


def test_saving_makes_a_pdf_document_with_the_merged_text(
    ingelogd, wereld, zaak, sjabloon
):
    response = ingelogd.post(
        url("zaak_brief", zaak),
        {
            "stap": "opslaan",
            "brief-sjabloon": sjabloon.pk,
            "brief-onderwerp": f"Ontvangen: {zaak.identificatie}",
            "brief-tekst": "Beste {{ naam }},\n\nAangepaste zin van de behandelaar.",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#documenten")
    versie = EnkelvoudigInformatieObject.objects.get(
        titel=f"Ontvangen: {zaak.identificatie}"
    )
    assert versie.formaat == "application/pdf"
    assert versie.informatieobjecttype.omschrijving == "Besluit"
    assert zaak.zaakinformatieobjecten.filter(
        informatieobject=versie.informatieobject
    ).exists()
    data = versie.inhoud.read()
    assert data.startswith(b"%PDF-1.4")
    tekst = _pdf_tekst(data)
    assert "Beste S. Boer," in tekst
    assert "Aangepaste zin van de behandelaar." in tekst
    log = Verwerking.objects.get(activiteit=Activiteit.BRIEF)
    assert log.bsn == BSN
    assert log.zaak_identificatie == zaak.identificatie


def test_an_unknown_invulveld_is_refused_with_the_known_ones(ingelogd, zaak, sjabloon):
    response = ingelogd.post(
        url("zaak_brief", zaak),
        {
            "stap": "opslaan",
            "brief-sjabloon": sjabloon.pk,
            "brief-onderwerp": "Brief",
            "brief-tekst": "Beste {{ voornaam }}",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Onbekend invulveld: {{ voornaam }}" in html
    assert "Beste {{ voornaam }}" in html  # kept as typed
    assert not EnkelvoudigInformatieObject.objects.filter(titel="Brief").exists()


def test_a_template_of_another_organisation_is_not_offered(ingelogd, zaak, sjabloon):
    ander = bewaar_briefsjabloon(
        organisatie=factories.organisatie(),
        naam="Vreemd",
        onderwerp="Vreemd",
        tekst="Vreemd",
    )
    html = ingelogd.get(url("zaak_brief", zaak)).content.decode()
    assert "Vreemd" not in html
    response = ingelogd.post(
        url("zaak_brief", zaak), {"stap": "voorbeeld", "brief-sjabloon": ander.pk}
    )
    assert "Kies een sjabloon uit de lijst." in response.content.decode()


def test_the_page_documents_every_invulveld(ingelogd, zaak, sjabloon):
    html = ingelogd.get(url("zaak_brief", zaak)).content.decode()
    for naam in brieven.INVULVELDEN:
        assert "{{ " + naam + " }}" in html


def test_a_template_with_an_unknown_invulveld_cannot_be_saved(wereld):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        bewaar_briefsjabloon(
            organisatie=wereld.organisatie,
            naam="Fout",
            onderwerp="Fout",
            tekst="{{ bsn }}",
        )


def test_the_demo_templates_load_once(wereld):
    from loket.werkplek import demo_brieven
    from loket.werkplek.models import Briefsjabloon

    class Report:
        def __init__(self):
            self.nieuw = []

        def note(self, created, what):
            if created:
                self.nieuw.append(what)

    gemeenten = {"duinwaard": wereld.cat.gemeente}
    eerste, tweede = Report(), Report()
    demo_brieven.load(gemeenten, eerste)
    demo_brieven.load(gemeenten, tweede)
    assert len(eerste.nieuw) == 3
    assert tweede.nieuw == []
    assert Briefsjabloon.objects.filter(organisatie=wereld.organisatie).count() == 3
