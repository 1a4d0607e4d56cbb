"""Reading the processing log: a resident's own entries, and the log as the
privacy officer searches it (only what their organisation is responsible for)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from loket.organisaties import selectors as organisaties
from loket.organisaties.roles import Rolcode
from loket.verwerkingen.models import Verwerking


def voor_betrokkene(*, bsn: str = "", kvk: str = "") -> QuerySet[Verwerking]:
    """What was done with the data of one person (BSN) or company (KvK), newest
    first."""
    if bsn:
        return Verwerking.objects.filter(bsn=bsn)
    if kvk:
        return Verwerking.objects.filter(kvk=kvk)
    return Verwerking.objects.none()


def mag_log_inzien(medewerker) -> bool:
    """The privacy officer (and the platform beheerder) reads the log."""
    return medewerker.is_active and (
        medewerker.is_superuser or Rolcode.PRIVACY_OFFICER in medewerker.rolcodes
    )


def in_toezicht(medewerker) -> QuerySet[Verwerking]:
    """The entries this privacy officer oversees: those in the gemeenten their
    organisation serves, and those without a gemeente made by its own staff."""
    if not mag_log_inzien(medewerker):
        return Verwerking.objects.none()
    if medewerker.is_superuser:
        return Verwerking.objects.all()
    return Verwerking.objects.filter(
        Q(gemeente__in=organisaties.gemeenten_for(medewerker).values("pk"))
        | Q(gemeente__isnull=True, medewerker__organisatie=medewerker.organisatie_id)
    )


@dataclass(frozen=True)
class Zoekvraag:
    """What the privacy officer searches for; empty parts do not filter."""

    bsn: str = ""
    kvk: str = ""
    medewerker_id: int | None = None
    van: date | None = None
    tot: date | None = None  # up to and including this day
    activiteit: str = ""
    peil: datetime | None = None  # entries made after the first page stay out


def _begin_van_dag(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def zoek(medewerker, vraag: Zoekvraag) -> QuerySet[Verwerking]:
    """The entries in this officer's scope that match ``vraag``, newest first.
    Periods are whole local days, compared on the indexed timestamp."""
    rijen = in_toezicht(medewerker).select_related("gemeente")
    if vraag.bsn:
        rijen = rijen.filter(bsn=vraag.bsn)
    if vraag.kvk:
        rijen = rijen.filter(kvk=vraag.kvk)
    if vraag.medewerker_id is not None:
        rijen = rijen.filter(medewerker_id=vraag.medewerker_id)
    if vraag.van is not None:
        rijen = rijen.filter(tijdstip__gte=_begin_van_dag(vraag.van))
    if vraag.tot is not None:
        rijen = rijen.filter(tijdstip__lt=_begin_van_dag(vraag.tot + timedelta(1)))
    if vraag.activiteit:
        rijen = rijen.filter(activiteit=vraag.activiteit)
    if vraag.peil is not None:
        rijen = rijen.filter(tijdstip__lte=vraag.peil)
    return rijen.order_by("-tijdstip", "-id")
