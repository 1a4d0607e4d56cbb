from django.conf import settings
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
