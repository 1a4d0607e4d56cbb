"""Numbers, money and targets written the Dutch way, for pages and reports."""

from decimal import ROUND_HALF_UP, Decimal

from loket.sturing import indicatoren

EENHEDEN = {"dagen": " dagen", "uren": " uur", "%": "%"}


def getal(waarde, decimalen: int | None = None) -> str:
    """``1234.5`` -> "1.234,5"; trailing zeros after the comma are dropped unless
    ``decimalen`` fixes their number."""
    if waarde is None:
        return "—"
    waarde = Decimal(str(waarde))
    if decimalen is not None:
        waarde = waarde.quantize(Decimal(1).scaleb(-decimalen), ROUND_HALF_UP)
        tekst = f"{waarde:,.{decimalen}f}"
    else:
        tekst = f"{waarde.normalize():,f}"
        if "." in tekst:
            tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(",", " ").replace(".", ",").replace(" ", ".")


def euro(bedrag) -> str:
    """``125000`` -> "€ 125.000", ``1250.5`` -> "€ 1.250,50" (cents only when
    there are any)."""
    if bedrag is None:
        return "—"
    bedrag = Decimal(str(bedrag))
    decimalen = 0 if bedrag == bedrag.to_integral_value() else 2
    return f"€ {getal(bedrag, decimalen)}"


def streefwaarde(doel) -> str:
    """The target of a goal with the unit of its indicator: "80%", "8,5",
    "12 dagen"."""
    indicator = indicatoren.INDICATOREN.get(doel.indicator)
    eenheid = EENHEDEN.get(indicator.eenheid, "") if indicator else ""
    return f"{getal(doel.streefwaarde)}{eenheid}"


def indicator_titel(code: str) -> str:
    indicator = indicatoren.INDICATOREN.get(code)
    return indicator.titel if indicator else f"Onbekende indicator ({code})"
