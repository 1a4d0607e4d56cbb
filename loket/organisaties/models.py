"""Municipalities, the organisations that serve them, their teams and staff.

A *gemeente* is a tenant: its residents, products and zaken belong to it. An
*organisatie* employs staff and serves one or more gemeenten (a gemeente's own
organisation serves one; a werkorganisatie serves several). A staff member
(*medewerker*) belongs to one organisation and sees only the gemeenten it serves.
"""

import uuid

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import slugify

from loket.organisaties.roles import ROLLEN, Rolcode
from loket.organisaties.validators import (
    contrast_ratio,
    is_hex_colour,
    luminance,
    mix,
    validate_gemeentecode,
    validate_hex_colour,
    validate_logo,
    validate_rsin,
    validate_slug_not_reserved,
)
from loket.zgw.catalogi.choices import Vertrouwelijkheid

# The contrast WCAG 2.2 AA asks of text (1.4.3) and of interface parts (1.4.11).
MIN_CONTRAST_TEXT = 4.5
MIN_CONTRAST_UI = 3.0


def _logo_path(gemeente: "Gemeente", filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower()
    return f"gemeenten/{gemeente.uuid}/logo-{uuid.uuid4().hex[:8]}.{suffix}"


class Gemeente(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(
        max_length=100,
        unique=True,
        help_text="De naam zonder 'Gemeente', zoals inwoners hem kennen.",
    )
    slug = models.SlugField(
        "webadres",
        max_length=50,
        unique=True,
        validators=[validate_slug_not_reserved],
        help_text="Het deel van het webadres na de /, bijvoorbeeld 'duinwaard'.",
    )
    gemeentecode = models.CharField(
        "gemeentecode",
        max_length=4,
        unique=True,
        validators=[validate_gemeentecode],
        help_text="De viercijferige code van CBS en RvIG (tabel 33), "
        "bijvoorbeeld 0626.",
    )
    rsin = models.CharField(
        "RSIN",
        max_length=9,
        unique=True,
        validators=[validate_rsin],
        help_text="Het RSIN van de gemeente; wordt de bronorganisatie van haar zaken.",
    )
    actief = models.BooleanField(
        default=True,
        help_text="Alleen actieve gemeenten hebben een openbare website in Loket.",
    )

    bezoekadres = models.TextField(blank=True)
    postadres = models.TextField(blank=True)
    telefoonnummer = models.CharField(max_length=20, blank=True)
    emailadres = models.EmailField("e-mailadres", blank=True)
    website = models.URLField(blank=True, help_text="De eigen website van de gemeente.")
    welkomsttekst = models.TextField(
        blank=True,
        help_text="Korte tekst bovenaan de startpagina, in eenvoudig Nederlands (B1).",
    )

    logo = models.FileField(
        upload_to=_logo_path,
        blank=True,
        validators=[validate_logo],
        help_text="SVG, PNG, JPEG of WebP, hoogstens 512 kB.",
    )
    kleur_primair = models.CharField(
        "hoofdkleur",
        max_length=7,
        default="#154273",
        validators=[validate_hex_colour],
        help_text="Kleur van de kopbalk en de belangrijkste knoppen.",
    )
    kleur_primair_tekst = models.CharField(
        "tekstkleur op hoofdkleur",
        max_length=7,
        default="#ffffff",
        validators=[validate_hex_colour],
        help_text="Kleur van tekst op de hoofdkleur; moet goed leesbaar zijn.",
    )
    kleur_link = models.CharField(
        "linkkleur",
        max_length=7,
        default="#01689b",
        validators=[validate_hex_colour],
        help_text="Kleur van links op een witte achtergrond.",
    )

    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        errors = {}
        colours = (self.kleur_primair, self.kleur_primair_tekst, self.kleur_link)
        if all(is_hex_colour(c) for c in colours):
            ratio = contrast_ratio(self.kleur_primair, self.kleur_primair_tekst)
            if ratio < MIN_CONTRAST_TEXT:
                errors["kleur_primair_tekst"] = ValidationError(
                    "Tekst in deze kleur is op de hoofdkleur slecht leesbaar "
                    "(contrast %(ratio).1f:1, minimaal 4,5:1 nodig).",
                    params={"ratio": ratio},
                    code="contrast",
                )
            ratio = contrast_ratio(self.kleur_primair, "#ffffff")
            if ratio < MIN_CONTRAST_UI:
                errors["kleur_primair"] = ValidationError(
                    "Deze kleur valt op wit te weinig op (contrast %(ratio).1f:1, "
                    "minimaal 3:1 nodig). Kies een donkerdere kleur.",
                    params={"ratio": ratio},
                    code="contrast",
                )
            ratio = contrast_ratio(self.kleur_link, "#ffffff")
            if ratio < MIN_CONTRAST_TEXT:
                errors["kleur_link"] = ValidationError(
                    "Links in deze kleur zijn op wit slecht leesbaar (contrast "
                    "%(ratio).1f:1, minimaal 4,5:1 nodig).",
                    params={"ratio": ratio},
                    code="contrast",
                )
        if errors:
            raise ValidationError(errors)

    def design_tokens(self) -> dict[str, str]:
        """The municipality's colours as NL Design System design tokens.

        They override the basis tokens of the vendored theme, so every component
        follows the municipality's colours; hover and pressed states get a shade
        further from the text colour, which keeps their contrast at least as high.
        """
        primair, tekst, link = (
            self.kleur_primair,
            self.kleur_primair_tekst,
            self.kleur_link,
        )
        away = "#000000" if luminance(tekst) > luminance(primair) else "#ffffff"
        hover, active = mix(primair, away, 0.15), mix(primair, away, 0.3)
        tokens = {}
        for family in ("accent-1", "action-1"):
            tokens |= {
                f"basis.color.{family}.inverse.bg.default": primair,
                f"basis.color.{family}.inverse.bg.document": primair,
                f"basis.color.{family}.inverse.bg.hover": hover,
                f"basis.color.{family}.inverse.bg.active": active,
                f"basis.color.{family}.inverse.color.default": tekst,
                f"basis.color.{family}.inverse.color.document": tekst,
                f"basis.color.{family}.inverse.color.hover": tekst,
                f"basis.color.{family}.inverse.color.active": tekst,
            }
        tokens |= {
            "basis.color.accent-1.color.default": primair,
            "basis.color.accent-1.color.document": primair,
            "basis.color.accent-1.border.default": primair,
            "basis.color.action-2.color.default": link,
            "basis.color.action-2.color.document": link,
            "basis.color.action-2.color.hover": mix(link, "#000000", 0.2),
            "basis.color.action-2.color.active": mix(link, "#000000", 0.2),
        }
        return tokens


class Organisatie(models.Model):
    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", "Gemeente (eigen organisatie)"
        WERKORGANISATIE = "werkorganisatie", "Werkorganisatie of samenwerkingsverband"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(max_length=150, unique=True)
    soort = models.CharField(max_length=20, choices=Soort.choices)
    rsin = models.CharField(
        "RSIN",
        max_length=9,
        blank=True,
        validators=[validate_rsin],
        help_text="Alleen nodig als de organisatie een eigen rechtspersoon is.",
    )
    gemeenten = models.ManyToManyField(
        Gemeente,
        related_name="organisaties",
        help_text="De gemeenten waarvoor de medewerkers van deze organisatie werken.",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"

    def __str__(self) -> str:
        return self.naam


class Team(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="teams"
    )
    naam = models.CharField(max_length=100)
    omschrijving = models.TextField(blank=True)
    emailadres = models.EmailField(
        "e-mailadres",
        blank=True,
        help_text="Gedeeld adres van het team, als dat er is.",
    )
    code = models.SlugField(
        max_length=24,
        blank=True,
        help_text="Hoe het team als organisatorische eenheid in de rol van een zaak "
        "staat (hoogstens 24 tekens). Leeg: afgeleid van de naam.",
    )

    class Meta:
        ordering = ["organisatie__naam", "naam"]
        verbose_name = "team"
        verbose_name_plural = "teams"
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "naam"], name="team_naam_uniek_per_organisatie"
            ),
            models.UniqueConstraint(
                fields=["organisatie", "code"], name="team_code_uniek_per_organisatie"
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    def save(self, *args, **kwargs) -> None:
        if not self.code:
            self.code = team_code(self.naam)
        super().save(*args, **kwargs)


def team_code(naam: str) -> str:
    """A team's identificatie as organisatorische eenheid in a rol of a zaak (at
    most 24 characters): its name in lower case, words joined by hyphens."""
    return slugify(naam)[:24]


class MedewerkerManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=self.normalize_email(username))

    def create_user(self, email, password=None, **fields):
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.pop("is_staff", None)
        fields["is_superuser"] = True
        return self.create_user(email, password, **fields)


class Medewerker(AbstractBaseUser, PermissionsMixin):
    """A staff account. Residents and businesses log in with DigiD or eHerkenning
    and have no account here."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField("e-mailadres", unique=True)
    naam = models.CharField(max_length=150)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        help_text="Leeg alleen voor platformbeheerders van de installatie.",
    )
    teams = models.ManyToManyField(Team, blank=True, related_name="leden")
    is_active = models.BooleanField(
        "actief",
        default=True,
        help_text="Zet uit in plaats van verwijderen als iemand vertrekt.",
    )
    max_vertrouwelijkheid = models.CharField(
        "vertrouwelijkheid tot en met",
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.ZAAKVERTROUWELIJK,
        help_text="De hoogste vertrouwelijkheid van zaken die deze medewerker in de "
        "werkplek mag zien.",
    )
    is_demo = models.BooleanField(
        "demo-account",
        default=False,
        editable=False,
        help_text="Demo-accounts kunnen alleen inloggen als Loket in demo-modus "
        "draait.",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = MedewerkerManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["naam"]

    class Meta:
        ordering = ["naam"]
        verbose_name = "medewerker"
        verbose_name_plural = "medewerkers"
        permissions = [
            ("reset_tweede_factor", "Tweestapsverificatie van een medewerker resetten")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_superuser=True)
                | models.Q(organisatie__isnull=False),
                name="medewerker_hoort_bij_organisatie",
            )
        ]

    def __str__(self) -> str:
        return self.naam or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()
        if not self.is_superuser and self.organisatie_id is None:
            raise ValidationError(
                {"organisatie": "Een medewerker hoort bij een organisatie."}
            )

    @property
    def zgw_identificatie(self) -> str:
        """How this person is identified as medewerker in a rol of a zaak."""
        return f"medewerker-{self.pk}"  # werkplek.leesmodel reads it back

    def get_full_name(self) -> str:
        return self.naam

    def get_short_name(self) -> str:
        return self.naam.split(" ")[0] if self.naam else self.email

    @cached_property
    def rolcodes(self) -> frozenset[str]:
        return frozenset(self.roltoekenningen.values_list("rol", flat=True))

    def rollen(self) -> list[str]:
        """The names of this person's roles, for display."""
        return [Rolcode(code).label for code in sorted(self.rolcodes)]

    def heeft_rol(self, code: Rolcode) -> bool:
        return code in self.rolcodes

    @property
    def is_staff(self) -> bool:
        """May use the beheer (Django admin): platform beheerders and every role
        that has something to manage there."""
        if not self.is_active:
            return False
        return self.is_superuser or any(
            ROLLEN[Rolcode(code)].permissies for code in self.rolcodes
        )


class Roltoekenning(models.Model):
    """A role given to a staff member; what the role may do is in ``roles.ROLLEN``."""

    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.CASCADE, related_name="roltoekenningen"
    )
    rol = models.CharField(max_length=40, choices=Rolcode.choices)
    toegekend_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "roltoekenning"
        verbose_name_plural = "roltoekenningen"
        constraints = [
            models.UniqueConstraint(
                fields=["medewerker", "rol"], name="rol_eenmaal_per_medewerker"
            )
        ]

    def __str__(self) -> str:
        return f"{self.medewerker}: {self.get_rol_display()}"
