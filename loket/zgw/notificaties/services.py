"""Writing notificaties, kanalen and abonnementen.

Every change in Loket calls :func:`publish` inside its own transaction, so the
notificatie exists exactly when the change does (the outbox); ``delivery`` routes it
to the matching abonnementen afterwards. Applications publish through the
Notificaties API with :func:`publish_message`. Kanalen and abonnementen are written
here for the API and the beheer alike.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import dateparse, timezone

from loket.zgw import apis
from loket.zgw.api.references import base_root
from loket.zgw.notificaties.models import (
    Abonnement,
    AbonnementKanaal,
    Aflevering,
    Kanaal,
    Notificatie,
)

# The kanalen Loket publishes on, the API that documents each (its "Notificaties"
# section) and the kenmerken to filter on.
LOKET_KANALEN = {
    "autorisaties": (apis.AUTORISATIES, ()),
    "zaaktypen": (apis.CATALOGI, ("catalogus",)),
    "besluittypen": (apis.CATALOGI, ("catalogus",)),
    "informatieobjecttypen": (apis.CATALOGI, ("catalogus",)),
    "zaken": (
        apis.ZAKEN,
        ("bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"),
    ),
    "documenten": (
        apis.DOCUMENTEN,
        ("bronorganisatie", "informatieobjecttype", "vertrouwelijkheidaanduiding"),
    ),
    "besluiten": (apis.BESLUITEN, ("verantwoordelijke_organisatie", "besluittype")),
}


# -- notificaties ----------------------------------------------------------------------


def publish(
    *,
    kanaal: str,
    hoofd_object: str,
    resource: str,
    resource_url: str,
    actie: str,
    kenmerken: dict | None = None,
    bron: str = "loket",
    aanmaakdatum: datetime | None = None,
) -> Notificatie:
    """Store a notificatie in the transaction of the change it reports, and queue
    its routing to the abonnementen (which runs once that transaction commits)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("publish() belongs inside the transaction of the change")
    notificatie = Notificatie.objects.create(
        kanaal=kanaal,
        hoofd_object=hoofd_object,
        resource=resource,
        resource_url=resource_url,
        actie=actie,
        aanmaakdatum=aanmaakdatum or timezone.now(),
        kenmerken={k: str(v) for k, v in (kenmerken or {}).items()},
        bron=bron,
    )
    _after_publish(notificatie)
    return notificatie


# Parts of Loket that act on changes (Mijn Loket mails a resident about a new status):
# each is called with the notificatie, inside the transaction of the change.
_listeners: list = []


def listen(handler) -> None:
    """Call ``handler(notificatie)`` for every notificatie Loket publishes, inside
    the transaction of the change; what it queues commits with that change."""
    if handler not in _listeners:
        _listeners.append(handler)


def _after_publish(notificatie: Notificatie) -> None:
    from loket.zgw.notificaties import tasks

    for handler in _listeners:
        handler(notificatie)

    # Routing matches the abonnementen of the moment; with none on this kanaal
    # there is nobody to route to, and a task per change would only keep the worker
    # busy (the demo makes thousands). The notificatie itself is stored either way.
    if AbonnementKanaal.objects.filter(kanaal__naam=notificatie.kanaal).exists():
        tasks.route.enqueue(notificatie.pk)


@transaction.atomic
def publish_message(*, message: dict, bron: str) -> Notificatie:
    """A message an application sends to POST /notificaties (the ``Message`` of the
    specification), stored and delivered like Loket's own. The kanaal must exist."""
    errors = {}
    if not Kanaal.objects.filter(naam=message["kanaal"]).exists():
        errors["kanaal"] = ValidationError(
            f"Er is geen kanaal met de naam {message['kanaal']!r}.",
            code="does_not_exist",
        )
    for key, name in (("hoofdObject", "hoofd_object"), ("resourceUrl", "resource_url")):
        if len(message[key]) > Notificatie._meta.get_field(name).max_length:
            errors[key] = ValidationError(
                "Zorg ervoor dat dit veld niet meer dan 1000 tekens bevat.",
                code="max_length",
            )
    aanmaakdatum = dateparse.parse_datetime(message["aanmaakdatum"])
    if aanmaakdatum is None:
        errors["aanmaakdatum"] = ValidationError(
            "Geef een datum met tijd (ISO 8601).", code="invalid"
        )
    elif timezone.is_naive(aanmaakdatum):
        aanmaakdatum = timezone.make_aware(aanmaakdatum)
    if errors:
        raise ValidationError(errors)
    return publish(
        kanaal=message["kanaal"],
        hoofd_object=message["hoofdObject"],
        resource=message["resource"],
        resource_url=message["resourceUrl"],
        actie=message["actie"],
        kenmerken=message.get("kenmerken") or {},
        bron=bron,
        aanmaakdatum=aanmaakdatum,
    )


# -- kanalen ---------------------------------------------------------------------------


