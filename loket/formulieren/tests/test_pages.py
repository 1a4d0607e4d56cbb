"""The pages of a form, through the test client: a resident (logged in through
the session as loket.identiteit keeps it) and a staff member on behalf of one."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from loket.formulieren.models import Concept, Inzending, Kanaal
from loket.formulieren.tests import maken
from loket.organisaties.roles import Rolcode
from loket.zgw.registers.models import AuditTrail
from loket.zgw.zaken.models import Rol, Zaak
from tests import factories, inwoner, zgw_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat():
    return zgw_data.catalogue()


@pytest.fixture
def formulier(cat):
    return maken.formulier(cat)


def log_in_inwoner(client, gemeente, *, bsn=maken.BSN, kvk="", naam="J. de Vries"):
    person = (
        inwoner.bedrijf(kvk=kvk, naam=naam)
        if kvk
        else inwoner.persoon(bsn=bsn, naam=naam)
    )
    inwoner.log_in(client, person, gemeente.slug)
    return person


def base(formulier):
    return f"/{formulier.gemeente.slug}/aanvragen/{formulier.product_slug}/"


def first_step(client, formulier):
    response = client.get(base(formulier))
    assert response.status_code == 302, response
    return response["Location"]


def fill_in(client, url):
    """Every step, from step 1 at ``url``, with valid answers; returns the check
    page's URL."""
    assert "/stap/1/" in url
    response = client.post(
        url,
        {
            "kenteken": "AB-123-C",
            "soort": "Van mij",
            "kentekenbewijs": SimpleUploadedFile("kenteken.pdf", maken.PDF),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    url = response["Location"]
    response = client.post(
        url,
        {
            "adres_postcode": "1234 AB",
            "adres_huisnummer": "12",
            "adres_straat": "Dorpsstraat",
            "adres_woonplaats": "Duinwaard",
            "email": "jan@voorbeeld.nl",
        },
    )
    assert response.status_code == 302
    response = client.post(response["Location"], {"bestuurders-0-naam": "Jan"})
    assert response.status_code == 302
    assert response["Location"].endswith("/controleren/")
    return response["Location"]


def test_not_logged_in_goes_to_digid_login_and_back(client, formulier):
    response = client.get(base(formulier))
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]
    assert "middel=digid" in response["Location"]


def test_a_resident_fills_in_checks_and_sends(client, formulier):
    log_in_inwoner(client, formulier.gemeente)
    controleren = fill_in(client, first_step(client, formulier))

    page = client.get(controleren)
    text = page.content.decode()
    assert "AB-123-C" in text and "Dorpsstraat 12, 1234 AB Duinwaard" in text
    assert "Ik verklaar dat ik dit naar waarheid heb ingevuld." in text

    without = client.post(controleren, {})
    assert without.status_code == 200
    assert "Vink aan" in without.content.decode()
    assert Zaak.objects.count() == 0

    sent = client.post(controleren, {"verklaring": "ja"})
    assert sent.status_code == 302
    again = client.post(controleren, {"verklaring": "ja"})  # a double click
    assert again["Location"] == sent["Location"]
    assert Zaak.objects.count() == 1

    confirmation = client.get(sent["Location"])
    zaak = Zaak.objects.get()
    text = confirmation.content.decode()
    assert zaak.identificatie in text
    assert "U hoort van ons uiterlijk" in text
    assert Rol.objects.get().inp_bsn == maken.BSN


def test_errors_are_shown_in_dutch_and_the_input_kept(client, formulier):
    log_in_inwoner(client, formulier.gemeente)
    url = client.get(base(formulier))["Location"]
    response = client.post(
        url,
        {
            "kenteken": "AB-123-CDEFGH",
            "soort": "Van de zaak",
            "kentekenbewijs": SimpleUploadedFile(
                "kenteken.pdf", b"MZ\x90\x00 not a pdf"
            ),
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Gebruik hooguit 8 tekens. U gebruikte er 13." in text
    assert "Vul dit veld in." in text  # werkgever: shown now its condition is met
    assert "Dit soort bestand kan niet." in text
    assert 'value="AB-123-CDEFGH"' in text
    assert 'href="#id_kenteken"' in text


def test_a_draft_is_resumed_on_start_and_by_link_only_by_its_owner(client, formulier):
    log_in_inwoner(client, formulier.gemeente)
    url = client.get(base(formulier))["Location"]
    client.post(
        url,
        {
            "kenteken": "AB-123-C",
            "soort": "Van mij",
            "kentekenbewijs": SimpleUploadedFile("k.png", maken.PNG),
        },
    )
    concept = Concept.objects.get()
    assert concept.antwoorden["kenteken"] == "AB-123-C"

    assert client.get(base(formulier))["Location"].endswith("/stap/2/")
    hervat = f"{base(formulier)}hervat/{concept.token}/"
    assert client.get(hervat)["Location"].endswith("/stap/2/")
    assert Concept.objects.count() == 1

    other = client.__class__()
    log_in_inwoner(other, formulier.gemeente, bsn="123456782")
    assert other.get(hervat).status_code == 404
    assert other.get(url).status_code == 404
    assert client.__class__().get(hervat).status_code == 302  # to the login


def test_open_concepten_lists_the_residents_drafts(client, formulier):
    from loket.formulieren.selectors import open_concepten

    person = log_in_inwoner(client, formulier.gemeente)
    client.get(base(formulier))
    [view] = open_concepten(person)
    assert view.formulier_naam == "Parkeervergunning"
    assert view.gemeente_slug == formulier.gemeente.slug
    assert view.hervat_url.startswith(f"{base(formulier)}hervat/")
    from loket.identiteit.inwoner import Inwoner

    assert open_concepten(Inwoner(middel="digid", bsn="123456782")) == []


def test_a_repeating_group_grows_without_javascript(client, formulier):
    log_in_inwoner(client, formulier.gemeente)
    fill_in(client, first_step(client, formulier))
    concept = Concept.objects.get()
    stap3 = f"{base(formulier)}{concept.uuid}/stap/3/"

    response = client.post(
        stap3, {"bestuurders-0-naam": "Jan", "_actie": "toevoegen:bestuurders"}
    )
    assert response.status_code == 302
    page = client.get(stap3).content.decode()
    assert 'name="bestuurders-1-naam"' in page
    response = client.post(
        stap3, {"bestuurders-0-naam": "Jan", "bestuurders-1-naam": ""}
    )
    assert response.status_code == 200
    assert "Bestuurder 2: Naam: Vul dit veld in." in response.content.decode()
    client.post(stap3, {"bestuurders-0-naam": "Jan", "bestuurders-1-naam": "Piet"})
    concept.refresh_from_db()
    assert concept.antwoorden["bestuurders"] == [{"naam": "Jan"}, {"naam": "Piet"}]


def test_a_failing_submit_keeps_the_draft_and_says_so(client, formulier):
    from loket.formulieren.models import Veld

    log_in_inwoner(client, formulier.gemeente)
    controleren = fill_in(client, first_step(client, formulier))
    Veld.objects.filter(sleutel="kenteken").update(eigenschap="weg")

    response = client.post(controleren, {"verklaring": "ja"}, follow=True)

    text = response.content.decode()
    assert "Het versturen is niet gelukt. Uw gegevens zijn bewaard" in text
    assert Zaak.objects.count() == 0
    assert Concept.objects.get().antwoorden["kenteken"] == "AB-123-C"


def test_a_business_form_needs_eherkenning(client, cat):
    formulier = maken.formulier(cat, doelgroep="bedrijf", product_slug="evenement")
    log_in_inwoner(client, formulier.gemeente)
    response = client.get(base(formulier))
    assert response.status_code == 403
    assert "eHerkenning" in response.content.decode()


def test_staff_fill_in_on_behalf_of_a_resident(client, staff_login, formulier):
    from loket.zgw.referentielijsten.models import Communicatiekanaal

    Communicatiekanaal.objects.create(naam="Telefoon")
    organisatie = factories.organisatie(formulier.gemeente)
    kcc = factories.medewerker(organisatie, rollen=(Rolcode.KCC_MEDEWERKER,))
    staff_login(client, kcc)

    wrong = client.post(
        f"{base(formulier)}namens/", {"bsn": "123456789", "kanaal": "telefoon"}
    )
    assert wrong.status_code == 200
    assert "elfproef" in wrong.content.decode()

    response = client.post(
        f"{base(formulier)}namens/", {"bsn": maken.BSN, "kanaal": "telefoon"}
    )
    assert response.status_code == 302
    start = response["Location"]
    concept = Concept.objects.get()
    assert (concept.medewerker, concept.kanaal, concept.bsn) == (
        kcc,
        "telefoon",
        maken.BSN,
    )

    controleren = fill_in(client, start)
    client.post(controleren, {"verklaring": "ja"})

    inzending = Inzending.objects.get()
    zaak = Zaak.objects.get()
    assert inzending.kanaal == Kanaal.TELEFOON
    assert zaak.communicatiekanaal.naam == "Telefoon"
    assert Rol.objects.get().inp_bsn == maken.BSN
    assert set(
        AuditTrail.objects.filter(hoofd_object_uuid=zaak.uuid).values_list(
            "gebruikers_weergave", flat=True
        )
    ) == {kcc.naam}
    # The resident does not see a draft staff filled in as theirs to resume.
    from loket.formulieren.selectors import open_concepten
    from loket.identiteit.inwoner import Inwoner

    assert open_concepten(Inwoner(middel="digid", bsn=maken.BSN)) == []


def test_staff_without_a_counter_role_or_gemeente_get_no_form(
    client, staff_login, formulier
):
    elders = factories.medewerker(rollen=(Rolcode.KCC_MEDEWERKER,))
    staff_login(client, elders)
    assert client.get(f"{base(formulier)}namens/").status_code == 404
    beheerder = factories.medewerker(
        factories.organisatie(formulier.gemeente), rollen=(Rolcode.ARCHIVARIS,)
    )
    staff_login(client, beheerder)
    assert client.get(f"{base(formulier)}namens/").status_code == 404
    assert client.__class__().get(f"{base(formulier)}namens/").status_code == 302
