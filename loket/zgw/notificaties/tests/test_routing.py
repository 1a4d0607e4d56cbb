"""Which abonnementen get a notificatie, and Loket's own kanalen."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction

import pytest

from loket.zgw.notificaties import delivery, services
from loket.zgw.notificaties.models import AbonnementKanaal, Aflevering, Kanaal
from loket.zgw.notificaties.services import FilterGroep

pytestmark = pytest.mark.django_db

X = "https://loket.example.nl/catalogi/api/v1/catalogussen/x"
Y = "https://loket.example.nl/catalogi/api/v1/catalogussen/y"


def abonnement(name: str, *groups: FilterGroep):
    return services.create_abonnement(
        callback_url=f"https://{name}.example.nl/callback",
        auth="Bearer x",
        kanalen=groups,
    )


def publish(kanaal: str, **kenmerken):
    with transaction.atomic():
        return services.publish(
            kanaal=kanaal,
            hoofd_object="https://loket.example.nl/catalogi/api/v1/zaaktypen/1",
            resource="zaaktype",
            resource_url="https://loket.example.nl/catalogi/api/v1/zaaktypen/1",
            actie="update",
            kenmerken=kenmerken,
        )


@pytest.mark.parametrize(
    ("filters", "kenmerken", "matches"),
    [
        ({}, {"catalogus": X}, True),
        ({"catalogus": X}, {"catalogus": X}, True),
        ({"catalogus": X}, {"catalogus": Y}, False),
        ({"catalogus": X}, {"catalogus": X + "/"}, False),
        ({"catalogus": X}, {}, False),
        ({"catalogus": "*"}, {"catalogus": Y}, True),
        ({"catalogus": "*"}, {}, True),
        ({"bron": "a", "type": "b"}, {"bron": "a", "type": "c"}, False),
        ({"bron": "a", "type": "*"}, {"bron": "a", "type": "c"}, True),
    ],
)
def test_every_filter_must_match_exactly_and_a_star_matches_anything(
    filters, kenmerken, matches
):
    assert AbonnementKanaal(filters=filters).matches(kenmerken) is matches


def test_a_notificatie_goes_once_to_each_abonnement_whose_filters_match():
    exact = abonnement("exact", FilterGroep("zaaktypen", {"catalogus": X}))
    star = abonnement("ster", FilterGroep("zaaktypen", {"catalogus": "*"}))
    everything = abonnement("alles", FilterGroep("zaaktypen"))
    abonnement("ander", FilterGroep("zaaktypen", {"catalogus": Y}))
    abonnement("besluiten", FilterGroep("besluittypen"))
    either = abonnement(
        "beide",
        FilterGroep("zaaktypen", {"catalogus": Y}),
        FilterGroep("zaaktypen", {"catalogus": X}),
    )
    notificatie = publish("zaaktypen", catalogus=X)

    assert delivery.route(notificatie.pk) == 4
    assert delivery.route(notificatie.pk) == 0  # a second run adds nothing

    afleveringen = Aflevering.objects.filter(notificatie=notificatie)
    assert {a.abonnement_id for a in afleveringen} == {
        exact.pk,
        star.pk,
        everything.pk,
        either.pk,
    }
    assert {a.status for a in afleveringen} == {Aflevering.Status.WACHTEND}


def test_back_off_doubles_up_to_the_maximum(settings):
    settings.NOTIFICATIES_MAX_DELAY_SECONDS = 300
    settings.NOTIFICATIES_TIMEOUT_SECONDS = 10

    waits = [delivery.retry_delay(n).total_seconds() for n in range(1, 9)]

    assert waits == [15, 30, 60, 120, 240, 300, 300, 300]
    assert delivery.retry_delay(10_000) == timedelta(seconds=300)


def test_back_off_never_overlaps_an_attempt_that_is_still_waiting(settings):
    settings.NOTIFICATIES_MAX_DELAY_SECONDS = 5
    settings.NOTIFICATIES_TIMEOUT_SECONDS = 30

    assert delivery.retry_delay(1) == timedelta(seconds=35)


def test_loket_registers_its_kanalen_again_without_duplicates():
    zaaktypen = Kanaal.objects.get(naam="zaaktypen")
    zaaktypen.filters = []
    zaaktypen.save()

    services.ensure_loket_kanalen()
    services.ensure_loket_kanalen()

    assert set(Kanaal.objects.values_list("naam", flat=True)) >= set(
        services.LOKET_KANALEN
    )
    assert Kanaal.objects.filter(naam="zaaktypen").count() == 1
    zaaktypen.refresh_from_db()
    assert zaaktypen.filters == ["catalogus"]
    assert zaaktypen.documentatie_link == (
        f"{settings.BASE_URL}/catalogi/api/v1/openapi.yaml"
    )


def test_a_filter_in_use_stays_on_its_kanaal():
    kanaal = services.create_kanaal(naam="klanten", filters=["bronorganisatie", "type"])
    abonnement("klanten", FilterGroep("klanten", {"bronorganisatie": "123456782"}))

    with pytest.raises(services.ValidationError) as refused:
        services.update_kanaal(kanaal, filters=["type"])
    assert "bronorganisatie" in str(refused.value)

    services.update_kanaal(kanaal, filters=["bronorganisatie"])
    assert Kanaal.objects.get(naam="klanten").filters == ["bronorganisatie"]
