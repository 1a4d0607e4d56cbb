"""Zaken and what belongs to them as the Zaken API 1.5.1 shows them.

Shared by the API (URLs on the request's host), the audit trail and notificaties
(URLs on LOKET_BASE_URL) and the expand of other APIs. Each function takes a whole
page of objects and reads what it refers to in a fixed number of queries, whatever
the page holds.
"""

import functools
from collections import defaultdict
from datetime import UTC

from django.db import connection

from loket.zgw import apis
from loket.zgw.api import related
from loket.zgw.api.references import Urls
from loket.zgw.zaken import models
from loket.zgw.zaken.choices import Betalingsindicatie

ZAKEN = "/zaken"
PATHS = {
    models.Zaak: "/zaken",
    models.Status: "/statussen",
    models.Rol: "/rollen",
    models.Resultaat: "/resultaten",
    models.ZaakObject: "/zaakobjecten",
    models.ZaakInformatieObject: "/zaakinformatieobjecten",
    models.KlantContact: "/klantcontacten",
    models.ZaakContactMoment: "/zaakcontactmomenten",
    models.ZaakVerzoek: "/zaakverzoeken",
}
AARD_RELATIE_WEERGAVE = "Hoort bij, omgekeerd: kent"
_BETALING = dict(Betalingsindicatie.choices)


def url(urls: Urls, obj) -> str:
    """The URL of a zaak or of something with its own path below the API root."""
    return urls(apis.ZAKEN, PATHS[type(obj)], obj.uuid)


def zaak_url(urls: Urls, zaak_uuid) -> str:
    return urls(apis.ZAKEN, ZAKEN, zaak_uuid)


def zaakeigenschap_url(urls: Urls, zaak_uuid, uuid) -> str:
    return urls(apis.ZAKEN, f"{ZAKEN}/{zaak_uuid}/zaakeigenschappen", uuid)


def zaakbesluit_url(urls: Urls, zaak_uuid, besluit_uuid) -> str:
    return urls(apis.ZAKEN, f"{ZAKEN}/{zaak_uuid}/besluiten", besluit_uuid)


def _date(value):
    return value.isoformat() if value else None


def _by_zaak(queryset, *fields) -> dict:
    """Rows of ``queryset`` as tuples grouped by zaak id, in one query."""
    grouped = defaultdict(list)
    for zaak_id, *rest in queryset.values_list("zaak_id", *fields):
        grouped[zaak_id].append(rest[0] if len(rest) == 1 else tuple(rest))
    return grouped


# -- zaak ----------------------------------------------------------------------------


def zaak_queryset():
    """Zaken for :func:`zaak_dicts`, which fetches what a zaak refers to itself
    (joining six tables made PostgreSQL plan longer than it ran)."""
    return models.Zaak.objects.all()


