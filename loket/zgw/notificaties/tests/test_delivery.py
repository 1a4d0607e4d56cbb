"""Delivery to a real subscriber over HTTP: retries while it is away, everything once
it is back, and giving up (and resending from the beheer) when it stays away.

The worker runs for real (``run_tasks``); instead of waiting for a retry, a test
makes the waiting tasks due (``fast_forward``) or moves timestamps back.
"""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

import pytest

from loket.organisaties.roles import Rolcode
from loket.zgw.notificaties import services, tasks
from loket.zgw.notificaties.models import Aflevering, Notificatie, Poging
from loket.zgw.notificaties.tests.conftest import API
from loket.zgw.notificaties.tests.subscriber import fast_forward, message_problems
from tests import factories

CATALOGUS = "https://loket.example.nl/catalogi/api/v1/catalogussen/duinwaard"
AUTH = "Bearer geheim-van-de-abonnee-0123456789"


def subscribe(consumer, subscriber, catalogus=CATALOGUS) -> str:
    response = consumer.post(
        f"{API}/abonnement",
        {
            "callbackUrl": subscriber.url,
            "auth": AUTH,
            "kanalen": [{"naam": "zaaktypen", "filters": {"catalogus": catalogus}}],
        },
    )
    assert response.status_code == 201
    return response.json()["url"]


def change(publisher, n: int, catalogus=CATALOGUS) -> None:
    url = f"https://bron.example.nl/catalogi/api/v1/zaaktypen/{n}"
    response = publisher.post(
        f"{API}/notificaties",
        {
            "kanaal": "zaaktypen",
            "hoofdObject": url,
            "resource": "zaaktype",
            "resourceUrl": url,
            "actie": "update",
            "aanmaakdatum": timezone.now().isoformat(),
            "kenmerken": {"catalogus": catalogus},
        },
    )
    assert response.status_code == 200


def afleveringen():
    return Aflevering.objects.filter(notificatie__bron__startswith="test-")


@pytest.mark.django_db(transaction=True)
def test_offline_subscriber_receives_all_100_notificaties_after_it_comes_back(
    consumer, publisher, subscriber, run_tasks
):
    subscribe(consumer, subscriber)
    for n in range(100):
        change(publisher, n)
    change(publisher, 999, catalogus="https://elders.example.nl/catalogussen/1")

    # Offline: every notificatie is tried once, refused, and stored as an attempt.
    run_tasks()
    assert subscriber.received == []
    assert subscriber.refused == 100
    assert afleveringen().count() == 100
    assert set(afleveringen().values_list("status", flat=True)) == {"mislukt"}
    assert Poging.objects.filter(statuscode=503).count() == 100
    assert "HTTP 503: Even niet bereikbaar" in afleveringen().first().laatste_fout

    # Still away an hour later: more attempts, not given up, next one within 5 min.
    afleveringen().update(eerste_poging_op=F("eerste_poging_op") - timedelta(hours=1))
    fast_forward()
    run_tasks()
    assert subscriber.received == []
    assert Poging.objects.count() == 200
    assert set(afleveringen().values_list("status", flat=True)) == {"mislukt"}
    latest = max(afleveringen().values_list("volgende_poging_op", flat=True))
    max_delay = timedelta(seconds=settings.NOTIFICATIES_MAX_DELAY_SECONDS)
    assert latest <= timezone.now() + max_delay

    # Back online: the next attempt delivers every notificatie, exactly once.
    subscriber.online = True
    fast_forward()
    run_tasks()
    fast_forward()  # the retries scheduled just in case now find nothing to do
    run_tasks()

    assert len(subscriber.received) == 100
    bodies = [received.json() for received in subscriber.received]
    per_resource = Counter(body["resourceUrl"] for body in bodies)
    assert len(per_resource) == 100 and set(per_resource.values()) == {1}
    stored = {
        n.resource_url: n.message()
        for n in Notificatie.objects.filter(bron=publisher.client_id)
    }
    for received, body in zip(subscriber.received, bodies, strict=True):
        assert message_problems(body) == []
        assert body == stored[body["resourceUrl"]]
        assert received.headers["authorization"] == AUTH
        assert received.headers["content-type"] == "application/json"
    assert set(afleveringen().values_list("status", flat=True)) == {"afgeleverd"}
    assert Poging.objects.count() == 300


