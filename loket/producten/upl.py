"""The Uniforme Productnamenlijst (UPL): the national list of government product
names. A municipal product in Loket carries one of the names the list marks as
offered by gemeenten, so that its page can be found and compared nationally (and
reported to the Single Digital Gateway)."""

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

UPL_CSV = Path(__file__).parent / "data" / "upl-actueel.csv"


@dataclass(frozen=True)
class UplProduct:
    naam: str
    uri: str
    burger: bool
    bedrijf: bool


@functools.cache
def gemeentelijke_producten() -> dict[str, UplProduct]:
    """The municipal products of the list by URI (the list repeats a product for
    each of its legal bases; one entry each here)."""
    producten: dict[str, UplProduct] = {}
    with UPL_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            uri = row["URI"].strip()
            if row["Gemeente"].strip() != "X" or uri in producten:
                continue
            if row["UniformeProductnaam"].startswith("UPL-naam nog niet"):
                continue  # a placeholder of the list, not a product
            producten[uri] = UplProduct(
                naam=row["UniformeProductnaam"].strip(),
                uri=uri,
                burger=row["Burger"].strip() == "X",
                bedrijf=row["Bedrijf"].strip() == "X",
            )
    return producten


def zoek_uri(uri: str) -> UplProduct | None:
    return gemeentelijke_producten().get(uri.strip())


def keuzes() -> list[tuple[str, str]]:
    """(URI, name) of every municipal product, by name: the choices in the beheer."""
    return sorted(
        ((p.uri, p.naam) for p in gemeentelijke_producten().values()),
        key=lambda choice: choice[1].casefold(),
    )
