"""Zaken, modelled on the Zaken API 1.5.1 (RGBZ).

A zaak belongs to one version of a zaaktype and, through the zaaktype's catalogus,
to a gemeente. Everything below it (statussen, rollen, resultaat, zaakobjecten,
zaakeigenschappen, documents) is deleted with it. References to Loket's own
objects are foreign keys; only references to registers outside Loket (a BRP
person, a contactmoment, a product) are stored as the URLs the client gave.

Some values are kept next to what they can be derived from, because the lists
read them on every row: ``Zaak.status`` (the last status set) and the betrokkene
identification of a rol in indexed columns (the filters on BSN and KvK number).
"""

import uuid

from django.db import models
from django.db.models import Q

from loket.zgw.catalogi.choices import (
    Archiefnominatie,
    Objecttype,
    RolOmschrijving,
    Vertrouwelijkheid,
)
from loket.zgw.zaken.choices import (
    AardRelatie,
    Archiefstatus,
    Betalingsindicatie,
    BetrokkeneType,
    IndicatieMachtiging,
)


class Zaak(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    identificatie = models.CharField(
        max_length=40, help_text="Uniek binnen de bronorganisatie."
    )
    bronorganisatie = models.CharField(
        max_length=9, help_text="RSIN van de organisatie die de zaak heeft gecreëerd."
    )
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="zaken",
        help_text="De gemeente van de catalogus van het zaaktype.",
    )
    omschrijving = models.CharField(max_length=80, blank=True)
    toelichting = models.CharField(max_length=1000, blank=True)
    zaaktype = models.ForeignKey(
        "catalogi.ZaakType", on_delete=models.PROTECT, related_name="zaken"
    )
    registratiedatum = models.DateField()
    verantwoordelijke_organisatie = models.CharField(max_length=9)
    startdatum = models.DateField()
    einddatum = models.DateField(
        null=True, blank=True, help_text="Gezet door de eindstatus."
    )
    einddatum_gepland = models.DateField(null=True, blank=True)
    uiterlijke_einddatum_afdoening = models.DateField(null=True, blank=True)
    publicatiedatum = models.DateField(null=True, blank=True)
    communicatiekanaal = models.ForeignKey(
        "referentielijsten.Communicatiekanaal",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    producten_of_diensten = models.JSONField(
        default=list, blank=True, help_text="URL's van producten of diensten."
    )
    vertrouwelijkheidaanduiding = models.CharField(
        max_length=20, choices=Vertrouwelijkheid.choices
    )
    betalingsindicatie = models.CharField(
        max_length=20, choices=Betalingsindicatie.choices, blank=True
    )
    laatste_betaaldatum = models.DateTimeField(null=True, blank=True)
    zaakgeometrie = models.JSONField(
        null=True, blank=True, help_text="GeoJSON-geometrie in WGS 84."
    )
    # The geometry's bounding box, so a search by area needs no geometry database.
    geo_min_x = models.FloatField(null=True, blank=True, editable=False)
    geo_min_y = models.FloatField(null=True, blank=True, editable=False)
    geo_max_x = models.FloatField(null=True, blank=True, editable=False)
    geo_max_y = models.FloatField(null=True, blank=True, editable=False)
    verlenging_reden = models.CharField(max_length=200, blank=True)
    verlenging_duur = models.CharField(max_length=40, blank=True)
    opschorting_indicatie = models.BooleanField(default=False)
    opschorting_reden = models.CharField(max_length=200, blank=True)
    opgeschort_sinds = models.DateField(
        null=True,
        blank=True,
        help_text="Sinds wanneer de zaak is opgeschort; de termijn loopt dan niet.",
    )
    selectielijstklasse = models.ForeignKey(
        "referentielijsten.Resultaat",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    hoofdzaak = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deelzaken",
    )
    kenmerken = models.JSONField(
        default=list, blank=True, help_text="Lijst van {kenmerk, bron}."
    )
    archiefnominatie = models.CharField(
        max_length=20, choices=Archiefnominatie.choices, blank=True
    )
    archiefstatus = models.CharField(
        max_length=40,
        choices=Archiefstatus.choices,
        default=Archiefstatus.NOG_TE_ARCHIVEREN,
    )
    archiefactiedatum = models.DateField(null=True, blank=True)
    opdrachtgevende_organisatie = models.CharField(max_length=9, blank=True)
    processobjectaard = models.CharField(max_length=200, null=True, blank=True)
    startdatum_bewaartermijn = models.DateField(null=True, blank=True)
    processobject_datumkenmerk = models.CharField(max_length=250, blank=True)
    processobject_identificatie = models.CharField(max_length=250, blank=True)
    processobject_objecttype = models.CharField(max_length=250, blank=True)
    processobject_registratie = models.CharField(max_length=250, blank=True)
    status = models.ForeignKey(
        "Status",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De laatst gezette status.",
    )

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        constraints = [
            models.UniqueConstraint(
                fields=["bronorganisatie", "identificatie"], name="zaak_identificatie"
            )
        ]
        indexes = [
            # A client's zaaktypen, and the newest zaken of one zaaktype first
            # (the zaaktype filter) without reading the others.
            models.Index(
                fields=["zaaktype", "id"],
                include=["vertrouwelijkheidaanduiding"],
                name="zaak_zaaktype",
            ),
            # Lists in their default order (newest first) for a client limited to
            # some zaaktypen: a backward walk that decides visibility from the
            # index alone, without visiting the rows it skips.
            models.Index(
                fields=["id"],
                include=["zaaktype", "vertrouwelijkheidaanduiding"],
                name="zaak_lijst",
            ),
            models.Index(fields=["startdatum"], name="zaak_startdatum"),
            models.Index(fields=["registratiedatum"], name="zaak_registratiedatum"),
            models.Index(fields=["einddatum"], name="zaak_einddatum"),
            models.Index(fields=["archiefactiedatum"], name="zaak_archiefactiedatum"),
            models.Index(fields=["identificatie"], name="zaak_identificatie_zoek"),
            models.Index(
                fields=["geo_min_x", "geo_min_y"],
                name="zaak_geometrie",
                condition=Q(geo_min_x__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.identificatie

    @property
    def is_closed(self) -> bool:
        return self.einddatum is not None


class RelevanteAndereZaak(models.Model):
    zaak = models.ForeignKey(
        Zaak, on_delete=models.CASCADE, related_name="relevante_andere_zaken"
    )
    andere_zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="+")
    aard_relatie = models.CharField(max_length=20, choices=AardRelatie.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = "relevante andere zaak"
        verbose_name_plural = "relevante andere zaken"

    def __str__(self) -> str:
        return f"{self.get_aard_relatie_display()}: {self.andere_zaak_id}"


class Status(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="statussen")
    statustype = models.ForeignKey(
        "catalogi.StatusType", on_delete=models.PROTECT, related_name="+"
    )
    datum_status_gezet = models.DateTimeField()
    statustoelichting = models.CharField(max_length=1000, blank=True)
    gezetdoor = models.ForeignKey(
        "Rol",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statussen",
    )

    class Meta:
        ordering = ["zaak_id", "datum_status_gezet", "pk"]
        verbose_name = "status"
        verbose_name_plural = "statussen"

    def __str__(self) -> str:
        return f"{self.zaak_id}: {self.statustype_id} ({self.datum_status_gezet})"


class Rol(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="rollen")
    betrokkene = models.URLField(
        max_length=1000, blank=True, help_text="URL van de betrokkene in een register."
    )
    betrokkene_type = models.CharField(max_length=30, choices=BetrokkeneType.choices)
    afwijkende_naam_betrokkene = models.CharField(max_length=625, blank=True)
    roltype = models.ForeignKey(
        "catalogi.RolType", on_delete=models.PROTECT, related_name="+"
    )
    omschrijving = models.CharField(max_length=100)
    omschrijving_generiek = models.CharField(
        max_length=20, choices=RolOmschrijving.choices
    )
    roltoelichting = models.CharField(max_length=1000, blank=True)
    registratiedatum = models.DateTimeField()
    indicatie_machtiging = models.CharField(
        max_length=20, choices=IndicatieMachtiging.choices, blank=True
    )
    contactpersoon_rol = models.JSONField(null=True, blank=True)
    betrokkene_identificatie = models.JSONField(
        null=True, blank=True, help_text="De identificatie zoals de client haar gaf."
    )
    # The identifying numbers from betrokkene_identificatie, for the filters.
    inp_bsn = models.CharField("BSN", max_length=9, blank=True)
    anp_identificatie = models.CharField(max_length=17, blank=True)
    inp_a_nummer = models.CharField("A-nummer", max_length=10, blank=True)
    inn_nnp_id = models.CharField("RSIN/KvK", max_length=9, blank=True)
    ann_identificatie = models.CharField(max_length=17, blank=True)
    vestigings_nummer = models.CharField(max_length=24, blank=True)
    kvk_nummer = models.CharField("KvK-nummer", max_length=8, blank=True)
    medewerker_identificatie = models.CharField(max_length=24, blank=True)
    organisatorische_eenheid_identificatie = models.CharField(max_length=24, blank=True)

    class Meta:
        ordering = ["zaak_id", "registratiedatum", "pk"]
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        indexes = [
            models.Index(fields=["inp_bsn"], name="rol_bsn", condition=~Q(inp_bsn="")),
            models.Index(
                fields=["inn_nnp_id"], name="rol_nnp", condition=~Q(inn_nnp_id="")
            ),
            models.Index(
                fields=["kvk_nummer"], name="rol_kvk", condition=~Q(kvk_nummer="")
            ),
            models.Index(
                fields=["vestigings_nummer"],
                name="rol_vestiging",
                condition=~Q(vestigings_nummer=""),
            ),
            models.Index(
                fields=["medewerker_identificatie"],
                name="rol_medewerker",
                condition=~Q(medewerker_identificatie=""),
            ),
            models.Index(
                fields=["organisatorische_eenheid_identificatie"],
                name="rol_organisatorische_eenheid",
                condition=~Q(organisatorische_eenheid_identificatie=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.get_betrokkene_type_display()})"

    def naam(self) -> str:
        """The betrokkene's name as a letter or a list shows it, or ""."""
        ident = self.betrokkene_identificatie or {}
        if self.afwijkende_naam_betrokkene:
            return self.afwijkende_naam_betrokkene
        if ident.get("geslachtsnaam"):
            delen = (
                ident.get("voorletters", ""),
                ident.get("voorvoegselGeslachtsnaam", ""),
                ident["geslachtsnaam"],
            )
            return " ".join(d for d in delen if d)
        handelsnamen = ident.get("handelsnaam") or []
        if handelsnamen:
            return handelsnamen[0]
        return ident.get("statutaireNaam") or ident.get("naam") or ""

    def adres(self) -> str:
        """The betrokkene's verblijfsadres on one line, or ""."""
        adres = (self.betrokkene_identificatie or {}).get("verblijfsadres") or {}
        straat = " ".join(
            str(d)
            for d in (
                adres.get("gorOpenbareRuimteNaam", ""),
                adres.get("aoaHuisnummer", ""),
                adres.get("aoaHuisletter", ""),
                adres.get("aoaHuisnummertoevoeging", ""),
            )
            if d
        )
        rest = " ".join(
            d
            for d in (adres.get("aoaPostcode", ""), adres.get("wplWoonplaatsNaam"))
            if d
        )
        return ", ".join(d for d in (straat, rest) if d)


class Resultaat(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    zaak = models.OneToOneField(
        Zaak, on_delete=models.CASCADE, related_name="resultaat"
    )
    resultaattype = models.ForeignKey(
        "catalogi.ResultaatType", on_delete=models.PROTECT, related_name="+"
    )
    toelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "resultaat"
        verbose_name_plural = "resultaten"

    def __str__(self) -> str:
        return f"{self.zaak_id}: {self.resultaattype_id}"


class ZaakObject(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.CASCADE, related_name="zaakobjecten"
    )
    object = models.URLField(max_length=1000, blank=True)
    zaakobjecttype = models.ForeignKey(
        "catalogi.ZaakObjectType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_type = models.CharField(max_length=40, choices=Objecttype.choices)
    object_type_overige = models.CharField(max_length=100, blank=True)
    object_type_overige_definitie = models.JSONField(null=True, blank=True)
    relatieomschrijving = models.CharField(max_length=80, blank=True)
    object_identificatie = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["zaak_id", "pk"]
        verbose_name = "zaakobject"
        verbose_name_plural = "zaakobjecten"

    def __str__(self) -> str:
        return f"{self.get_object_type_display()} bij {self.zaak_id}"


class ZaakEigenschap(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.CASCADE, related_name="zaakeigenschappen"
    )
    eigenschap = models.ForeignKey(
        "catalogi.Eigenschap", on_delete=models.PROTECT, related_name="+"
    )
    naam = models.CharField(max_length=20, help_text="De naam van de eigenschap.")
    waarde = models.TextField()

    class Meta:
        ordering = ["zaak_id", "pk"]
        verbose_name = "zaakeigenschap"
        verbose_name_plural = "zaakeigenschappen"

    def __str__(self) -> str:
        return f"{self.naam}: {self.waarde}"


class ZaakInformatieObject(models.Model):
    """A document of a zaak. Mirrored in the Documenten API as an
    objectinformatieobject, in the same transaction (zrc-005)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.CASCADE, related_name="zaakinformatieobjecten"
    )
    informatieobject = models.ForeignKey(
        "documenten.InformatieObject",
        on_delete=models.PROTECT,
        related_name="zaakinformatieobjecten",
    )
    titel = models.CharField(max_length=200, blank=True)
    beschrijving = models.TextField(blank=True)
    registratiedatum = models.DateTimeField()
    vernietigingsdatum = models.DateTimeField(null=True, blank=True)
    status = models.ForeignKey(
        Status,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="zaakinformatieobjecten",
    )

    class Meta:
        ordering = ["zaak_id", "registratiedatum", "pk"]
        verbose_name = "zaakinformatieobject"
        verbose_name_plural = "zaakinformatieobjecten"
        constraints = [
            models.UniqueConstraint(
                fields=["zaak", "informatieobject"], name="zio_uniek"
            )
        ]

    def __str__(self) -> str:
        return self.titel or str(self.uuid)


class KlantContact(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.CASCADE, related_name="klantcontacten"
    )
    identificatie = models.CharField(max_length=14)
    datumtijd = models.DateTimeField()
    kanaal = models.CharField(max_length=20, blank=True)
    onderwerp = models.CharField(max_length=200, blank=True)
    toelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        ordering = ["zaak_id", "datumtijd", "pk"]
        verbose_name = "klantcontact"
        verbose_name_plural = "klantcontacten"

    def __str__(self) -> str:
        return self.identificatie


class ZaakContactMoment(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.CASCADE, related_name="zaakcontactmomenten"
    )
    contactmoment = models.URLField(
        max_length=1000,
        help_text="URL van het contactmoment in een Contactmomenten API.",
    )

    class Meta:
        ordering = ["zaak_id", "pk"]
        verbose_name = "zaakcontactmoment"
        verbose_name_plural = "zaakcontactmomenten"

    def __str__(self) -> str:
        return self.contactmoment


class ZaakVerzoek(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.CASCADE, related_name="zaakverzoeken"
    )
    verzoek = models.URLField(
        max_length=1000, help_text="URL van het verzoek in een Verzoeken API."
    )

    class Meta:
        ordering = ["zaak_id", "pk"]
        verbose_name = "zaakverzoek"
        verbose_name_plural = "zaakverzoeken"

    def __str__(self) -> str:
        return self.verzoek
