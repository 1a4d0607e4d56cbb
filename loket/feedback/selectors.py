"""Reading survey data: the settings of a gemeente, a resident's open
invitations, an invitation by token, answers for staff (without identity, with
small groups suppressed) and the counts for sturing."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from loket.feedback.models import Antwoord, Feedbackinstelling, Opvolging, Uitnodiging
from loket.sturing import meetpunten
from loket.sturing.indicatoren import MINIMUM_GROEP

ASPECTEN = ("snelheid", "geholpen", "gemak", "in_een_keer")
# One meetpunt per counted part of an answer (contract: sturing.services.tel).
MEETPUNTEN = {
    "cijfer": meetpunten.KTO_CIJFER,
    "snelheid": meetpunten.KTO_SNELHEID,
    "geholpen": meetpunten.KTO_GEHOLPEN,
    "gemak": meetpunten.KTO_GEMAK,
    "in_een_keer": meetpunten.KTO_IN_EEN_KEER,
}


def instelling(gemeente) -> Feedbackinstelling:
    """The gemeente's settings; the defaults (an unsaved row) when it has none."""
    gevonden = (
        Feedbackinstelling.objects.filter(gemeente=gemeente)
        .select_related("team")
        .first()
    )
    return gevonden or Feedbackinstelling(gemeente=gemeente)


# -- the resident ---------------------------------------------------------------


def open_uitnodigingen(inwoner) -> list[Uitnodiging]:
    """The invitations of this person or company that can still be answered, in
    every gemeente, newest first."""
    if inwoner.bsn:
        wie = Q(bsn=inwoner.bsn)
    elif inwoner.kvk:
        wie = Q(kvk=inwoner.kvk)
    else:
        return []
    return list(
        Uitnodiging.objects.filter(wie, beantwoord=False, geldig_tot__gt=timezone.now())
        .select_related("gemeente")
        .order_by("-verstuurd_op", "-pk")[:50]
    )


def uitnodiging(gemeente, token: str) -> Uitnodiging | None:
    """The invitation with this token in this gemeente (answered or expired
    too: the page says so), or None."""
    if not token:
        return None
    return (
        Uitnodiging.objects.filter(gemeente=gemeente, token=token)
        .select_related("gemeente")
        .first()
    )


# -- staff ----------------------------------------------------------------------


def opmerkingen(gemeenten, *, opvolging: str = "") -> QuerySet[Antwoord]:
    """Answers with a comment, for the gemeenten given, newest month first."""
    rijen = Antwoord.objects.filter(gemeente__in=gemeenten).exclude(opmerking="")
    if opvolging:
        rijen = rijen.filter(opvolging=opvolging)
    return rijen.select_related("gemeente").order_by("-maand", "opvolging", "id")


def antwoord(gemeenten, pk) -> Antwoord | None:
    return Antwoord.objects.filter(gemeente__in=gemeenten, pk=pk).first()


def productnamen(antwoorden) -> dict[tuple[int, str], str]:
    """(gemeente id, zaaktype identificatie) → the zaaktype's name, for the
    answers given; one query."""
    from loket.zgw.catalogi.models import ZaakType

    sleutels = {(a.gemeente_id, a.product) for a in antwoorden if a.product}
    if not sleutels:
        return {}
    rijen = (
        ZaakType.objects.filter(
            catalogus__gemeente__in={g for g, _ in sleutels},
            identificatie__in={p for _, p in sleutels},
        )
        .order_by("versiedatum")
        .values_list("catalogus__gemeente_id", "identificatie", "omschrijving")
    )
    return {(g, p): naam for g, p, naam in rijen}  # the newest version wins


@dataclass(frozen=True)
class Groep:
    """Figures of a group of answers; ``onderdrukt`` when the group is too small
    to show (the averages are then None)."""

    sleutel: str
    aantal: int
    onderdrukt: bool
    cijfer: float | None
    aspecten: dict[str, float | None]


def samenvatting(gemeenten, *, vanaf: date, tot: date) -> list[Groep]:
    """The average grade and aspects (1-5) per channel, and over all answers
    (key ""), for answers from month ``vanaf`` up to (not including) ``tot``;
    groups smaller than ``MINIMUM_GROEP`` (sturing's rule) are suppressed."""
    rijen = Antwoord.objects.filter(
        gemeente__in=gemeenten, maand__gte=vanaf, maand__lt=tot
    )
    velden = {
        "aantal": Count("id"),
        "cijfer_gem": Avg("cijfer"),
        **{f"{a}_gem": Avg(a) for a in ASPECTEN},
    }

    def groep(sleutel, rij) -> Groep:
        onderdrukt = rij["aantal"] < MINIMUM_GROEP
        return Groep(
            sleutel=sleutel,
            aantal=rij["aantal"],
            onderdrukt=onderdrukt,
            cijfer=None if onderdrukt else rij["cijfer_gem"],
            aspecten={a: None if onderdrukt else rij[f"{a}_gem"] for a in ASPECTEN},
        )

    per_kanaal = [
        groep(rij["kanaal"], rij)
        for rij in rijen.values("kanaal").annotate(**velden).order_by("kanaal")
    ]
    return [groep("", rijen.aggregate(**velden)), *per_kanaal]


def aantal_nieuw(gemeenten) -> int:
    return opmerkingen(gemeenten, opvolging=Opvolging.NIEUW).count()


# -- sturing --------------------------------------------------------------------


def tellingen() -> Iterator[dict]:
    """Every count the answers give, for rebuilding the sturing aggregates: one
    dict (gemeente_id, datum, meetpunt, kanaal, product, waarde) per counted
    aspect of every answer; an aspect left unanswered is not counted. ``datum``
    is the first day of the answer's month."""
    velden = ["gemeente_id", "maand", "kanaal", "product", *MEETPUNTEN]
    for rij in Antwoord.objects.order_by().values(*velden).iterator(chunk_size=5000):
        for veld, meetpunt in MEETPUNTEN.items():
            if rij[veld] is not None:
                yield {
                    "gemeente_id": rij["gemeente_id"],
                    "datum": rij["maand"],
                    "meetpunt": meetpunt,
                    "kanaal": rij["kanaal"],
                    "product": rij["product"],
                    "waarde": rij[veld],
                }
