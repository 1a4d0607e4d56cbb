"""The demo of the survey loads twice without making anything twice, has no
wachtperiode (whoever tries it is invited each time), and a fresh demo shows
Floris an open survey in Mijn Loket."""

from django.test import override_settings
from django.urls import reverse

import pytest

from loket.demo.loader import DemoReport, load_demo
from loket.feedback import demo
from loket.feedback.models import Feedbackinstelling, Uitnodiging
from loket.organisaties.models import Gemeente
from tests import inwoner

pytestmark = pytest.mark.django_db


def test_the_demo_loads_idempotently_and_floris_has_an_open_survey(client):
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    for _ in range(2):
        demo.load(gemeenten, DemoReport())

    instellingen = Feedbackinstelling.objects.order_by("gemeente__slug")
    assert [
        (i.gemeente.slug, i.actief, i.wachtperiode_dagen, i.team.naam)
        for i in instellingen
    ] == [
        ("duinwaard", True, 0, "Klantcontactcentrum"),
        ("lindebroek", True, 0, "Klantcontactcentrum"),
    ]
    uitnodiging = Uitnodiging.objects.get(bsn=demo.FLORIS, beantwoord=False)
    assert uitnodiging.gemeente.slug == "duinwaard"

    inwoner.log_in(client, inwoner.persoon(bsn=demo.FLORIS), "duinwaard")
    index = client.get(reverse("gemeente:portaal:index", args=["duinwaard"]))
    assert "Er staat 1 korte vragenlijst voor u klaar" in index.content.decode()
    lijst = client.get(
        reverse("gemeente:portaal:tevredenheid:index", args=["duinwaard"])
    ).content.decode()
    assert uitnodiging.token in lijst
