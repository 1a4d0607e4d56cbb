"""The demo history of the demo resident: written once, shown in Mijn Loket."""

import pytest

from loket.demo.loader import DemoReport
from loket.organisaties.roles import Rolcode
from loket.verwerkingen import demo
from loket.verwerkingen.models import Activiteit, Verwerking
from tests import factories, inwoner

pytestmark = pytest.mark.django_db


def test_the_demo_resident_has_a_history_once(client):
    duinwaard = factories.gemeente(naam="Duinwaard", slug="duinwaard")
    org = factories.organisatie(duinwaard, naam="Werkorganisatie")
    factories.medewerker(
        org, rollen=(Rolcode.KCC_MEDEWERKER,), email="kcc@werkorganisatie.demo"
    )
    report = DemoReport()

    demo.load({"duinwaard": duinwaard}, report)
    demo.load({"duinwaard": duinwaard}, report)

    assert report.kept == 1 and len(report.created) == 1
    assert set(Verwerking.objects.values_list("activiteit", flat=True)) == {
        Activiteit.BRP_RAADPLEGING,
        Activiteit.KLANTBEELD,
    }
    inwoner.log_in(client, inwoner.persoon(demo.DEMO_BSN), "duinwaard")
    html = client.get("/duinwaard/mijn-loket/inzage/").content.decode()
    assert "Klantbeeld ingezien" in html and "Werkorganisatie (KCC-medewerker)" in html
