"""Routing a notificatie to the abonnementen whose filters match, and delivering it
to each, with retries until the subscriber answers or Loket gives up.

Every aflevering has at most one live delivery task: the task carries the
aflevering's ``taaksleutel``, and claiming an attempt replaces that key, so a task
that runs twice, or an old task after a resend, finds another key and does
nothing. Claiming also schedules the next attempt (``run_after``), in the same
transaction, before the request goes out: if the worker dies halfway, the
retry is already there. A successful attempt ends the aflevering, which turns that
retry into a no-op. Delivery is therefore at least once, and exactly once unless a
worker dies between the subscriber's answer and storing it.
"""

import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.client import HTTPException
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

import orjson

from loket.zgw.notificaties.models import (
    AbonnementKanaal,
    Aflevering,
    Notificatie,
    Poging,
)

FIRST_RETRY_SECONDS = 15
SNIPPET = 200  # characters of a refusal's body kept as the reason


def route(notificatie_id: int) -> int:
    """Create an aflevering for each abonnement with a kanaal whose filters match
    the notificatie, and schedule its delivery. Running twice adds nothing."""
    notificatie = Notificatie.objects.filter(pk=notificatie_id).first()
    if notificatie is None:
        return 0
    groups = AbonnementKanaal.objects.filter(kanaal__naam=notificatie.kanaal).only(
        "abonnement_id", "filters"
    )
    matching = {g.abonnement_id for g in groups if g.matches(notificatie.kenmerken)}
    now = timezone.now()
    with transaction.atomic():
        routed = set(notificatie.afleveringen.values_list("abonnement_id", flat=True))
        new = Aflevering.objects.bulk_create(
            Aflevering(
                notificatie=notificatie,
                abonnement_id=abonnement_id,
                volgende_poging_op=now,
                taaksleutel=uuid.uuid4(),
            )
            for abonnement_id in sorted(matching - routed)
        )
        for aflevering in new:
            schedule(aflevering.pk, aflevering.taaksleutel)
    return len(new)


