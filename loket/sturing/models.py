"""What sturing keeps: monthly counts (``Telling``) that every indicator is computed
from, their sums over channels and products (``Maandtotaal``, for the dashboard),
the facts per zaak those counts follow (``Zaakfeit``), and per gemeente which
indicators the public page shows (``Sturinginstelling``).

Counts hold no personal data: a gemeente, a month, a channel, a zaaktype and a
bucketed value (a lead time in days, an answer time in hours, a grade)."""

from django.db import models

from loket.core.delen import deel_veld


class _Maandtelling(models.Model):
    """How often a meetpunt was counted in one month, per value; ``binnen_norm`` is
    how many of those were within their norm."""

    # The unique index of each subclass starts with gemeente: no index of its own.
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    meetpunt = models.CharField(max_length=40)
    maand = models.DateField(help_text="De eerste dag van de maand.")
    waarde = models.SmallIntegerField(
        default=0, help_text="Een emmer: dagen, uren, een cijfer; 0 bij een aantal."
    )
    aantal = models.IntegerField(default=0)
    binnen_norm = models.IntegerField(default=0)
    deel = deel_veld()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.meetpunt} {self.maand:%Y-%m}: {self.aantal}"


class Telling(_Maandtelling):
    """The count per channel and product: what every indicator is computed from."""

    kanaal = models.CharField(max_length=20, blank=True)
    product = models.CharField(
        max_length=50, blank=True, help_text="De identificatie van het zaaktype."
    )

    class Meta:
        verbose_name = "telling"
        verbose_name_plural = "tellingen"
        constraints = [
            # Also the index every read uses: gemeente, meetpunt, a range of months.
            models.UniqueConstraint(
                fields=[
                    *("gemeente", "meetpunt", "maand", "kanaal", "product", "waarde"),
                    "deel",
                ],
                name="telling_uniek",
            )
        ]


class Maandtotaal(_Maandtelling):
    """``Telling`` summed over channels and products: what the dashboard reads
    (every indicator, 24 months of trend) in a few thousand rows at a million
    zaken. ``web`` is the part through the website (for "zaken-online"). Kept in
    the same transaction as the ``Telling`` it sums (``services.tel``)."""

    web = models.IntegerField(default=0)

    class Meta:
        verbose_name = "maandtotaal"
        verbose_name_plural = "maandtotalen"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "meetpunt", "maand", "waarde", "deel"],
                name="maandtotaal_uniek",
            )
        ]


class Soort(models.TextChoices):
    ZAAK = "", "Zaak"
    KLACHT = "klacht", "Klacht"
    BEZWAAR = "bezwaar", "Bezwaar"


class Zaakfeit(models.Model):
    """What the counts know of one zaak, so that a change to the zaak moves its
    counts from the old buckets to the new ones (and nothing else)."""

    zaak = models.OneToOneField(
        "zaken.Zaak", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.CASCADE, related_name="+"
    )
    product = models.CharField(max_length=50, blank=True)
    kanaal = models.CharField(max_length=20)
    soort = models.CharField(
        max_length=10, choices=Soort.choices, blank=True, default=Soort.ZAAK
    )
    gestart = models.DateField()
    afgerond = models.DateField(null=True, blank=True)
    doorlooptijd_dagen = models.IntegerField(null=True, blank=True)
    binnen_norm = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = "zaakfeit"
        verbose_name_plural = "zaakfeiten"

    def __str__(self) -> str:
        return f"zaak {self.zaak_id}"


class Sturinginstelling(models.Model):
    """Sturing settings of one gemeente; without a row the defaults apply."""

    gemeente = models.OneToOneField(
        "organisaties.Gemeente", on_delete=models.CASCADE, related_name="+"
    )
    publieke_indicatoren = models.JSONField(
        "indicatoren op “Zo doen we het”",
        default=list,
        blank=True,
        help_text="De codes van de indicatoren die de openbare pagina toont, in "
        "deze volgorde.",
    )

    class Meta:
        verbose_name = "sturinginstelling"
        verbose_name_plural = "sturinginstellingen"

    def __str__(self) -> str:
        return f"Sturing van {self.gemeente}"
