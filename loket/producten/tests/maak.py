"""Test data for the product catalogue, made through the services."""

import itertools

from loket.producten import services
from loket.producten.models import Levensgebeurtenis

UPL = "http://standaarden.overheid.nl/owms/terms/"
_counter = itertools.count(1)


def levensgebeurtenis(slug: str) -> Levensgebeurtenis:
    services.zorg_voor_levensgebeurtenissen()
    return Levensgebeurtenis.objects.get(slug=slug)


def definitie(organisatie, **overrides):
    n = next(_counter)
    fields = {
        "upl_uri": UPL + "parkeervergunning",
        "naam": f"Product {n}",
        "slug": f"product-{n}",
        "samenvatting": "Een korte uitleg.",
        "beschrijving": "Een langere uitleg.",
        "kosten": "€ 10,00",
        "kanalen": ["balie"],
    }
    fields.update(overrides)
    return services.create_definitie(organisatie=organisatie, **fields)
