"""Writing a catalogus (or some of its zaaktypen) as a document."""

from __future__ import annotations

import json
from datetime import date

from django.utils import timezone

from loket.zgw.catalogi.exchange.formaat import (
    BESLUITTYPE,
    CATALOGUS,
    EIGENSCHAP,
    FORMAAT,
    INFORMATIEOBJECTTYPE,
    RESULTAATTYPE,
    ROLTYPE,
    STATUSTYPE,
    VERSIE,
    ZAAKOBJECTTYPE,
    ZAAKTYPE,
    ZAAKTYPE_INFORMATIEOBJECTTYPE,
    Spec,
)
from loket.zgw.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ZaakType,
)


def export_catalogus(
    catalogus: Catalogus, *, zaaktypen: list[ZaakType] | None = None
) -> dict:
    """The catalogus as a document. With ``zaaktypen``, only those (all their
    versions are not added), and the informatieobjecttypen and besluittypen they
    use."""
    zaaktype_qs = ZaakType.objects.filter(catalogus=catalogus)
    if zaaktypen is not None:
        zaaktype_qs = zaaktype_qs.filter(pk__in=[z.pk for z in zaaktypen])
    zaaktype_list = list(
        zaaktype_qs.select_related("selectielijst_procestype")
        .prefetch_related(
            "gerelateerde_zaaktypen",
            "statustypen__eigenschappen",
            "resultaattypen__informatieobjecttypen",
            "resultaattypen__resultaattypeomschrijving",
            "resultaattypen__selectielijstklasse",
            "roltypen",
            "eigenschappen__statustype",
            "informatieobjecttypen__statustype",
            "zaakobjecttypen__statustypen",
            "zaakobjecttypen__resultaattypen",
        )
        .order_by("identificatie", "begin_geldigheid", "pk")
    )
    iotypen = InformatieObjectType.objects.filter(catalogus=catalogus)
    besluittypen = BesluitType.objects.filter(catalogus=catalogus)
    if zaaktypen is not None:
        besluit_names = {n for z in zaaktype_list for n in z.besluittype_omschrijvingen}
        for z in zaaktype_list:
            for r in z.resultaattypen.all():
                besluit_names.update(r.besluittype_omschrijvingen)
        besluittypen = besluittypen.filter(omschrijving__in=besluit_names)
        iot_names = {
            ziot.informatieobjecttype_omschrijving
            for z in zaaktype_list
            for ziot in z.informatieobjecttypen.all()
        }
        for b in besluittypen:
            iot_names.update(b.informatieobjecttype_omschrijvingen)
        for z in zaaktype_list:
            for r in z.resultaattypen.all():
                iot_names.update(i.omschrijving for i in r.informatieobjecttypen.all())
        iotypen = iotypen.filter(omschrijving__in=iot_names)
    return {
        "formaat": FORMAAT,
        "versie": VERSIE,
        "geexporteerdOp": timezone.now().isoformat(timespec="seconds"),
        "catalogus": {"uuid": str(catalogus.uuid), **_plain(CATALOGUS, catalogus)},
        "informatieobjecttypen": [
            {"uuid": str(i.uuid), **_plain(INFORMATIEOBJECTTYPE, i)}
            for i in iotypen.order_by("omschrijving", "begin_geldigheid", "pk")
        ],
        "besluittypen": [
            {"uuid": str(b.uuid), **_plain(BESLUITTYPE, b)}
            for b in besluittypen.order_by("omschrijving", "begin_geldigheid", "pk")
        ],
        "zaaktypen": [zaaktype_data(z) for z in zaaktype_list],
    }


def dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def zaaktype_data(zaaktype: ZaakType) -> dict:
    """One zaaktype version with everything below it (prefetched or not)."""
    statustypen = sorted(zaaktype.statustypen.all(), key=lambda s: s.volgnummer)
    return {
        "uuid": str(zaaktype.uuid),
        **_plain(ZAAKTYPE, zaaktype),
        "selectielijstProcestype": (
            str(zaaktype.selectielijst_procestype.uuid)
            if zaaktype.selectielijst_procestype_id
            else None
        ),
        "deelzaaktypen": list(zaaktype.deelzaaktype_identificaties),
        "gerelateerdeZaaktypen": [
            {
                "zaaktype": r.zaaktype_identificatie,
                "aardRelatie": r.aard_relatie,
                "toelichting": r.toelichting,
            }
            for r in sorted(zaaktype.gerelateerde_zaaktypen.all(), key=lambda r: r.pk)
        ],
        "statustypen": [
            {
                "uuid": str(s.uuid),
                **_plain(STATUSTYPE, s),
                "eigenschappen": sorted(e.naam for e in s.eigenschappen.all()),
            }
            for s in statustypen
        ],
        "resultaattypen": [
            {
                "uuid": str(r.uuid),
                **_plain(RESULTAATTYPE, r),
                "resultaattypeomschrijving": r.resultaattypeomschrijving.omschrijving,
                "selectielijstklasse": str(r.selectielijstklasse.uuid),
                "informatieobjecttypen": sorted(
                    {i.omschrijving for i in r.informatieobjecttypen.all()}
                ),
            }
            for r in sorted(
                zaaktype.resultaattypen.all(), key=lambda r: (r.omschrijving, r.pk)
            )
        ],
        "roltypen": [
            {"uuid": str(r.uuid), **_plain(ROLTYPE, r)}
            for r in sorted(
                zaaktype.roltypen.all(), key=lambda r: (r.omschrijving, r.pk)
            )
        ],
        "eigenschappen": [
            {
                "uuid": str(e.uuid),
                **_plain(EIGENSCHAP, e),
                "statustype": e.statustype.volgnummer if e.statustype_id else None,
            }
            for e in sorted(zaaktype.eigenschappen.all(), key=lambda e: (e.naam, e.pk))
        ],
        "informatieobjecttypen": [
            {
                "uuid": str(z.uuid),
                **_plain(ZAAKTYPE_INFORMATIEOBJECTTYPE, z),
                "statustype": z.statustype.volgnummer if z.statustype_id else None,
            }
            for z in sorted(
                zaaktype.informatieobjecttypen.all(), key=lambda z: z.volgnummer
            )
        ],
        "zaakobjecttypen": [
            {
                "uuid": str(z.uuid),
                **_plain(ZAAKOBJECTTYPE, z),
                "statustypen": sorted(s.volgnummer for s in z.statustypen.all()),
                "resultaattypen": sorted(
                    r.omschrijving for r in z.resultaattypen.all()
                ),
            }
            for z in sorted(
                zaaktype.zaakobjecttypen.all(),
                key=lambda z: (z.relatie_omschrijving, z.pk),
            )
        ],
    }


def _plain(spec: Spec, obj) -> dict:
    data = {}
    for name in spec.fields:
        value = getattr(obj, name)
        if isinstance(value, date):
            value = value.isoformat()
        data[spec.key(name)] = value
    return data
