"""Reads of the contact centre, with who may see what inside the query:

- webvragen, contactmomenten, the knowledge base and the klantbeeld are for KCC
  staff (and platform beheerders), for the gemeenten their organisation serves;
- call-back requests are for the members of the team they are for, and for KCC
  staff of the organisation the team belongs to;
- a resident sees only the questions they asked while logged in.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from loket.klantcontact.models import (
    Contactmoment,
    Kennisartikel,
    Klantcontactinstelling,
    Terugbelverzoek,
    Webvraag,
)
from loket.organisaties import selectors as organisaties
from loket.werkplek import toegang

STANDAARD_NORM = 2
MAX_ZAKEN = 200  # on one klantbeeld; more is said, not shown
RECENT = 10


def norm_werkdagen(gemeente) -> int:
    """The gemeente's answer-time norm for webvragen, in working days."""
    norm = (
        Klantcontactinstelling.objects.filter(gemeente=gemeente)
        .values_list("webvraag_norm_werkdagen", flat=True)
        .first()
    )
    return norm or STANDAARD_NORM


def mag_terugbelverzoeken(medewerker) -> bool:
    return toegang.is_kcc(medewerker) or bool(
        medewerker.is_active and medewerker.rolcodes & toegang.BEHANDELROLLEN
    )


# -- webvragen -------------------------------------------------------------------------


def webvragen_voor(medewerker) -> QuerySet[Webvraag]:
    """The webvragen of the gemeenten the KCC staff member serves."""
    if not (medewerker.is_active and toegang.is_kcc(medewerker)):
        return Webvraag.objects.none()
    return Webvraag.objects.filter(
        gemeente__in=organisaties.gemeenten_for(medewerker).values("pk")
    )


@dataclass
class Inbox:
    webvragen: list[Webvraag]
    open: int  # open or in behandeling, in the chosen gemeente
    te_laat: int
    per_status: dict[str, int]


def inbox(
    medewerker, *, gemeente=None, status: str = "", nu=None, limiet: int = 200
) -> Inbox:
    """Open questions first, the nearest deadline on top (answered ones newest
    first when ``status`` asks for them), with counts."""
    from django.utils import timezone

    nu = nu or timezone.now()
    rijen = webvragen_voor(medewerker).select_related("gemeente", "behandelaar")
    if gemeente is not None:
        rijen = rijen.filter(gemeente=gemeente)
    tellingen = rijen.aggregate(
        n_open=Count("pk", filter=~Q(status=Webvraag.Status.BEANTWOORD)),
        n_te_laat=Count(
            "pk",
            filter=~Q(status=Webvraag.Status.BEANTWOORD) & Q(antwoorden_voor__lt=nu),
        ),
        **{
            f"s_{s.value}": Count("pk", filter=Q(status=s.value))
            for s in Webvraag.Status
        },
    )
    if status == Webvraag.Status.BEANTWOORD:
        rijen = rijen.filter(status=status).order_by("-beantwoord_op", "-pk")
    elif status:
        rijen = rijen.filter(status=status)
    else:
        rijen = rijen.exclude(status=Webvraag.Status.BEANTWOORD)
    return Inbox(
        webvragen=list(rijen[:limiet]),
        open=tellingen["n_open"],
        te_laat=tellingen["n_te_laat"],
        per_status={s.value: tellingen[f"s_{s.value}"] for s in Webvraag.Status},
    )


def webvraag(medewerker, uuid) -> Webvraag | None:
    return (
        webvragen_voor(medewerker)
        .select_related("gemeente", "behandelaar")
        .filter(uuid=uuid)
        .first()
    )


def mijn_webvragen(inwoner) -> QuerySet[Webvraag]:
    """The questions a resident (BSN) or company (KvK) asked while logged in, in
    every gemeente of this Loket, newest first."""
    if inwoner.is_bedrijf:
        rijen = Webvraag.objects.filter(kvk=inwoner.kvk) if inwoner.kvk else None
    else:
        rijen = Webvraag.objects.filter(bsn=inwoner.bsn) if inwoner.bsn else None
    if rijen is None:
        return Webvraag.objects.none()
    return rijen.select_related("gemeente").order_by("-ontvangen_op", "-pk")


def mijn_webvraag(inwoner, uuid) -> Webvraag | None:
    return mijn_webvragen(inwoner).filter(uuid=uuid).first()


# -- contactmomenten -----------------------------------------------------------------


def contactmomenten_voor(medewerker) -> QuerySet[Contactmoment]:
    if not (medewerker.is_active and toegang.is_kcc(medewerker)):
        return Contactmoment.objects.none()
    return Contactmoment.objects.filter(
        gemeente__in=organisaties.gemeenten_for(medewerker).values("pk")
    ).select_related("gemeente", "zaak", "terugbelverzoek__team")


def eigen_contactmomenten(medewerker, limiet: int = 50) -> list[Contactmoment]:
    """What this staff member recorded lately."""
    return list(contactmomenten_voor(medewerker).filter(medewerker=medewerker)[:limiet])


# -- call-back requests ----------------------------------------------------------------


def terugbelverzoeken_voor(medewerker) -> QuerySet[Terugbelverzoek]:
    """KCC staff see the requests for every team of their organisation; others
    those for their own teams."""
    rijen = Terugbelverzoek.objects.select_related(
        "team",
        "opgepakt_door",
        "contactmoment__gemeente",
        "contactmoment__zaak",
    )
    if not medewerker.is_active:
        return rijen.none()
    if medewerker.is_superuser:
        return rijen
    if toegang.is_kcc(medewerker):
        return rijen.filter(team__in=organisaties.teams_for(medewerker).values("pk"))
    if medewerker.rolcodes & toegang.BEHANDELROLLEN:
        return rijen.filter(team__in=toegang.team_ids(medewerker))
    return rijen.none()