def zaak_dicts(urls: Urls, zaken: list) -> list[dict]:
    """Zaken (from :func:`zaak_queryset`) as the API shows them."""
    if not zaken:
        return []
    refs = _references(zaken)
    deelzaken, relevante = refs["deelzaak"], refs["relevant"]
    eigenschappen, rollen = refs["eigenschap"], refs["rol"]
    zios, zaakobjecten = refs["zio"], refs["zaakobject"]
    one = {kind: {k: v[0] for k, v in refs[kind].items()} for kind in BY_ID}
    catalogi = urls.root(apis.CATALOGI)
    referentielijsten = urls.root(apis.REFERENTIELIJSTEN)
    result = []
    for z in zaken:
        resultaat = one["resultaat"].get(z.pk)
        result.append(
            {
                "url": zaak_url(urls, z.uuid),
                "uuid": str(z.uuid),
                "identificatie": z.identificatie,
                "bronorganisatie": z.bronorganisatie,
                "omschrijving": z.omschrijving,
                "toelichting": z.toelichting,
                "zaaktype": f"{catalogi}/zaaktypen/{one['zaaktype'][z.zaaktype_id]}",
                "registratiedatum": _date(z.registratiedatum),
                "verantwoordelijkeOrganisatie": z.verantwoordelijke_organisatie,
                "startdatum": _date(z.startdatum),
                "einddatum": _date(z.einddatum),
                "einddatumGepland": _date(z.einddatum_gepland),
                "uiterlijkeEinddatumAfdoening": _date(z.uiterlijke_einddatum_afdoening),
                "publicatiedatum": _date(z.publicatiedatum),
                "communicatiekanaal": (
                    f"{referentielijsten}/communicatiekanalen/"
                    f"{one['communicatiekanaal'][z.communicatiekanaal_id]}"
                    if z.communicatiekanaal_id
                    else ""
                ),
                "productenOfDiensten": list(z.producten_of_diensten),
                "vertrouwelijkheidaanduiding": z.vertrouwelijkheidaanduiding,
                "betalingsindicatie": z.betalingsindicatie,
                "betalingsindicatieWeergave": _BETALING.get(z.betalingsindicatie, ""),
                "laatsteBetaaldatum": (
                    z.laatste_betaaldatum.isoformat() if z.laatste_betaaldatum else None
                ),
                "zaakgeometrie": z.zaakgeometrie,
                "verlenging": (
                    {"reden": z.verlenging_reden, "duur": z.verlenging_duur}
                    if z.verlenging_duur
                    else None
                ),
                "opschorting": {
                    "indicatie": z.opschorting_indicatie,
                    "reden": z.opschorting_reden,
                },
                "selectielijstklasse": (
                    f"{referentielijsten}/resultaten/"
                    f"{one['selectielijstklasse'][z.selectielijstklasse_id]}"
                    if z.selectielijstklasse_id
                    else ""
                ),
                "hoofdzaak": (
                    zaak_url(urls, one["hoofdzaak"][z.hoofdzaak_id])
                    if z.hoofdzaak_id
                    else None
                ),
                "deelzaken": [zaak_url(urls, u) for u in deelzaken.get(z.pk, [])],
                "relevanteAndereZaken": [
                    {"url": zaak_url(urls, u), "aardRelatie": aard}
                    for u, aard in relevante.get(z.pk, [])
                ],
                "eigenschappen": [
                    zaakeigenschap_url(urls, z.uuid, u)
                    for u in eigenschappen.get(z.pk, [])
                ],
                "rollen": [
                    urls(apis.ZAKEN, "/rollen", u) for u in rollen.get(z.pk, [])
                ],
                "status": (
                    urls(apis.ZAKEN, "/statussen", one["status"][z.status_id])
                    if z.status_id
                    else None
                ),
                "zaakinformatieobjecten": [
                    urls(apis.ZAKEN, "/zaakinformatieobjecten", u)
                    for u in zios.get(z.pk, [])
                ],
                "zaakobjecten": [
                    urls(apis.ZAKEN, "/zaakobjecten", u)
                    for u in zaakobjecten.get(z.pk, [])
                ],
                "kenmerken": list(z.kenmerken),
                "archiefnominatie": z.archiefnominatie or None,
                "archiefstatus": z.archiefstatus,
                "archiefactiedatum": _date(z.archiefactiedatum),
                "resultaat": (
                    urls(apis.ZAKEN, "/resultaten", resultaat)
                    if resultaat is not None
                    else None
                ),
                "opdrachtgevendeOrganisatie": z.opdrachtgevende_organisatie,
                "processobjectaard": z.processobjectaard,
                "startdatumBewaartermijn": _date(z.startdatum_bewaartermijn),
                "processobject": _processobject(z),
            }
        )
    return result


# What a zaak refers to one of (its id → UUID).
BY_ID = (
    "zaaktype",
    "status",
    "resultaat",
    "hoofdzaak",
    "communicatiekanaal",
    "selectielijstklasse",
)


def _references(zaken: list) -> dict[str, dict]:
    """Everything these zaken refer to by UUID, in one query: kind → key → list of
    UUIDs (``(uuid, aard)`` pairs for relevante andere zaken). The key is the
    zaak's id for what belongs to a zaak (and for its resultaat), the referred
    object's id for the rest."""
    ids = [z.pk for z in zaken]
    return related.uuids(
        (part, ids if field is None else [getattr(z, field) for z in zaken])
        for part, field in _reference_parts()
    )


