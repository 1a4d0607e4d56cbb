"""Form definitions (a functional administrator builds them in the beheer), the
drafts residents fill in step by step, and the submissions that became zaken."""

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.db import models


class Doelgroep(models.TextChoices):
    BURGER = "burger", "Inwoners (DigiD)"
    BEDRIJF = "bedrijf", "Bedrijven (eHerkenning)"
    BEIDE = "beide", "Inwoners en bedrijven"


class Kanaal(models.TextChoices):
    """How a submission came in; the label is the communicatiekanaal of the zaak
    (referentielijsten)."""

    WEB = "web", "Website/e-formulier"
    BALIE = "balie", "Balie"
    TELEFOON = "telefoon", "Telefoon"
    POST = "post", "Post"


class Veldtype(models.TextChoices):
    TEKST = "tekst", "Tekst (één regel)"
    TEKSTVAK = "tekstvak", "Tekstvak (meer regels)"
    GETAL = "getal", "Getal"
    DATUM = "datum", "Datum"
    KEUZE = "keuze", "Keuze (één antwoord)"
    MEERKEUZE = "meerkeuze", "Meerkeuze (meer antwoorden)"
    EMAIL = "email", "E-mailadres"
    TELEFOON = "telefoon", "Telefoonnummer"
    IBAN = "iban", "IBAN (bankrekeningnummer)"
    ADRES = "adres", "Adres (postcode en huisnummer)"
    BESTAND = "bestand", "Bestand (upload)"
    HERHAALGROEP = "herhaalgroep", "Herhaalgroep"


class Prefill(models.TextChoices):
    PERSOON_NAAM = "persoon.naam", "Naam uit de BRP"
    PERSOON_ADRES = "persoon.adres", "Adres uit de BRP"
    PERSOON_GEBOORTEDATUM = "persoon.geboortedatum", "Geboortedatum uit de BRP"
    BEDRIJF_NAAM = "bedrijf.naam", "Bedrijfsnaam uit het Handelsregister"
    BEDRIJF_ADRES = "bedrijf.adres", "Adres uit het Handelsregister"
    BEDRIJF_KVK = "bedrijf.kvk", "KvK-nummer"


class Formulier(models.Model):
    """The e-form of one product in one gemeente."""

    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.CASCADE, related_name="formulieren"
    )
    product_slug = models.SlugField(
        "product",
        max_length=100,
        help_text="Het webadres van het product in de productencatalogus, "
        "bijvoorbeeld parkeervergunning-bewoners.",
    )
    naam = models.CharField(
        max_length=200,
        help_text="De naam boven het formulier, als het product geen naam heeft.",
    )
    inleiding = models.TextField(
        blank=True, help_text="Wat de inwoner moet weten vóór het invullen."
    )
    doelgroep = models.CharField(
        max_length=10, choices=Doelgroep.choices, default=Doelgroep.BURGER
    )
    zaaktype_identificatie = models.CharField(
        max_length=50,
        blank=True,
        help_text="Het zaaktype in de catalogus van de gemeente, als het product er "
        "geen noemt (bijvoorbeeld PARKEERVERGUNNING-BEWONERS).",
    )
    documenttype = models.CharField(
        max_length=100,
        blank=True,
        help_text="Het documenttype voor de PDF van de aanvraag. Leeg: het eerste "
        "inkomende documenttype van het zaaktype.",
    )
    actief = models.BooleanField(
        default=True, help_text="Alleen een actief formulier kan worden ingevuld."
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["gemeente__naam", "naam"]
        verbose_name = "formulier"
        verbose_name_plural = "formulieren"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "product_slug"], name="formulier_per_product"
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.gemeente})"


class Stap(models.Model):
    formulier = models.ForeignKey(
        Formulier, on_delete=models.CASCADE, related_name="stappen"
    )
    volgorde = models.PositiveSmallIntegerField(default=1)
    titel = models.CharField(max_length=200)
    toelichting = models.TextField(blank=True)

    class Meta:
        ordering = ["formulier_id", "volgorde", "pk"]
        verbose_name = "stap"
        verbose_name_plural = "stappen"

    def __str__(self) -> str:
        return self.titel