@pytest.mark.django_db(transaction=True)
def test_a_delivery_task_that_runs_twice_sends_once(
    consumer, publisher, subscriber, run_tasks
):
    subscriber.online = True
    subscribe(consumer, subscriber)
    change(publisher, 1)
    notificatie = Notificatie.objects.get(bron=publisher.client_id)
    tasks.route.call(notificatie.pk)
    aflevering = afleveringen().get()
    # The same task twice, as a crashed worker or a double enqueue would leave it.
    tasks.deliver.enqueue(aflevering.pk, str(aflevering.taaksleutel))

    run_tasks()

    assert len(subscriber.received) == 1
    assert Poging.objects.count() == 1
    aflevering.refresh_from_db()
    assert aflevering.status == "afgeleverd"


@pytest.mark.django_db(transaction=True)
def test_a_subscriber_that_stays_away_is_given_up_and_resent_from_the_beheer(
    client, staff_login, consumer, publisher, subscriber, run_tasks
):
    subscribe(consumer, subscriber)
    change(publisher, 1)
    run_tasks()
    aflevering = afleveringen().get()
    assert aflevering.status == "mislukt"

    give_up = timedelta(hours=settings.NOTIFICATIES_GIVE_UP_HOURS)
    afleveringen().update(eerste_poging_op=F("eerste_poging_op") - give_up)
    fast_forward()
    run_tasks()
    aflevering.refresh_from_db()
    assert aflevering.status == "opgegeven"
    assert aflevering.volgende_poging_op is None
    fast_forward()
    run_tasks()
    assert Poging.objects.count() == 2  # no retry after giving up

    subscriber.online = True
    beheerder = factories.medewerker(rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,))
    staff_login(client, beheerder)
    listing = client.get("/beheer/notificaties/aflevering/", {"status": "opgegeven"})
    assert listing.status_code == 200
    assert "Opnieuw versturen" in listing.text
    response = client.post(
        "/beheer/notificaties/aflevering/",
        {"action": "opnieuw_versturen", "_selected_action": [aflevering.pk]},
    )
    assert response.status_code == 302
    run_tasks()

    assert [r.json() for r in subscriber.received] == [aflevering.notificatie.message()]
    aflevering.refresh_from_db()
    assert aflevering.status == "afgeleverd"
    assert aflevering.pogingen == 1
    assert Poging.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_notificatie_loket_publishes_itself_is_delivered_too(
    consumer, subscriber, run_tasks
):
    subscriber.online = True
    subscribe(consumer, subscriber)
    with transaction.atomic():
        services.publish(
            kanaal="zaaktypen",
            hoofd_object="https://loket.example.nl/catalogi/api/v1/zaaktypen/1",
            resource="zaaktype",
            resource_url="https://loket.example.nl/catalogi/api/v1/zaaktypen/1",
            actie="create",
            kenmerken={"catalogus": CATALOGUS},
        )

    run_tasks()

    [received] = subscriber.received
    assert received.json()["kenmerken"] == {"catalogus": CATALOGUS}
    assert Aflevering.objects.get().status == "afgeleverd"


@pytest.mark.django_db(transaction=True)
def test_opschonen_removes_old_notificaties_but_not_those_still_under_way(
    consumer, publisher, subscriber, run_tasks
):
    subscribe(consumer, subscriber)
    change(publisher, 1)  # will be delivered
    change(publisher, 2)  # the subscriber keeps refusing this one
    change(publisher, 3)  # stored recently, with an old aanmaakdatum
    subscriber.online = True
    subscriber.refuse = {"/zaaktypen/2"}
    run_tasks()
    ours = Notificatie.objects.filter(bron=publisher.client_id)
    keep = timedelta(days=settings.NOTIFICATIES_KEEP_DAYS)
    long_ago = timezone.now() - keep - timedelta(days=1)
    ours.exclude(resource_url__endswith="/3").update(ontvangen_op=long_ago)
    ours.filter(resource_url__endswith="/3").update(aanmaakdatum=long_ago)

    assert services.prune(older_than=keep) == 1

    left = sorted(n.resource_url[-2:] for n in ours)
    assert left == ["/2", "/3"]
    assert Poging.objects.filter(aflevering__notificatie__in=ours).count() == 2
