"""Documents and what hangs on them as the Documenten API shows them: the dicts of
the specification's schemas, built with a :class:`~loket.zgw.api.references.Urls`,
so the API (the request's host), the audit trail and notificaties
(``Urls.base()``) and the expand of other APIs share one rendering.

A page of documents costs a fixed number of queries, whatever its size.
"""

from collections import defaultdict
from datetime import UTC

from loket.zgw import apis
from loket.zgw.api.references import Urls
from loket.zgw.catalogi.models import InformatieObjectType
from loket.zgw.documenten.models import (
    BestandsDeel,
    EnkelvoudigInformatieObject,
    Gebruiksrechten,
    InformatieObject,
    ObjectInformatieObject,
    Verzending,
)

DOCUMENTEN = "/enkelvoudiginformatieobjecten"
BESTANDSDELEN = "/bestandsdelen"
GEBRUIKSRECHTEN = "/gebruiksrechten"
OBJECTINFORMATIEOBJECTEN = "/objectinformatieobjecten"
VERZENDINGEN = "/verzendingen"
INFORMATIEOBJECTTYPEN = "/informatieobjecttypen"

# The address groups of a verzending (model field → API name); exactly one of
# these, or the other channels in CHANNELS, says where it went or came from.
ADDRESSES = {
    "binnenlands_correspondentieadres": "binnenlandsCorrespondentieadres",
    "buitenlands_correspondentieadres": "buitenlandsCorrespondentieadres",
    "correspondentie_postadres": "correspondentiePostadres",
}
CHANNELS = {
    "faxnummer": "faxnummer",
    "emailadres": "emailadres",
    "mijn_overheid": "mijnOverheid",
    "telefoonnummer": "telefoonnummer",
}


def document_url(urls: Urls, informatieobject_uuid) -> str:
    return urls(apis.DOCUMENTEN, DOCUMENTEN, informatieobject_uuid)


def download_url(urls: Urls, informatieobject_uuid, versie: int) -> str:
    return f"{document_url(urls, informatieobject_uuid)}/download?versie={versie}"


def informatieobjecttype_url(urls: Urls, iot_uuid) -> str:
    return urls(apis.CATALOGI, INFORMATIEOBJECTTYPEN, iot_uuid)


def informatieobject_dicts(
    urls: Urls, versions: list[EnkelvoudigInformatieObject]
) -> list[dict]:
    """Versions of documents as ``EnkelvoudigInformatieObject``. ``inhoud`` is the
    download URL of that version's content (null without content); the
    bestandsdelen are those of an upload in progress, shown on the latest
    version."""
    documents = _documents({v.informatieobject_id for v in versions})
    types = dict(
        InformatieObjectType.objects.filter(
            pk__in={v.informatieobjecttype_id for v in versions}
        ).values_list("pk", "uuid")
    )
    parts = defaultdict(list)
    latest = {v.informatieobject_id for v in versions if v.laatste}
    for part in BestandsDeel.objects.filter(informatieobject_id__any=latest).order_by(
        "informatieobject_id", "volgnummer"
    ):
        parts[part.informatieobject_id].append(part)
    result = []
    for v in versions:
        document_uuid, lock = documents[v.informatieobject_id]
        result.append(
            {
                "url": document_url(urls, document_uuid),
                "identificatie": v.identificatie,
                "bronorganisatie": v.bronorganisatie,
                "creatiedatum": v.creatiedatum.isoformat(),
                "titel": v.titel,
                "vertrouwelijkheidaanduiding": v.vertrouwelijkheidaanduiding,
                "auteur": v.auteur,
                "status": v.status,
                "formaat": v.formaat,
                "taal": v.taal,
                "versie": v.versie,
                "beginRegistratie": _moment(v.begin_registratie),
                "bestandsnaam": v.bestandsnaam,
                "inhoud": (
                    download_url(urls, document_uuid, v.versie) if v.inhoud else None
                ),
                "bestandsomvang": v.bestandsomvang,
                "link": v.link,
                "beschrijving": v.beschrijving,
                "ontvangstdatum": _date(v.ontvangstdatum),
                "verzenddatum": _date(v.verzenddatum),
                "indicatieGebruiksrecht": v.indicatie_gebruiksrecht,
                "verschijningsvorm": v.verschijningsvorm,
                "ondertekening": (
                    {
                        "soort": v.ondertekening_soort,
                        "datum": _date(v.ondertekening_datum),
                    }
                    if v.ondertekening_soort
                    else None
                ),
                "integriteit": (
                    {
                        "algoritme": v.integriteit_algoritme,
                        "waarde": v.integriteit_waarde,
                        "datum": _date(v.integriteit_datum),
                    }
                    if v.integriteit_algoritme
                    else None
                ),
                "informatieobjecttype": informatieobjecttype_url(
                    urls, types[v.informatieobjecttype_id]
                ),
                "locked": bool(lock),
                "bestandsdelen": [
                    bestandsdeel_dict(urls, part)
                    for part in parts.get(v.informatieobject_id, [])
                ],
                "trefwoorden": v.trefwoorden or [],
                "inhoudIsVervallen": v.inhoud_is_vervallen,
            }
        )
    return result


