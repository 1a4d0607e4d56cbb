"""Besluiten, modelled on the Besluiten API 1.1.0.

A besluit may be the outcome of a zaak (``zaak``); the Zaken API shows that
relation as a zaakbesluit, read from this foreign key, so the two cannot disagree.
"""

import uuid

from django.db import models


class Vervalreden(models.TextChoices):
    TIJDELIJK = "tijdelijk", "Besluit met tijdelijke werking"
    INGETROKKEN_OVERHEID = "ingetrokken_overheid", "Besluit ingetrokken door overheid"
    INGETROKKEN_BELANGHEBBENDE = (
        "ingetrokken_belanghebbende",
        "Besluit ingetrokken o.v.v. belanghebbende",
    )


class Besluit(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    identificatie = models.CharField(
        max_length=50, help_text="Uniek binnen de verantwoordelijke organisatie."
    )
    verantwoordelijke_organisatie = models.CharField(max_length=9)
    besluittype = models.ForeignKey(
        "catalogi.BesluitType", on_delete=models.PROTECT, related_name="besluiten"
    )
    zaak = models.ForeignKey(
        "zaken.Zaak",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="besluiten",
    )
    datum = models.DateField(help_text="De beslisdatum (AWB).")
    toelichting = models.TextField(blank=True)
    bestuursorgaan = models.CharField(max_length=50, blank=True)
    ingangsdatum = models.DateField()
    vervaldatum = models.DateField(null=True, blank=True)
    vervalreden = models.CharField(
        max_length=30, choices=Vervalreden.choices, blank=True
    )
    publicatiedatum = models.DateField(null=True, blank=True)
    verzenddatum = models.DateField(null=True, blank=True)
    uiterlijke_reactiedatum = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        constraints = [
            models.UniqueConstraint(
                fields=["verantwoordelijke_organisatie", "identificatie"],
                name="besluit_identificatie",
            )
        ]

    def __str__(self) -> str:
        return self.identificatie


class BesluitInformatieObject(models.Model):
    """A document that records a besluit; mirrored in the Documenten API as an
    objectinformatieobject in the same transaction (brc-005)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    besluit = models.ForeignKey(
        Besluit, on_delete=models.CASCADE, related_name="besluitinformatieobjecten"
    )
    informatieobject = models.ForeignKey(
        "documenten.InformatieObject",
        on_delete=models.PROTECT,
        related_name="besluitinformatieobjecten",
    )

    class Meta:
        ordering = ["besluit_id", "pk"]
        verbose_name = "besluitinformatieobject"
        verbose_name_plural = "besluitinformatieobjecten"
        constraints = [
            models.UniqueConstraint(
                fields=["besluit", "informatieobject"], name="bio_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.informatieobject_id} legt {self.besluit_id} vast"
