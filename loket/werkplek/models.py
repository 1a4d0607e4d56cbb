"""What the werkplek keeps beside the registers.

``Behandeling`` is a read model: one row per zaak with what queues, counts and
search need (team, handler, phase, deadline, initiator), rebuilt from the Zaken
register whenever a zaak, its status or its rollen change (``leesmodel``). The
register stays the truth; the row can always be rebuilt from it.
"""

from django.db import models


class Fase(models.TextChoices):
    NIEUW = "nieuw", "Nieuw"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    OPGESCHORT = "opgeschort", "Opgeschort"
    AFGEHANDELD = "afgehandeld", "Afgehandeld"


class Behandeling(models.Model):
    zaak = models.OneToOneField(
        "zaken.Zaak", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    zaaktype = models.ForeignKey(
        "catalogi.ZaakType", on_delete=models.CASCADE, related_name="+"
    )
    # Vertrouwelijkheid.rank of the zaak's aanduiding: 0 openbaar .. 7 zeer geheim.
    vertrouwelijkheid = models.PositiveSmallIntegerField()
    team = models.ForeignKey(
        "organisaties.Team",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    behandelaar = models.ForeignKey(
        "organisaties.Medewerker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fase = models.CharField(max_length=20, choices=Fase.choices)
    status = models.CharField(
        max_length=80, blank=True, help_text="De omschrijving van de laatste status."
    )
    identificatie = models.CharField(max_length=40)
    omschrijving = models.CharField(max_length=80, blank=True)
    registratiedatum = models.DateField()
    uiterste_datum = models.DateField(
        null=True,
        blank=True,
        help_text="De uiterlijke einddatum van afdoening, anders de geplande.",
    )
    einddatum = models.DateField(null=True, blank=True)
    initiator_naam = models.CharField(max_length=200, blank=True)
    initiator_bsn = models.CharField(max_length=9, blank=True)
    initiator_kvk = models.CharField(max_length=8, blank=True)
    initiator_adres = models.CharField(max_length=200, blank=True)
    # Everything search matches on, in one text: identificatie, omschrijving,
    # name, address, BSN, KvK. PostgreSQL searches it with a full-text index.
    zoektekst = models.TextField(blank=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "behandeling"
        verbose_name_plural = "behandelingen"
        indexes = [
            models.Index(
                fields=["team", "fase", "uiterste_datum"], name="behandeling_team"
            ),
            models.Index(
                fields=["team", "fase", "registratiedatum"],
                name="behandeling_team_registratie",
            ),
            # Open zaken only (a small part of all), with what access and the
            # counts test, so queue counts read only the index (PostgreSQL).
            models.Index(
                fields=["team", "fase", "uiterste_datum"],
                name="behandeling_open",
                include=["zaak", "vertrouwelijkheid", "gemeente", "behandelaar"],
                condition=models.Q(fase__in=["nieuw", "in_behandeling", "opgeschort"]),
            ),
            # Zaken whose term runs, by deadline: "verlopen" and "bijna verlopen".
            models.Index(
                fields=["team", "uiterste_datum"],
                name="behandeling_lopend",
                include=["zaak", "vertrouwelijkheid", "gemeente", "behandelaar"],
                condition=models.Q(fase__in=["nieuw", "in_behandeling"]),
            ),
            models.Index(
                fields=["behandelaar", "fase", "uiterste_datum"],
                name="behandeling_behandelaar",
            ),
            models.Index(fields=["identificatie"], name="behandeling_identificatie"),
            models.Index(
                fields=["initiator_bsn"],
                name="behandeling_bsn",
                condition=~models.Q(initiator_bsn=""),
            ),
            models.Index(
                fields=["initiator_kvk"],
                name="behandeling_kvk",
                condition=~models.Q(initiator_kvk=""),
            ),
        ]

    def __str__(self) -> str:
        return self.identificatie

    @property
    def is_open(self) -> bool:
        return self.einddatum is None


class Routering(models.Model):
    """Which team of an organisation handles a zaaktype (by its identificatie, so
    it holds for every version) when a zaak arrives without a behandelaar."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.CASCADE, related_name="+"
    )
    zaaktype_identificatie = models.CharField(max_length=50)
    team = models.ForeignKey(
        "organisaties.Team", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = "routering"
        verbose_name_plural = "routeringen"
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "zaaktype_identificatie"],
                name="routering_eenmaal_per_zaaktype",
            )
        ]

    def __str__(self) -> str:
        return f"{self.zaaktype_identificatie} → {self.team}"


class Notitie(models.Model):
    """An internal note on a zaak; never shown to the resident."""

    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="+")
    medewerker = models.ForeignKey(
        "organisaties.Medewerker",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    medewerker_naam = models.CharField(max_length=150)
    tekst = models.TextField()
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "notitie"
        verbose_name_plural = "notities"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["zaak", "-aangemaakt_op"], name="notitie_zaak")]

    def __str__(self) -> str:
        return self.tekst[:40]


class Briefsjabloon(models.Model):
    """A letter with merge fields ({{ naam }}, {{ zaak.identificatie }}, ...) that a
    handler turns into a PDF document of the zaak."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.CASCADE, related_name="+"
    )
    naam = models.CharField(max_length=100)
    onderwerp = models.CharField(max_length=200)
    tekst = models.TextField(
        help_text="De brief; invulvelden tussen dubbele accolades, zie de lijst "
        "hieronder."
    )
    informatieobjecttype_omschrijving = models.CharField(
        max_length=80,
        blank=True,
        help_text="Het documenttype van de brief in de zaak (omschrijving van het "
        "informatieobjecttype); leeg: het eerste dat het zaaktype toestaat.",
    )

    class Meta:
        verbose_name = "briefsjabloon"
        verbose_name_plural = "briefsjablonen"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "naam"], name="briefsjabloon_naam_uniek"
            )
        ]

    def __str__(self) -> str:
        return self.naam