def ensure_kanaal(naam: str, *, documentatie_link: str = "", filters=()) -> Kanaal:
    """Register a kanaal Loket publishes on. If it exists, add the filters it lacks
    and update the documentation link; never remove anything."""
    kanaal, created = Kanaal.objects.get_or_create(
        naam=naam,
        defaults={"documentatie_link": documentatie_link, "filters": list(filters)},
    )
    if created:
        return kanaal
    missing = [f for f in filters if f not in kanaal.filters]
    link_changed = documentatie_link and documentatie_link != kanaal.documentatie_link
    if missing or link_changed:
        kanaal.filters = [*kanaal.filters, *missing]
        kanaal.documentatie_link = documentatie_link or kanaal.documentatie_link
        kanaal.save(update_fields=["filters", "documentatie_link"])
    return kanaal


@transaction.atomic
def ensure_loket_kanalen() -> list[Kanaal]:
    """Register every kanaal Loket publishes on, with a link to the specification
    that documents it. Safe to run again (``loket setup`` runs it after migrating)."""
    return [
        ensure_kanaal(
            naam,
            documentatie_link=f"{base_root(api)}/openapi.yaml",
            filters=filters,
        )
        for naam, (api, filters) in LOKET_KANALEN.items()
    ]


def _unique_filters(filters: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(f.strip() for f in filters if f.strip()))


@transaction.atomic
def create_kanaal(
    *, naam: str, documentatie_link: str = "", filters: Iterable[str] = ()
) -> Kanaal:
    """Register a kanaal for an application (POST /kanaal) or in the beheer."""
    kanaal = Kanaal(
        naam=naam,
        documentatie_link=documentatie_link or "",
        filters=_unique_filters(filters),
    )
    kanaal.full_clean()
    kanaal.save()
    return kanaal


def check_kanaal_filters(kanaal: Kanaal, filters: Iterable[str]) -> list[str]:
    """The new filters of a kanaal, refused when an abonnement filters on one that
    would disappear."""
    filters = _unique_filters(filters)
    used = {
        key
        for group in kanaal.abonnementen.all()
        for key in group.filters
        if key not in filters
    }
    if used:
        raise ValidationError(
            {
                "filters": ValidationError(
                    "Abonnementen filteren nog op "
                    f"{', '.join(sorted(used))}; pas die eerst aan.",
                    code="in_use",
                )
            }
        )
    return filters


@transaction.atomic
def update_kanaal(
    kanaal: Kanaal,
    *,
    documentatie_link: str | None = None,
    filters: Iterable[str] | None = None,
) -> Kanaal:
    """Change a kanaal's documentation link or filters. The name stays: notificaties
    and abonnementen refer to it."""
    if filters is not None:
        kanaal.filters = check_kanaal_filters(kanaal, filters)
    if documentatie_link is not None:
        kanaal.documentatie_link = documentatie_link
    kanaal.full_clean()
    kanaal.save()
    return kanaal


@transaction.atomic
def delete_kanaal(kanaal: Kanaal) -> None:
    """Remove a kanaal nobody subscribes to and Loket does not publish on."""
    if kanaal.naam in LOKET_KANALEN:
        raise ValidationError(
            "Loket publiceert zelf op dit kanaal; het kan niet weg.", code="protected"
        )
    if kanaal.abonnementen.exists():
        raise ValidationError(
            "Er zijn abonnementen op dit kanaal; verwijder die eerst.",
            code="protected",
        )
    kanaal.delete()


# -- abonnementen ----------------------------------------------------------------------


@dataclass(frozen=True)
class FilterGroep:
    """One kanaal of an abonnement with its filters (``FilterGroup`` in the spec)."""

    naam: str
    filters: dict[str, str] = field(default_factory=dict)


