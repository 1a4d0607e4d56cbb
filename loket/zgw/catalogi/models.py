"""The zaaktypecatalogus, modelled on the Catalogi API 1.3.1 (ImZTC 2.2).

Every versioned type (zaaktype, informatieobjecttype, besluittype) is a row per
version: versions share ``identificatie`` (zaaktype) or ``omschrijving`` (the others)
within a catalogus and have non-overlapping validity periods. A version is a
*concept* until it is published; after that it may not change (except its end date,
or as a correction with the scope catalogi.geforceerd-schrijven).

Following the standard's historiemodel, relations that must survive new versions are
stored by name, not by row: a zaaktype lists the *omschrijvingen* of its
besluittypen and the *identificaties* of its deelzaaktypen; a
zaaktype-informatieobjecttype names the *omschrijving* of its informatieobjecttype.
They resolve to the versions valid on a date when a response is built.
"""

import uuid
from datetime import date

from django.db import models
from django.db.models import Q

from loket.organisaties.validators import validate_rsin
from loket.zgw.catalogi.choices import (
    AardRelatie,
    Afleidingswijze,
    Archiefnominatie,
    Formaat,
    InternOfExtern,
    Objecttype,
    Richting,
    RolOmschrijving,
    Vertrouwelijkheid,
)


class Catalogus(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    domein = models.CharField(
        max_length=5, help_text="Afkorting van het domein, bijvoorbeeld 'ZAKEN'."
    )
    rsin = models.CharField(
        "RSIN",
        max_length=9,
        validators=[validate_rsin],
        help_text="RSIN van de organisatie die de catalogus beheert.",
    )
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="catalogussen",
        help_text="De gemeente met dit RSIN; bepaalt wie de catalogus beheert.",
    )
    contactpersoon_beheer_naam = models.CharField(max_length=40)
    contactpersoon_beheer_telefoonnummer = models.CharField(max_length=20, blank=True)
    contactpersoon_beheer_emailadres = models.EmailField(blank=True)
    naam = models.CharField(max_length=200, blank=True)
    versie = models.CharField(max_length=20, blank=True)
    begindatum_versie = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["domein", "rsin"]
        verbose_name = "catalogus"
        verbose_name_plural = "catalogussen"
        constraints = [
            models.UniqueConstraint(fields=["domein", "rsin"], name="catalogus_uniek")
        ]

    def __str__(self) -> str:
        return self.naam or f"{self.domein} ({self.rsin})"


class Geldigheid(models.Model):
    """Validity of one version, and of the object over all its versions."""

    begin_geldigheid = models.DateField(
        help_text="De datum waarop deze versie geldig is geworden."
    )
    einde_geldigheid = models.DateField(
        null=True,
        blank=True,
        help_text="De laatste datum waarop deze versie geldig is.",
    )
    begin_object = models.DateField(null=True, blank=True)
    einde_object = models.DateField(null=True, blank=True)
    concept = models.BooleanField(
        default=True,
        help_text="Een concept is nog niet gepubliceerd en wordt buiten de catalogus "
        "niet gebruikt.",
    )

    class Meta:
        abstract = True

    def geldig_op(self, day: date) -> bool:
        return self.begin_geldigheid <= day and (
            self.einde_geldigheid is None or day <= self.einde_geldigheid
        )


def geldig_op(day: date, prefix: str = "") -> Q:
    """Versions valid on ``day``, as a filter (``prefix``: via a relation)."""
    return Q(**{f"{prefix}begin_geldigheid__lte": day}) & (
        Q(**{f"{prefix}einde_geldigheid__isnull": True})
        | Q(**{f"{prefix}einde_geldigheid__gte": day})
    )


