"""``{% load beleid %}``: money, numbers and goals written the Dutch way."""

from django import template

from loket.beleid import opmaak, selectors

register = template.Library()

register.filter("euro", opmaak.euro)
register.filter("getal", opmaak.getal)
register.filter("streefwaarde", opmaak.streefwaarde)
register.filter("indicator_titel", opmaak.indicator_titel)
register.filter("volgende_mijlpaal", selectors.volgende_mijlpaal)
register.filter("open_risicos", selectors.open_risicos)
register.filter("besteed_percentage", selectors.besteed_percentage)