class Veld(models.Model):
    """One question. A field with a ``groep`` is part of that herhaalgroep (in the
    same step) and is asked once per repetition."""

    stap = models.ForeignKey(Stap, on_delete=models.CASCADE, related_name="velden")
    groep = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="kinderen",
        limit_choices_to={"type": Veldtype.HERHAALGROEP},
        help_text="Alleen voor een vraag binnen een herhaalgroep.",
    )
    volgorde = models.PositiveSmallIntegerField(default=1)
    sleutel = models.SlugField(
        max_length=50,
        help_text="Korte unieke naam binnen het formulier, zonder spaties "
        "(bijvoorbeeld kenteken).",
    )
    label = models.CharField(max_length=200)
    hulptekst = models.CharField(max_length=500, blank=True)
    type = models.CharField(max_length=15, choices=Veldtype.choices)
    verplicht = models.BooleanField(default=True)
    keuzes = models.JSONField(
        default=list,
        blank=True,
        help_text='Bij keuze en meerkeuze: de antwoorden, als lijst: ["Ja", "Nee"].',
    )
    minimum = models.IntegerField(
        null=True,
        blank=True,
        help_text="Getal: kleinste waarde. Datum: vroegste dag, in dagen vanaf "
        "vandaag (-5 is vijf dagen geleden). Herhaalgroep: minste aantal.",
    )
    maximum = models.IntegerField(
        null=True,
        blank=True,
        help_text="Getal: grootste waarde. Datum: laatste dag, in dagen vanaf "
        "vandaag. Tekst: meeste tekens. Herhaalgroep: meeste aantal.",
    )
    max_mb = models.PositiveSmallIntegerField(
        "grootste bestand (MB)", null=True, blank=True
    )
    bestandstypen = models.CharField(
        max_length=100,
        blank=True,
        help_text="Bij een bestand: toegestane soorten, bijvoorbeeld pdf,jpg,png.",
    )
    documenttype = models.CharField(
        max_length=100,
        blank=True,
        help_text="Bij een bestand: het documenttype in de zaak (leeg: het "
        "documenttype van het formulier).",
    )
    conditie_veld = models.SlugField(
        max_length=50,
        blank=True,
        help_text="Toon deze vraag alleen als de vraag met deze sleutel …",
    )
    conditie_waarde = models.CharField(
        max_length=200, blank=True, help_text="… dit antwoord heeft."
    )
    prefill = models.CharField(
        max_length=30,
        choices=Prefill.choices,
        blank=True,
        help_text="Vul in uit een basisregistratie; de inwoner kan het dan niet "
        "wijzigen.",
    )
    eigenschap = models.CharField(
        "zaakeigenschap",
        max_length=20,
        blank=True,
        help_text="Naam van de eigenschap van het zaaktype waarin het antwoord komt.",
    )
    zaakobject = models.BooleanField(
        default=False, help_text="Bij een adres: leg het vast als object van de zaak."
    )

    class Meta:
        ordering = ["stap_id", "volgorde", "pk"]
        verbose_name = "veld"
        verbose_name_plural = "velden"

    def __str__(self) -> str:
        return self.label

    @property
    def bestandstypen_lijst(self) -> list[str]:
        from loket.formulieren.velden import toegestane_typen

        return toegestane_typen(self)

    @property
    def bestandstypen_tekst(self) -> str:
        from loket.formulieren.velden import opsomming

        return opsomming([t.upper() for t in self.bestandstypen_lijst])

    def clean(self) -> None:
        if self.type in (Veldtype.KEUZE, Veldtype.MEERKEUZE) and not (
            isinstance(self.keuzes, list)
            and self.keuzes
            and all(isinstance(k, str) and k.strip() for k in self.keuzes)
        ):
            raise ValidationError({"keuzes": "Geef de antwoorden als lijst met tekst."})
        if self.type == Veldtype.BESTAND and not self.bestandstypen:
            raise ValidationError(
                {"bestandstypen": "Geef aan welke soorten bestanden mogen."}
            )
        if self.zaakobject and self.type != Veldtype.ADRES:
            raise ValidationError(
                {"zaakobject": "Alleen een adres kan het object van de zaak zijn."}
            )
        if self.groep_id and self.groep.stap_id != self.stap_id:
            raise ValidationError(
                {"groep": "De herhaalgroep moet in dezelfde stap staan."}
            )
        if self.groep_id and self.type == Veldtype.HERHAALGROEP:
            raise ValidationError(
                {"groep": "Een herhaalgroep kan niet in een herhaalgroep staan."}
            )