def bestandsdeel_dict(urls: Urls, part: BestandsDeel, lock: str = "") -> dict:
    """A part of an upload in progress. The lock is only echoed to the client that
    sent it: anyone who may read the document would otherwise learn it."""
    return {
        "url": urls(apis.DOCUMENTEN, BESTANDSDELEN, part.uuid),
        "volgnummer": part.volgnummer,
        "omvang": part.omvang,
        "voltooid": part.voltooid,
        "lock": lock,
    }


def gebruiksrechten_dicts(urls: Urls, items: list[Gebruiksrechten]) -> list[dict]:
    documents = _documents({g.informatieobject_id for g in items})
    return [
        {
            "url": urls(apis.DOCUMENTEN, GEBRUIKSRECHTEN, g.uuid),
            "informatieobject": document_url(urls, documents[g.informatieobject_id][0]),
            "startdatum": _moment(g.startdatum),
            "einddatum": _moment(g.einddatum),
            "omschrijvingVoorwaarden": g.omschrijving_voorwaarden,
        }
        for g in items
    ]


def objectinformatieobject_dicts(
    urls: Urls, items: list[ObjectInformatieObject]
) -> list[dict]:
    """Relations to a zaak (Zaken API) or besluit (Besluiten API)."""
    from loket.zgw.besluiten.models import Besluit
    from loket.zgw.zaken.models import Zaak

    documents = _documents({o.informatieobject_id for o in items})
    zaken = dict(
        Zaak.objects.filter(pk__in={o.zaak_id for o in items if o.zaak_id}).values_list(
            "pk", "uuid"
        )
    )
    besluiten = dict(
        Besluit.objects.filter(
            pk__in={o.besluit_id for o in items if o.besluit_id}
        ).values_list("pk", "uuid")
    )
    return [
        {
            "url": urls(apis.DOCUMENTEN, OBJECTINFORMATIEOBJECTEN, o.uuid),
            "informatieobject": document_url(urls, documents[o.informatieobject_id][0]),
            "object": (
                urls(apis.ZAKEN, "/zaken", zaken[o.zaak_id])
                if o.zaak_id
                else urls(apis.BESLUITEN, "/besluiten", besluiten[o.besluit_id])
            ),
            "objectType": o.object_type,
        }
        for o in items
    ]


def verzending_dicts(urls: Urls, items: list[Verzending]) -> list[dict]:
    documents = _documents({v.informatieobject_id for v in items})
    return [
        {
            "url": urls(apis.DOCUMENTEN, VERZENDINGEN, v.uuid),
            "betrokkene": v.betrokkene,
            "informatieobject": document_url(urls, documents[v.informatieobject_id][0]),
            "aardRelatie": v.aard_relatie,
            "toelichting": v.toelichting,
            "ontvangstdatum": _date(v.ontvangstdatum),
            "verzenddatum": _date(v.verzenddatum),
            "contactPersoon": v.contact_persoon,
            "contactpersoonnaam": v.contactpersoonnaam,
            **{api: getattr(v, field) or None for field, api in ADDRESSES.items()},
            **{api: getattr(v, field) for field, api in CHANNELS.items()},
        }
        for v in items
    ]


def _documents(ids: set[int]) -> dict[int, tuple]:
    """Document id → (uuid, lock), in one query."""
    return {
        pk: (document_uuid, lock)
        for pk, document_uuid, lock in InformatieObject.objects.filter(
            pk__any=ids
        ).values_list("pk", "uuid", "lock")
    }


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _moment(value) -> str | None:
    """A date-time in UTC, however it was given, so a response reads the same
    before and after it was stored."""
    return value.astimezone(UTC).isoformat() if value else None
