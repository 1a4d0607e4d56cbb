"""The enumerations of the Documenten API 1.5.0, with Dutch labels."""

from django.db import models


class DocumentStatus(models.TextChoices):
    IN_BEWERKING = "in_bewerking", "In bewerking"
    CONCEPT = "concept", "Concept"
    DEFINITIEF = "definitief", "Definitief"
    TER_VASTSTELLING = "ter_vaststelling", "Ter vaststelling"
    VASTGESTELD = "vastgesteld", "Vastgesteld"
    GEARCHIVEERD = "gearchiveerd", "Gearchiveerd"


class Ondertekeningsoort(models.TextChoices):
    ANALOOG = "analoog", "Analoog"
    DIGITAAL = "digitaal", "Digitaal"
    PKI = "pki", "PKI"


class Algoritme(models.TextChoices):
    CRC_16 = "crc_16", "CRC-16"
    CRC_32 = "crc_32", "CRC-32"
    CRC_64 = "crc_64", "CRC-64"
    FLETCHER_4 = "fletcher_4", "Fletcher-4"
    FLETCHER_8 = "fletcher_8", "Fletcher-8"
    FLETCHER_16 = "fletcher_16", "Fletcher-16"
    FLETCHER_32 = "fletcher_32", "Fletcher-32"
    HMAC = "hmac", "HMAC"
    MD5 = "md5", "MD5"
    SHA_1 = "sha_1", "SHA-1"
    SHA_256 = "sha_256", "SHA-256"
    SHA_512 = "sha_512", "SHA-512"
    SHA_3 = "sha_3", "SHA-3"


class ObjectType(models.TextChoices):
    BESLUIT = "besluit", "Besluit"
    ZAAK = "zaak", "Zaak"
    VERZOEK = "verzoek", "Verzoek"


class AardRelatieVerzending(models.TextChoices):
    AFZENDER = "afzender", "Afzender"
    GEADRESSEERDE = "geadresseerde", "Geadresseerde"
