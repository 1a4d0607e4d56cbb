"""The enumerations of the Catalogi API 1.3.1, with Dutch labels."""

from django.db import models


class Vertrouwelijkheid(models.TextChoices):
    OPENBAAR = "openbaar", "Openbaar"
    BEPERKT_OPENBAAR = "beperkt_openbaar", "Beperkt openbaar"
    INTERN = "intern", "Intern"
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", "Zaakvertrouwelijk"
    VERTROUWELIJK = "vertrouwelijk", "Vertrouwelijk"
    CONFIDENTIEEL = "confidentieel", "Confidentieel"
    GEHEIM = "geheim", "Geheim"
    ZEER_GEHEIM = "zeer_geheim", "Zeer geheim"

    @classmethod
    def rank(cls, value: str) -> int:
        """Openbaar is 0, zeer geheim 7: a client may see up to its maximum."""
        return list(cls.values).index(value)


class InternOfExtern(models.TextChoices):
    INTERN = "intern", "Intern"
    EXTERN = "extern", "Extern"


class AardRelatie(models.TextChoices):
    VERVOLG = "vervolg", "Vervolg"
    BIJDRAGE = "bijdrage", "Bijdrage"
    ONDERWERP = "onderwerp", "Onderwerp"


class Archiefnominatie(models.TextChoices):
    BLIJVEND_BEWAREN = "blijvend_bewaren", "Blijvend bewaren"
    VERNIETIGEN = "vernietigen", "Vernietigen"


class Afleidingswijze(models.TextChoices):
    AFGEHANDELD = "afgehandeld", "Afgehandeld"
    ANDER_DATUMKENMERK = "ander_datumkenmerk", "Ander datumkenmerk"
    EIGENSCHAP = "eigenschap", "Eigenschap"
    GERELATEERDE_ZAAK = "gerelateerde_zaak", "Gerelateerde zaak"
    HOOFDZAAK = "hoofdzaak", "Hoofdzaak"
    INGANGSDATUM_BESLUIT = "ingangsdatum_besluit", "Ingangsdatum besluit"
    TERMIJN = "termijn", "Termijn"
    VERVALDATUM_BESLUIT = "vervaldatum_besluit", "Vervaldatum besluit"
    ZAAKOBJECT = "zaakobject", "Zaakobject"


class Formaat(models.TextChoices):
    TEKST = "tekst", "Tekst"
    GETAL = "getal", "Getal"
    DATUM = "datum", "Datum"
    DATUM_TIJD = "datum_tijd", "Datum en tijd"


class Objecttype(models.TextChoices):
    ADRES = "adres", "Adres"
    BESLUIT = "besluit", "Besluit"
    BUURT = "buurt", "Buurt"
    ENKELVOUDIG_DOCUMENT = "enkelvoudig_document", "Enkelvoudig document"
    GEMEENTE = "gemeente", "Gemeente"
    GEMEENTELIJKE_OPENBARE_RUIMTE = (
        "gemeentelijke_openbare_ruimte",
        "Gemeentelijke openbare ruimte",
    )
    HUISHOUDEN = "huishouden", "Huishouden"
    INRICHTINGSELEMENT = "inrichtingselement", "Inrichtingselement"
    KADASTRALE_ONROERENDE_ZAAK = (
        "kadastrale_onroerende_zaak",
        "Kadastrale onroerende zaak",
    )
    KUNSTWERKDEEL = "kunstwerkdeel", "Kunstwerkdeel"
    MAATSCHAPPELIJKE_ACTIVITEIT = (
        "maatschappelijke_activiteit",
        "Maatschappelijke activiteit",
    )
    MEDEWERKER = "medewerker", "Medewerker"
    NATUURLIJK_PERSOON = "natuurlijk_persoon", "Natuurlijk persoon"
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon", "Niet-natuurlijk persoon"
    OPENBARE_RUIMTE = "openbare_ruimte", "Openbare ruimte"
    ORGANISATORISCHE_EENHEID = "organisatorische_eenheid", "Organisatorische eenheid"
    PAND = "pand", "Pand"
    SPOORBAANDEEL = "spoorbaandeel", "Spoorbaandeel"
    STATUS = "status", "Status"
    TERREINDEEL = "terreindeel", "Terreindeel"
    TERREIN_GEBOUWD_OBJECT = "terrein_gebouwd_object", "Terrein gebouwd object"
    VESTIGING = "vestiging", "Vestiging"
    WATERDEEL = "waterdeel", "Waterdeel"
    WEGDEEL = "wegdeel", "Wegdeel"
    WIJK = "wijk", "Wijk"
    WOONPLAATS = "woonplaats", "Woonplaats"
    WOZ_DEELOBJECT = "woz_deelobject", "WOZ-deelobject"
    WOZ_OBJECT = "woz_object", "WOZ-object"
    WOZ_WAARDE = "woz_waarde", "WOZ-waarde"
    ZAKELIJK_RECHT = "zakelijk_recht", "Zakelijk recht"
    OVERIGE = "overige", "Overige"


class RolOmschrijving(models.TextChoices):
    ADVISEUR = "adviseur", "Adviseur"
    BEHANDELAAR = "behandelaar", "Behandelaar"
    BELANGHEBBENDE = "belanghebbende", "Belanghebbende"
    BESLISSER = "beslisser", "Beslisser"
    INITIATOR = "initiator", "Initiator"
    KLANTCONTACTER = "klantcontacter", "Klantcontacter"
    ZAAKCOORDINATOR = "zaakcoordinator", "Zaakcoördinator"
    MEDE_INITIATOR = "mede_initiator", "Mede-initiator"


class Richting(models.TextChoices):
    INKOMEND = "inkomend", "Inkomend"
    INTERN = "intern", "Intern"
    UITGAAND = "uitgaand", "Uitgaand"
