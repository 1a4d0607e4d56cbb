"""Mijn Loket: messages between a handler and a resident about a zaak, the e-mail
address a resident gave for news about their zaken, the texts of those e-mails, and
which e-mails went out (so a retried task never mails twice)."""

from django.core.exceptions import ValidationError
from django.db import models

from loket.portaal.sjablonen import check_placeholders


class Soort(models.TextChoices):
    BSN = "bsn", "BSN (burger)"
    KVK = "kvk", "KvK-nummer (bedrijf)"


class Bericht(models.Model):
    """A message in the conversation about one zaak."""

    class Richting(models.TextChoices):
        AAN_INWONER = "aan_inwoner", "van de gemeente aan de aanvrager"
        VAN_INWONER = "van_inwoner", "van de aanvrager aan de gemeente"

    zaak = models.ForeignKey(
        "zaken.Zaak", on_delete=models.CASCADE, related_name="berichten"
    )
    richting = models.CharField(max_length=20, choices=Richting.choices)
    onderwerp = models.CharField(max_length=200)
    tekst = models.TextField(max_length=5000)
    afzender = models.CharField(
        max_length=200, help_text="Naam zoals de ontvanger die ziet."
    )
    medewerker = models.ForeignKey(
        "organisaties.Medewerker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verstuurd_op = models.DateTimeField()
    gelezen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["zaak_id", "verstuurd_op", "pk"]
        indexes = [models.Index(fields=["zaak", "verstuurd_op"], name="bericht_zaak")]
        verbose_name = "bericht"
        verbose_name_plural = "berichten"

    def __str__(self) -> str:
        return self.onderwerp


class Contactvoorkeur(models.Model):
    """Where a resident or company wants e-mail about their zaken."""

    soort = models.CharField(max_length=3, choices=Soort.choices)
    nummer = models.CharField(max_length=9, help_text="Het BSN of KvK-nummer.")
    emailadres = models.EmailField()
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "nummer"], name="contactvoorkeur_uniek"
            )
        ]
        verbose_name = "contactvoorkeur"
        verbose_name_plural = "contactvoorkeuren"

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.nummer}"


class Mailsjabloon(models.Model):
    """The e-mail a resident gets when their zaak reaches a status, or when the
    handler sends a message. The most specific one applies: for this statustype of
    this zaaktype, then for the zaaktype, then for the gemeente, then Loket's own."""

    class Gebeurtenis(models.TextChoices):
        STATUS = "status", "De zaak krijgt een nieuwe status"
        BERICHT = "bericht", "De behandelaar stuurt een bericht"

    gebeurtenis = models.CharField(max_length=10, choices=Gebeurtenis.choices)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Leeg: voor elke gemeente zonder eigen sjabloon.",
    )
    zaaktype_identificatie = models.CharField(
        "zaaktype",
        max_length=80,
        blank=True,
        help_text="De identificatie van het zaaktype; leeg: voor elk zaaktype.",
    )
    statustype_omschrijving = models.CharField(
        "status",
        max_length=80,
        blank=True,
        help_text="De omschrijving van het statustype; leeg: voor elke status.",
    )
    onderwerp = models.CharField(max_length=200)
    tekst = models.TextField(
        help_text="Gebruik {{ naam }}, {{ zaak }} (het zaaknummer), {{ zaaktype }}, "
        "{{ status }}, {{ statustekst }}, {{ gemeente }} en {{ link }}."
    )

    class Meta:
        verbose_name = "e-mailsjabloon"
        verbose_name_plural = "e-mailsjablonen"

    def __str__(self) -> str:
        waar = " / ".join(
            part
            for part in (
                self.gemeente.naam if self.gemeente_id else "alle gemeenten",
                self.zaaktype_identificatie,
                self.statustype_omschrijving,
            )
            if part
        )
        return f"{self.get_gebeurtenis_display()} ({waar})"

    def clean(self) -> None:
        problems = {}
        for field in ("onderwerp", "tekst"):
            try:
                check_placeholders(getattr(self, field))
            except ValidationError as error:
                problems[field] = error
        if self.statustype_omschrijving and self.gebeurtenis != self.Gebeurtenis.STATUS:
            problems["statustype_omschrijving"] = ValidationError(
                "Een status past alleen bij een sjabloon voor een nieuwe status."
            )
        same = Mailsjabloon.objects.filter(
            gebeurtenis=self.gebeurtenis,
            gemeente=self.gemeente_id,
            zaaktype_identificatie=self.zaaktype_identificatie,
            statustype_omschrijving=self.statustype_omschrijving,
        ).exclude(pk=self.pk)
        if same.exists():
            problems["__all__"] = ValidationError(
                "Er is al een sjabloon voor deze gebeurtenis, gemeente, zaaktype en "
                "status. Pas dat sjabloon aan."
            )
        if problems:
            raise ValidationError(problems)


class Verzonden(models.Model):
    """One e-mail sent about a zaak, keyed on what caused it (a status, a message):
    a task that runs twice finds the key and does not send again."""

    sleutel = models.CharField(max_length=80, unique=True)
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="+")
    aan = models.EmailField()
    onderwerp = models.CharField(max_length=200)
    verzonden_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "verzonden e-mail"
        verbose_name_plural = "verzonden e-mails"

    def __str__(self) -> str:
        return self.sleutel
