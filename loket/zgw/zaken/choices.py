"""The enumerations of the Zaken API 1.5.1, with Dutch labels."""

from django.db import models


class Betalingsindicatie(models.TextChoices):
    NVT = "nvt", "Er is geen sprake van te betalen, met de zaak gemoeide, kosten."
    NOG_NIET = "nog_niet", "De met de zaak gemoeide kosten zijn (nog) niet betaald."
    GEDEELTELIJK = (
        "gedeeltelijk",
        "De met de zaak gemoeide kosten zijn gedeeltelijk betaald.",
    )
    GEHEEL = "geheel", "De met de zaak gemoeide kosten zijn geheel betaald."


class Archiefstatus(models.TextChoices):
    NOG_TE_ARCHIVEREN = "nog_te_archiveren", "Nog te archiveren"
    GEARCHIVEERD = "gearchiveerd", "Gearchiveerd"
    GEARCHIVEERD_PROCESTERMIJN_ONBEKEND = (
        "gearchiveerd_procestermijn_onbekend",
        "Gearchiveerd (procestermijn onbekend)",
    )
    OVERGEDRAGEN = "overgedragen", "Overgedragen"


class AardRelatie(models.TextChoices):
    VERVOLG = "vervolg", "De andere zaak gaf aanleiding tot het starten van de zaak"
    ONDERWERP = "onderwerp", "De andere zaak is relevant voor of is onderwerp van deze"
    BIJDRAGE = "bijdrage", "Aan het bereiken van de uitkomst draagt de andere zaak bij"


class BetrokkeneType(models.TextChoices):
    NATUURLIJK_PERSOON = "natuurlijk_persoon", "Natuurlijk persoon"
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon", "Niet-natuurlijk persoon"
    VESTIGING = "vestiging", "Vestiging"
    ORGANISATORISCHE_EENHEID = "organisatorische_eenheid", "Organisatorische eenheid"
    MEDEWERKER = "medewerker", "Medewerker"


class IndicatieMachtiging(models.TextChoices):
    GEMACHTIGDE = "gemachtigde", "Gemachtigde"
    MACHTIGINGGEVER = "machtiginggever", "Machtiginggever"