@functools.cache
def _reference_parts() -> tuple[tuple[related.Part, str | None], ...]:
    """The parts of :func:`_references`, each with the zaken's attribute that
    holds its keys (None: the zaken's own ids)."""
    from loket.zgw.catalogi.models import ZaakType
    from loket.zgw.referentielijsten.models import Communicatiekanaal, Resultaat

    Part = related.Part
    quote = connection.ops.quote_name
    relevante = Part(
        "relevant",
        models.RelevanteAndereZaak,
        "r.zaak_id",
        source=f"{quote(models.RelevanteAndereZaak._meta.db_table)} r JOIN "
        f"{quote(models.Zaak._meta.db_table)} z ON z.id = r.andere_zaak_id",
        uuid="z.uuid",
        extra="r.aard_relatie",
        id="r.id",
    )
    return (
        (Part("deelzaak", models.Zaak, "hoofdzaak_id"), None),
        (relevante, None),
        (Part("eigenschap", models.ZaakEigenschap, "zaak_id"), None),
        (Part("rol", models.Rol, "zaak_id"), None),
        (Part("zio", models.ZaakInformatieObject, "zaak_id"), None),
        (Part("zaakobject", models.ZaakObject, "zaak_id"), None),
        (Part("resultaat", models.Resultaat, "zaak_id"), None),
        (Part("zaaktype", ZaakType, "id"), "zaaktype_id"),
        (Part("status", models.Status, "id"), "status_id"),
        (Part("hoofdzaak", models.Zaak, "id"), "hoofdzaak_id"),
        (Part("communicatiekanaal", Communicatiekanaal, "id"), "communicatiekanaal_id"),
        (Part("selectielijstklasse", Resultaat, "id"), "selectielijstklasse_id"),
    )


def _processobject(z) -> dict | None:
    values = {
        "datumkenmerk": z.processobject_datumkenmerk,
        "identificatie": z.processobject_identificatie,
        "objecttype": z.processobject_objecttype,
        "registratie": z.processobject_registratie,
    }
    return values if any(values.values()) else None


# -- below a zaak --------------------------------------------------------------------


def status_dicts(urls: Urls, statussen: list) -> list[dict]:
    """Statussen (with ``zaak``, ``statustype`` and ``gezetdoor`` selected)."""
    ids = [s.pk for s in statussen]
    zios = defaultdict(list)
    for status_id, uuid in (
        models.ZaakInformatieObject.objects.filter(status__in=ids)
        .order_by("pk")
        .values_list("status_id", "uuid")
    ):
        zios[status_id].append(uuid)
    catalogi = urls.root(apis.CATALOGI)
    return [
        {
            "url": url(urls, s),
            "uuid": str(s.uuid),
            "zaak": zaak_url(urls, s.zaak.uuid),
            "statustype": f"{catalogi}/statustypen/{s.statustype.uuid}",
            "datumStatusGezet": s.datum_status_gezet.astimezone(UTC).isoformat(),
            "statustoelichting": s.statustoelichting,
            "indicatieLaatstGezetteStatus": s.zaak.status_id == s.pk,
            "gezetdoor": (
                urls(apis.ZAKEN, "/rollen", s.gezetdoor.uuid) if s.gezetdoor_id else ""
            ),
            "zaakinformatieobjecten": [
                urls(apis.ZAKEN, "/zaakinformatieobjecten", u)
                for u in zios.get(s.pk, [])
            ],
        }
        for s in statussen
    ]


def rol_dicts(urls: Urls, rollen: list) -> list[dict]:
    """Rollen (with ``zaak`` and ``roltype`` selected)."""
    ids = [r.pk for r in rollen]
    statussen = defaultdict(list)
    for rol_id, uuid in (
        models.Status.objects.filter(gezetdoor__in=ids)
        .order_by("pk")
        .values_list("gezetdoor_id", "uuid")
    ):
        statussen[rol_id].append(uuid)
    catalogi = urls.root(apis.CATALOGI)
    result = []
    for r in rollen:
        data = {
            "url": url(urls, r),
            "uuid": str(r.uuid),
            "zaak": zaak_url(urls, r.zaak.uuid),
            "betrokkene": r.betrokkene,
            "betrokkeneType": r.betrokkene_type,
            "afwijkendeNaamBetrokkene": r.afwijkende_naam_betrokkene,
            "roltype": f"{catalogi}/roltypen/{r.roltype.uuid}",
            "omschrijving": r.omschrijving,
            "omschrijvingGeneriek": r.omschrijving_generiek,
            "roltoelichting": r.roltoelichting,
            "registratiedatum": r.registratiedatum.isoformat(),
            "indicatieMachtiging": r.indicatie_machtiging,
            "contactpersoonRol": r.contactpersoon_rol,
            "statussen": [
                urls(apis.ZAKEN, "/statussen", u) for u in statussen.get(r.pk, [])
            ],
        }
        if r.betrokkene_identificatie is not None:
            data["betrokkeneIdentificatie"] = r.betrokkene_identificatie
        result.append(data)
    return result


