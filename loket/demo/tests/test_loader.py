from django.test import override_settings

import pytest

from loket.demo import data
from loket.demo.loader import DemoNotAllowed, load_demo
from loket.organisaties import selectors
from loket.organisaties.models import Gemeente, Medewerker, Organisatie, Team
from loket.zgw.autorisaties.models import Applicatie
from loket.zgw.besluiten.models import Besluit
from loket.zgw.catalogi.models import ZaakType
from loket.zgw.documenten.models import InformatieObject
from loket.zgw.notificaties.models import Notificatie
from loket.zgw.referentielijsten.models import ResultaattypeOmschrijving
from loket.zgw.registers.models import AuditTrail
from loket.zgw.zaken.models import Zaak

pytestmark = pytest.mark.django_db

MODELS = (
    Gemeente,
    Organisatie,
    Team,
    Medewerker,
    ResultaattypeOmschrijving,
    ZaakType,
    Applicatie,
    Zaak,
    InformatieObject,
    Besluit,
    AuditTrail,
    Notificatie,
)


def counts():
    return [m.objects.count() for m in MODELS]


@override_settings(DEMO=True)
def test_demo_loads_two_gemeenten_served_by_one_werkorganisatie():
    load_demo(zaken_per_gemeente=0)
    werkorganisatie = Organisatie.objects.get(naam=data.WERKORGANISATIE)
    assert {g.slug for g in werkorganisatie.gemeenten.all()} == {
        "duinwaard",
        "lindebroek",
    }
    for gemeente in Gemeente.objects.all():
        assert gemeente.logo and gemeente.logo.storage.exists(gemeente.logo.name)
    assert Gemeente.objects.get(slug="duinwaard").kleur_primair != (
        Gemeente.objects.get(slug="lindebroek").kleur_primair
    )


@override_settings(DEMO=True)
def test_demo_has_an_account_for_every_role_and_raadsleden_see_one_gemeente():
    load_demo(zaken_per_gemeente=0)
    roles = set()
    for medewerker in Medewerker.objects.filter(is_demo=True):
        roles |= medewerker.rolcodes
    assert len(roles) == 8
    raadslid = Medewerker.objects.get(email="raadslid@duinwaard.demo")
    assert [g.slug for g in selectors.gemeenten_for(raadslid)] == ["duinwaard"]


@override_settings(DEMO=True)
def test_loading_again_keeps_the_data_and_adds_nothing():
    # With its zaken: test_zaken.py.
    first = load_demo(zaken_per_gemeente=0)
    before = counts()
    Gemeente.objects.filter(slug="duinwaard").update(telefoonnummer="14 000")
    second = load_demo(zaken_per_gemeente=0)
    assert counts() == before
    assert second.created == []
    assert second.kept == first.kept + len(first.created)
    assert Gemeente.objects.get(slug="duinwaard").telefoonnummer == "14 000"


def test_demo_refuses_to_load_outside_demo_mode():
    with pytest.raises(DemoNotAllowed):
        load_demo()
    assert counts() == [0] * len(MODELS)
