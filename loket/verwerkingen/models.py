"""The processing log: one row per time a staff member (or Loket on a resident's
behalf) processed a person's or company's data. After the VNG standard
*Verwerkingenlogging*: who, when, whose data, which activity and for what purpose.
Rows are never changed; they are shown to the privacy officer and to the resident
in Mijn Loket."""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Activiteit(models.TextChoices):
    ZAAK_INGEZIEN = "zaak_ingezien", "Zaak ingezien"
    ZAAK_GEWIJZIGD = "zaak_gewijzigd", "Zaak behandeld"
    DOCUMENT_INGEZIEN = "document_ingezien", "Document ingezien"
    ZOEKEN = "zoeken", "Gezocht op persoon of bedrijf"
    KLANTBEELD = "klantbeeld", "Klantbeeld ingezien"
    BRP_RAADPLEGING = "brp_raadpleging", "Gegevens opgevraagd bij de BRP"
    KVK_RAADPLEGING = "kvk_raadpleging", "Gegevens opgevraagd bij de KvK"
    CONTACTMOMENT = "contactmoment", "Contactmoment vastgelegd"
    VRAAG_INGEZIEN = "vraag_ingezien", "Vraag ingezien"
    VRAAG_BEANTWOORD = "vraag_beantwoord", "Vraag beantwoord"
    BERICHT = "bericht", "Bericht gestuurd"
    BRIEF = "brief", "Brief gemaakt"
    FORMULIER_NAMENS = "formulier_namens", "Formulier ingevuld namens de inwoner"
    INZAGE_LOG = "inzage_log", "Verwerkingenlog ingezien"


class Doel(models.TextChoices):
    BEHANDELEN = "behandelen", "Behandelen van een aanvraag, melding of bezwaar"
    KLANTCONTACT = "klantcontact", "Beantwoorden van een vraag van de inwoner"
    DIENSTVERLENING = "dienstverlening", "Vooraf invullen van een aanvraag"
    TOEZICHT = "toezicht", "Toezicht op de verwerking van persoonsgegevens"


class Verwerking(models.Model):
    tijdstip = models.DateTimeField(default=timezone.now)
    medewerker = models.ForeignKey(
        "organisaties.Medewerker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leeg als Loket zelf de gegevens verwerkte, voor de inwoner.",
    )
    # Kept as text: the log stays readable when an account or team is gone.
    medewerker_naam = models.CharField(max_length=150, blank=True)
    organisatie_naam = models.CharField(max_length=150, blank=True)
    functie = models.CharField(
        max_length=150,
        blank=True,
        help_text="De rol van de medewerker (zoals KCC-medewerker): wat de inwoner "
        "ziet in plaats van de naam.",
    )
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bsn = models.CharField("BSN", max_length=9, blank=True)
    kvk = models.CharField("KvK-nummer", max_length=8, blank=True)
    activiteit = models.CharField(max_length=30, choices=Activiteit.choices)
    doel = models.CharField(max_length=30, choices=Doel.choices)
    zaak_identificatie = models.CharField(max_length=40, blank=True)
    toelichting = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "verwerking"
        verbose_name_plural = "verwerkingen"
        ordering = ["-tijdstip", "-id"]
        indexes = [
            models.Index(
                fields=["bsn", "-tijdstip"],
                name="verwerking_bsn",
                condition=~Q(bsn=""),
            ),
            models.Index(
                fields=["kvk", "-tijdstip"],
                name="verwerking_kvk",
                condition=~Q(kvk=""),
            ),
            models.Index(fields=["medewerker", "-tijdstip"], name="verwerking_wie"),
            models.Index(fields=["activiteit", "-tijdstip"], name="verwerking_wat"),
            models.Index(fields=["-tijdstip"], name="verwerking_tijdstip"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(bsn="") | ~Q(kvk=""), name="verwerking_heeft_betrokkene"
            )
        ]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.get_activiteit_display()}"
