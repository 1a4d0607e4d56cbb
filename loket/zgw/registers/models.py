"""The audit trail of the Zaken, Documenten and Besluiten APIs, and the counters
behind generated identificaties.

An audit trail entry belongs to a *hoofdobject* (a zaak, an informatieobject, a
besluit) and records one change to it or to something below it (a status, a
gebruiksrecht), with who made it and the resource before and after. URLs are built
when an entry is shown, from the stored paths and UUIDs.
"""

import uuid

from django.db import models
from django.utils import timezone

from loket.core.delen import deel_veld


class AuditTrail(models.Model):
    class Bron(models.TextChoices):
        ZRC = "zrc", "Zaken API"
        DRC = "drc", "Documenten API"
        BRC = "brc", "Besluiten API"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    bron = models.CharField(max_length=3, choices=Bron.choices)
    applicatie_id = models.CharField(max_length=100, blank=True)
    applicatie_weergave = models.CharField(max_length=200, blank=True)
    gebruikers_id = models.CharField(max_length=255, blank=True)
    gebruikers_weergave = models.CharField(max_length=255, blank=True)
    actie = models.CharField(
        max_length=50, help_text="create, update, partial_update of destroy."
    )
    actie_weergave = models.CharField(max_length=200, blank=True)
    resultaat = models.PositiveSmallIntegerField(
        help_text="De HTTP-statuscode van de handeling."
    )
    hoofd_object_pad = models.CharField(max_length=100)
    hoofd_object_uuid = models.UUIDField()
    resource = models.CharField(max_length=50)
    resource_pad = models.CharField(max_length=100)
    resource_uuid = models.UUIDField()
    resource_weergave = models.CharField(max_length=200)
    toelichting = models.TextField(blank=True)
    aanmaakdatum = models.DateTimeField(default=timezone.now)
    oud = models.JSONField(null=True, blank=True)
    nieuw = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["aanmaakdatum", "pk"]
        verbose_name = "audittrailregel"
        verbose_name_plural = "audit trail"
        indexes = [
            models.Index(
                fields=["bron", "hoofd_object_uuid"], name="audittrail_hoofdobject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource} {self.actie} ({self.aanmaakdatum:%Y-%m-%d %H:%M})"


class Volgnummer(models.Model):
    """The counter of one kind of identificatie, organisation and year
    (ZAAK-2026-0000000042). On SQLite ``laatste`` is the last number handed out;
    on PostgreSQL the numbers come from the sequence
    ``registers_volgnummer_<id>``, which started after ``laatste``."""

    soort = models.CharField(max_length=20)
    organisatie = models.CharField(max_length=9)
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "volgnummer"
        verbose_name_plural = "volgnummers"
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "organisatie", "jaar"], name="volgnummer_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.soort} {self.organisatie} {self.jaar}: {self.laatste}"


class Telling(models.Model):
    """How many zaken, documents (latest versions) or besluiten there are per type
    and confidentiality: an unfiltered list's ``count`` for a client is the sum
    over the cells it may see, instead of counting a million rows.

    Kept by database triggers on the registers' tables (see ``tellingen``), so
    every write counts, whichever way it reaches the database."""

    class Soort(models.TextChoices):
        ZAAK = "zaak", "zaak"
        DOCUMENT = "document", "document"
        BESLUIT = "besluit", "besluit"

    soort = models.CharField(max_length=10, choices=Soort.choices)
    type_id = models.BigIntegerField(
        help_text="Het zaak-, informatieobject- of besluittype."
    )
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, blank=True)
    deel = deel_veld()
    aantal = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "telling"
        verbose_name_plural = "tellingen"
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "type_id", "vertrouwelijkheidaanduiding", "deel"],
                name="telling_cel_deel",
            )
        ]

    def __str__(self) -> str:
        cel = f"{self.type_id} {self.vertrouwelijkheidaanduiding}".strip()
        return f"{self.soort} {cel}: {self.aantal}"