class ZaakType(Geldigheid):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    catalogus = models.ForeignKey(
        Catalogus, on_delete=models.CASCADE, related_name="zaaktypen"
    )
    identificatie = models.CharField(
        max_length=50,
        help_text="Unieke identificatie van het zaaktype binnen de catalogus; "
        "gelijk voor alle versies.",
    )
    omschrijving = models.CharField(max_length=80)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    vertrouwelijkheidaanduiding = models.CharField(
        max_length=20, choices=Vertrouwelijkheid.choices
    )
    doel = models.TextField()
    aanleiding = models.TextField()
    toelichting = models.TextField(blank=True)
    indicatie_intern_of_extern = models.CharField(
        max_length=6, choices=InternOfExtern.choices
    )
    handeling_initiator = models.CharField(max_length=20)
    onderwerp = models.CharField(max_length=80)
    handeling_behandelaar = models.CharField(max_length=20)
    doorlooptijd = models.CharField(
        max_length=40, help_text="Wettelijke behandeltermijn als ISO 8601-duur (P8W)."
    )
    servicenorm = models.CharField(
        max_length=40,
        null=True,
        blank=True,
        help_text="Door de gemeente beloofde behandeltermijn als ISO 8601-duur.",
    )
    opschorting_en_aanhouding_mogelijk = models.BooleanField(default=False)
    verlenging_mogelijk = models.BooleanField(default=False)
    verlengingstermijn = models.CharField(max_length=40, null=True, blank=True)
    trefwoorden = models.JSONField(default=list, blank=True)
    publicatie_indicatie = models.BooleanField(default=False)
    publicatietekst = models.TextField(blank=True)
    verantwoordingsrelatie = models.JSONField(default=list, blank=True)
    producten_of_diensten = models.JSONField(default=list, blank=True)
    selectielijst_procestype = models.ForeignKey(
        "referentielijsten.ProcesType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    referentieproces_naam = models.CharField(max_length=80)
    referentieproces_link = models.URLField(max_length=200, blank=True)
    verantwoordelijke = models.CharField(max_length=50)
    broncatalogus_url = models.URLField(max_length=200, blank=True)
    broncatalogus_domein = models.CharField(max_length=5, blank=True)
    broncatalogus_rsin = models.CharField(max_length=9, blank=True)
    bronzaaktype_url = models.URLField(max_length=200, blank=True)
    bronzaaktype_identificatie = models.CharField(max_length=50, blank=True)
    bronzaaktype_omschrijving = models.CharField(max_length=80, blank=True)
    besluittype_omschrijvingen = models.JSONField(
        default=list,
        blank=True,
        help_text="Omschrijvingen van de mogelijke besluittypen.",
    )
    deelzaaktype_identificaties = models.JSONField(default=list, blank=True)
    versiedatum = models.DateField()

    class Meta:
        ordering = ["catalogus_id", "identificatie", "begin_geldigheid"]
        verbose_name = "zaaktype"
        verbose_name_plural = "zaaktypen"
        indexes = [
            models.Index(fields=["catalogus", "identificatie"], name="zaaktype_versies")
        ]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.identificatie}, {self.begin_geldigheid})"


class ZaakTypenRelatie(models.Model):
    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="gerelateerde_zaaktypen"
    )
    zaaktype_identificatie = models.CharField(max_length=50)
    aard_relatie = models.CharField(max_length=15, choices=AardRelatie.choices)
    toelichting = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "gerelateerd zaaktype"
        verbose_name_plural = "gerelateerde zaaktypen"

    def __str__(self) -> str:
        return f"{self.get_aard_relatie_display()}: {self.zaaktype_identificatie}"


