"""Beleidsdoelen and the projectenboek.

A ``Programma`` groups ``Beleidsdoel``en of one gemeente; each goal names the
sturing indicator that measures it (its code in ``loket.sturing.indicatoren``),
a target value and the year it should be reached. ``Project``en in the
projectenboek serve one or more goals; they have a budget and what is spent,
``Mijlpaal``en, ``Risico``'s and a history of ``Projectstand``en: every update
by staff (status, spent, progress text) is a new row, so the history is kept.
"""

import uuid

from django.db import models


class Programma(models.Model):
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.CASCADE, related_name="+"
    )
    naam = models.CharField(max_length=120)
    omschrijving = models.TextField(blank=True)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "programma"
        verbose_name_plural = "programma's"
        ordering = ["gemeente", "volgorde", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "naam"], name="programma_naam_per_gemeente"
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Beleidsdoel(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    programma = models.ForeignKey(
        Programma, on_delete=models.CASCADE, related_name="doelen"
    )
    titel = models.CharField(max_length=200, help_text='Bijvoorbeeld "80% online".')
    toelichting = models.TextField(blank=True)
    indicator = models.CharField(
        max_length=40, help_text="De code van de sturingsindicator die dit meet."
    )
    streefwaarde = models.DecimalField(max_digits=9, decimal_places=2)
    jaar = models.PositiveSmallIntegerField(help_text="Het jaar waarin het moet.")
    nulmeting = models.DecimalField(
        max_digits=9, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = "beleidsdoel"
        verbose_name_plural = "beleidsdoelen"
        ordering = ["programma", "jaar", "titel"]

    def __str__(self) -> str:
        return self.titel


class Projectstatus(models.TextChoices):
    OP_KOERS = "op_koers", "Op koers"
    RISICO = "risico", "Risico"
    TE_LAAT = "te_laat", "Te laat"
    AFGEROND = "afgerond", "Afgerond"


class Project(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.CASCADE, related_name="+"
    )
    naam = models.CharField(max_length=160)
    omschrijving = models.TextField(blank=True)
    doelen = models.ManyToManyField(Beleidsdoel, blank=True, related_name="projecten")
    eigenaar = models.CharField(
        max_length=120, blank=True, help_text="Wie het project trekt (functie)."
    )
    begindatum = models.DateField(null=True, blank=True)
    einddatum = models.DateField(null=True, blank=True)
    budget = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    # The latest Projectstand, copied here so lists need no subquery.
    status = models.CharField(
        max_length=20, choices=Projectstatus.choices, default=Projectstatus.OP_KOERS
    )
    besteed = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    voortgang = models.TextField(blank=True)
    bijgewerkt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "project"
        verbose_name_plural = "projecten"
        ordering = ["gemeente", "naam"]

    def __str__(self) -> str:
        return self.naam


class Projectstand(models.Model):
    """One update of a project by staff; the newest is also on the project."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="standen"
    )
    datum = models.DateTimeField()
    status = models.CharField(max_length=20, choices=Projectstatus.choices)
    besteed = models.DecimalField(max_digits=12, decimal_places=2)
    voortgang = models.TextField()
    door = models.CharField(max_length=200, help_text="Naam en functie.")

    class Meta:
        verbose_name = "projectstand"
        verbose_name_plural = "projectstanden"
        ordering = ["project", "-datum"]

    def __str__(self) -> str:
        return f"{self.project} ({self.datum:%d-%m-%Y})"


class Mijlpaal(models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="mijlpalen"
    )
    naam = models.CharField(max_length=160)
    gepland = models.DateField()
    gehaald = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "mijlpaal"
        verbose_name_plural = "mijlpalen"
        ordering = ["project", "gepland"]

    def __str__(self) -> str:
        return self.naam


class Risico(models.Model):
    class Niveau(models.TextChoices):
        LAAG = "laag", "Laag"
        MIDDEN = "midden", "Midden"
        HOOG = "hoog", "Hoog"

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="risicos"
    )
    omschrijving = models.CharField(max_length=300)
    niveau = models.CharField(max_length=10, choices=Niveau.choices)
    maatregel = models.CharField(max_length=300, blank=True)
    gesloten = models.BooleanField(default=False)

    class Meta:
        verbose_name = "risico"
        verbose_name_plural = "risico's"
        ordering = ["project", "gesloten", "-niveau"]

    def __str__(self) -> str:
        return self.omschrijving
