"""Statussen, resultaat, closing and reopening a zaak, and the archiving dates a
closed zaak gets (zrc-007, zrc-008, zrc-016, zrc-020, zrc-021)."""

from datetime import date

import pytest

from loket.zgw.besluiten import services as besluiten
from loket.zgw.catalogi.models import ResultaatType
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services
from loket.zgw.zaken.models import Zaak
from tests import zgw as kit
from tests import zgw_data

from .kit import API, catalogi_url, invalid_params, status_body, zaak_url

pytestmark = pytest.mark.django_db

CLOSED_ON = "2026-05-10T10:00:00+02:00"


@pytest.fixture
def cat():
    return zgw_data.catalogue()


def resultaat(zgw, zaak, cat, naam="Geweigerd"):
    response = zgw.post(
        f"{API}/resultaten",
        {
            "zaak": zaak_url(zaak),
            "resultaattype": catalogi_url("resultaattypen", cat.resultaattypen[naam]),
        },
    )
    assert response.status_code == 201, response.json()
    return response.json()


def close(zgw, zaak, cat, moment=CLOSED_ON):
    return zgw.post(
        f"{API}/statussen", status_body(zaak, cat.statustypen["Afgehandeld"], moment)
    )


def test_the_last_status_set_is_the_zaak_status(zgw, cat):
    zaak = zgw_data.zaak(cat)
    first = zgw.post(
        f"{API}/statussen",
        status_body(zaak, cat.statustypen["Ontvangen"], "2026-03-02T09:00:00Z"),
    ).json()
    earlier = zgw.post(
        f"{API}/statussen",
        status_body(zaak, cat.statustypen["Ontvangen"], "2026-03-01T09:00:00Z"),
    ).json()

    assert zgw.get(zaak_url(zaak)).json()["status"] == first["url"]
    assert zgw.get(first["url"]).json()["indicatieLaatstGezetteStatus"] is True
    assert earlier["indicatieLaatstGezetteStatus"] is False
    latest = zgw.get(
        f"{API}/statussen",
        {"zaak": zaak_url(zaak), "indicatieLaatstGezetteStatus": "true"},
    ).json()
    assert [s["url"] for s in latest["results"]] == [first["url"]]


def test_a_status_of_another_zaaktype_is_refused(zgw, cat):
    other = zgw_data.catalogue()
    zaak = zgw_data.zaak(cat)
    refused = zgw.post(
        f"{API}/statussen", status_body(zaak, other.statustypen["Ontvangen"])
    )
    assert refused.status_code == 400
    assert invalid_params(refused) == {("statustype", "zaaktype-mismatch")}


def test_a_status_can_demand_eigenschappen(zgw, cat):
    zaak = zgw_data.zaak(cat)
    refused = zgw.post(
        f"{API}/statussen", status_body(zaak, cat.statustypen["In behandeling"])
    )
    assert refused.status_code == 400
    assert invalid_params(refused) == {("nonFieldErrors", "eigenschap-ontbreekt")}
    assert "kenteken" in refused.json()["detail"]


def test_the_end_status_needs_a_resultaat(zgw, cat):
    zaak = zgw_data.zaak(cat)
    refused = close(zgw, zaak, cat)
    assert refused.status_code == 400
    assert invalid_params(refused) == {("nonFieldErrors", "resultaat-does-not-exist")}


def test_the_end_status_closes_and_another_status_reopens(zgw, cat):
    zaak = zgw_data.zaak(cat)
    resultaat(zgw, zaak, cat)

    assert close(zgw, zaak, cat).status_code == 201
    closed = zgw.get(zaak_url(zaak)).json()
    assert closed["einddatum"] == "2026-05-10"
    assert closed["archiefnominatie"] == "vernietigen"

    reopened = zgw.post(
        f"{API}/statussen",
        status_body(zaak, cat.statustypen["Ontvangen"], "2026-05-11T10:00:00Z"),
    )
    assert reopened.status_code == 201
    again = zgw.get(zaak_url(zaak)).json()
    assert again["einddatum"] is None
    assert again["archiefactiedatum"] is None
    assert again["archiefnominatie"] is None


