from django import template

register = template.Library()


@register.inclusion_tag("sturing/_grafiek.html")
def grafiek(grafiek, id: str):
    """An inline SVG chart; ``id`` makes its title and description unique."""
    return {"grafiek": grafiek, "id": id}


@register.filter
def euro(bedrag) -> str:
    from loket.sturing.weergave import euro as opmaak

    return opmaak(bedrag)


@register.filter
def waarde(meting) -> str:
    """A measured value as the pages say it (a suppressed one says why)."""
    from loket.sturing.weergave import tekst

    return tekst(meting)
