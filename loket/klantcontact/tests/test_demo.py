"""The demo of the contact centre loads twice without making anything twice."""

from django.test import override_settings

import pytest

from loket.demo.loader import DemoReport, load_demo
from loket.klantcontact import demo
from loket.klantcontact.models import (
    Contactmoment,
    Kennisartikel,
    Terugbelverzoek,
    Webvraag,
)
from loket.organisaties.models import Gemeente

pytestmark = pytest.mark.django_db


def test_the_demo_loads_idempotently():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    for _ in range(2):
        demo.load(gemeenten, DemoReport())
    assert Kennisartikel.objects.count() == len(demo.ARTIKELEN)
    assert Webvraag.objects.count() == 6
    assert Webvraag.objects.filter(status="beantwoord").count() == 2
    assert Contactmoment.objects.filter(webvraag__isnull=True).count() == 3
    assert Terugbelverzoek.objects.get().team.naam == "Vergunningen"