def restricted(client, cat, *scopes):
    from loket.zgw.autorisaties.services import AutorisatieSpec

    label = "-".join(s.split(".")[-1] for s in scopes) or "niets"
    app = kit.applicatie(
        label=f"Beperkt {label}",
        alles=False,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=list(scopes),
                zaaktype=cat.zaaktype,
                max_vertrouwelijkheidaanduiding="zeer_geheim",
            )
        ],
    )
    return kit.ZgwClient(client, app.clients.get().client_id)


def test_a_closed_zaak_changes_only_with_the_right_scopes(client, zgw, cat):
    zaak = zgw_data.zaak(cat)
    resultaat(zgw, zaak, cat)
    close(zgw, zaak, cat)
    editor = restricted(
        client, cat, "zaken.lezen", "zaken.bijwerken", "zaken.statussen.toevoegen"
    )

    assert editor.patch(zaak_url(zaak), {"toelichting": "x"}).status_code == 403
    reopen = status_body(zaak, cat.statustypen["Ontvangen"], "2026-05-11T10:00:00Z")
    assert editor.post(f"{API}/statussen", reopen).status_code == 403

    reopener = restricted(client, cat, "zaken.lezen", "zaken.heropenen")
    assert reopener.post(f"{API}/statussen", reopen).status_code == 201

    corrector = restricted(client, cat, "zaken.lezen", "zaken.geforceerd-bijwerken")
    close(zgw, zaak, cat, "2026-05-12T10:00:00Z")
    assert corrector.patch(zaak_url(zaak), {"toelichting": "x"}).status_code == 200


def test_with_only_aanmaken_a_client_sets_the_first_status_only(client, cat):
    creator = restricted(client, cat, "zaken.lezen", "zaken.aanmaken")
    zaak = zgw_data.zaak(cat)
    first = status_body(zaak, cat.statustypen["Ontvangen"], "2026-03-02T09:00:00Z")
    assert creator.post(f"{API}/statussen", first).status_code == 201
    second = status_body(zaak, cat.statustypen["Ontvangen"], "2026-03-03T09:00:00Z")
    assert creator.post(f"{API}/statussen", second).status_code == 403


def test_a_zaak_has_one_resultaat_of_its_zaaktype(zgw, cat):
    zaak = zgw_data.zaak(cat)
    resultaat(zgw, zaak, cat)
    second = zgw.post(
        f"{API}/resultaten",
        {
            "zaak": zaak_url(zaak),
            "resultaattype": catalogi_url(
                "resultaattypen", cat.resultaattypen["Verleend"]
            ),
        },
    )
    assert second.status_code == 400
    assert invalid_params(second) == {("zaak", "unique")}


# -- archiving (zrc-021) ---------------------------------------------------------------


def _hoofdzaak(cat, zaak):
    hoofd = zgw_data.zaak(cat)
    Zaak.objects.filter(pk=hoofd.pk).update(einddatum=date(2026, 4, 1))
    Zaak.objects.filter(pk=zaak.pk).update(hoofdzaak=hoofd)


def _eigenschap(cat, zaak):
    services.add_zaakeigenschap(
        zaak, actor=LOKET, eigenschap=cat.eigenschappen["kenteken"], waarde="20270101"
    )


def _zaakobject(cat, zaak):
    services.add_zaakobject(
        zaak,
        actor=LOKET,
        object_type="overige",
        object_type_overige="vergunningsperiode",
        object_identificatie={"overigeData": {"vervaldatum": "2027-06-30"}},
    )


def _gerelateerde_zaak(cat, zaak):
    andere = zgw_data.zaak(cat)
    Zaak.objects.filter(pk=andere.pk).update(einddatum=date(2026, 8, 1))
    services.update_zaak(
        zaak, actor=LOKET, relevante_andere_zaken=[(andere, "vervolg")]
    )


