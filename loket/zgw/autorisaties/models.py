import uuid

from django.db import models

from loket.zgw.catalogi.choices import Vertrouwelijkheid


class Component(models.TextChoices):
    AC = "ac", "Autorisaties API"
    NRC = "nrc", "Notificaties API"
    ZRC = "zrc", "Zaken API"
    ZTC = "ztc", "Catalogi API"
    DRC = "drc", "Documenten API"
    BRC = "brc", "Besluiten API"


class Applicatie(models.Model):
    """Software that uses the ZGW APIs, known by one or more client ids."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    label = models.CharField(max_length=100, help_text="Naam van de applicatie.")
    heeft_alle_autorisaties = models.BooleanField(
        default=False,
        help_text="Mag alles in alle API's; dan zijn er geen losse autorisaties.",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["label"]
        verbose_name = "applicatie"
        verbose_name_plural = "applicaties"

    def __str__(self) -> str:
        return self.label


class Client(models.Model):
    """A client id of an application and the shared secret its JWTs are signed with
    (HS256). The Autorisaties API shows the client ids, never the secrets."""

    applicatie = models.ForeignKey(
        Applicatie, on_delete=models.CASCADE, related_name="clients"
    )
    client_id = models.CharField(max_length=50, unique=True)
    secret = models.CharField(
        "geheim",
        max_length=255,
        blank=True,
        help_text="Gedeeld geheim waarmee de applicatie haar JWT's ondertekent. "
        "Leeg: de applicatie kan nog niet inloggen.",
    )
    is_demo = models.BooleanField(
        default=False,
        editable=False,
        help_text="Demo-geheimen werken alleen als Loket in demo-modus draait.",
    )

    class Meta:
        ordering = ["client_id"]
        verbose_name = "client-id"
        verbose_name_plural = "client-id's"

    def __str__(self) -> str:
        return self.client_id


class Autorisatie(models.Model):
    """Scopes for one component, limited to a type and a confidentiality level where
    the component has them (zaken: zaaktype; documenten: informatieobjecttype;
    besluiten: besluittype)."""

    applicatie = models.ForeignKey(
        Applicatie, on_delete=models.CASCADE, related_name="autorisaties"
    )
    component = models.CharField(max_length=3, choices=Component.choices)
    scopes = models.JSONField(default=list)
    zaaktype = models.ForeignKey(
        "catalogi.ZaakType",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    informatieobjecttype = models.ForeignKey(
        "catalogi.InformatieObjectType",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    besluittype = models.ForeignKey(
        "catalogi.BesluitType",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    max_vertrouwelijkheidaanduiding = models.CharField(
        max_length=20, choices=Vertrouwelijkheid.choices, blank=True
    )

    class Meta:
        verbose_name = "autorisatie"
        verbose_name_plural = "autorisaties"

    def __str__(self) -> str:
        return f"{self.get_component_display()}: {', '.join(self.scopes)}"
