"""Small hand-made worlds for the indicator tests: a gemeente with a catalogus of
three zaaktypen (a vergunning with servicenorm P2W and doorlooptijd P8W, a klacht
and a bezwaar), the usual communicatiekanalen, and zaken started and closed on
chosen days through the Zaken services."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from loket.organisaties.models import Gemeente
from loket.sturing.models import Maandtotaal, Telling
from loket.zgw.catalogi.exchange.importeren import import_catalogus
from loket.zgw.catalogi.models import ZaakType
from loket.zgw.catalogi.tests import catalogus_data
from loket.zgw.referentielijsten.models import Communicatiekanaal
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from tests import factories

KANALEN = {
    "Website/e-formulier": "web",
    "Balie": "balie",
    "Telefoon": "telefoon",
    "Post": "post",
}


@dataclass
class Wereld:
    gemeente: Gemeente
    vergunning: ZaakType
    klacht: ZaakType
    bezwaar: ZaakType


def kanaal(naam: str) -> Communicatiekanaal:
    return Communicatiekanaal.objects.get_or_create(
        naam=naam, defaults={"omschrijving": naam}
    )[0]


def wereld(gemeente: Gemeente | None = None, **vergunning) -> Wereld:
    """A gemeente with three zaaktypen; ``vergunning`` overrides the vergunning's
    catalogue data (e.g. ``servicenorm=None``)."""
    gemeente = gemeente or factories.gemeente()
    catalogus_data.referentielijsten()
    catalogus = catalogus_data.catalogus(gemeente)
    import_catalogus(
        catalogus_data.document(
            catalogus_data.zaaktype("PARKEER", **vergunning),
            catalogus_data.zaaktype(
                "KLACHT",
                omschrijving="Klacht over de dienstverlening",
                trefwoorden=[],
                servicenorm="P6W",
            ),
            catalogus_data.zaaktype(
                "BEZWAAR",
                omschrijving="Bezwaarschrift",
                trefwoorden=["bezwaar"],
                servicenorm=None,
            ),
        ),
        catalogus,
    )
    for naam in KANALEN:
        kanaal(naam)
    typen = {z.identificatie: z for z in ZaakType.objects.filter(catalogus=catalogus)}
    return Wereld(gemeente, typen["PARKEER"], typen["KLACHT"], typen["BEZWAAR"])


def om_twaalf(dag: date) -> datetime:
    return timezone.make_aware(datetime(dag.year, dag.month, dag.day, 12))


def zaak(zaaktype: ZaakType, start: date, *, via: str | None = "Balie"):
    """A zaak started on ``start`` through channel ``via`` (a communicatiekanaal
    naam; None: none)."""
    return zaken.create_zaak(
        actor=LOKET,
        zaaktype=zaaktype,
        bronorganisatie=zaaktype.catalogus.rsin,
        startdatum=start,
        communicatiekanaal=kanaal(via) if via else None,
    )


def status(z, omschrijving: str, op: date):
    statustype = z.zaaktype.statustypen.get(omschrijving=omschrijving)
    return zaken.set_status(
        z, actor=LOKET, statustype=statustype, datum_status_gezet=om_twaalf(op)
    )


def sluit(z, op: date):
    """Close the zaak on ``op`` (resultaat Geweigerd, end status Afgehandeld)."""
    if not z.statussen.exists():
        status(z, "Ontvangen", z.startdatum)
    if not hasattr(z, "resultaat"):
        zaken.set_resultaat(
            z,
            actor=LOKET,
            resultaattype=z.zaaktype.resultaattypen.get(omschrijving="Geweigerd"),
        )
    status(z, "Afgehandeld", op)
    z.refresh_from_db()
    return z


def afgerond(zaaktype: ZaakType, start: date, dagen: int, *, via="Balie"):
    """A zaak started on ``start`` and closed ``dagen`` later."""
    from datetime import timedelta

    return sluit(zaak(zaaktype, start, via=via), start + timedelta(days=dagen))


def tellingen(**filters) -> set[tuple]:
    """The non-zero counts, as comparable tuples."""
    return set(
        Telling.objects.filter(**filters)
        .exclude(aantal=0)
        .values_list(
            "gemeente_id",
            "meetpunt",
            "maand",
            "kanaal",
            "product",
            "waarde",
            "aantal",
            "binnen_norm",
        )
    )


def totalen() -> set[tuple]:
    """The non-zero month totals, as comparable tuples."""
    return set(
        Maandtotaal.objects.exclude(aantal=0).values_list(
            "gemeente_id", "meetpunt", "maand", "waarde", "aantal", "binnen_norm", "web"
        )
    )


def totalen_uit_tellingen() -> set[tuple]:
    """What the month totals should be: the counts summed over channels and
    products."""
    som: dict[tuple, list[int]] = {}
    for gemeente, meetpunt, maand, kanaal, _, waarde, aantal, binnen in tellingen():
        rij = som.setdefault((gemeente, meetpunt, maand, waarde), [0, 0, 0])
        rij[0] += aantal
        rij[1] += binnen
        rij[2] += aantal if kanaal == "web" else 0
    return {(*k, *v) for k, v in som.items() if v[0]}