def schedule(
    aflevering_id: int, taaksleutel: uuid.UUID, run_after: datetime | None = None
) -> None:
    """Queue the delivery task holding ``taaksleutel`` (now, or at ``run_after``)."""
    from loket.zgw.notificaties import tasks

    task = (
        tasks.deliver if run_after is None else tasks.deliver.using(run_after=run_after)
    )
    task.enqueue(aflevering_id, str(taaksleutel))


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after attempt number ``attempts`` of a round: doubling from
    FIRST_RETRY_SECONDS up to LOKET_NOTIFICATIES_MAX_DELAY_SECONDS, and never
    shorter than an attempt may take, so a retry never overlaps its predecessor."""
    seconds = min(
        FIRST_RETRY_SECONDS * 2 ** min(attempts - 1, 20),
        settings.NOTIFICATIES_MAX_DELAY_SECONDS,
    )
    return timedelta(seconds=max(seconds, settings.NOTIFICATIES_TIMEOUT_SECONDS + 5))


@dataclass(frozen=True)
class Outcome:
    """How one HTTP request went."""

    statuscode: int | None
    fout: str
    duur_ms: int

    @property
    def ok(self) -> bool:
        return self.statuscode is not None and 200 <= self.statuscode < 300


@dataclass(frozen=True)
class _Attempt:
    aflevering_id: int
    callback_url: str
    auth: str
    body: bytes
    next_key: uuid.UUID | None  # None: this is the last attempt


def deliver(aflevering_id: int, taaksleutel: uuid.UUID) -> str:
    """One attempt to deliver, if ``taaksleutel`` is still the aflevering's key;
    the status afterwards (or why nothing was done)."""
    attempt = _claim(aflevering_id, taaksleutel)
    if attempt is None:
        return "niets te doen"
    started = timezone.now()
    outcome = post(attempt.callback_url, attempt.auth, attempt.body)
    return _record(attempt, started, outcome)


@transaction.atomic
def _claim(aflevering_id: int, taaksleutel: uuid.UUID) -> _Attempt | None:
    # One conditional UPDATE, so that of two workers holding the same key only one
    # gets the row.
    claimed = Aflevering.objects.filter(
        pk=aflevering_id, taaksleutel=taaksleutel, status__in=Aflevering.OPEN
    ).update(taaksleutel=None, pogingen=F("pogingen") + 1)
    if not claimed:
        return None
    aflevering = Aflevering.objects.select_related("notificatie", "abonnement").get(
        pk=aflevering_id
    )
    now = timezone.now()
    first = aflevering.eerste_poging_op or now
    retry_at = now + retry_delay(aflevering.pogingen)
    give_up_at = first + timedelta(hours=settings.NOTIFICATIES_GIVE_UP_HOURS)
    next_key = uuid.uuid4() if retry_at <= give_up_at else None
    if next_key is not None:
        schedule(aflevering_id, next_key, run_after=retry_at)
    Aflevering.objects.filter(pk=aflevering_id).update(
        eerste_poging_op=first,
        volgende_poging_op=retry_at if next_key else None,
        taaksleutel=next_key,
    )
    return _Attempt(
        aflevering_id=aflevering_id,
        callback_url=aflevering.abonnement.callback_url,
        auth=aflevering.abonnement.auth,
        body=orjson.dumps(aflevering.notificatie.message()),
        next_key=next_key,
    )


@transaction.atomic
def _record(attempt: _Attempt, started: datetime, outcome: Outcome) -> str:
    aflevering = Aflevering.objects.filter(pk=attempt.aflevering_id)
    if not aflevering.exists():
        return "abonnement verwijderd"
    Poging.objects.create(
        aflevering_id=attempt.aflevering_id,
        tijdstip=started,
        statuscode=outcome.statuscode,
        fout=outcome.fout,
        duur_ms=outcome.duur_ms,
    )
    still_open = aflevering.filter(status__in=Aflevering.OPEN)
    if outcome.ok:
        still_open.update(
            status=Aflevering.Status.AFGELEVERD,
            afgeleverd_op=timezone.now(),
            volgende_poging_op=None,
            taaksleutel=None,
            laatste_fout="",
        )
        return Aflevering.Status.AFGELEVERD
    status = (
        Aflevering.Status.MISLUKT if attempt.next_key else Aflevering.Status.OPGEGEVEN
    )
    # Unless a resend started a new round meanwhile: that round has its own key.
    still_open.filter(taaksleutel=attempt.next_key).update(
        status=status, laatste_fout=outcome.fout
    )
    return status


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a failure: following it would turn the POST into a GET (and
    could lead the request anywhere)."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def post(url: str, auth: str, body: bytes) -> Outcome:
    """POST the message as JSON with the abonnement's Authorization header; 2xx is
    delivered, anything else (or no answer in time) a failed attempt."""
    timeout = settings.NOTIFICATIES_TIMEOUT_SECONDS
    if urlsplit(url).scheme not in ("http", "https"):
        return Outcome(None, "De callback-URL is geen http(s)-adres.", 0)
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url,
        data=body,
        method="POST",
        headers={"Authorization": auth, "Content-Type": "application/json"},
    )
    started = time.monotonic()
    statuscode, fout = None, ""
    try:
        with _opener.open(request, timeout=timeout) as response:
            statuscode = response.status
    except urllib.error.HTTPError as error:
        statuscode, fout = error.code, _refusal(error)
    except urllib.error.URLError as error:
        fout = (
            _timeout(timeout)
            if isinstance(error.reason, TimeoutError)
            else f"Geen verbinding met de abonnee: {error.reason}."
        )
    except TimeoutError:
        fout = _timeout(timeout)
    except (OSError, HTTPException, ValueError) as error:
        fout = f"Versturen mislukt: {error or type(error).__name__}."
    duur_ms = int((time.monotonic() - started) * 1000)
    return Outcome(statuscode=statuscode, fout=fout, duur_ms=duur_ms)


def _timeout(seconds: int) -> str:
    return f"Geen antwoord van de abonnee binnen {seconds} seconden."


def _refusal(error: urllib.error.HTTPError) -> str:
    if 300 <= error.code < 400:
        target = error.headers.get("Location", "")
        return f"HTTP {error.code}: doorverwijzing naar {target} niet gevolgd."
    try:
        text = error.read(SNIPPET * 4).decode("utf-8", "replace")
    except (OSError, HTTPException):
        text = ""
    text = " ".join(text.split())[:SNIPPET]
    return f"HTTP {error.code}: {text}" if text else f"HTTP {error.code}."