def _besluit(cat, zaak):
    besluiten.create_besluit(
        actor=LOKET,
        besluittype=cat.besluittype,
        verantwoordelijke_organisatie=cat.rsin,
        datum=date(2026, 5, 1),
        ingangsdatum=date(2026, 6, 1),
        vervaldatum=date(2027, 6, 1),
        zaak=zaak,
    )


ARCHIVING = [
    # afleidingswijze, extra resultaattype settings, set-up, expected archiefactiedatum
    ("afgehandeld", {}, None, date(2031, 5, 10)),
    ("termijn", {"brondatum_procestermijn": "P2Y"}, None, date(2033, 5, 10)),
    ("hoofdzaak", {}, _hoofdzaak, date(2031, 4, 1)),
    (
        "eigenschap",
        {"brondatum_datumkenmerk": "kenteken"},
        _eigenschap,
        date(2032, 1, 1),
    ),
    (
        "zaakobject",
        {"brondatum_datumkenmerk": "vervaldatum", "brondatum_objecttype": "overige"},
        _zaakobject,
        date(2032, 6, 30),
    ),
    ("gerelateerde_zaak", {}, _gerelateerde_zaak, date(2031, 8, 1)),
    ("ingangsdatum_besluit", {}, _besluit, date(2031, 6, 1)),
    ("vervaldatum_besluit", {}, _besluit, date(2032, 6, 1)),
    ("ander_datumkenmerk", {"brondatum_datumkenmerk": "iets"}, None, None),
]


@pytest.mark.parametrize(
    ("afleidingswijze", "settings_", "setup", "expected"),
    ARCHIVING,
    ids=[row[0] for row in ARCHIVING],
)
def test_a_closed_zaak_gets_its_archiving_dates_from_the_resultaat(
    zgw, cat, afleidingswijze, settings_, setup, expected
):
    ResultaatType.objects.filter(pk=cat.resultaattypen["Verleend"].pk).update(
        brondatum_afleidingswijze=afleidingswijze,
        archiefnominatie="vernietigen",
        archiefactietermijn="P5Y",
        **settings_,
    )
    zaak = zgw_data.zaak(cat)
    if setup:
        setup(cat, zaak)
    resultaat(zgw, zaak, cat, "Verleend")
    closing = close(zgw, zaak, cat)
    assert closing.status_code == 201, closing.json()

    data = zgw.get(zaak_url(zaak)).json()
    assert data["einddatum"] == "2026-05-10"
    assert data["archiefnominatie"] == "vernietigen"
    assert data["archiefactiedatum"] == (expected.isoformat() if expected else None)
    bewaar = data["startdatumBewaartermijn"]
    if expected is None:
        assert bewaar is None
    else:
        # The brondatum: the archiefactiedatum minus the five years.
        assert bewaar == expected.replace(year=expected.year - 5).isoformat()


def test_a_blijvend_bewaren_zaak_has_no_startdatum_bewaartermijn(zgw, cat):
    ResultaatType.objects.filter(pk=cat.resultaattypen["Geweigerd"].pk).update(
        brondatum_afleidingswijze="afgehandeld",
        archiefnominatie="blijvend_bewaren",
        archiefactietermijn="P20Y",
    )
    zaak = zgw_data.zaak(cat)
    resultaat(zgw, zaak, cat)
    close(zgw, zaak, cat)
    data = zgw.get(zaak_url(zaak)).json()
    assert data["archiefnominatie"] == "blijvend_bewaren"
    assert data["archiefactiedatum"] == "2046-05-10"
    assert data["startdatumBewaartermijn"] is None


def test_a_client_set_archiefactiedatum_stays(zgw, cat):
    ResultaatType.objects.filter(pk=cat.resultaattypen["Geweigerd"].pk).update(
        brondatum_afleidingswijze="afgehandeld", archiefactietermijn="P5Y"
    )
    zaak = zgw_data.zaak(cat, archiefactiedatum=date(2040, 1, 1))
    resultaat(zgw, zaak, cat)
    close(zgw, zaak, cat)
    assert zgw.get(zaak_url(zaak)).json()["archiefactiedatum"] == "2040-01-01"
