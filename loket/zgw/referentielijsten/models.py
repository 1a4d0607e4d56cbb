import uuid

from django.db import models


class ProcesType(models.Model):
    """A group of processes with the same archiving characteristics (Selectielijst)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    nummer = models.PositiveIntegerField()
    jaar = models.PositiveIntegerField(help_text="Jaar van de selectielijst.")
    naam = models.CharField(max_length=100)
    omschrijving = models.CharField(max_length=300)
    toelichting = models.TextField(blank=True)
    procesobject = models.CharField(max_length=80)

    class Meta:
        ordering = ["jaar", "nummer"]
        verbose_name = "procestype"
        verbose_name_plural = "procestypen"
        constraints = [
            models.UniqueConstraint(fields=["jaar", "nummer"], name="procestype_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.naam} ({self.jaar})"


class Waardering(models.TextChoices):
    BLIJVEND_BEWAREN = "blijvend_bewaren", "Blijvend bewaren"
    VERNIETIGEN = "vernietigen", "Vernietigen"


class Procestermijn(models.TextChoices):
    NIHIL = "nihil", "Nihil"
    BESTAANSDUUR = "bestaansduur_procesobject", "Bestaansduur procesobject"
    INGESCHATTE_BESTAANSDUUR = (
        "ingeschatte_bestaansduur_procesobject",
        "Ingeschatte maximale bestaansduur procesobject",
    )
    VAST_TE_LEGGEN = "vast_te_leggen_datum", "Vast te leggen datum"
    SAMENGEVOEGD = "samengevoegd_met_bewaartermijn", "Samengevoegd met bewaartermijn"


TAAKGEBIEDEN = (
    "algemeen_bestuur_en_inrichting_organisatie",
    "bedrijfsvoering_en_personeel",
    "publieke_informatie_en_registratie",
    "burgerzaken",
    "veiligheid",
    "verkeer_en_vervoer",
    "economie",
    "onderwijs",
    "sport_cultuur_en_recreatie",
    "sociaal_domein",
    "volksgezonheid_en_milieu",
    "vhrosv",
    "heffen_belastingen",
    "alle_taakgebieden",
)


class Resultaat(models.Model):
    """A result class of the Selectielijst: keep or destroy, and after how long."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    proces_type = models.ForeignKey(
        ProcesType, on_delete=models.CASCADE, related_name="resultaten"
    )
    generiek_resultaat = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="specifieke_resultaten",
    )
    nummer = models.PositiveIntegerField()
    naam = models.CharField(max_length=40)
    omschrijving = models.CharField(max_length=150, blank=True)
    herkomst = models.CharField(max_length=200)
    waardering = models.CharField(max_length=20, choices=Waardering.choices, blank=True)
    procestermijn = models.CharField(
        max_length=50, choices=Procestermijn.choices, blank=True
    )
    bewaartermijn = models.CharField(
        max_length=20, blank=True, help_text="ISO 8601-duur, bijvoorbeeld P10Y."
    )
    toelichting = models.TextField(blank=True)
    procestermijn_opmerking = models.CharField(max_length=20, blank=True)
    algemeen_bestuur_en_inrichting_organisatie = models.BooleanField(default=False)
    bedrijfsvoering_en_personeel = models.BooleanField(default=False)
    publieke_informatie_en_registratie = models.BooleanField(default=False)
    burgerzaken = models.BooleanField(default=False)
    veiligheid = models.BooleanField(default=False)
    verkeer_en_vervoer = models.BooleanField(default=False)
    economie = models.BooleanField(default=False)
    onderwijs = models.BooleanField(default=False)
    sport_cultuur_en_recreatie = models.BooleanField(default=False)
    sociaal_domein = models.BooleanField(default=False)
    volksgezonheid_en_milieu = models.BooleanField(default=False)
    vhrosv = models.BooleanField(default=False)
    heffen_belastingen = models.BooleanField(default=False)
    alle_taakgebieden = models.BooleanField(default=False)

    class Meta:
        ordering = ["proces_type__jaar", "proces_type__nummer", "nummer"]
        verbose_name = "selectielijstresultaat"
        verbose_name_plural = "selectielijstresultaten"

    def __str__(self) -> str:
        return f"{self.volledig_nummer} {self.naam}"

    @property
    def volledig_nummer(self) -> str:
        if self.generiek_resultaat_id:
            return (
                f"{self.proces_type.nummer}.{self.generiek_resultaat.nummer}"
                f".{self.nummer}"
            )
        return f"{self.proces_type.nummer}.{self.nummer}"


class ResultaattypeOmschrijving(models.Model):
    """A generic description of a result type (e.g. Toegekend, Geweigerd)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    omschrijving = models.CharField(max_length=20, unique=True)
    definitie = models.CharField(max_length=255)
    opmerking = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["omschrijving"]
        verbose_name = "resultaattypeomschrijving (generiek)"
        verbose_name_plural = "resultaattypeomschrijvingen (generiek)"

    def __str__(self) -> str:
        return self.omschrijving


class Communicatiekanaal(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    naam = models.CharField(max_length=20, unique=True)
    omschrijving = models.CharField(max_length=200)

    class Meta:
        ordering = ["naam"]
        verbose_name = "communicatiekanaal"
        verbose_name_plural = "communicatiekanalen"

    def __str__(self) -> str:
        return self.naam