class InformatieObjectType(Geldigheid):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    catalogus = models.ForeignKey(
        Catalogus, on_delete=models.CASCADE, related_name="informatieobjecttypen"
    )
    omschrijving = models.CharField(
        max_length=80,
        help_text="Gelijk voor alle versies; koppelt zaaktypen en "
        "besluittypen aan dit documenttype.",
    )
    vertrouwelijkheidaanduiding = models.CharField(
        max_length=20, choices=Vertrouwelijkheid.choices
    )
    informatieobjectcategorie = models.CharField(max_length=80)
    trefwoord = models.JSONField(default=list, blank=True)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    omschrijving_generiek_definitie = models.CharField(max_length=255, blank=True)
    omschrijving_generiek_herkomst = models.CharField(max_length=12, blank=True)
    omschrijving_generiek_hierarchie = models.CharField(max_length=80, blank=True)
    omschrijving_generiek_opmerking = models.CharField(
        max_length=255, null=True, blank=True
    )

    class Meta:
        ordering = ["catalogus_id", "omschrijving", "begin_geldigheid"]
        verbose_name = "informatieobjecttype"
        verbose_name_plural = "informatieobjecttypen"
        indexes = [
            models.Index(fields=["catalogus", "omschrijving"], name="iotype_versies")
        ]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.begin_geldigheid})"


class BesluitType(Geldigheid):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    catalogus = models.ForeignKey(
        Catalogus, on_delete=models.CASCADE, related_name="besluittypen"
    )
    omschrijving = models.CharField(max_length=80, blank=True)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    besluitcategorie = models.CharField(max_length=40, blank=True)
    reactietermijn = models.CharField(max_length=40, null=True, blank=True)
    publicatie_indicatie = models.BooleanField(default=False)
    publicatietekst = models.TextField(blank=True)
    publicatietermijn = models.CharField(max_length=40, null=True, blank=True)
    toelichting = models.TextField(blank=True)
    informatieobjecttype_omschrijvingen = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["catalogus_id", "omschrijving", "begin_geldigheid"]
        verbose_name = "besluittype"
        verbose_name_plural = "besluittypen"
        indexes = [
            models.Index(
                fields=["catalogus", "omschrijving"], name="besluittype_versies"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.omschrijving or '(zonder omschrijving)'} ({self.begin_geldigheid})"
        )