def terugbelverzoek(medewerker, uuid) -> Terugbelverzoek | None:
    return terugbelverzoeken_voor(medewerker).filter(uuid=uuid).first()


def mag_terugbellen(medewerker, verzoek: Terugbelverzoek) -> bool:
    """Picking up and finishing is for the team's members (and beheerders)."""
    return medewerker.is_superuser or verzoek.team_id in toegang.team_ids(medewerker)


# -- knowledge base ------------------------------------------------------------------


def kennisartikelen(medewerker, zoek: str = "") -> QuerySet[Kennisartikel]:
    """The active articles of the staff member's organisation, for all its
    gemeenten or one it serves; ``zoek`` matches every word in title, keywords
    or text."""
    if not (medewerker.is_active and toegang.is_kcc(medewerker)):
        return Kennisartikel.objects.none()
    rijen = Kennisartikel.objects.filter(actief=True).select_related("gemeente")
    if not medewerker.is_superuser:
        rijen = rijen.filter(organisatie=medewerker.organisatie_id).filter(
            Q(gemeente__isnull=True)
            | Q(gemeente__in=organisaties.gemeenten_for(medewerker).values("pk"))
        )
    for woord in zoek.split()[:8]:
        rijen = rijen.filter(
            Q(titel__icontains=woord)
            | Q(trefwoorden__icontains=woord)
            | Q(tekst__icontains=woord)
        )
    return rijen


def kennisartikel(medewerker, pk) -> Kennisartikel | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return kennisartikelen(medewerker).filter(pk=pk).first()


# -- klantbeeld ------------------------------------------------------------------------


ZAAKVELDEN = (
    "identificatie",
    "omschrijving",
    "status",
    "fase",
    "registratiedatum",
    "uiterste_datum",
    "einddatum",
    "zaak__uuid",
    "zaaktype__omschrijving",
    "gemeente__naam",
    "team__naam",
    "behandelaar__naam",
)


@dataclass
class Klantbeeld:
    """Everything the contact centre has running with one person or company,
    limited to what the staff member may see."""

    zaken: list[dict] = field(default_factory=list)
    meer_zaken: bool = False
    webvragen: list[Webvraag] = field(default_factory=list)
    contactmomenten: list[Contactmoment] = field(default_factory=list)
    terugbelverzoeken: list[Terugbelverzoek] = field(default_factory=list)


def _van(rijen, *, bsn: str, kvk: str):
    return rijen.filter(bsn=bsn) if bsn else rijen.filter(kvk=kvk)


def klantbeeld(medewerker, *, bsn: str = "", kvk: str = "") -> Klantbeeld:
    """The zaken (with status and handler) of the person ``bsn`` or company
    ``kvk`` visible to this staff member, open and in-progress webvragen, recent
    contactmomenten and open call-back requests. Five queries."""
    if not (bsn or kvk):
        return Klantbeeld()
    behandelingen = toegang.zichtbaar(medewerker)
    behandelingen = (
        behandelingen.filter(initiator_bsn=bsn)
        if bsn
        else behandelingen.filter(initiator_kvk=kvk)
    )
    zaken = list(
        behandelingen.order_by("einddatum", "-registratiedatum", "-pk").values(
            *ZAAKVELDEN
        )[: MAX_ZAKEN + 1]
    )
    # Open ones first: einddatum NULL sorts first on PostgreSQL, last on SQLite.
    zaken.sort(key=lambda z: z["einddatum"] is not None)
    webvragen = _van(webvragen_voor(medewerker), bsn=bsn, kvk=kvk)
    contactmomenten = _van(contactmomenten_voor(medewerker), bsn=bsn, kvk=kvk)
    terugbel = terugbelverzoeken_voor(medewerker).exclude(
        status=Terugbelverzoek.Status.AFGEHANDELD
    )
    terugbel = (
        terugbel.filter(contactmoment__bsn=bsn)
        if bsn
        else terugbel.filter(contactmoment__kvk=kvk)
    )
    return Klantbeeld(
        zaken=zaken[:MAX_ZAKEN],
        meer_zaken=len(zaken) > MAX_ZAKEN,
        webvragen=list(
            webvragen.exclude(status=Webvraag.Status.BEANTWOORD).select_related(
                "gemeente"
            )[:RECENT]
        ),
        contactmomenten=list(contactmomenten[:RECENT]),
        terugbelverzoeken=list(terugbel[:RECENT]),
    )


def zaakkeuzes(medewerker, *, bsn: str = "", kvk: str = "") -> list[dict]:
    """The person's zaken this staff member sees, for linking a contactmoment."""
    if not (bsn or kvk):
        return []
    rijen = toegang.zichtbaar(medewerker)
    rijen = rijen.filter(initiator_bsn=bsn) if bsn else rijen.filter(initiator_kvk=kvk)
    return list(
        rijen.order_by("-registratiedatum", "-pk").values(
            "identificatie", "omschrijving", "zaak__uuid", "zaaktype__omschrijving"
        )[:MAX_ZAKEN]
    )


def zichtbare_zaak(medewerker, zaak_uuid, *, bsn: str = "", kvk: str = ""):
    """The zaak (register object) of this klant, if the staff member sees it."""
    rijen = toegang.zichtbaar(medewerker).filter(zaak__uuid=zaak_uuid)
    rijen = rijen.filter(initiator_bsn=bsn) if bsn else rijen.filter(initiator_kvk=kvk)
    behandeling = rijen.select_related("zaak").first()
    return behandeling.zaak if behandeling else None
