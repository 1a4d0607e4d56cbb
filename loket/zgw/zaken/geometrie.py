"""Zaakgeometrie without a geometry database: GeoJSON in WGS 84, checked and
compared with Shapely. A zaak keeps the bounding box of its geometry in indexed
columns, so a search by area first narrows down in SQL (PostgreSQL and SQLite
alike) and then tests the exact shape of the few candidates."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

import shapely
from shapely.geometry import shape


@dataclass(frozen=True)
class Box:
    min_x: float
    min_y: float
    max_x: float
    max_y: float


def parse(geojson: dict):
    """A Shapely geometry, or a ValidationError that says what is wrong."""
    try:
        geometry = shape(geojson)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError) as error:
        raise ValidationError(
            f"Dit is geen geldige GeoJSON-geometrie: {error}.", code="invalid"
        ) from None
    if geometry.is_empty:
        raise ValidationError("De geometrie is leeg.", code="invalid")
    min_x, min_y, max_x, max_y = geometry.bounds
    if not (-180 <= min_x <= max_x <= 180 and -90 <= min_y <= max_y <= 90):
        raise ValidationError(
            "De coördinaten vallen buiten WGS 84 (lengtegraad -180..180, "
            "breedtegraad -90..90).",
            code="invalid",
        )
    return geometry


def box(geojson: dict | None) -> Box | None:
    if not geojson:
        return None
    return Box(*parse(geojson).bounds)


def within(candidates: dict, area: dict) -> set:
    """The keys of ``candidates`` (key → GeoJSON) whose geometry lies within
    ``area``."""
    region = parse(area)
    shapely.prepare(region)
    return {
        key
        for key, geojson in candidates.items()
        if geojson and region.contains(shape(geojson))
    }
