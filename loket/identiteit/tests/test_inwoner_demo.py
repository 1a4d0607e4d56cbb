"""The demo's DigiD and eHerkenning connections: both demo gemeenten, idempotent."""

from django.test import override_settings

import pytest

from loket.demo.loader import DemoReport, load_demo
from loket.identiteit import demo
from loket.identiteit.models import OidcKoppeling
from loket.organisaties.models import Gemeente
from loket.testdiensten import keys


@pytest.mark.django_db
def test_demo_connections():
    with override_settings(DEMO=True):
        report = load_demo(zaken_per_gemeente=0)
    gemeenten = {
        g.slug: g for g in Gemeente.objects.filter(slug__in=["duinwaard", "lindebroek"])
    }
    koppelingen = [
        wat for wat in report.created if wat.startswith(("digid-", "eherkenning-"))
    ]
    assert len(koppelingen) == 4
    again = DemoReport()
    demo.load(gemeenten, again)
    assert again.created == [] and again.kept == 4
    assert set(OidcKoppeling.objects.values_list("issuer", flat=True)) == {
        keys.issuer()
    }