class ZaakTypeOnderdeel(models.Model):
    """A type that belongs to exactly one version of a zaaktype (statustype,
    resultaattype, roltype, eigenschap, zaakobjecttype, zaaktype-informatieobjecttype).
    Its validity dates are those of the zaaktype."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)

    class Meta:
        abstract = True


class StatusType(ZaakTypeOnderdeel):
    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="statustypen"
    )
    omschrijving = models.CharField(max_length=80)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    statustekst = models.CharField(
        max_length=1000,
        blank=True,
        help_text="Tekst voor de initiator als de zaak deze status bereikt.",
    )
    volgnummer = models.PositiveSmallIntegerField()
    informeren = models.BooleanField(
        default=False,
        help_text="Moet de initiator bij deze status geïnformeerd worden?",
    )
    doorlooptijd = models.CharField(max_length=40, null=True, blank=True)
    toelichting = models.CharField(max_length=1000, null=True, blank=True)
    checklistitems = models.JSONField(default=list, blank=True)
    eigenschappen = models.ManyToManyField(
        "Eigenschap", blank=True, related_name="statustypen_verplicht"
    )

    class Meta:
        ordering = ["zaaktype_id", "volgnummer"]
        verbose_name = "statustype"
        verbose_name_plural = "statustypen"
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "volgnummer"], name="statustype_volgnummer_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volgnummer}. {self.omschrijving}"


class ResultaatType(ZaakTypeOnderdeel):
    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="resultaattypen"
    )
    omschrijving = models.CharField(max_length=30)
    resultaattypeomschrijving = models.ForeignKey(
        "referentielijsten.ResultaattypeOmschrijving",
        on_delete=models.PROTECT,
        related_name="+",
    )
    selectielijstklasse = models.ForeignKey(
        "referentielijsten.Resultaat", on_delete=models.PROTECT, related_name="+"
    )
    toelichting = models.TextField(blank=True)
    archiefnominatie = models.CharField(
        max_length=20, choices=Archiefnominatie.choices, blank=True
    )
    archiefactietermijn = models.CharField(max_length=40, null=True, blank=True)
    brondatum_afleidingswijze = models.CharField(
        max_length=30, choices=Afleidingswijze.choices, blank=True
    )
    brondatum_datumkenmerk = models.CharField(max_length=80, blank=True)
    brondatum_einddatum_bekend = models.BooleanField(default=False)
    brondatum_objecttype = models.CharField(
        max_length=40, choices=Objecttype.choices, blank=True
    )
    brondatum_registratie = models.CharField(max_length=80, blank=True)
    brondatum_procestermijn = models.CharField(max_length=40, null=True, blank=True)
    procesobjectaard = models.CharField(max_length=200, null=True, blank=True)
    indicatie_specifiek = models.BooleanField(null=True, blank=True)
    procestermijn = models.CharField(max_length=40, null=True, blank=True)
    besluittype_omschrijvingen = models.JSONField(default=list, blank=True)
    informatieobjecttypen = models.ManyToManyField(
        InformatieObjectType, blank=True, related_name="resultaattypen"
    )

    class Meta:
        ordering = ["zaaktype_id", "omschrijving"]
        verbose_name = "resultaattype"
        verbose_name_plural = "resultaattypen"

    def __str__(self) -> str:
        return self.omschrijving


class RolType(ZaakTypeOnderdeel):
    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="roltypen"
    )
    omschrijving = models.CharField(max_length=100)
    omschrijving_generiek = models.CharField(
        max_length=20, choices=RolOmschrijving.choices
    )

    class Meta:
        ordering = ["zaaktype_id", "omschrijving"]
        verbose_name = "roltype"
        verbose_name_plural = "roltypen"

    def __str__(self) -> str:
        return self.omschrijving


class Eigenschap(ZaakTypeOnderdeel):
    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="eigenschappen"
    )
    naam = models.CharField(max_length=20)
    definitie = models.CharField(max_length=255)
    toelichting = models.CharField(max_length=1000, blank=True)
    statustype = models.ForeignKey(
        StatusType,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eigenschappen_bij_status",
    )
    groep = models.CharField(max_length=32, blank=True)
    formaat = models.CharField(max_length=10, choices=Formaat.choices)
    lengte = models.CharField(max_length=14)
    kardinaliteit = models.CharField(max_length=3)
    waardenverzameling = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["zaaktype_id", "naam"]
        verbose_name = "eigenschap"
        verbose_name_plural = "eigenschappen"

    def __str__(self) -> str:
        return self.naam


class ZaakTypeInformatieObjectType(ZaakTypeOnderdeel):
    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="informatieobjecttypen"
    )
    informatieobjecttype_omschrijving = models.CharField(max_length=100)
    volgnummer = models.PositiveSmallIntegerField()
    richting = models.CharField(max_length=10, choices=Richting.choices)
    statustype = models.ForeignKey(
        StatusType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["zaaktype_id", "volgnummer"]
        verbose_name = "zaaktype-informatieobjecttype"
        verbose_name_plural = "zaaktype-informatieobjecttypen"
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "volgnummer"], name="ziot_volgnummer_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volgnummer}. {self.informatieobjecttype_omschrijving}"


class ZaakObjectType(ZaakTypeOnderdeel):
    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="zaakobjecttypen"
    )
    ander_objecttype = models.BooleanField(default=False)
    objecttype = models.URLField(
        max_length=200, help_text="URL naar het objecttype in de Objecttypen API."
    )
    relatie_omschrijving = models.CharField(max_length=80)
    resultaattypen = models.ManyToManyField(
        ResultaatType, blank=True, related_name="zaakobjecttypen"
    )
    statustypen = models.ManyToManyField(
        StatusType, blank=True, related_name="zaakobjecttypen"
    )

    class Meta:
        ordering = ["zaaktype_id", "relatie_omschrijving"]
        verbose_name = "zaakobjecttype"
        verbose_name_plural = "zaakobjecttypen"

    def __str__(self) -> str:
        return self.relatie_omschrijving
