"""Besluiten and besluitinformatieobjecten as the Besluiten API 1.1.0 shows them.

Shared by the API (URLs on the request's host), the audit trail and notificaties
(URLs on LOKET_BASE_URL, ``Urls.base()``) and the Zaken API. Each function takes a
whole page and reads what it refers to in a fixed number of queries, whatever the
page holds.
"""

from loket.zgw import apis
from loket.zgw.api.references import Urls
from loket.zgw.besluiten.models import Besluit, BesluitInformatieObject, Vervalreden
from loket.zgw.catalogi.models import BesluitType
from loket.zgw.documenten.models import InformatieObject
from loket.zgw.zaken.models import Zaak

BESLUITEN = "/besluiten"
BESLUITINFORMATIEOBJECTEN = "/besluitinformatieobjecten"
BESLUITTYPEN = "/besluittypen"
ZAKEN = "/zaken"
INFORMATIEOBJECTEN = "/enkelvoudiginformatieobjecten"

_VERVALREDEN = dict(Vervalreden.choices)


def besluit_url(urls: Urls, besluit_uuid) -> str:
    return urls(apis.BESLUITEN, BESLUITEN, besluit_uuid)


def besluitinformatieobject_url(urls: Urls, bio_uuid) -> str:
    return urls(apis.BESLUITEN, BESLUITINFORMATIEOBJECTEN, bio_uuid)


def besluittype_url(urls: Urls, besluittype_uuid) -> str:
    return urls(apis.CATALOGI, BESLUITTYPEN, besluittype_uuid)


def zaak_url(urls: Urls, zaak_uuid) -> str:
    return urls(apis.ZAKEN, ZAKEN, zaak_uuid)


def informatieobject_url(urls: Urls, informatieobject_uuid) -> str:
    return urls(apis.DOCUMENTEN, INFORMATIEOBJECTEN, informatieobject_uuid)


def _uuids(model, ids) -> dict:
    """Primary key → UUID for the given rows of ``model``, in one query (none for
    no rows)."""
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(model.objects.filter(pk__in=ids).values_list("pk", "uuid"))


def _date(value):
    return value.isoformat() if value else None


def besluit_dicts(urls: Urls, besluiten: list[Besluit]) -> list[dict]:
    """Besluiten as the API shows them, in two queries at most."""
    besluittypen = _uuids(BesluitType, (b.besluittype_id for b in besluiten))
    zaken = _uuids(Zaak, (b.zaak_id for b in besluiten))
    result = []
    for b in besluiten:
        data = {
            "url": besluit_url(urls, b.uuid),
            "identificatie": b.identificatie,
            "verantwoordelijkeOrganisatie": b.verantwoordelijke_organisatie,
            "besluittype": besluittype_url(urls, besluittypen[b.besluittype_id]),
            # No zaak is an empty string, as the reference implementation renders
            # an optional URL reference.
            "zaak": zaak_url(urls, zaken[b.zaak_id]) if b.zaak_id else "",
            "datum": _date(b.datum),
            "toelichting": b.toelichting,
            "bestuursorgaan": b.bestuursorgaan,
            "ingangsdatum": _date(b.ingangsdatum),
            "vervaldatum": _date(b.vervaldatum),
            "publicatiedatum": _date(b.publicatiedatum),
            "verzenddatum": _date(b.verzenddatum),
            "uiterlijkeReactiedatum": _date(b.uiterlijke_reactiedatum),
        }
        # The file's enum for vervalreden has no empty value: leave it out instead.
        if b.vervalreden:
            data["vervalreden"] = b.vervalreden
            data["vervalredenWeergave"] = _VERVALREDEN.get(b.vervalreden, "")
        result.append(data)
    return result


def besluitinformatieobject_dicts(
    urls: Urls, bios: list[BesluitInformatieObject]
) -> list[dict]:
    """Besluitinformatieobjecten as the API shows them, in two queries at most."""
    besluiten = _uuids(Besluit, (b.besluit_id for b in bios))
    informatieobjecten = _uuids(InformatieObject, (b.informatieobject_id for b in bios))
    return [
        {
            "url": besluitinformatieobject_url(urls, b.uuid),
            "informatieobject": informatieobject_url(
                urls, informatieobjecten[b.informatieobject_id]
            ),
            "besluit": besluit_url(urls, besluiten[b.besluit_id]),
        }
        for b in bios
    ]
