"""Creating what a document describes, through the services, all or nothing; and a
new version of a zaaktype, which is the same operation on one zaaktype."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from loket.zgw.catalogi import services
from loket.zgw.catalogi.exchange.export import zaaktype_data
from loket.zgw.catalogi.exchange.formaat import (
    BESLUITTYPE,
    CATALOGUS,
    EIGENSCHAP,
    INFORMATIEOBJECTTYPE,
    RESULTAATTYPE,
    ROLTYPE,
    SPECS,
    STATUSTYPE,
    ZAAKOBJECTTYPE,
    ZAAKTYPE,
    ZAAKTYPE_INFORMATIEOBJECTTYPE,
    Spec,
    camel,
    check_document,
)
from loket.zgw.catalogi.models import (
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
    geldig_op,
)
from loket.zgw.referentielijsten.models import (
    ProcesType,
    Resultaat,
    ResultaattypeOmschrijving,
)


@dataclass
class ImportReport:
    informatieobjecttypen: int = 0
    besluittypen: int = 0
    zaaktypen: int = 0
    gepubliceerd: int = 0

    def summary(self) -> str:
        return (
            f"{self.zaaktypen} zaaktypen, {self.informatieobjecttypen} "
            f"informatieobjecttypen en {self.besluittypen} besluittypen geïmporteerd; "
            f"{self.gepubliceerd} daarvan gepubliceerd."
        )


@transaction.atomic
def import_catalogus(document: dict, catalogus: Catalogus) -> ImportReport:
    """Create what the document describes in ``catalogus``: all or nothing. Raises
    a ValidationError whose messages say where in the document the problem is."""
    check_document(document)
    importer = _Importer(catalogus)
    return importer.run(document)


def catalogus_fields(document: dict) -> dict:
    """The catalogus of a document as service arguments, for a gemeente that does
    not have one yet (an import normally goes into an existing catalogus)."""
    data = document.get("catalogus") or {}
    fields = {
        name: data[CATALOGUS.key(name)]
        for name in CATALOGUS.fields
        if data.get(CATALOGUS.key(name)) not in (None, "")
    }
    fields.setdefault("domein", "ZAKEN")
    fields.setdefault("rsin", "")
    fields.setdefault("contactpersoon_beheer_naam", "Functioneel beheer")
    if "begindatum_versie" in fields:
        fields["begindatum_versie"] = date.fromisoformat(fields["begindatum_versie"])
    return fields


@transaction.atomic
def new_version(zaaktype: ZaakType, *, begin: date | None = None) -> ZaakType:
    """A concept copy of a published zaaktype with everything below it, valid from
    ``begin`` (tomorrow by default); the current version ends the day before."""
    begin = begin or timezone.localdate() + timedelta(days=1)
    if zaaktype.concept:
        raise ValidationError(
            "Dit zaaktype is nog een concept: wijzig het concept zelf, of publiceer "
            "het eerst.",
            code="concept",
        )
    later = (
        ZaakType.objects.filter(
            catalogus=zaaktype.catalogus_id,
            identificatie=zaaktype.identificatie,
            begin_geldigheid__gt=zaaktype.begin_geldigheid,
        )
        .order_by("begin_geldigheid")
        .first()
    )
    if later is not None:
        raise ValidationError(
            f"Er is al een nieuwere versie van dit zaaktype (geldig vanaf "
            f"{later.begin_geldigheid:%d-%m-%Y}). Maak de nieuwe versie van die.",
            code="newer-version",
        )
    einde = begin - timedelta(days=1)
    if zaaktype.begin_geldigheid > einde:
        raise ValidationError(
            f"Deze versie begint pas op {zaaktype.begin_geldigheid:%d-%m-%Y}; een "
            f"nieuwe versie per {begin:%d-%m-%Y} liet haar geen dag geldig.",
            code="too-early",
        )
    if zaaktype.einde_geldigheid is None or zaaktype.einde_geldigheid > einde:
        services.update_zaaktype(zaaktype, {"einde_geldigheid": einde})
    data = zaaktype_data(zaaktype)
    data.update(
        beginGeldigheid=begin.isoformat(),
        eindeGeldigheid=None,
        versiedatum=begin.isoformat(),
        concept=True,
    )
    importer = _Importer(zaaktype.catalogus)
    created = importer.zaaktype(data, where=f"zaaktype {zaaktype.identificatie}")
    importer.relations(created, data, where=f"zaaktype {zaaktype.identificatie}")
    return created


class _Importer:
    def __init__(self, catalogus: Catalogus):
        self.catalogus = catalogus
        self.report = ImportReport()
        self.omschrijvingen = {
            o.omschrijving: o for o in ResultaattypeOmschrijving.objects.all()
        }
        self.selectielijst: dict = {}  # (model, uuid) → object, looked up once

    def run(self, document: dict) -> ImportReport:
        iotypen = [
            self.versioned(
                INFORMATIEOBJECTTYPE,
                data,
                services.create_informatieobjecttype,
                where=f"informatieobjecttypen[{n}]",
            )
            for n, data in enumerate(document.get("informatieobjecttypen", []))
        ]
        self.report.informatieobjecttypen = len(iotypen)
        besluittypen = [
            self.versioned(
                BESLUITTYPE,
                data,
                services.create_besluittype,
                where=f"besluittypen[{n}]",
            )
            for n, data in enumerate(document.get("besluittypen", []))
        ]
        self.report.besluittypen = len(besluittypen)
        zaaktypen = []
        for n, data in enumerate(document.get("zaaktypen", [])):
            where = f"zaaktypen[{n}] ({_label(data, 'identificatie')})"
            zaaktypen.append((self.zaaktype(data, where=where), data, where))
        self.report.zaaktypen = len(zaaktypen)
        for zaaktype, data, where in zaaktypen:
            self.relations(zaaktype, data, where=where)
        # Published in the order the standard requires: what a zaaktype uses first.
        to_publish = [
            *(
                (obj, data, services.publish_informatieobjecttype)
                for obj, data in iotypen
            ),
            *((obj, data, services.publish_besluittype) for obj, data in besluittypen),
            *((obj, data, services.publish_zaaktype) for obj, data, _ in zaaktypen),
        ]
        for obj, data, publish in to_publish:
            if data.get("concept") is False:
                self.call(publish, obj, where=_where_of(obj))
                self.report.gepubliceerd += 1
        return self.report

    # -- the versioned types ------------------------------------------------------

    def versioned(self, spec: Spec, data: dict, create, *, where: str):
        fields = self.fields(spec, data, where=where)
        return self.call(create, catalogus=self.catalogus, **fields, where=where), data

    def zaaktype(self, data: dict, *, where: str) -> ZaakType:
        fields = self.fields(ZAAKTYPE, data, where=where)
        procestype = data.get("selectielijstProcestype")
        if procestype:
            fields["selectielijst_procestype"] = self.lookup(
                ProcesType, procestype, "selectielijstProcestype", where
            )
        zaaktype = self.call(
            services.create_zaaktype, catalogus=self.catalogus, **fields, where=where
        )
        self.onderdelen(zaaktype, data, where=where)
        return zaaktype

    def relations(self, zaaktype: ZaakType, data: dict, *, where: str) -> None:
        """Deelzaaktypen and gerelateerde zaaktypen, once every zaaktype exists."""
        deelzaaktypen = list(data.get("deelzaaktypen") or [])
        relaties = data.get("gerelateerdeZaaktypen") or []
        if not all(isinstance(r, dict) for r in relaties):
            raise ValidationError(
                f"{where}: gerelateerdeZaaktypen: verwacht een lijst van objecten.",
                code="invalid",
            )
        gerelateerde = [
            {
                "zaaktype_identificatie": r.get("zaaktype", ""),
                "aard_relatie": r.get("aardRelatie", ""),
                "toelichting": r.get("toelichting", ""),
            }
            for r in relaties
        ]
        if deelzaaktypen or gerelateerde:
            self.call(
                services.update_zaaktype,
                zaaktype,
                {"deelzaaktype_identificaties": deelzaaktypen},
                gerelateerde_zaaktypen=gerelateerde,
                where=where,
            )

    # -- the types below a zaaktype -----------------------------------------------

    def onderdelen(self, zaaktype: ZaakType, data: dict, *, where: str) -> None:
        statustypen = {}
        for n, item in enumerate(data.get("statustypen") or []):
            here = f"{where} > statustypen[{n}] ({_label(item, 'omschrijving')})"
            fields = self.fields(STATUSTYPE, item, where=here)
            status = self.create(StatusType, zaaktype, fields, where=here)
            statustypen[status.volgnummer] = status
        eigenschappen = {}
        for n, item in enumerate(data.get("eigenschappen") or []):
            here = f"{where} > eigenschappen[{n}] ({_label(item, 'naam')})"
            fields = self.fields(EIGENSCHAP, item, where=here)
            fields["statustype"] = self.statustype(statustypen, item, here)
            eigenschap = self.create(Eigenschap, zaaktype, fields, where=here)
            eigenschappen[eigenschap.naam] = eigenschap
        for n, item in enumerate(data.get("statustypen") or []):
            names = item.get("eigenschappen") or []
            if names:
                here = f"{where} > statustypen[{n}]"
                status = statustypen[item.get("volgnummer")]
                values = [
                    self.named(eigenschappen, name, "eigenschap", here)
                    for name in names
                ]
                self.call(
                    services.update_onderdeel,
                    status,
                    {},
                    m2m={"eigenschappen": values},
                    where=here,
                )
        resultaattypen: dict[str, ResultaatType] = {}
        for n, item in enumerate(data.get("resultaattypen") or []):
            here = f"{where} > resultaattypen[{n}] ({_label(item, 'omschrijving')})"
            fields = self.fields(RESULTAATTYPE, item, where=here)
            fields["resultaattypeomschrijving"] = self.named(
                self.omschrijvingen,
                item.get("resultaattypeomschrijving"),
                "generieke resultaattypeomschrijving",
                here,
                hint=" Voeg haar toe in het beheer (Referentielijsten).",
            )
            fields["selectielijstklasse"] = self.lookup(
                Resultaat, item.get("selectielijstklasse"), "selectielijstklasse", here
            )
            iotypen = [
                self.iotype(name, zaaktype, here)
                for name in item.get("informatieobjecttypen") or []
            ]
            resultaat = self.create(
                ResultaatType,
                zaaktype,
                fields,
                m2m={"informatieobjecttypen": iotypen} if iotypen else None,
                where=here,
            )
            resultaattypen.setdefault(resultaat.omschrijving, resultaat)
        for n, item in enumerate(data.get("roltypen") or []):
            here = f"{where} > roltypen[{n}] ({_label(item, 'omschrijving')})"
            self.create(
                RolType, zaaktype, self.fields(ROLTYPE, item, where=here), where=here
            )
        for n, item in enumerate(data.get("informatieobjecttypen") or []):
            here = f"{where} > informatieobjecttypen[{n}]"
            fields = self.fields(ZAAKTYPE_INFORMATIEOBJECTTYPE, item, where=here)
            fields["statustype"] = self.statustype(statustypen, item, here)
            self.create(ZaakTypeInformatieObjectType, zaaktype, fields, where=here)
        for n, item in enumerate(data.get("zaakobjecttypen") or []):
            here = f"{where} > zaakobjecttypen[{n}]"
            fields = self.fields(ZAAKOBJECTTYPE, item, where=here)
            m2m = {
                "statustypen": [
                    self.named(statustypen, v, "statustype met volgnummer", here)
                    for v in item.get("statustypen") or []
                ],
                "resultaattypen": [
                    self.named(resultaattypen, v, "resultaattype", here)
                    for v in item.get("resultaattypen") or []
                ],
            }
            self.create(ZaakObjectType, zaaktype, fields, m2m=m2m, where=here)

    def create(self, model, zaaktype, fields, *, m2m=None, where: str):
        return self.call(
            services.create_onderdeel,
            model,
            m2m=m2m,
            zaaktype=zaaktype,
            **fields,
            where=where,
        )

    def statustype(self, statustypen: dict, item: dict, where: str):
        volgnummer = item.get("statustype")
        if volgnummer is None:
            return None
        return self.named(statustypen, volgnummer, "statustype met volgnummer", where)

    def iotype(self, omschrijving: str, zaaktype: ZaakType, where: str):
        versions = InformatieObjectType.objects.filter(
            catalogus=self.catalogus, omschrijving=omschrijving
        ).order_by("begin_geldigheid")
        found = versions.filter(geldig_op(zaaktype.begin_geldigheid)).first()
        found = found or versions.last()
        if found is None:
            raise ValidationError(
                f"{where}: er is geen informatieobjecttype '{omschrijving}' in de "
                "catalogus.",
                code="invalid",
            )
        return found

    # -- helpers ------------------------------------------------------------------

    def fields(self, spec: Spec, data: dict, *, where: str) -> dict:
        """The plain fields of an object; absent keys take the model's default."""
        if not isinstance(data, dict):
            raise ValidationError(f"{where}: verwacht een object.", code="invalid")
        unknown = sorted(set(data) - spec.keys() - {"uuid"})
        if unknown:
            raise ValidationError(
                f"{where}: onbekende velden {', '.join(unknown)}.", code="invalid"
            )
        fields, problems = {}, []
        for name in spec.fields:
            key = spec.key(name)
            if key not in data or name == "concept":
                continue
            model_field = spec.model._meta.get_field(name)
            try:
                # The type of the value (a number, a date as JJJJ-MM-DD); the
                # services check the rest.
                fields[name] = model_field.to_python(data[key])
            except ValidationError as exc:
                problems += [f"{where}: {key}: {m}" for m in exc.messages]
        if problems:
            raise ValidationError(problems, code="invalid")
        return fields

    def lookup(self, model, value, key: str, where: str):
        if (model, value) not in self.selectielijst and _is_uuid(value):
            self.selectielijst[model, value] = model.objects.filter(uuid=value).first()
        found = self.selectielijst.get((model, value))
        if found is None:
            raise ValidationError(
                f"{where}: {key} {value!r} staat niet in de selectielijst van deze "
                "installatie. Laad de Selectielijst 2020 (loket setup) en probeer "
                "het opnieuw.",
                code="invalid",
            )
        return found

    def named(self, objects: dict, name, what: str, where: str, hint: str = ""):
        if name not in objects:
            raise ValidationError(
                f"{where}: onbekende {what} {name!r}.{hint}", code="invalid"
            )
        return objects[name]

    def call(self, function, *args, where: str, **kwargs):
        try:
            return function(*args, **kwargs)
        except ValidationError as exc:
            raise ValidationError(
                [f"{where}: {message}" for message in messages_of(exc)],
                code="invalid",
            ) from None
        except (TypeError, ValueError) as exc:
            # A value of the wrong kind (a list where a text belongs, say).
            raise ValidationError(
                f"{where}: een waarde heeft niet de juiste vorm ({exc}).",
                code="invalid",
            ) from None


def messages_of(exc: ValidationError) -> list[str]:
    """A service's errors as readable lines, with the document's key names."""
    if not hasattr(exc, "error_dict"):
        return list(exc.messages)
    lines = []
    for name, errors in exc.message_dict.items():
        for message in errors:
            lines.append(
                message if name == NON_FIELD_ERRORS else f"{_key(name)}: {message}"
            )
    return lines


def _key(name: str) -> str:
    for spec in SPECS:
        if name in spec.renamed:
            return spec.renamed[name]
    return camel(name)


def _label(data, key: str) -> str:
    return str(data.get(key, "?")) if isinstance(data, dict) else "?"


def _where_of(obj) -> str:
    if isinstance(obj, ZaakType):
        return f"zaaktype {obj.identificatie}"
    return f"{obj._meta.verbose_name} {obj.omschrijving}"


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
