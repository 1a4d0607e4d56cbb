"""Documenten, modelled on the Documenten API 1.5.0.

An :class:`InformatieObject` is the document as others refer to it (a zaak, a
besluit, a gebruiksrecht): its UUID, its lock, and its versions. Every change makes a
new :class:`EnkelvoudigInformatieObject` row, a version with all metadata and its
own file; exactly one version per document is the latest (``laatste``), which is
what lists and filters read. Files live in Django's storage (disk, or an
S3-compatible store), never in the database.

A file too large for one request arrives in :class:`BestandsDeel` parts while the
document is locked; unlocking joins them into the version's file.
"""

import uuid

from django.db import models
from django.db.models import Q

from loket.zgw.catalogi.choices import Vertrouwelijkheid
from loket.zgw.documenten.choices import (
    AardRelatieVerzending,
    Algoritme,
    DocumentStatus,
    ObjectType,
    Ondertekeningsoort,
)


def _inhoud_path(instance, filename: str) -> str:
    return f"documenten/{instance.informatieobject.uuid}/{instance.versie}/{filename}"


def _deel_path(instance, filename: str) -> str:
    return (
        f"documenten/{instance.informatieobject.uuid}/delen/"
        f"{instance.uuid}-{instance.volgnummer}"
    )


class InformatieObject(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    lock = models.CharField(
        max_length=100,
        blank=True,
        help_text="Het slot van wie het document nu bewerkt; leeg: niet vergrendeld.",
    )

    class Meta:
        verbose_name = "informatieobject"
        verbose_name_plural = "informatieobjecten"

    def __str__(self) -> str:
        return str(self.uuid)

    @property
    def locked(self) -> bool:
        return bool(self.lock)


class EnkelvoudigInformatieObject(models.Model):
    """One version of a document."""

    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="versies"
    )
    versie = models.PositiveIntegerField(default=1)
    laatste = models.BooleanField(default=True)
    begin_registratie = models.DateTimeField()
    identificatie = models.CharField(max_length=40)
    bronorganisatie = models.CharField(max_length=9)
    creatiedatum = models.DateField()
    titel = models.CharField(max_length=200)
    vertrouwelijkheidaanduiding = models.CharField(
        max_length=20, choices=Vertrouwelijkheid.choices
    )
    auteur = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=DocumentStatus.choices, blank=True)
    formaat = models.CharField(max_length=255, blank=True)
    taal = models.CharField(max_length=3)
    bestandsnaam = models.CharField(max_length=255, blank=True)
    inhoud = models.FileField(upload_to=_inhoud_path, max_length=500, blank=True)
    bestandsomvang = models.PositiveBigIntegerField(null=True, blank=True)
    link = models.URLField(max_length=200, blank=True)
    beschrijving = models.CharField(max_length=1000, blank=True)
    ontvangstdatum = models.DateField(null=True, blank=True)
    verzenddatum = models.DateField(null=True, blank=True)
    indicatie_gebruiksrecht = models.BooleanField(null=True, blank=True)
    verschijningsvorm = models.TextField(blank=True)
    ondertekening_soort = models.CharField(
        max_length=10, choices=Ondertekeningsoort.choices, blank=True
    )
    ondertekening_datum = models.DateField(null=True, blank=True)
    integriteit_algoritme = models.CharField(
        max_length=20, choices=Algoritme.choices, blank=True
    )
    integriteit_waarde = models.CharField(max_length=128, blank=True)
    integriteit_datum = models.DateField(null=True, blank=True)
    informatieobjecttype = models.ForeignKey(
        "catalogi.InformatieObjectType", on_delete=models.PROTECT, related_name="+"
    )
    trefwoorden = models.JSONField(null=True, blank=True)
    inhoud_is_vervallen = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["informatieobject_id", "versie"]
        verbose_name = "enkelvoudig informatieobject (versie)"
        verbose_name_plural = "enkelvoudige informatieobjecten (versies)"
        constraints = [
            models.UniqueConstraint(
                fields=["informatieobject", "versie"], name="eio_versie_uniek"
            ),
            models.UniqueConstraint(
                fields=["informatieobject"],
                condition=Q(laatste=True),
                name="eio_een_laatste_versie",
            ),
        ]
        indexes = [
            models.Index(
                fields=["informatieobjecttype", "vertrouwelijkheidaanduiding"],
                name="eio_autorisatie",
                condition=Q(laatste=True),
            ),
            models.Index(
                fields=["bronorganisatie", "identificatie"],
                name="eio_identificatie",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} (versie {self.versie})"


class BestandsDeel(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="bestandsdelen"
    )
    volgnummer = models.PositiveIntegerField()
    omvang = models.PositiveBigIntegerField()
    inhoud = models.FileField(upload_to=_deel_path, max_length=500, blank=True)

    class Meta:
        ordering = ["informatieobject_id", "volgnummer"]
        verbose_name = "bestandsdeel"
        verbose_name_plural = "bestandsdelen"
        constraints = [
            models.UniqueConstraint(
                fields=["informatieobject", "volgnummer"], name="bestandsdeel_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"deel {self.volgnummer} van {self.informatieobject_id}"

    @property
    def voltooid(self) -> bool:
        return bool(self.inhoud)


class Gebruiksrechten(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="gebruiksrechten"
    )
    startdatum = models.DateTimeField()
    einddatum = models.DateTimeField(null=True, blank=True)
    omschrijving_voorwaarden = models.TextField()

    class Meta:
        ordering = ["informatieobject_id", "startdatum", "pk"]
        verbose_name = "gebruiksrechten"
        verbose_name_plural = "gebruiksrechten"

    def __str__(self) -> str:
        return f"gebruiksrechten op {self.informatieobject_id}"


class ObjectInformatieObject(models.Model):
    """The mirror of a zaakinformatieobject or besluitinformatieobject, kept by the
    Zaken and Besluiten services in the same transaction (zrc-005, brc-005)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="objecten"
    )
    object_type = models.CharField(max_length=10, choices=ObjectType.choices)
    zaak = models.ForeignKey(
        "zaken.Zaak",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    besluit = models.ForeignKey(
        "besluiten.Besluit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        ordering = ["informatieobject_id", "pk"]
        verbose_name = "objectinformatieobject"
        verbose_name_plural = "objectinformatieobjecten"
        constraints = [
            models.UniqueConstraint(
                fields=["informatieobject", "zaak"],
                condition=Q(zaak__isnull=False),
                name="oio_zaak_uniek",
            ),
            models.UniqueConstraint(
                fields=["informatieobject", "besluit"],
                condition=Q(besluit__isnull=False),
                name="oio_besluit_uniek",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.informatieobject_id} bij {self.object_type}"


class Verzending(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="verzendingen"
    )
    betrokkene = models.URLField(max_length=200)
    aard_relatie = models.CharField(
        max_length=20, choices=AardRelatieVerzending.choices
    )
    toelichting = models.CharField(max_length=200, blank=True)
    ontvangstdatum = models.DateField(null=True, blank=True)
    verzenddatum = models.DateField(null=True, blank=True)
    contact_persoon = models.URLField(max_length=1000)
    contactpersoonnaam = models.CharField(max_length=40, blank=True)
    binnenlands_correspondentieadres = models.JSONField(null=True, blank=True)
    buitenlands_correspondentieadres = models.JSONField(null=True, blank=True)
    correspondentie_postadres = models.JSONField(null=True, blank=True)
    faxnummer = models.CharField(max_length=15, blank=True)
    emailadres = models.CharField(max_length=100, blank=True)
    mijn_overheid = models.BooleanField(default=False)
    telefoonnummer = models.CharField(max_length=15, blank=True)

    class Meta:
        ordering = ["informatieobject_id", "pk"]
        verbose_name = "verzending"
        verbose_name_plural = "verzendingen"

    def __str__(self) -> str:
        return f"{self.get_aard_relatie_display()}: {self.betrokkene}"
