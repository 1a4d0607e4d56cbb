"""Showing survey figures: an average with one decimal, Dutch style."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def gemiddelde(waarde) -> str:
    """7.26 → "7,3"; no value (nobody answered that question) → "geen antwoorden"."""
    if waarde is None:
        return "geen antwoorden"
    return number_format(round(waarde, 1), decimal_pos=1)


@register.filter
def waarde(woordenboek: dict, sleutel: str):
    return woordenboek.get(sleutel)
