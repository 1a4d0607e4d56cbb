from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone


class Inlogpoging(models.Model):
    """One step of a staff login, kept for throttling and for the security officer."""

    class Stap(models.TextChoices):
        WACHTWOORD = "wachtwoord", "Wachtwoord"
        CODE = "code", "Tweede factor"
        HERSTEL = "herstel", "Wachtwoord vergeten"

    class Uitkomst(models.TextChoices):
        INGELOGD = "ingelogd", "Ingelogd"
        VERDER = "verder", "Juist, volgende stap"
        MISLUKT = "mislukt", "Mislukt"
        GEBLOKKEERD = "geblokkeerd", "Geweigerd: geblokkeerd"
        AANGEVRAAGD = "aangevraagd", "Aangevraagd"

    tijdstip = models.DateTimeField(default=timezone.now)
    email = models.CharField(
        "e-mailadres", max_length=254, help_text="Zoals ingetypt, in kleine letters."
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip_adres = models.GenericIPAddressField("IP-adres", null=True, blank=True)
    stap = models.CharField(max_length=20, choices=Stap.choices)
    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices)

    class Meta:
        ordering = ["-tijdstip"]
        verbose_name = "inlogpoging"
        verbose_name_plural = "inlogpogingen"
        indexes = [
            models.Index(fields=["email", "tijdstip"], name="inlogpoging_email_idx"),
            models.Index(fields=["ip_adres", "tijdstip"], name="inlogpoging_ip_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.email} {self.get_stap_display()} {self.get_uitkomst_display()}"


class OidcKoppeling(models.Model):
    """How residents (DigiD) or businesses (eHerkenning) of one gemeente log in:
    an OpenID Connect provider (often a broker) and Loket's registration there.

    The client secret is never stored here: ``client_secret_env`` names the
    environment variable (LOKET_OIDC_…) that holds it."""

    class Middel(models.TextChoices):
        DIGID = "digid", "DigiD"
        EHERKENNING = "eherkenning", "eHerkenning"

    class Niveau(models.TextChoices):
        BASIS = "basis", "Basis"
        MIDDEN = "midden", "Midden"
        SUBSTANTIEEL = "substantieel", "Substantieel"
        HOOG = "hoog", "Hoog"

    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        on_delete=models.CASCADE,
        related_name="oidc_koppelingen",
    )
    middel = models.CharField("inlogmiddel", max_length=20, choices=Middel.choices)
    issuer = models.URLField(
        "issuer",
        max_length=500,
        help_text="Het adres van de OpenID Connect-provider, zonder "
        "/.well-known/openid-configuration. Loket haalt de rest daar op.",
    )
    client_id = models.CharField(
        "client-ID",
        max_length=255,
        help_text="De naam waaronder Loket bij de provider bekend is.",
    )
    client_secret_env = models.CharField(
        "omgevingsvariabele met het geheim",
        max_length=100,
        blank=True,
        validators=[
            RegexValidator(
                r"^LOKET_OIDC_[A-Z0-9_]+$",
                "Gebruik een naam die begint met LOKET_OIDC_, met alleen "
                "hoofdletters, cijfers en _.",
            )
        ],
        help_text="De naam van de omgevingsvariabele waarin het client secret "
        "staat, bijvoorbeeld LOKET_OIDC_DUINWAARD_DIGID. Het geheim zelf staat "
        "nooit in de database. Leeg: alleen voor de test-identiteitsprovider.",
    )
    scopes = models.CharField(
        "scopes",
        max_length=500,
        default="openid",
        help_text="Gescheiden door spaties; openid is altijd nodig.",
    )
    claim_bsn = models.CharField("claim met het BSN", max_length=200, default="bsn")
    claim_kvk = models.CharField(
        "claim met het KvK-nummer", max_length=200, default="kvk"
    )
    claim_vestiging = models.CharField(
        "claim met het vestigingsnummer",
        max_length=200,
        default="vestiging",
        blank=True,
    )
    claim_niveau = models.CharField(
        "claim met het betrouwbaarheidsniveau",
        max_length=200,
        default="loa",
        blank=True,
    )
    claim_naam = models.CharField(
        "claim met de naam", max_length=200, default="name", blank=True
    )
    minimum_niveau = models.CharField(
        "minimaal betrouwbaarheidsniveau",
        max_length=20,
        choices=Niveau.choices,
        default=Niveau.MIDDEN,
        help_text="Wie met een lager niveau inlogt, wordt geweigerd.",
    )
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name = "DigiD- of eHerkenning-koppeling"
        verbose_name_plural = "DigiD- en eHerkenning-koppelingen"
        ordering = ["gemeente__naam", "middel"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "middel"], name="oidc_koppeling_per_middel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_middel_display()} voor {self.gemeente}"
