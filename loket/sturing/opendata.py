"""Open data: every indicator of every public gemeente as a dataset (rows per
month, quarter and year, and per channel where the indicator splits by channel),
and the catalogue of those datasets in the style of DCAT-AP-NL (JSON-LD).

Only aggregates leave Loket, and only as ``indicatoren.openbaar`` allows: no
share, median or average of fewer than five, no count of one to four, and of a
group too small to show not its size either."""

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from loket.organisaties import selectors as organisaties
from loket.sturing import indicatoren
from loket.sturing.indicatoren import INDICATOREN, Indicator, Meting, Periode
from loket.sturing.models import Telling

LICENTIE = "http://creativecommons.org/publicdomain/zero/1.0/"
TAAL = "http://publications.europa.eu/resource/authority/language/NLD"
THEMA_EU = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
THEMA_OVERHEID = "http://standaarden.overheid.nl/owms/terms/Bestuur"
FREQUENTIE = "http://publications.europa.eu/resource/authority/frequency/CONT"
FORMATEN = {
    "csv": (
        "text/csv",
        "http://publications.europa.eu/resource/authority/file-type/CSV",
    ),
    "json": (
        "application/json",
        "http://publications.europa.eu/resource/authority/file-type/JSON",
    ),
}
KOLOMMEN = [
    "gemeentecode",
    "gemeente",
    "indicator",
    "periode",
    "soort",
    "begin",
    "eind",
    "kanaal",
    "waarde",
    "eenheid",
    "aantal",
    "onderdrukt",
]
TREFWOORDEN = ["dienstverlening", "gemeente", "klanttevredenheid", "doorlooptijd"]


def gemeenten():
    return list(organisaties.public_gemeenten())


def tooi(gemeente) -> str:
    """The gemeente's identifier in TOOI (the government's organisation list)."""
    return f"https://identifier.overheid.nl/tooi/id/gemeente/gm{gemeente.gemeentecode}"


@dataclass(frozen=True)
class Dekking:
    """The period a dataset covers: from the first month with data to today."""

    begin: date
    eind: date


def dekking(gemeente, indicator: Indicator, vandaag: date, cache=None) -> Dekking:
    if indicator.momentopname:
        return Dekking(vandaag, vandaag)
    cache = {} if cache is None else cache
    if indicator.meetpunt not in cache:
        cache[indicator.meetpunt] = (
            Telling.objects.filter(gemeente=gemeente, meetpunt=indicator.meetpunt)
            .order_by("maand")
            .values_list("maand", flat=True)
            .first()
        )
    eerste = cache[indicator.meetpunt] or vandaag.replace(day=1)
    return Dekking(min(eerste, vandaag.replace(day=1)), vandaag)


def perioden(begin: date, vandaag: date) -> list[Periode]:
    """Every month, quarter and year from ``begin`` up to today's."""
    uitkomst = []
    for soort in ("maand", "kwartaal", "jaar"):
        periode = Periode.van(soort, begin)
        while periode.begin <= vandaag:
            uitkomst.append(periode)
            periode = periode.volgende()
    return uitkomst


def _waarde(meting: Meting) -> float | int | None:
    if meting.waarde is None:
        return None
    if meting.eenheid == "aantal":
        return int(meting.waarde)
    return round(meting.waarde, 1)


def _rij(gemeente, indicator, *, periode, soort, begin, eind, kanaal, meting) -> dict:
    meting = indicatoren.openbaar(meting)
    return {
        "gemeentecode": gemeente.gemeentecode,
        "gemeente": gemeente.naam,
        "indicator": indicator.code,
        "periode": periode,
        "soort": soort,
        "begin": begin.isoformat(),
        "eind": eind.isoformat(),
        "kanaal": kanaal,
        "waarde": _waarde(meting),
        "eenheid": indicator.eenheid,
        "aantal": None if meting.onderdrukt else meting.aantal,
        "onderdrukt": meting.onderdrukt,
    }


def rijen(gemeente, indicator: Indicator, vandaag: date | None = None) -> list[dict]:
    """The rows of one dataset: per period (all channels together, ``kanaal``
    empty), then per period and channel if the indicator splits by channel. A
    stand of today is one row."""
    vandaag = vandaag or timezone.localdate()
    if indicator.momentopname:
        meting = indicatoren.meet(
            indicator.code, [gemeente], Periode.van("maand", vandaag)
        )
        return [
            _rij(
                gemeente,
                indicator,
                periode=vandaag.isoformat(),
                soort="stand",
                begin=vandaag,
                eind=vandaag,
                kanaal="",
                meting=meting,
            )
        ]
    lijst = perioden(dekking(gemeente, indicator, vandaag).begin, vandaag)

    def rij(periode: Periode, kanaal: str, meting: Meting) -> dict:
        return _rij(
            gemeente,
            indicator,
            periode=periode.code,
            soort=periode.soort,
            begin=periode.begin,
            eind=periode.einde - timedelta(days=1),
            kanaal=kanaal,
            meting=meting,
        )

    uitkomst = [
        rij(p, "", m) for p, m in indicatoren.reeks(indicator.code, [gemeente], lijst)
    ]
    if "kanaal" in indicator.splitsingen:
        uitkomst += [
            rij(p, kanaal, m)
            for p, kanaal, m in indicatoren.reeks_uitgesplitst(
                indicator.code, [gemeente], lijst, "kanaal"
            )
        ]
    return uitkomst


