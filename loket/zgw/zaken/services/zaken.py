"""Creating, changing and destroying a zaak (zrc-001, -002, -009 … -015, -022,
-023)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from loket.zgw.catalogi.choices import Vertrouwelijkheid
from loket.zgw.registers import services as registers
from loket.zgw.registers.services import Actor
from loket.zgw.registers.validators import rsin_error
from loket.zgw.zaken import geometrie
from loket.zgw.zaken.choices import Archiefstatus, Betalingsindicatie
from loket.zgw.zaken.models import RelevanteAndereZaak, Zaak
from loket.zgw.zaken.services import base
from loket.zgw.zaken.termijnen import add_duration

# What a client may give for a zaak; the rest Loket derives.
FIELDS = frozenset(
    {
        "identificatie",
        "bronorganisatie",
        "omschrijving",
        "toelichting",
        "registratiedatum",
        "verantwoordelijke_organisatie",
        "startdatum",
        "einddatum_gepland",
        "uiterlijke_einddatum_afdoening",
        "publicatiedatum",
        "communicatiekanaal",
        "producten_of_diensten",
        "vertrouwelijkheidaanduiding",
        "betalingsindicatie",
        "laatste_betaaldatum",
        "zaakgeometrie",
        "verlenging_reden",
        "verlenging_duur",
        "opschorting_indicatie",
        "opschorting_reden",
        "selectielijstklasse",
        "hoofdzaak",
        "kenmerken",
        "archiefnominatie",
        "archiefstatus",
        "archiefactiedatum",
        "opdrachtgevende_organisatie",
        "processobjectaard",
        "startdatum_bewaartermijn",
        "processobject_datumkenmerk",
        "processobject_identificatie",
        "processobject_objecttype",
        "processobject_registratie",
    }
)


@transaction.atomic
def create_zaak(
    *,
    actor: Actor,
    zaaktype,
    bronorganisatie: str,
    startdatum: date,
    relevante_andere_zaken: list[tuple[Zaak, str]] = (),
    **fields,
) -> Zaak:
    """Start a zaak of a published zaaktype.

    Without an identificatie Loket generates one, unique within the bronorganisatie
    (ZAAK-2026-0000000001). Without a vertrouwelijkheidaanduiding the zaaktype's
    applies; without deadlines, the zaaktype's doorlooptijd gives the uiterlijke
    einddatum afdoening and its servicenorm the geplande einddatum."""
    _known(fields)
    if zaaktype.concept:
        raise base.invalid(
            "zaaktype",
            "Dit zaaktype is nog een concept; publiceer het eerst.",
            "not-published",
        )
    zaak = Zaak(
        zaaktype=zaaktype,
        bronorganisatie=bronorganisatie,
        startdatum=startdatum,
        gemeente=zaaktype.catalogus.gemeente,
        registratiedatum=timezone.localdate(),
        verantwoordelijke_organisatie=bronorganisatie,
        vertrouwelijkheidaanduiding=zaaktype.vertrouwelijkheidaanduiding,
    )
    for name, value in fields.items():
        setattr(zaak, name, value)
    if not zaak.vertrouwelijkheidaanduiding:  # zrc-009
        zaak.vertrouwelijkheidaanduiding = zaaktype.vertrouwelijkheidaanduiding
    if zaak.uiterlijke_einddatum_afdoening is None and zaaktype.doorlooptijd:
        zaak.uiterlijke_einddatum_afdoening = add_duration(
            startdatum, zaaktype.doorlooptijd
        )
    if zaak.einddatum_gepland is None and zaaktype.servicenorm:
        zaak.einddatum_gepland = add_duration(startdatum, zaaktype.servicenorm)
    _check(zaak, relevante_andere_zaken, new=True)
    if not zaak.identificatie:
        zaak.identificatie = registers.next_identificatie(
            "ZAAK",
            bronorganisatie,
            zaak.registratiedatum.year,
            taken=lambda candidate: Zaak.objects.filter(
                bronorganisatie=bronorganisatie, identificatie=candidate
            ).exists(),
        )
    zaak.save()
    _set_relevante(zaak, relevante_andere_zaken)
    nieuw = base.zaak_state(zaak)
    base.changed(
        zaak=zaak,
        actie="create",
        actor=actor,
        resource="zaak",
        subject=base.zaak_subject(zaak),
        nieuw=nieuw,
    )
    return zaak


@transaction.atomic
def update_zaak(
    zaak: Zaak,
    *,
    actor: Actor,
    relevante_andere_zaken: list[tuple[Zaak, str]] | None = None,
    partial: bool = True,
    **fields,
) -> Zaak:
    """Change a zaak. The identificatie and bronorganisatie stay; a zaak's
    zaaktype may only change to another version of the same zaaktype."""
    _known(fields)
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    oud = base.zaak_state(zaak)
    for name in ("identificatie", "bronorganisatie"):
        if name in fields and fields[name] != getattr(zaak, name):
            raise base.invalid(
                name,
                "Dit gegeven mag niet meer veranderen.",
                "wijzigen-niet-toegelaten",
            )
    zaaktype = fields.pop("zaaktype", None)
    if zaaktype is not None and zaaktype.pk != zaak.zaaktype_id:
        if (
            zaaktype.catalogus_id != zaak.zaaktype.catalogus_id
            or zaaktype.identificatie != zaak.zaaktype.identificatie
        ):
            raise base.invalid(
                "zaaktype",
                "Een zaak kan alleen naar een andere versie van hetzelfde zaaktype.",
                "wijzigen-niet-toegelaten",
            )
        zaak.zaaktype = zaaktype
    if fields.get("vertrouwelijkheidaanduiding") in ("", None):
        fields.pop("vertrouwelijkheidaanduiding", None)
    if (
        fields.get("betalingsindicatie") == Betalingsindicatie.NVT
        and "laatste_betaaldatum" not in fields
    ):
        # zrc-014: paying is not applicable, so there is no last payment.
        fields["laatste_betaaldatum"] = None
    for name, value in fields.items():
        setattr(zaak, name, value)
    _check(zaak, relevante_andere_zaken or [], new=False)
    zaak.save()
    if relevante_andere_zaken is not None:
        zaak.relevante_andere_zaken.all().delete()
        _set_relevante(zaak, relevante_andere_zaken)
    base.changed(
        zaak=zaak,
        actie="partial_update" if partial else "update",
        actor=actor,
        resource="zaak",
        subject=base.zaak_subject(zaak),
        oud=oud,
        nieuw=base.zaak_state(zaak),
    )
    return zaak


@transaction.atomic
def delete_zaak(zaak: Zaak, *, actor: Actor) -> None:
    """Destroy a zaak with everything that belongs to it, its deelzaken included,
    and its audit trail (zrc-023). Its documents stay in the Documenten API; their
    relation to the zaak goes. A zaak with besluiten cannot go: a besluit is a
    legal fact that is destroyed on its own terms in the Besluiten API."""
    from loket.zgw.besluiten.selectors import besluiten_of_zaak
    from loket.zgw.documenten import services as documenten

    zaken = [zaak, *zaak.deelzaken.all()]
    if any(besluiten_of_zaak(each).exists() for each in zaken):
        raise ValidationError(
            "Bij deze zaak (of een deelzaak) horen besluiten; verwijder die eerst "
            "in de Besluiten API.",
            code="pending-relations",
        )
    oud = base.zaak_state(zaak)
    for each in zaken:
        for zio in each.zaakinformatieobjecten.select_related("informatieobject"):
            documenten.unrelate_object(zio.informatieobject, zaak=each)
    base.changed(
        zaak=zaak,
        actie="destroy",
        actor=actor,
        resource="zaak",
        subject=base.zaak_subject(zaak),
        oud=oud,
    )
    for each in zaken:
        registers.delete_trail("zrc", each.uuid)
        Zaak.objects.filter(pk=each.pk).update(status=None)
    zaak.delete()


def _known(fields: dict) -> None:
    unknown = set(fields) - FIELDS - {"zaaktype"}
    if unknown:
        raise TypeError(f"Onbekende zaakgegevens: {', '.join(sorted(unknown))}")


def _check(zaak: Zaak, relevante: list, *, new: bool) -> None:
    """The rules of the standard for a zaak's own data, all problems at once."""
    problems: dict[str, list[ValidationError]] = {}

    def problem(field, message, code):
        problems.setdefault(field, []).append(ValidationError(message, code=code))

    for field in ("bronorganisatie", "verantwoordelijke_organisatie"):
        if (error := rsin_error(getattr(zaak, field))) is not None:
            problems.setdefault(field, []).append(error)
    if zaak.opdrachtgevende_organisatie and (
        error := rsin_error(zaak.opdrachtgevende_organisatie)
    ):
        problems.setdefault("opdrachtgevende_organisatie", []).append(error)
    if not new or zaak.identificatie:
        clash = Zaak.objects.filter(
            bronorganisatie=zaak.bronorganisatie, identificatie=zaak.identificatie
        ).exclude(pk=zaak.pk)
        if zaak.identificatie and clash.exists():
            problem(
                "identificatie",
                "Deze identificatie bestaat al binnen de bronorganisatie.",
                "identificatie-niet-uniek",
            )
    if zaak.laatste_betaaldatum is not None:
        if zaak.betalingsindicatie == Betalingsindicatie.NVT:
            problem(
                "laatste_betaaldatum",
                "Er valt niets te betalen (betalingsindicatie nvt), dus er is geen "
                "laatste betaaldatum.",
                "betaling-nvt",
            )
        if zaak.laatste_betaaldatum > timezone.now():
            problem(
                "laatste_betaaldatum",
                "De laatste betaaldatum kan niet in de toekomst liggen.",
                "date-in-future",
            )
    if zaak.hoofdzaak_id is not None:
        if zaak.pk is not None and zaak.hoofdzaak_id == zaak.pk:
            problem(
                "hoofdzaak",
                "Een zaak kan geen deelzaak van zichzelf zijn.",
                "self-forbidden",
            )
        elif zaak.hoofdzaak.hoofdzaak_id is not None:
            problem(
                "hoofdzaak",
                "De hoofdzaak is zelf een deelzaak; deelzaken van deelzaken kunnen "
                "niet.",
                "deelzaak-als-hoofdzaak",
            )
        elif zaak.pk is not None and zaak.deelzaken.exists():
            problem(
                "hoofdzaak",
                "Deze zaak heeft zelf deelzaken en kan dus geen deelzaak worden.",
                "deelzaak-als-hoofdzaak",
            )
    allowed = set(zaak.zaaktype.producten_of_diensten or [])
    if set(zaak.producten_of_diensten or []) - allowed:
        problem(
            "producten_of_diensten",
            "Alleen producten of diensten van het zaaktype zijn mogelijk.",
            "invalid-products-services",
        )
    if zaak.vertrouwelijkheidaanduiding not in Vertrouwelijkheid.values:
        problem("vertrouwelijkheidaanduiding", "Kies een geldige waarde.", "invalid")
    if zaak.archiefstatus != Archiefstatus.NOG_TE_ARCHIVEREN:
        if not zaak.archiefnominatie:
            problem(
                "archiefnominatie",
                "Geef de archiefnominatie als de zaak gearchiveerd is.",
                "required",
            )
        if zaak.archiefactiedatum is None:
            problem(
                "archiefactiedatum",
                "Geef de archiefactiedatum als de zaak gearchiveerd is.",
                "required",
            )
        if zaak.pk is not None and _documents_not_archived(zaak):
            problem(
                "archiefstatus",
                "Alle documenten van de zaak moeten eerst de status gearchiveerd "
                "hebben.",
                "documents-not-archived",
            )
    if zaak.zaakgeometrie:
        try:
            box = geometrie.box(zaak.zaakgeometrie)
        except ValidationError as error:
            problem("zaakgeometrie", error.messages[0], "invalid")
        else:
            zaak.geo_min_x, zaak.geo_min_y = box.min_x, box.min_y
            zaak.geo_max_x, zaak.geo_max_y = box.max_x, box.max_y
    else:
        zaak.zaakgeometrie = None
        zaak.geo_min_x = zaak.geo_min_y = zaak.geo_max_x = zaak.geo_max_y = None
    for index, (andere, _) in enumerate(relevante):
        if zaak.pk is not None and andere.pk == zaak.pk:
            problem(
                f"relevanteAndereZaken.{index}.url",
                "Een zaak kan niet aan zichzelf gerelateerd zijn.",
                "self-forbidden",
            )
    if problems:
        raise ValidationError(problems)


def _documents_not_archived(zaak: Zaak) -> bool:
    from loket.zgw.documenten.selectors import latest_versions

    ids = list(
        zaak.zaakinformatieobjecten.values_list("informatieobject_id", flat=True)
    )
    return any(v.status != "gearchiveerd" for v in latest_versions(ids))


def _set_relevante(zaak: Zaak, relevante: list[tuple[Zaak, str]]) -> None:
    RelevanteAndereZaak.objects.bulk_create(
        RelevanteAndereZaak(zaak=zaak, andere_zaak=andere, aard_relatie=aard)
        for andere, aard in relevante
    )
