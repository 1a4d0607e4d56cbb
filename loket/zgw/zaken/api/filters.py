"""The filters of ``GET /zaken`` and ``POST /zaken/_zoek``: one function for both,
so a search in the body means exactly what the same query string means."""

from django.core.exceptions import ValidationError

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.auth import up_to
from loket.zgw.api.references import uuid_from_url
from loket.zgw.catalogi.models import ZaakType
from loket.zgw.zaken import geometrie
from loket.zgw.zaken.api.common import parse_bool, parse_day
from loket.zgw.zaken.models import Rol

# Date filters: API name → model field.
_DATES = {
    "startdatum": "startdatum",
    "registratiedatum": "registratiedatum",
    "einddatum": "einddatum",
    "einddatumGepland": "einddatum_gepland",
    "uiterlijkeEinddatumAfdoening": "uiterlijke_einddatum_afdoening",
    "archiefactiedatum": "archiefactiedatum",
}
_LOOKUPS = ("", "__gt", "__gte", "__lt", "__lte")
_PLAIN = {
    "identificatie": "identificatie",
    "bronorganisatie": "bronorganisatie",
    "archiefnominatie": "archiefnominatie",
    "archiefstatus": "archiefstatus",
}
_IN = {
    "bronorganisatie__in": "bronorganisatie",
    "archiefnominatie__in": "archiefnominatie",
    "archiefstatus__in": "archiefstatus",
}
_ROL_PREFIX = "rol__betrokkeneIdentificatie__"
# rol__betrokkeneIdentificatie__… (and the same without ``rol__`` on /rollen) →
# the indexed column of Rol.
ROL_IDENTIFICATIE = {
    "natuurlijkPersoon__inpBsn": "inp_bsn",
    "natuurlijkPersoon__anpIdentificatie": "anp_identificatie",
    "natuurlijkPersoon__inpA_nummer": "inp_a_nummer",
    "nietNatuurlijkPersoon__innNnpId": "inn_nnp_id",
    "nietNatuurlijkPersoon__annIdentificatie": "ann_identificatie",
    "vestiging__vestigingsNummer": "vestigings_nummer",
    "medewerker__identificatie": "medewerker_identificatie",
    "organisatorischeEenheid__identificatie": "organisatorische_eenheid_identificatie",
}
ORDERING = {
    "startdatum": "startdatum",
    "einddatum": "einddatum",
    "publicatiedatum": "publicatiedatum",
    "archiefactiedatum": "archiefactiedatum",
    "registratiedatum": "registratiedatum",
    "identificatie": "identificatie",
}


def apply(queryset, values: dict):
    """``queryset`` of zaken narrowed by the filters in ``values`` (API names)."""
    conditions = {}
    for name, field in _PLAIN.items():
        if values.get(name) not in (None, ""):
            conditions[field] = values[name]
    for name, field in _IN.items():
        if values.get(name):
            conditions[f"{field}__in"] = _split(values[name])
    for name, field in _DATES.items():
        for lookup in _LOOKUPS:
            key = f"{name}{lookup}"
            if values.get(key) not in (None, ""):
                conditions[f"{field}{lookup}"] = parse_day(values[key], key)
        isnull = f"{name}__isnull"
        if values.get(isnull) not in (None, ""):
            conditions[f"{field}__isnull"] = parse_bool(values[isnull], isnull)
    zaaktypen = []
    if values.get("zaaktype"):
        zaaktypen.append(_uuid(values["zaaktype"], "/zaaktypen"))
    if values.get("zaaktype__in"):
        zaaktypen.append(
            [_uuid(value, "/zaaktypen") for value in _split(values["zaaktype__in"])]
        )
    for wanted in zaaktypen:
        # By id, looked up first: then the zaken's own indexes answer, where a
        # join on the zaaktype's UUID made PostgreSQL walk all zaken newest first.
        uuids = wanted if isinstance(wanted, list) else [wanted]
        queryset = queryset.filter(
            zaaktype_id__in=list(
                ZaakType.objects.filter(uuid__in=[u for u in uuids if u]).values_list(
                    "pk", flat=True
                )
            )
        )
    if values.get("uuid__in"):
        conditions["uuid__in"] = list(values["uuid__in"])
    if values.get("maximaleVertrouwelijkheidaanduiding"):
        conditions["vertrouwelijkheidaanduiding__in"] = up_to(
            values["maximaleVertrouwelijkheidaanduiding"]
        )
    queryset = queryset.filter(**conditions)
    rol = rol_conditions(values, prefix="rol__")
    if rol:
        queryset = queryset.filter(pk__in=Rol.objects.filter(**rol).values("zaak_id"))
    return queryset


def rol_conditions(values: dict, *, prefix: str) -> dict:
    """Rol filters (``rol__…`` on /zaken, without prefix on /rollen) as one set of
    conditions on the same rol."""
    conditions = {}
    for key, column in ROL_IDENTIFICATIE.items():
        value = values.get(f"{prefix}betrokkeneIdentificatie__{key}")
        if value not in (None, ""):
            conditions[column] = value
    if values.get(f"{prefix}betrokkeneType"):
        conditions["betrokkene_type"] = values[f"{prefix}betrokkeneType"]
    if values.get(f"{prefix}betrokkene"):
        conditions["betrokkene"] = values[f"{prefix}betrokkene"]
    if values.get(f"{prefix}omschrijvingGeneriek"):
        conditions["omschrijving_generiek"] = values[f"{prefix}omschrijvingGeneriek"]
    return conditions


def within(queryset, area: dict):
    """Zaken whose geometry lies within ``area`` (GeoJSON): the bounding boxes in
    SQL, then the exact shapes of the candidates."""
    try:
        box = geometrie.box(area)
    except ValidationError as error:
        raise errors.field_error(
            "zaakgeometrie.within", "invalid", error.messages[0]
        ) from None
    candidates = queryset.filter(
        geo_min_x__gte=box.min_x,
        geo_min_y__gte=box.min_y,
        geo_max_x__lte=box.max_x,
        geo_max_y__lte=box.max_y,
    ).values_list("pk", "zaakgeometrie")
    inside = geometrie.within(dict(candidates), area)
    return queryset.filter(pk__in=inside)


def ordered(queryset, ordering):
    fields = []
    for item in _split(ordering or []):
        descending = item.startswith("-")
        field = ORDERING.get(item.lstrip("-"))
        if field is None:
            raise errors.field_error(
                "ordering", "invalid_choice", f"Kan niet sorteren op {item!r}."
            )
        fields.append(f"-{field}" if descending else field)
    return queryset.order_by(*fields, "-pk")


def _split(values) -> list:
    if isinstance(values, str):
        values = [values]
    result = []
    for value in values:
        result.extend(part for part in str(value).split(",") if part)
    return result


def _uuid(url: str, path: str):
    found = uuid_from_url(url, apis.CATALOGI, path)
    # A URL that is not one of ours matches nothing (an empty list, not an error).
    return found or "00000000-0000-0000-0000-000000000000"