def _token() -> str:
    return secrets.token_urlsafe(32)


class Concept(models.Model):
    """A form being filled in, saved on the server after every step."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    formulier = models.ForeignKey(
        Formulier, on_delete=models.CASCADE, related_name="concepten"
    )
    bsn = models.CharField(max_length=9, blank=True, db_index=True)
    kvk = models.CharField(max_length=8, blank=True, db_index=True)
    vestigingsnummer = models.CharField(max_length=12, blank=True)
    naam = models.CharField(max_length=200, blank=True)
    kanaal = models.CharField(max_length=10, choices=Kanaal.choices, default=Kanaal.WEB)
    medewerker = models.ForeignKey(
        "organisaties.Medewerker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Wie het formulier invult namens de inwoner (balie, telefoon).",
    )
    antwoorden = models.JSONField(default=dict, blank=True)
    prefill = models.JSONField(
        default=dict, blank=True, help_text="Wat de basisregistraties gaven."
    )
    herhalingen = models.JSONField(
        default=dict, blank=True, help_text="Aantal keer per herhaalgroep."
    )
    huidige_stap = models.PositiveSmallIntegerField(default=0)
    token = models.CharField(max_length=64, unique=True, default=_token)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField()
    verloopt_op = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-gewijzigd_op"]
        verbose_name = "concept"
        verbose_name_plural = "concepten"

    def __str__(self) -> str:
        return f"Concept {self.formulier.naam} ({self.gewijzigd_op:%d-%m-%Y})"


class Bijlage(models.Model):
    """A file uploaded into a concept, kept until the concept is submitted (then
    it is a document in the zaak) or expires."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="bijlagen"
    )
    sleutel = models.CharField(max_length=120)
    bestand = models.FileField(upload_to="formulieren/bijlagen/%Y/%m/")
    naam = models.CharField(max_length=255)
    grootte = models.PositiveBigIntegerField()
    formaat = models.CharField(max_length=100)
    geupload_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"

    def __str__(self) -> str:
        return self.naam


class Inzending(models.Model):
    """A submitted form: the answers as sent, and the zaak it became. One per
    concept (the concept is the idempotency key of the submission)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    concept = models.OneToOneField(
        Concept, on_delete=models.PROTECT, related_name="inzending"
    )
    formulier = models.ForeignKey(
        Formulier, on_delete=models.PROTECT, related_name="inzendingen"
    )
    antwoorden = models.JSONField(help_text="De antwoorden zoals ze zijn verstuurd.")
    kanaal = models.CharField(max_length=10, choices=Kanaal.choices)
    bsn = models.CharField(max_length=9, blank=True, db_index=True)
    kvk = models.CharField(max_length=8, blank=True, db_index=True)
    vestigingsnummer = models.CharField(max_length=12, blank=True)
    naam = models.CharField(max_length=200, blank=True)
    ingediend_door = models.CharField(
        max_length=255, help_text="De inwoner zelf, of de medewerker namens hem."
    )
    zaak_uuid = models.UUIDField()
    zaak_identificatie = models.CharField(max_length=40)
    einddatum_verwacht = models.DateField(null=True, blank=True)
    ingediend_op = models.DateTimeField()

    class Meta:
        ordering = ["-ingediend_op"]
        verbose_name = "inzending"
        verbose_name_plural = "inzendingen"

    def __str__(self) -> str:
        return f"{self.formulier.naam}: {self.zaak_identificatie}"