def check_abonnement(
    *, callback_url: str, auth: str, kanalen: Iterable[FilterGroep]
) -> list[tuple[Kanaal, dict]]:
    """The kanalen with their filters, or a ValidationError naming every problem:
    an URL that is not http(s), a header value on more than one line, a kanaal that
    does not exist, a filter the kanaal does not know."""
    kanalen = list(kanalen)
    errors: dict[str, list[ValidationError]] = {}
    parts = urlsplit(callback_url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        errors["callback_url"] = [
            ValidationError(
                "Geef een URL die met http:// of https:// begint.", code="invalid"
            )
        ]
    if any(ord(char) < 32 or ord(char) == 127 for char in auth or ""):
        errors["auth"] = [
            ValidationError(
                "De autorisatieheader moet één regel tekst zijn.", code="invalid"
            )
        ]
    known = Kanaal.objects.in_bulk([g.naam for g in kanalen], field_name="naam")
    result = []
    for index, group in enumerate(kanalen):
        kanaal = known.get(group.naam)
        if kanaal is None:
            errors[f"kanalen.{index}.naam"] = [
                ValidationError(
                    f"Er is geen kanaal met de naam {group.naam!r}.",
                    code="does_not_exist",
                )
            ]
            continue
        unknown = sorted(set(group.filters) - set(kanaal.filters))
        empty = sorted(k for k, v in group.filters.items() if not str(v).strip())
        if unknown:
            allowed = ", ".join(kanaal.filters) or "(geen)"
            errors[f"kanalen.{index}.filters"] = [
                ValidationError(
                    f"Kanaal {kanaal.naam!r} kent geen filter "
                    f"{', '.join(unknown)}; mogelijk zijn: {allowed}.",
                    code="kenmerken_inconsistent",
                )
            ]
        elif empty:
            errors[f"kanalen.{index}.filters"] = [
                ValidationError(
                    f"Geef een waarde voor {', '.join(empty)} (of * voor elke).",
                    code="blank",
                )
            ]
        result.append((kanaal, {k: str(v) for k, v in group.filters.items()}))
    if errors:
        raise ValidationError(errors)
    return result


@transaction.atomic
def create_abonnement(
    *,
    callback_url: str,
    auth: str,
    kanalen: Iterable[FilterGroep],
    client_id: str = "",
) -> Abonnement:
    """Subscribe ``callback_url`` to kanalen; ``client_id`` is the application that
    asked (empty from the beheer)."""
    checked = check_abonnement(callback_url=callback_url, auth=auth, kanalen=kanalen)
    abonnement = Abonnement(callback_url=callback_url, auth=auth, client_id=client_id)
    abonnement.full_clean()
    abonnement.save()
    _store_kanalen(abonnement, checked)
    return abonnement


@transaction.atomic
def update_abonnement(
    abonnement: Abonnement,
    *,
    callback_url: str | None = None,
    auth: str | None = None,
    kanalen: Iterable[FilterGroep] | None = None,
) -> Abonnement:
    """Change what is given, keep what is None. New kanalen replace the old ones;
    deliveries still under way go to the new callback URL."""
    if kanalen is None:
        kanalen = [
            FilterGroep(g.kanaal.naam, g.filters)
            for g in abonnement.kanalen.select_related("kanaal")
        ]
        replace = False
    else:
        replace = True
    callback_url = abonnement.callback_url if callback_url is None else callback_url
    auth = abonnement.auth if auth is None else auth
    checked = check_abonnement(callback_url=callback_url, auth=auth, kanalen=kanalen)
    abonnement.callback_url, abonnement.auth = callback_url, auth
    abonnement.full_clean()
    abonnement.save()
    if replace:
        abonnement.kanalen.all().delete()
        _store_kanalen(abonnement, checked)
    return abonnement


@transaction.atomic
def delete_abonnement(abonnement: Abonnement) -> None:
    """End an abonnement; deliveries still under way stop."""
    abonnement.delete()


def _store_kanalen(abonnement: Abonnement, checked: list[tuple[Kanaal, dict]]) -> None:
    AbonnementKanaal.objects.bulk_create(
        AbonnementKanaal(abonnement=abonnement, kanaal=kanaal, filters=filters)
        for kanaal, filters in checked
    )


# -- afleveringen ----------------------------------------------------------------------


@dataclass(frozen=True)
class Herstart:
    """What :func:`resend` did."""

    opnieuw: int
    al_afgeleverd: int


@transaction.atomic
def resend(afleveringen: Iterable[Aflevering]) -> Herstart:
    """Send afleveringen that are not delivered again, now, as if new: the count of
    attempts and the term after which Loket gives up start over. Delivered ones are
    left alone, so a subscriber never gets a notificatie twice from this."""
    from loket.zgw.notificaties import delivery

    now = timezone.now()
    ids = [a.pk for a in afleveringen]
    todo = list(
        Aflevering.objects.select_for_update()
        .filter(pk__in=ids)
        .exclude(status=Aflevering.Status.AFGELEVERD)
    )
    for aflevering in todo:
        aflevering.status = Aflevering.Status.WACHTEND
        aflevering.pogingen = 0
        aflevering.eerste_poging_op = None
        aflevering.volgende_poging_op = now
        aflevering.taaksleutel = uuid.uuid4()
    Aflevering.objects.bulk_update(
        todo,
        [
            "status",
            "pogingen",
            "eerste_poging_op",
            "volgende_poging_op",
            "taaksleutel",
        ],
    )
    for aflevering in todo:
        delivery.schedule(aflevering.pk, aflevering.taaksleutel)
    return Herstart(opnieuw=len(todo), al_afgeleverd=len(ids) - len(todo))


@transaction.atomic
def prune(*, older_than: timedelta) -> int:
    """Delete notificaties older than ``older_than`` with their afleveringen and
    pogingen, except those with an aflevering still under way. Returns how many."""
    cutoff = timezone.now() - older_than
    # By when Loket stored it, not by the sender's aanmaakdatum: a message that
    # claims to be old may not even be routed yet.
    old = Notificatie.objects.filter(ontvangen_op__lt=cutoff).exclude(
        afleveringen__status__in=Aflevering.OPEN
    )
    _, per_model = old.delete()
    return per_model.get(Notificatie._meta.label, 0)
