"""The product and services catalogue (PDC).

A product is *defined* once by the organisation that delivers it
(``Productdefinitie``; a werkorganisatie serves several gemeenten) and *published*
in a gemeente (``Gemeenteproduct``). The publication may override any text or
setting of the definition; an empty override means "as the definition says".
``selectors.ProductView`` is the product as it applies in one gemeente.
Residents find products by name, by synonym or by life event
(``Levensgebeurtenis``).
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models

from loket.organisaties.models import Gemeente, Organisatie

# Slugs that are pages of their own under /<gemeente>/producten/.
RESERVED_SLUGS = frozenset({"levensgebeurtenis", "zoeken"})


class Kanaal(models.TextChoices):
    ONLINE = "online", "Online"
    BALIE = "balie", "Aan de balie"
    TELEFOON = "telefoon", "Telefonisch"
    POST = "post", "Per post"


class Doelgroep(models.TextChoices):
    BURGER = "burger", "Inwoners"
    BEDRIJF = "bedrijf", "Ondernemers en organisaties"
    BEIDE = "beide", "Inwoners en ondernemers"


def validate_kanalen(value) -> None:
    if not isinstance(value, list) or not all(
        isinstance(v, str) and v in Kanaal.values for v in value
    ):
        raise ValidationError(
            "Kies alleen uit deze kanalen: online, balie, telefoon, post.",
            code="kanaal",
        )
    if len(set(value)) != len(value):
        raise ValidationError("Noem elk kanaal maar één keer.", code="kanaal")


def validate_product_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            "Dit webadres is al in gebruik voor een andere pagina. Kies een ander.",
            code="reserved",
        )


class Levensgebeurtenis(models.Model):
    """A moment in life that leads people to the gemeente (moving, a birth)."""

    slug = models.SlugField("webadres", max_length=60, unique=True)
    naam = models.CharField(max_length=80, unique=True)
    uitleg = models.CharField(
        "korte uitleg",
        max_length=200,
        help_text="Eén zin in eenvoudig Nederlands (B1): waar gaat dit over?",
    )
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = "levensgebeurtenis"
        verbose_name_plural = "levensgebeurtenissen"

    def __str__(self) -> str:
        return self.naam


class ProductTeksten(models.Model):
    """The fields a definition has and a publication may override."""

    samenvatting = models.CharField(
        max_length=300,
        help_text="Eén of twee zinnen in eenvoudig Nederlands (B1): wat is het en "
        "voor wie?",
    )
    beschrijving = models.TextField(
        help_text="Uitleg in eenvoudig Nederlands (B1). Een lege regel begint een "
        "nieuwe alinea."
    )
    voorwaarden = models.TextField(
        "wat heeft u nodig",
        blank=True,
        help_text="De voorwaarden en wat de aanvrager moet meenemen of klaarhebben. "
        "Elke regel wordt een punt in een lijst.",
    )
    kosten = models.CharField(
        max_length=300,
        blank=True,
        help_text="Bijvoorbeeld '€ 52,40 per jaar' of 'Gratis'.",
    )
    uitkomst = models.CharField(
        "wat krijgt de aanvrager",
        max_length=100,
        blank=True,
        help_text="Voor de zin 'U krijgt binnen 2 weken …', bijvoorbeeld 'een "
        "besluit' of 'het uittreksel'.",
    )
    zaaktype_identificatie = models.CharField(
        "zaaktype",
        max_length=50,
        blank=True,
        help_text="De identificatie van het zaaktype in de catalogus van de "
        "gemeente, bijvoorbeeld PARKEERVERGUNNING-BEWONERS. Een aanvraag wordt een "
        "zaak van dit type.",
    )

    class Meta:
        abstract = True


class Productdefinitie(ProductTeksten):
    """A product as its organisation defines it, once for every gemeente it
    serves."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="productdefinities"
    )
    upl_naam = models.CharField(
        "UPL-naam",
        max_length=200,
        help_text="De naam op de Uniforme Productnamenlijst.",
    )
    upl_uri = models.URLField(
        "UPL-URI",
        max_length=200,
        help_text="Het webadres van de naam op de Uniforme Productnamenlijst.",
    )
    naam = models.CharField(
        max_length=150,
        help_text="De naam zoals inwoners hem zoeken, bijvoorbeeld 'Parkeervergunning "
        "voor bewoners'.",
    )
    slug = models.SlugField(
        "webadres",
        max_length=80,
        validators=[validate_product_slug],
        help_text="Het laatste deel van het webadres van de productpagina. Andere "
        "onderdelen van Loket (zoals formulieren) gebruiken het: wijzig het niet "
        "zomaar.",
    )
    servicenorm_dagen = models.PositiveSmallIntegerField(
        "servicenorm (dagen)",
        null=True,
        blank=True,
        help_text="Binnen hoeveel kalenderdagen de aanvrager een antwoord krijgt. "
        "Leeg: geen belofte.",
    )
    kanalen = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_kanalen],
        help_text="Waar kan iemand dit product aanvragen?",
    )
    online_aanvraagbaar = models.BooleanField(
        "helemaal online aan te vragen",
        default=False,
        help_text="Toont de knop 'Aanvragen' op de productpagina.",
    )
    doelgroep = models.CharField(
        max_length=10, choices=Doelgroep.choices, default=Doelgroep.BURGER
    )
    zoekwoorden = models.TextField(
        blank=True,
        help_text="Andere woorden waarmee mensen dit product zoeken, gescheiden "
        "door komma's. Bijvoorbeeld: verhuizen, nieuw adres.",
    )
    levensgebeurtenissen = models.ManyToManyField(
        Levensgebeurtenis, blank=True, related_name="productdefinities"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = "productdefinitie"
        verbose_name_plural = "productdefinities"
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "slug"],
                name="productdefinitie_slug_uniek_per_organisatie",
                violation_error_message="Uw organisatie heeft al een product met "
                "dit webadres.",
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Gemeenteproduct(ProductTeksten):
    """A definition published in one gemeente, with what differs there.

    Every override is optional: empty text, no number, no channel chosen and no
    life event chosen all mean "as the definition says". ``slug`` is the
    definition's, copied so that a page finds its product in one indexed query and
    two products of one gemeente cannot share an address.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="producten"
    )
    definitie = models.ForeignKey(
        Productdefinitie, on_delete=models.PROTECT, related_name="gemeenteproducten"
    )
    slug = models.SlugField("webadres", max_length=80, editable=False)
    gepubliceerd = models.BooleanField(
        default=True,
        help_text="Alleen gepubliceerde producten staan op de website van de gemeente.",
    )

    # Overrides; the abstract base's texts are overrides here too (blank allowed).
    samenvatting = models.CharField(max_length=300, blank=True)
    beschrijving = models.TextField(blank=True)
    naam = models.CharField(max_length=150, blank=True)
    servicenorm_dagen = models.PositiveSmallIntegerField(
        "servicenorm (dagen)", null=True, blank=True
    )
    kanalen = models.JSONField(default=list, blank=True, validators=[validate_kanalen])
    online_aanvraagbaar = models.BooleanField(
        "helemaal online aan te vragen", null=True, blank=True
    )
    doelgroep = models.CharField(max_length=10, choices=Doelgroep.choices, blank=True)
    zoekwoorden = models.TextField(
        "extra zoekwoorden",
        blank=True,
        help_text="Komen bij de zoekwoorden van de definitie, gescheiden door komma's.",
    )
    levensgebeurtenissen = models.ManyToManyField(
        Levensgebeurtenis, blank=True, related_name="gemeenteproducten"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["gemeente__naam", "slug"]
        verbose_name = "product in een gemeente"
        verbose_name_plural = "producten per gemeente"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "definitie"],
                name="gemeenteproduct_eenmaal_per_gemeente",
                violation_error_message="Dit product staat al in deze gemeente.",
            ),
            models.UniqueConstraint(
                fields=["gemeente", "slug"],
                name="gemeenteproduct_slug_uniek_per_gemeente",
                violation_error_message="Deze gemeente heeft al een product met dit "
                "webadres.",
            ),
        ]
        indexes = [models.Index(fields=["gemeente", "gepubliceerd"])]

    def __str__(self) -> str:
        return f"{self.naam or self.definitie.naam} ({self.gemeente})"