def dataset(gemeente, indicator: Indicator, vandaag: date | None = None) -> dict:
    """One dataset as the JSON distribution gives it."""
    return {
        "gemeente": {
            "naam": gemeente.naam,
            "gemeentecode": gemeente.gemeentecode,
            "webadres": gemeente.slug,
        },
        "indicator": {
            "code": indicator.code,
            "titel": indicator.titel,
            "definitie": indicator.definitie,
            "eenheid": indicator.eenheid,
            "hoger_is_beter": indicator.hoger_is_beter,
            "stand_van_vandaag": indicator.momentopname,
        },
        "licentie": LICENTIE,
        "kleine_groepen": indicatoren.REGEL_KLEINE_GROEPEN,
        "gemaakt_op": timezone.now().isoformat(timespec="seconds"),
        "rijen": rijen(gemeente, indicator, vandaag),
    }


def als_csv(rijen_: list[dict]) -> str:
    """The rows as CSV with a header; decimals with a point, empty for none."""
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=KOLOMMEN, lineterminator="\r\n")
    schrijver.writeheader()
    for rij in rijen_:
        schrijver.writerow(
            {
                **rij,
                "waarde": "" if rij["waarde"] is None else rij["waarde"],
                "aantal": "" if rij["aantal"] is None else rij["aantal"],
                "onderdrukt": "ja" if rij["onderdrukt"] else "nee",
            }
        )
    return uit.getvalue()


def bestandsnaam(gemeente, indicator: Indicator, formaat: str) -> str:
    return f"{gemeente.slug}-{indicator.code}.{formaat}"


def catalogus(bouw_url, vandaag: date | None = None) -> dict:
    """The DCAT catalogue of all datasets (JSON-LD). ``bouw_url(path)`` makes an
    absolute URL."""
    vandaag = vandaag or timezone.localdate()
    datasets = []
    for gemeente in gemeenten():
        cache: dict = {}
        uitgever = {
            "@type": "foaf:Organization",
            "@id": tooi(gemeente),
            "foaf:name": f"Gemeente {gemeente.naam}",
            "dct:identifier": gemeente.gemeentecode,
        }
        for indicator in INDICATOREN.values():
            periode = dekking(gemeente, indicator, vandaag, cache)
            url = {
                formaat: bouw_url(
                    reverse(
                        f"opendata:{formaat}",
                        kwargs={"gemeente": gemeente.slug, "code": indicator.code},
                    )
                )
                for formaat in FORMATEN
            }
            datasets.append(
                {
                    "@type": "dcat:Dataset",
                    "@id": url["json"],
                    "dct:identifier": f"{gemeente.slug}/{indicator.code}",
                    "dct:title": f"{indicator.titel} (gemeente {gemeente.naam})",
                    "dct:description": indicator.definitie,
                    "dct:publisher": uitgever,
                    "dct:spatial": {"@id": tooi(gemeente)},
                    "dct:temporal": {
                        "@type": "dct:PeriodOfTime",
                        "dcat:startDate": periode.begin.isoformat(),
                        "dcat:endDate": periode.eind.isoformat(),
                    },
                    "dct:license": {"@id": LICENTIE},
                    "dct:language": {"@id": TAAL},
                    "dct:accrualPeriodicity": {"@id": FREQUENTIE},
                    "dcat:theme": [{"@id": THEMA_OVERHEID}, {"@id": THEMA_EU}],
                    "dcat:keyword": TREFWOORDEN,
                    "dcat:distribution": [
                        {
                            "@type": "dcat:Distribution",
                            "@id": url[formaat],
                            "dct:title": f"{indicator.titel} ({formaat.upper()})",
                            "dcat:accessURL": {"@id": url[formaat]},
                            "dcat:downloadURL": {"@id": url[formaat]},
                            "dcat:mediaType": {
                                "@id": "https://www.iana.org/assignments/media-types/"
                                + FORMATEN[formaat][0]
                            },
                            "dct:format": {"@id": FORMATEN[formaat][1]},
                            "dct:license": {"@id": LICENTIE},
                        }
                        for formaat in FORMATEN
                    ],
                }
            )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@type": "dcat:Catalog",
        "@id": bouw_url(reverse("opendata:catalog")),
        "dct:title": "Open data over de dienstverlening van de gemeenten",
        "dct:description": (
            "Indicatoren over de dienstverlening van de gemeenten in Loket: hoe "
            "inwoners hun zaken regelen, hoe snel de gemeente antwoordt en hoe "
            "tevreden inwoners zijn. Alleen getallen per maand, kwartaal of jaar, "
            "zonder persoonsgegevens. " + indicatoren.REGEL_KLEINE_GROEPEN
        ),
        "dct:language": {"@id": TAAL},
        "dct:license": {"@id": LICENTIE},
        "dct:modified": vandaag.isoformat(),
        "foaf:homepage": {"@id": bouw_url(reverse("opendata:index"))},
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": "Loket"},
        "dcat:dataset": datasets,
    }
