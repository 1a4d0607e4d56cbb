"""Suspending, resuming and extending a zaak, as staff do it: with a reason, within
what the zaaktype allows, and with the deadlines moved accordingly."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from loket.zgw.registers.services import Actor
from loket.zgw.zaken.models import Zaak
from loket.zgw.zaken.services import base
from loket.zgw.zaken.termijnen import add_duration, longer


@transaction.atomic
def suspend_zaak(zaak: Zaak, *, actor: Actor, reden: str, op: date | None = None):
    """Stop the clock of a zaak (opschorting), e.g. while waiting for the
    applicant. The days it stays suspended are added to its deadlines on resume."""
    zaak = _locked(zaak)
    if not zaak.zaaktype.opschorting_en_aanhouding_mogelijk:
        raise base.invalid(
            "opschorting",
            "Bij dit zaaktype kan een zaak niet worden opgeschort.",
            "opschorting-niet-mogelijk",
        )
    if zaak.opschorting_indicatie:
        raise base.invalid(
            "opschorting", "Deze zaak is al opgeschort.", "al-opgeschort"
        )
    _require_open(zaak)
    return _update(
        zaak,
        actor,
        opschorting_indicatie=True,
        opschorting_reden=_reden(reden),
        opgeschort_sinds=op or timezone.localdate(),
    )


@transaction.atomic
def resume_zaak(zaak: Zaak, *, actor: Actor, op: date | None = None):
    """Start the clock again; the deadlines move by the days the zaak was
    suspended."""
    zaak = _locked(zaak)
    if not zaak.opschorting_indicatie:
        raise base.invalid(
            "opschorting", "Deze zaak is niet opgeschort.", "niet-opgeschort"
        )
    days = max(0, ((op or timezone.localdate()) - zaak.opgeschort_sinds).days)
    changes = {
        "opschorting_indicatie": False,
        "opgeschort_sinds": None,
    }
    for field in ("einddatum_gepland", "uiterlijke_einddatum_afdoening"):
        if getattr(zaak, field) is not None:
            changes[field] = add_duration(getattr(zaak, field), f"P{days}D")
    return _update(zaak, actor, **changes)


@transaction.atomic
def extend_zaak(zaak: Zaak, *, actor: Actor, reden: str, duur: str):
    """Extend the term of a zaak once, by at most the zaaktype's
    verlengingstermijn; the deadlines move by ``duur`` (ISO 8601, e.g. P2W)."""
    zaak = _locked(zaak)
    zaaktype = zaak.zaaktype
    if not zaaktype.verlenging_mogelijk:
        raise base.invalid(
            "verlenging",
            "Bij dit zaaktype kan de termijn niet worden verlengd.",
            "verlenging-niet-mogelijk",
        )
    if zaak.verlenging_duur:
        raise base.invalid(
            "verlenging", "De termijn van deze zaak is al verlengd.", "al-verlengd"
        )
    _require_open(zaak)
    if zaaktype.verlengingstermijn and longer(
        duur, zaaktype.verlengingstermijn, on=zaak.startdatum
    ):
        raise base.invalid(
            "verlenging",
            f"De verlenging mag hoogstens {zaaktype.verlengingstermijn} zijn.",
            "verlenging-te-lang",
        )
    changes = {"verlenging_reden": _reden(reden), "verlenging_duur": duur}
    for field in ("einddatum_gepland", "uiterlijke_einddatum_afdoening"):
        if getattr(zaak, field) is not None:
            changes[field] = add_duration(getattr(zaak, field), duur)
    return _update(zaak, actor, **changes)


def _locked(zaak: Zaak) -> Zaak:
    return (
        Zaak.objects.select_for_update(of=("self",))
        .select_related("zaaktype")
        .get(pk=zaak.pk)
    )


def _require_open(zaak: Zaak) -> None:
    if zaak.is_closed:
        raise base.invalid("zaak", "Deze zaak is al afgesloten.", "zaak-afgesloten")


def _reden(reden: str) -> str:
    reden = (reden or "").strip()
    if not reden:
        raise base.invalid("reden", "Geef een reden.", "required")
    return reden[:200]


def _update(zaak: Zaak, actor: Actor, **changes) -> Zaak:
    oud = base.zaak_state(zaak)
    for name, value in changes.items():
        setattr(zaak, name, value)
    zaak.save(update_fields=list(changes))
    base.changed(
        zaak=zaak,
        actie="partial_update",
        actor=actor,
        resource="zaak",
        subject=base.zaak_subject(zaak),
        oud=oud,
        nieuw=base.zaak_state(zaak),
    )
    return zaak
