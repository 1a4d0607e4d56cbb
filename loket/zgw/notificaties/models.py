import uuid
from datetime import UTC

from django.db import models
from django.utils import timezone


class Kanaal(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    naam = models.CharField(max_length=50, unique=True)
    documentatie_link = models.URLField(max_length=200, blank=True)
    filters = models.JSONField(
        default=list,
        blank=True,
        help_text="De kenmerken waarop abonnees kunnen filteren.",
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = "kanaal"
        verbose_name_plural = "kanalen"

    def __str__(self) -> str:
        return self.naam


class Notificatie(models.Model):
    """One event, stored in the same transaction as the change it reports (the
    outbox); the task worker delivers it afterwards."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    kanaal = models.CharField(max_length=50)
    hoofd_object = models.URLField(max_length=1000)
    resource = models.CharField(max_length=100)
    resource_url = models.URLField(max_length=1000)
    actie = models.CharField(max_length=100)
    aanmaakdatum = models.DateTimeField()
    kenmerken = models.JSONField(default=dict, blank=True)
    bron = models.CharField(
        max_length=100,
        help_text="Wie de notificatie maakte: 'loket' of de client-id van een "
        "applicatie die publiceerde via de Notificaties API.",
    )
    ontvangen_op = models.DateTimeField(
        "ontvangen op",
        default=timezone.now,
        editable=False,
        help_text="Wanneer Loket de notificatie vastlegde (aanmaakdatum is wat de "
        "afzender opgeeft).",
    )

    class Meta:
        ordering = ["-aanmaakdatum"]
        verbose_name = "notificatie"
        verbose_name_plural = "notificaties"
        indexes = [
            models.Index(fields=["kanaal", "aanmaakdatum"], name="notificatie_kanaal")
        ]

    def __str__(self) -> str:
        return f"{self.kanaal}: {self.resource} {self.actie}"

    def message(self) -> dict:
        """The message as the Notificaties API specifies it."""
        return {
            "kanaal": self.kanaal,
            "hoofdObject": self.hoofd_object,
            "resource": self.resource,
            "resourceUrl": self.resource_url,
            "actie": self.actie,
            "aanmaakdatum": self.aanmaakdatum.astimezone(UTC)
            .isoformat()
            .replace("+00:00", "Z"),
            "kenmerken": self.kenmerken,
        }


class Abonnement(models.Model):
    """A consumer's subscription: where to deliver, with which Authorization header,
    on which kanalen and with which filters (``AbonnementKanaal``)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    # Not a URLField: its validator refuses host names without a dot, such as
    # the internal names of a municipality's own network.
    callback_url = models.CharField(
        "callback-URL",
        max_length=200,
        help_text="De URL waar notificaties naar toe gestuurd worden.",
    )
    auth = models.CharField(
        "autorisatieheader",
        max_length=1000,
        help_text="De waarde van de header Authorization bij het afleveren, "
        "bijvoorbeeld 'Bearer a4daa31…'.",
    )
    client_id = models.CharField(
        "client-id",
        max_length=255,
        blank=True,
        help_text="De applicatie die het abonnement via de API nam; leeg als het in "
        "het beheer is gemaakt.",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=timezone.now)

    class Meta:
        ordering = ["callback_url", "pk"]
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementen"

    def __str__(self) -> str:
        return self.callback_url


class AbonnementKanaal(models.Model):
    """One kanaal of an abonnement, with its filters (the spec's ``FilterGroup``)."""

    abonnement = models.ForeignKey(
        Abonnement, on_delete=models.CASCADE, related_name="kanalen"
    )
    kanaal = models.ForeignKey(
        Kanaal, on_delete=models.PROTECT, related_name="abonnementen"
    )
    filters = models.JSONField(
        default=dict,
        blank=True,
        help_text="Kenmerk → waarde; alleen notificaties met precies die waarden "
        "worden afgeleverd. De waarde * laat elke waarde door.",
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = "kanaal van een abonnement"
        verbose_name_plural = "kanalen en filters"

    def __str__(self) -> str:
        return self.kanaal.naam

    def matches(self, kenmerken: dict) -> bool:
        """Whether a notificatie with these kenmerken passes every filter: values
        must be equal; ``*`` lets any value through, also a missing one."""
        return all(
            value == "*" or kenmerken.get(key) == value
            for key, value in self.filters.items()
        )


class Aflevering(models.Model):
    """Delivery of one notificatie to one abonnement, retried until it succeeds or
    Loket gives up; every attempt is a ``Poging``."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", "Wacht op verzending"
        MISLUKT = "mislukt", "Mislukt, wordt opnieuw geprobeerd"
        AFGELEVERD = "afgeleverd", "Afgeleverd"
        OPGEGEVEN = "opgegeven", "Opgegeven"

    OPEN = (Status.WACHTEND, Status.MISLUKT)

    notificatie = models.ForeignKey(
        Notificatie, on_delete=models.CASCADE, related_name="afleveringen"
    )
    abonnement = models.ForeignKey(
        Abonnement, on_delete=models.CASCADE, related_name="afleveringen"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.WACHTEND
    )
    pogingen = models.PositiveIntegerField(
        default=0, help_text="Het aantal pogingen sinds de laatste (her)start."
    )
    eerste_poging_op = models.DateTimeField(
        "eerste poging op",
        null=True,
        blank=True,
        help_text="Begin van de termijn waarna Loket het opgeeft.",
    )
    volgende_poging_op = models.DateTimeField(
        "volgende poging op", null=True, blank=True
    )
    afgeleverd_op = models.DateTimeField("afgeleverd op", null=True, blank=True)
    laatste_fout = models.TextField("laatste fout", blank=True)
    taaksleutel = models.UUIDField(
        null=True,
        blank=True,
        editable=False,
        help_text="Sleutel van de ene geplande verzendtaak; een taak met een andere "
        "sleutel is verouderd en doet niets.",
    )

    class Meta:
        ordering = ["-pk"]
        verbose_name = "aflevering"
        verbose_name_plural = "afleveringen"
        constraints = [
            models.UniqueConstraint(
                fields=["notificatie", "abonnement"],
                name="aflevering_eenmaal_per_abonnement",
            )
        ]
        indexes = [
            models.Index(
                fields=["status", "volgende_poging_op"], name="aflevering_status"
            )
        ]

    def __str__(self) -> str:
        return f"{self.notificatie} → {self.abonnement}"


class Poging(models.Model):
    """One HTTP request to deliver an aflevering, and how it went."""

    aflevering = models.ForeignKey(Aflevering, on_delete=models.CASCADE)
    tijdstip = models.DateTimeField()
    statuscode = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Leeg als er geen antwoord kwam."
    )
    fout = models.TextField(blank=True)
    duur_ms = models.PositiveIntegerField("duur (ms)")

    class Meta:
        ordering = ["tijdstip", "pk"]
        verbose_name = "poging"
        verbose_name_plural = "pogingen"

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M:%S}: {self.statuscode or self.fout}"
