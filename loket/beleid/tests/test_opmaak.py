"""Money, numbers and targets are written the Dutch way, and typed the Dutch way."""

from decimal import Decimal

import pytest

from loket.beleid import opmaak
from loket.beleid.forms import lees_getal
from loket.beleid.models import Beleidsdoel


@pytest.mark.parametrize(
    ("bedrag", "tekst"),
    [
        (Decimal(125000), "€ 125.000"),
        (Decimal("125000.00"), "€ 125.000"),
        (Decimal("1250.5"), "€ 1.250,50"),
        (Decimal("0"), "€ 0"),
        (Decimal("2500000"), "€ 2.500.000"),
        (None, "—"),
    ],
)
def test_euro(bedrag, tekst):
    assert opmaak.euro(bedrag) == tekst


@pytest.mark.parametrize(
    ("indicator", "waarde", "tekst"),
    [
        ("zaken-online", "80.00", "80%"),
        ("tevredenheid", "8.50", "8,5"),
        ("doorlooptijd", "12", "12 dagen"),
        ("webvraag-antwoordtijd", "24", "24 uur"),
        ("verlopen-zaken", "20", "20"),
        ("inzendingen", "12000", "12.000"),
    ],
)
def test_a_target_with_the_unit_of_its_indicator(indicator, waarde, tekst):
    doel = Beleidsdoel(indicator=indicator, streefwaarde=Decimal(waarde))
    assert opmaak.streefwaarde(doel) == tekst


@pytest.mark.parametrize(
    ("getypt", "getal"),
    [
        ("8,5", Decimal("8.5")),
        ("8.5", Decimal("8.5")),
        ("125.000", Decimal(125000)),
        ("€ 1.250,50", Decimal("1250.50")),
        ("1 250", Decimal(1250)),
        ("80", Decimal(80)),
    ],
)
def test_numbers_as_people_type_them(getypt, getal):
    assert lees_getal(getypt) == getal


@pytest.mark.parametrize("getypt", ["acht", "1,2,3", "NaN", "Infinity"])
def test_what_is_not_a_number(getypt):
    with pytest.raises(ArithmeticError):
        lees_getal(getypt)
