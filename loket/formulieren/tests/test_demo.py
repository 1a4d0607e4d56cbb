"""The demo forms fit the demo zaaktypen and load once."""

from django.test import override_settings

import pytest

from loket.demo.loader import DemoReport, load_demo
from loket.formulieren import controles, demo, services
from loket.formulieren.models import Formulier, Kanaal
from loket.formulieren.tests import maken
from loket.organisaties.models import Gemeente
from loket.zgw.zaken.models import Zaak, ZaakEigenschap

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeenten():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    return {g.slug: g for g in Gemeente.objects.all()}


def test_six_forms_per_gemeente_that_fit_their_zaaktype(gemeenten):
    demo.load(gemeenten, DemoReport())
    report = DemoReport()
    demo.load(gemeenten, report)  # again: nothing new

    assert report.created == []
    assert Formulier.objects.count() == 6 * len(gemeenten)
    for formulier in Formulier.objects.all():
        assert controles.controleer_formulier(formulier) == [], formulier


def test_a_demo_parkeervergunning_becomes_a_zaak(gemeenten):
    demo.load(gemeenten, DemoReport())
    formulier = Formulier.objects.get(
        gemeente__slug="duinwaard", product_slug="parkeervergunning-bewoners"
    )
    concept = maken.concept(formulier)
    for nummer, (data, files) in {
        1: (
            maken.post(
                naam="Jan de Vries",
                woonadres_postcode="9901 AB",
                woonadres_huisnummer="3",
                woonadres_straat="Dorpsstraat",
                woonadres_woonplaats="Duinwaard",
                email="jan@voorbeeld.nl",
            ),
            None,
        ),
        2: (
            maken.post(
                kenteken="AB-123-C",
                parkeerzone="Strand",
                eigenaar="Nee, het is een auto van de zaak of lease",
                ingangsdatum=__import__("datetime").date.today().isoformat(),
            ),
            maken.files(kentekenbewijs=("lease.pdf", maken.PDF)),
        ),
        3: (maken.post(iban="NL91 ABNA 0417 1643 00"), None),
    }.items():
        resultaat = maken.stap(concept, nummer, data, files)
        assert resultaat.geldig, resultaat.fouten

    inzending = services.submit(
        concept, actor=services.actor_voor(concept), kanaal=Kanaal.WEB, verklaard=True
    )

    zaak = Zaak.objects.get(uuid=inzending.zaak_uuid)
    assert zaak.zaaktype.identificatie == "PARKEERVERGUNNING-BEWONERS"
    assert zaak.communicatiekanaal.naam == "Website/e-formulier"
    assert dict(
        ZaakEigenschap.objects.filter(zaak=zaak).values_list("naam", "waarde")
    ) == {"kenteken": "AB-123-C", "parkeerzone": "Strand"}
    assert zaak.zaakinformatieobjecten.count() == 2
    assert inzending.einddatum_verwacht is not None
