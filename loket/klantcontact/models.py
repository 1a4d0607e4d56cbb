"""What the contact centre keeps: every contact with a resident or company
(``Contactmoment``), questions asked through the website (``Webvraag``) with their
answer-time norm, call-back requests handed to a team (``Terugbelverzoek``), the
knowledge base (``Kennisartikel``) and the settings per gemeente."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q


class Kanaal(models.TextChoices):
    BALIE = "balie", "Balie"
    TELEFOON = "telefoon", "Telefoon"
    EMAIL = "email", "E-mail"
    POST = "post", "Post"
    CHAT = "chat", "Chat"
    WHATSAPP = "whatsapp", "WhatsApp"
    SOCIALE_MEDIA = "sociale_media", "Sociale media"
    MIJN_LOKET = "mijn_loket", "Mijn Loket"


class Klantcontactinstelling(models.Model):
    """The contact centre's settings for one gemeente."""

    gemeente = models.OneToOneField(
        "organisaties.Gemeente",
        on_delete=models.CASCADE,
        related_name="+",
    )
    webvraag_norm_werkdagen = models.PositiveSmallIntegerField(
        "antwoordtermijn webvragen (werkdagen)",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="Binnen hoeveel werkdagen (maandag tot en met vrijdag) een vraag "
        "via de website antwoord krijgt. Feestdagen tellen mee als werkdag.",
    )

    class Meta:
        verbose_name = "instelling klantcontact"
        verbose_name_plural = "instellingen klantcontact"

    def __str__(self) -> str:
        return f"Klantcontact {self.gemeente}"


class Webvraag(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_BEHANDELING = "in_behandeling", "In behandeling"
        BEANTWOORD = "beantwoord", "Beantwoord"

    class Antwoordkanaal(models.TextChoices):
        EMAIL = "email", "E-mail"
        MIJN_LOKET = "mijn_loket", "Mijn Loket"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="+"
    )
    naam = models.CharField(max_length=200)
    emailadres = models.EmailField("e-mailadres")
    telefoonnummer = models.CharField(max_length=20, blank=True)
    onderwerp = models.CharField(max_length=200)
    vraag = models.TextField()
    # Filled when the asker was logged in with DigiD (bsn) or eHerkenning (kvk).
    bsn = models.CharField("BSN", max_length=9, blank=True)
    kvk = models.CharField("KvK-nummer", max_length=8, blank=True)
    ontvangen_op = models.DateTimeField()
    antwoorden_voor = models.DateTimeField(
        help_text="Ontvangen plus de antwoordtermijn van de gemeente in werkdagen."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default="open")
    behandelaar = models.ForeignKey(
        "organisaties.Medewerker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    antwoord = models.TextField(blank=True)
    antwoordkanaal = models.CharField(
        max_length=20, choices=Antwoordkanaal.choices, blank=True
    )
    beantwoord_op = models.DateTimeField(null=True, blank=True)
    # When the confirmation and the answer (or its notice) were e-mailed: a task
    # that runs twice sends once.
    bevestiging_gemaild_op = models.DateTimeField(null=True, blank=True)
    antwoord_gemaild_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "webvraag"
        verbose_name_plural = "webvragen"
        ordering = ["antwoorden_voor", "pk"]
        indexes = [
            models.Index(
                fields=["gemeente", "status", "antwoorden_voor"], name="webvraag_inbox"
            ),
            models.Index(fields=["bsn"], name="webvraag_bsn", condition=~Q(bsn="")),
            models.Index(fields=["kvk"], name="webvraag_kvk", condition=~Q(kvk="")),
            models.Index(fields=["emailadres", "ontvangen_op"], name="webvraag_email"),
        ]

    def __str__(self) -> str:
        return self.onderwerp

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.BEANTWOORD

    @property
    def is_ingelogd(self) -> bool:
        """Asked after logging in: the answer can go to Mijn Loket."""
        return bool(self.bsn or self.kvk)


class Contactmoment(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="+"
    )
    kanaal = models.CharField(max_length=20, choices=Kanaal.choices)
    onderwerp = models.CharField(max_length=200)
    tekst = models.TextField(blank=True)
    # The klant; all empty for an anonymous contact.
    bsn = models.CharField("BSN", max_length=9, blank=True)
    kvk = models.CharField("KvK-nummer", max_length=8, blank=True)
    naam = models.CharField(max_length=200, blank=True)
    zaak = models.ForeignKey(
        "zaken.Zaak",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    webvraag = models.ForeignKey(
        Webvraag,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contactmomenten",
    )
    medewerker = models.ForeignKey(
        "organisaties.Medewerker",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    medewerker_naam = models.CharField(max_length=150)
    tijdstip = models.DateTimeField()

    class Meta:
        verbose_name = "contactmoment"
        verbose_name_plural = "contactmomenten"
        ordering = ["-tijdstip", "-pk"]
        indexes = [
            models.Index(
                fields=["bsn", "-tijdstip"],
                name="contactmoment_bsn",
                condition=~Q(bsn=""),
            ),
            models.Index(
                fields=["kvk", "-tijdstip"],
                name="contactmoment_kvk",
                condition=~Q(kvk=""),
            ),
            models.Index(fields=["medewerker", "-tijdstip"], name="contactmoment_wie"),
        ]

    def __str__(self) -> str:
        return self.onderwerp


class Terugbelverzoek(models.Model):
    """A warm handover: the KCC could not answer and a team calls back, knowing
    what was already asked and said."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        OPGEPAKT = "opgepakt", "Opgepakt"
        AFGEHANDELD = "afgehandeld", "Afgehandeld"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contactmoment = models.OneToOneField(
        Contactmoment, on_delete=models.CASCADE, related_name="terugbelverzoek"
    )
    team = models.ForeignKey(
        "organisaties.Team", on_delete=models.PROTECT, related_name="+"
    )
    telefoonnummer = models.CharField(max_length=20)
    beste_moment = models.CharField(max_length=200, blank=True)
    toelichting = models.TextField(
        help_text="Wat er al gevraagd en gezegd is, zodat de inwoner het niet "
        "opnieuw hoeft te vertellen."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default="open")
    aangemaakt_op = models.DateTimeField()
    opgepakt_door = models.ForeignKey(
        "organisaties.Medewerker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opgepakt_op = models.DateTimeField(null=True, blank=True)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    afhandeling = models.TextField(blank=True)
    team_gemaild_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "terugbelverzoek"
        verbose_name_plural = "terugbelverzoeken"
        ordering = ["aangemaakt_op", "pk"]
        indexes = [
            models.Index(
                fields=["team", "status", "aangemaakt_op"], name="terugbel_team"
            )
        ]

    def __str__(self) -> str:
        return f"Terugbellen: {self.contactmoment.onderwerp}"


class Kennisartikel(models.Model):
    """A ready answer the contact centre can search and use."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.CASCADE, related_name="+"
    )
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Leeg: het artikel geldt voor alle gemeenten van de organisatie.",
    )
    titel = models.CharField(max_length=200)
    tekst = models.TextField(
        help_text="Het antwoord, zoals u het aan een inwoner geeft."
    )
    trefwoorden = models.CharField(
        max_length=500,
        blank=True,
        help_text="Andere woorden waarop medewerkers zoeken, gescheiden door komma's.",
    )
    actief = models.BooleanField(default=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "kennisartikel"
        verbose_name_plural = "kennisartikelen"
        ordering = ["titel", "pk"]

    def __str__(self) -> str:
        return self.titel
