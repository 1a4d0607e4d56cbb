"""What the satisfaction survey (KTO) keeps.

- ``Feedbackinstelling``: per gemeente, whether residents are invited, how long
  before the same person is invited again, and which grades ask for a call-back.
- ``Uitnodiging``: one invitation, about one bron (a closed zaak, an answered
  webvraag or a registered contactmoment), to one person, with a random token
  that is the key to the survey page.
- ``Antwoord``: an answer. It is anonymous by construction: no reference to the
  invitation or the person, only the month (not the day or time), a random
  primary key (so the order of rows says nothing), and channel and product.
"""

import functools
import operator
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

CIJFER = [MinValueValidator(1), MaxValueValidator(10)]
SCHAAL = [MinValueValidator(1), MaxValueValidator(5)]


class Feedbackinstelling(models.Model):
    """The survey's settings for one gemeente; a gemeente without a row uses
    the defaults (invitations on)."""

    gemeente = models.OneToOneField(
        "organisaties.Gemeente", on_delete=models.CASCADE, related_name="+"
    )
    actief = models.BooleanField(
        "inwoners uitnodigen",
        default=True,
        help_text="Uit: niemand krijgt nog een uitnodiging voor het "
        "tevredenheidsonderzoek van deze gemeente.",
    )
    wachtperiode_dagen = models.PositiveSmallIntegerField(
        "wachtperiode (dagen)",
        default=90,
        validators=[MinValueValidator(0), MaxValueValidator(730)],
        help_text="Wie een uitnodiging kreeg, krijgt binnen dit aantal dagen geen "
        "nieuwe, ook niet over iets anders.",
    )
    geldig_dagen = models.PositiveSmallIntegerField(
        "geldigheid uitnodiging (dagen)",
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Zo lang kan de inwoner de vragenlijst invullen.",
    )
    drempel_laag = models.PositiveSmallIntegerField(
        "terugbellen bij cijfer tot en met",
        default=4,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text="Een cijfer van deze waarde of lager geeft een terugbelverzoek, "
        "als de inwoner dat goedvindt. 0: nooit.",
    )
    drempel_hoog = models.PositiveSmallIntegerField(
        "terugbellen bij cijfer vanaf",
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(11)],
        help_text="Een cijfer van deze waarde of hoger geeft een terugbelverzoek, "
        "als de inwoner dat goedvindt. 11: nooit.",
    )
    team = models.ForeignKey(
        "organisaties.Team",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="team voor terugbellen",
        help_text="Leeg: geen terugbelverzoeken.",
    )

    class Meta:
        verbose_name = "instelling tevredenheidsonderzoek"
        verbose_name_plural = "instellingen tevredenheidsonderzoek"

    def __str__(self) -> str:
        return f"Tevredenheidsonderzoek {self.gemeente}"

    def clean(self) -> None:
        if (
            self.drempel_laag is not None
            and self.drempel_hoog is not None
            and self.drempel_hoog <= self.drempel_laag
        ):
            raise ValidationError(
                {
                    "drempel_hoog": "Dit cijfer moet hoger zijn dan het cijfer "
                    "waarbij u terugbelt omdat het laag is."
                }
            )


class Bron(models.TextChoices):
    ZAAK = "zaak", "Aanvraag"
    WEBVRAAG = "webvraag", "Vraag via de website"
    CONTACTMOMENT = "contactmoment", "Contact"


# What an invitation knows of the person (for Mijn Loket, the e-mail and a
# call-back), and the condition that it still knows any of it.
CONTACTGEGEVENS = ("bsn", "kvk", "naam", "emailadres", "telefoonnummer")
MET_CONTACTGEGEVENS = functools.reduce(
    operator.or_, (~Q(**{veld: ""}) for veld in CONTACTGEGEVENS)
)