def resultaat_dict(urls: Urls, resultaat) -> dict:
    return {
        "url": url(urls, resultaat),
        "uuid": str(resultaat.uuid),
        "zaak": zaak_url(urls, resultaat.zaak.uuid),
        "resultaattype": urls(
            apis.CATALOGI, "/resultaattypen", resultaat.resultaattype.uuid
        ),
        "toelichting": resultaat.toelichting,
    }


def zaakobject_dict(urls: Urls, zaakobject) -> dict:
    data = {
        "url": url(urls, zaakobject),
        "uuid": str(zaakobject.uuid),
        "zaak": zaak_url(urls, zaakobject.zaak.uuid),
        "object": zaakobject.object,
        "zaakobjecttype": (
            urls(apis.CATALOGI, "/zaakobjecttypen", zaakobject.zaakobjecttype.uuid)
            if zaakobject.zaakobjecttype_id
            else ""
        ),
        "objectType": zaakobject.object_type,
        "objectTypeOverigeDefinitie": zaakobject.object_type_overige_definitie,
        "relatieomschrijving": zaakobject.relatieomschrijving,
    }
    if zaakobject.object_type_overige:
        # The specification's pattern refuses an empty value: leave it out.
        data["objectTypeOverige"] = zaakobject.object_type_overige
    if zaakobject.object_identificatie is not None:
        data["objectIdentificatie"] = zaakobject.object_identificatie
    return data


def zaakeigenschap_dict(urls: Urls, zaakeigenschap) -> dict:
    zaak_uuid = zaakeigenschap.zaak.uuid
    return {
        "url": zaakeigenschap_url(urls, zaak_uuid, zaakeigenschap.uuid),
        "uuid": str(zaakeigenschap.uuid),
        "zaak": zaak_url(urls, zaak_uuid),
        "eigenschap": urls(
            apis.CATALOGI, "/eigenschappen", zaakeigenschap.eigenschap.uuid
        ),
        "naam": zaakeigenschap.naam,
        "waarde": zaakeigenschap.waarde,
    }


def zaakinformatieobject_dict(urls: Urls, zio) -> dict:
    return {
        "url": url(urls, zio),
        "uuid": str(zio.uuid),
        "informatieobject": urls(
            apis.DOCUMENTEN, "/enkelvoudiginformatieobjecten", zio.informatieobject.uuid
        ),
        "zaak": zaak_url(urls, zio.zaak.uuid),
        "aardRelatieWeergave": AARD_RELATIE_WEERGAVE,
        "titel": zio.titel,
        "beschrijving": zio.beschrijving,
        "registratiedatum": zio.registratiedatum.isoformat(),
        "vernietigingsdatum": (
            zio.vernietigingsdatum.isoformat() if zio.vernietigingsdatum else None
        ),
        "status": (
            urls(apis.ZAKEN, "/statussen", zio.status.uuid) if zio.status_id else None
        ),
    }


def klantcontact_dict(urls: Urls, klantcontact) -> dict:
    return {
        "url": url(urls, klantcontact),
        "uuid": str(klantcontact.uuid),
        "zaak": zaak_url(urls, klantcontact.zaak.uuid),
        "identificatie": klantcontact.identificatie,
        "datumtijd": klantcontact.datumtijd.isoformat(),
        "kanaal": klantcontact.kanaal,
        "onderwerp": klantcontact.onderwerp,
        "toelichting": klantcontact.toelichting,
    }


def zaakcontactmoment_dict(urls: Urls, zcm) -> dict:
    return {
        "url": url(urls, zcm),
        "uuid": str(zcm.uuid),
        "zaak": zaak_url(urls, zcm.zaak.uuid),
        "contactmoment": zcm.contactmoment,
    }


def zaakverzoek_dict(urls: Urls, zaakverzoek) -> dict:
    return {
        "url": url(urls, zaakverzoek),
        "uuid": str(zaakverzoek.uuid),
        "zaak": zaak_url(urls, zaakverzoek.zaak.uuid),
        "verzoek": zaakverzoek.verzoek,
    }


def zaakbesluit_dict(urls: Urls, zaak, besluit) -> dict:
    """A zaakbesluit is the besluit's link to its zaak: it has the besluit's UUID."""
    return {
        "url": zaakbesluit_url(urls, zaak.uuid, besluit.uuid),
        "uuid": str(besluit.uuid),
        "besluit": urls(apis.BESLUITEN, "/besluiten", besluit.uuid),
    }
