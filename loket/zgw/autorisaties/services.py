"""Registering applications and what they may do (Autorisaties API 1.0.0 rules
ac-001 .. ac-003), with a notificatie on the kanaal ``autorisaties`` for each change."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from loket.zgw import apis
from loket.zgw.api.references import resource_url
from loket.zgw.autorisaties.models import Applicatie, Autorisatie, Client, Component
from loket.zgw.notificaties import services as notificaties

KANAAL = "autorisaties"

# The scopes each component knows, so a typo is refused instead of silently useless.
SCOPES = {
    Component.ZRC: {
        "zaken.lezen",
        "zaken.aanmaken",
        "zaken.bijwerken",
        "zaken.verwijderen",
        "zaken.heropenen",
        "zaken.geforceerd-bijwerken",
        "zaken.statussen.toevoegen",
        "audittrails.lezen",
        "notificaties.consumeren",
        "notificaties.publiceren",
    },
    Component.ZTC: {
        "catalogi.lezen",
        "catalogi.schrijven",
        "catalogi.geforceerd-schrijven",
        "notificaties.consumeren",
        "notificaties.publiceren",
    },
    Component.DRC: {
        "documenten.lezen",
        "documenten.aanmaken",
        "documenten.bijwerken",
        "documenten.verwijderen",
        "documenten.lock",
        "documenten.geforceerd-unlock",
        "documenten.geforceerd-bijwerken",
        "audittrails.lezen",
        "notificaties.consumeren",
        "notificaties.publiceren",
    },
    Component.BRC: {
        "besluiten.lezen",
        "besluiten.aanmaken",
        "besluiten.bijwerken",
        "besluiten.verwijderen",
        "audittrails.lezen",
        "notificaties.consumeren",
        "notificaties.publiceren",
    },
    Component.NRC: {"notificaties.consumeren", "notificaties.publiceren"},
    Component.AC: {
        "autorisaties.lezen",
        "autorisaties.bijwerken",
        "notificaties.consumeren",
        "notificaties.publiceren",
    },
}

# Which scope prefix makes a type and a maximum confidentiality required (ac-003).
_TYPED = {
    Component.ZRC: ("zaken.", ("zaaktype", "max_vertrouwelijkheidaanduiding")),
    Component.DRC: (
        "documenten.",
        ("informatieobjecttype", "max_vertrouwelijkheidaanduiding"),
    ),
    Component.BRC: ("besluiten.", ("besluittype",)),
}


@dataclass
class AutorisatieSpec:
    component: str
    scopes: list[str]
    zaaktype: object = None
    informatieobjecttype: object = None
    besluittype: object = None
    max_vertrouwelijkheidaanduiding: str = ""


def _check(
    client_ids: list[str],
    heeft_alle_autorisaties: bool,
    autorisaties: list[AutorisatieSpec],
    applicatie: Applicatie | None,
) -> None:
    errors: dict[str, list[ValidationError]] = {}
    taken = Client.objects.filter(client_id__in=client_ids)
    if applicatie is not None:
        taken = taken.exclude(applicatie=applicatie)
    for client_id in taken.values_list("client_id", flat=True):
        errors.setdefault("client_ids", []).append(
            ValidationError(
                f"Client-id {client_id!r} hoort al bij een andere applicatie.",
                code="clientId-exists",
            )
        )
    if len(set(client_ids)) != len(client_ids):
        errors.setdefault("client_ids", []).append(
            ValidationError("Een client-id staat dubbel in de lijst.", code="unique")
        )
    if heeft_alle_autorisaties and autorisaties:
        errors.setdefault("__all__", []).append(
            ValidationError(
                "Geef óf heeftAlleAutorisaties op, óf losse autorisaties; niet beide.",
                code="ambiguous-authorizations-specified",
            )
        )
    if not heeft_alle_autorisaties and not autorisaties:
        errors.setdefault("__all__", []).append(
            ValidationError(
                "Geef heeftAlleAutorisaties op, of ten minste één autorisatie.",
                code="missing-authorizations",
            )
        )
    for index, spec in enumerate(autorisaties):
        known = SCOPES.get(spec.component, set())
        unknown = sorted(set(spec.scopes) - known)
        if unknown:
            errors.setdefault(f"autorisaties.{index}.scopes", []).append(
                ValidationError(
                    f"Onbekende scopes voor {spec.component}: {', '.join(unknown)}.",
                    code="invalid",
                )
            )
        typed = _TYPED.get(spec.component)
        if typed and any(s.startswith(typed[0]) for s in spec.scopes):
            for field in typed[1]:
                if not getattr(spec, field):
                    name = (
                        "maxVertrouwelijkheidaanduiding"
                        if field.startswith("max")
                        else field
                    )
                    errors.setdefault(f"autorisaties.{index}.{name}", []).append(
                        ValidationError(
                            f"Verplicht voor component {spec.component} met scopes "
                            f"{typed[0]}*.",
                            code="required",
                        )
                    )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_applicatie(
    *,
    label: str,
    client_ids: Iterable[str],
    heeft_alle_autorisaties: bool = False,
    autorisaties: Iterable[AutorisatieSpec] = (),
) -> Applicatie:
    client_ids, autorisaties = list(client_ids), list(autorisaties)
    _check(client_ids, heeft_alle_autorisaties, autorisaties, None)
    applicatie = Applicatie.objects.create(
        label=label, heeft_alle_autorisaties=heeft_alle_autorisaties
    )
    Client.objects.bulk_create(
        Client(applicatie=applicatie, client_id=c) for c in client_ids
    )
    _store_autorisaties(applicatie, autorisaties)
    _notify(applicatie, "create")
    return applicatie


@transaction.atomic
def update_applicatie(
    applicatie: Applicatie,
    *,
    label: str | None = None,
    client_ids: Iterable[str] | None = None,
    heeft_alle_autorisaties: bool | None = None,
    autorisaties: Iterable[AutorisatieSpec] | None = None,
    actie: str = "update",
) -> Applicatie:
    """Change what is given; leave what is None as it is."""
    current_ids = list(applicatie.clients.values_list("client_id", flat=True))
    new_ids = current_ids if client_ids is None else list(client_ids)
    alle = (
        applicatie.heeft_alle_autorisaties
        if heeft_alle_autorisaties is None
        else heeft_alle_autorisaties
    )
    new_autorisaties = (
        [_spec_of(a) for a in applicatie.autorisaties.all()]
        if autorisaties is None
        else list(autorisaties)
    )
    _check(new_ids, alle, new_autorisaties, applicatie)
    if label is not None:
        applicatie.label = label
    applicatie.heeft_alle_autorisaties = alle
    applicatie.save()
    if client_ids is not None:
        applicatie.clients.exclude(client_id__in=new_ids).delete()
        existing = set(applicatie.clients.values_list("client_id", flat=True))
        Client.objects.bulk_create(
            Client(applicatie=applicatie, client_id=c)
            for c in new_ids
            if c not in existing
        )
    if autorisaties is not None:
        applicatie.autorisaties.all().delete()
        _store_autorisaties(applicatie, new_autorisaties)
    _notify(applicatie, actie)
    return applicatie


@transaction.atomic
def delete_applicatie(applicatie: Applicatie) -> None:
    _notify(applicatie, "destroy")
    applicatie.delete()


MIN_SECRET = 32  # RFC 7518, 3.2: an HS256 key of at least 256 bits


@transaction.atomic
def set_secret(client: Client, secret: str, *, is_demo: bool = False) -> None:
    """Give a client id its secret. A real secret has at least MIN_SECRET
    characters; a demo secret (public, in the README) may be shorter and only works
    while Loket runs in demo mode."""
    if not is_demo and len(secret) < MIN_SECRET:
        raise ValidationError(
            {
                "secret": ValidationError(
                    f"Een geheim heeft minstens {MIN_SECRET} tekens.",
                    code="min_length",
                )
            }
        )
    client.secret = secret
    client.is_demo = is_demo
    client.save(update_fields=["secret", "is_demo"])


def _store_autorisaties(applicatie: Applicatie, specs: list[AutorisatieSpec]) -> None:
    Autorisatie.objects.bulk_create(
        Autorisatie(
            applicatie=applicatie,
            component=spec.component,
            scopes=sorted(set(spec.scopes)),
            zaaktype=spec.zaaktype,
            informatieobjecttype=spec.informatieobjecttype,
            besluittype=spec.besluittype,
            max_vertrouwelijkheidaanduiding=spec.max_vertrouwelijkheidaanduiding or "",
        )
        for spec in specs
    )


def _spec_of(autorisatie: Autorisatie) -> AutorisatieSpec:
    return AutorisatieSpec(
        component=autorisatie.component,
        scopes=list(autorisatie.scopes),
        zaaktype=autorisatie.zaaktype,
        informatieobjecttype=autorisatie.informatieobjecttype,
        besluittype=autorisatie.besluittype,
        max_vertrouwelijkheidaanduiding=autorisatie.max_vertrouwelijkheidaanduiding,
    )


def _notify(applicatie: Applicatie, actie: str) -> None:
    url = resource_url(apis.AUTORISATIES, "/applicaties", applicatie.uuid)
    notificaties.publish(
        kanaal=KANAAL,
        hoofd_object=url,
        resource="applicatie",
        resource_url=url,
        actie=actie,
    )