class Uitnodiging(models.Model):
    token = models.CharField(max_length=64, unique=True, editable=False)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="+"
    )
    bron = models.CharField(max_length=20, choices=Bron.choices)
    # Zaak uuid, Webvraag pk or Contactmoment pk, as text.
    bron_id = models.CharField(max_length=64)
    onderwerp = models.CharField(
        max_length=200, help_text="Waar de vragenlijst over gaat, voor de inwoner."
    )
    kanaal = models.CharField(max_length=20, blank=True)  # sturing.kanalen key
    product = models.CharField(max_length=50, blank=True)  # zaaktype identificatie
    # Who: for Mijn Loket, the call-back and (via ``wie``) the wachtperiode.
    bsn = models.CharField("BSN", max_length=9, blank=True)
    kvk = models.CharField("KvK-nummer", max_length=8, blank=True)
    naam = models.CharField(max_length=200, blank=True)
    emailadres = models.EmailField("e-mailadres", blank=True)
    telefoonnummer = models.CharField(max_length=20, blank=True)
    # A keyed hash of bsn, kvk or e-mail address: the wachtperiode holds across
    # bronnen, also for someone who only left an e-mail address.
    wie = models.CharField(max_length=64)
    verstuurd_op = models.DateTimeField()
    geldig_tot = models.DateTimeField()
    # Deliberately no time of answering: it would let one match the invitation
    # to the anonymous answer.
    beantwoord = models.BooleanField(default=False)
    gemaild_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        ordering = ["-verstuurd_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bron", "bron_id"], name="uitnodiging_een_per_bron"
            )
        ]
        indexes = [
            models.Index(fields=["wie", "-verstuurd_op"], name="uitnodiging_wie"),
            models.Index(fields=["bsn"], name="uitnodiging_bsn", condition=~Q(bsn="")),
            models.Index(fields=["kvk"], name="uitnodiging_kvk", condition=~Q(kvk="")),
            # The invitations that still hold someone's contact details, by expiry:
            # ``services.vergeet_verlopen`` finds the expired ones without a scan.
            models.Index(
                fields=["geldig_tot"],
                name="uitnodiging_met_contact",
                condition=Q(beantwoord=False) & MET_CONTACTGEGEVENS,
            ),
        ]

    def __str__(self) -> str:
        return f"Uitnodiging: {self.onderwerp}"


class Opvolging(models.TextChoices):
    NIEUW = "nieuw", "Nieuw"
    OPGEVOLGD = "opgevolgd", "Opgevolgd"
    GEEN_ACTIE = "geen_actie", "Geen actie nodig"


class Antwoord(models.Model):
    """One anonymous answer; see the module docstring for why it has no date,
    no serial number and no link to anyone."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="+"
    )
    maand = models.DateField(help_text="De eerste dag van de maand van het antwoord.")
    kanaal = models.CharField(max_length=20, blank=True)
    product = models.CharField(max_length=50, blank=True)
    cijfer = models.PositiveSmallIntegerField(validators=CIJFER)
    snelheid = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCHAAL
    )
    geholpen = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCHAAL
    )
    gemak = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCHAAL)
    in_een_keer = models.PositiveSmallIntegerField(
        "in één keer", null=True, blank=True, validators=SCHAAL
    )
    opmerking = models.TextField(max_length=1000, blank=True)
    opvolging = models.CharField(
        max_length=20, choices=Opvolging.choices, default=Opvolging.NIEUW
    )
    opvolging_notitie = models.TextField(max_length=2000, blank=True)

    class Meta:
        verbose_name = "antwoord"
        verbose_name_plural = "antwoorden"
        indexes = [
            models.Index(fields=["gemeente", "maand"], name="antwoord_maand"),
            models.Index(
                fields=["gemeente", "opvolging", "maand"],
                name="antwoord_opmerking",
                condition=~Q(opmerking=""),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(cijfer__gte=1, cijfer__lte=10), name="antwoord_cijfer"
            ),
        ]

    def __str__(self) -> str:
        return f"Antwoord {self.maand:%Y-%m}: {self.cijfer}"
