"""A published catalogue to build zaken, documents and besluiten on in tests.

``catalogue()`` imports one complete zaaktype (parkeervergunning: three statustypen,
two resultaattypen, two roltypen, an eigenschap, two document types, a besluittype,
a zaakobjecttype) through the catalogus import service, and returns its parts by
name, so a test can say ``cat.statustypen["Afgehandeld"]``.
"""

from dataclasses import dataclass

from loket.organisaties.models import Gemeente
from loket.zgw.catalogi.exchange.importeren import import_catalogus
from loket.zgw.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ZaakType,
)
from loket.zgw.catalogi.tests import catalogus_data
from tests import factories


@dataclass
class Catalogue:
    gemeente: Gemeente
    catalogus: Catalogus
    zaaktype: ZaakType
    statustypen: dict
    resultaattypen: dict
    roltypen: dict
    eigenschappen: dict
    informatieobjecttypen: dict  # omschrijving → InformatieObjectType
    besluittype: BesluitType

    @property
    def rsin(self) -> str:
        return self.gemeente.rsin


def catalogue(gemeente: Gemeente | None = None, **zaaktype_overrides) -> Catalogue:
    gemeente = gemeente or factories.gemeente()
    catalogus_data.referentielijsten()
    catalogus = catalogus_data.catalogus(gemeente)
    import_catalogus(
        catalogus_data.document(catalogus_data.zaaktype(**zaaktype_overrides)),
        catalogus,
    )
    zaaktype = ZaakType.objects.get(catalogus=catalogus)
    return Catalogue(
        gemeente=gemeente,
        catalogus=catalogus,
        zaaktype=zaaktype,
        statustypen={s.omschrijving: s for s in zaaktype.statustypen.all()},
        resultaattypen={r.omschrijving: r for r in zaaktype.resultaattypen.all()},
        roltypen={r.omschrijving: r for r in zaaktype.roltypen.all()},
        eigenschappen={e.naam: e for e in zaaktype.eigenschappen.all()},
        informatieobjecttypen={
            i.omschrijving: i
            for i in InformatieObjectType.objects.filter(catalogus=catalogus)
        },
        besluittype=BesluitType.objects.get(catalogus=catalogus),
    )


def zaak(cat: Catalogue, **fields):
    """A zaak of the catalogue's zaaktype, made through the Zaken service."""
    from datetime import date

    from loket.zgw.registers.services import LOKET
    from loket.zgw.zaken import services

    fields.setdefault("startdatum", date(2026, 3, 2))
    return services.create_zaak(
        actor=LOKET,
        zaaktype=fields.pop("zaaktype", cat.zaaktype),
        bronorganisatie=fields.pop("bronorganisatie", cat.rsin),
        **fields,
    )


def initiator(cat: Catalogue, zaak, *, bsn: str = "", kvk: str = "", **fields):
    """The zaak's aanvrager, through the Zaken service: a person (``bsn``; S. Boer
    unless the name fields say otherwise) or a company's vestiging (``kvk``).
    ``fields`` are more of the betrokkeneIdentificatie, or ``contactpersoon_rol``."""
    from loket.zgw.registers.services import LOKET
    from loket.zgw.zaken import services

    rol = (
        {"contactpersoon_rol": fields.pop("contactpersoon_rol")}
        if ("contactpersoon_rol" in fields)
        else {}
    )
    if kvk:
        soort = "vestiging"
        ident = {"kvkNummer": kvk, "vestigingsNummer": "", "handelsnaam": ["Bakkerij"]}
    else:
        soort = "natuurlijk_persoon"
        ident = {"inpBsn": bsn, "geslachtsnaam": "Boer", "voorletters": "S."}
    return services.add_rol(
        zaak,
        actor=LOKET,
        roltype=cat.roltypen["Aanvrager"],
        betrokkene_type=soort,
        betrokkene_identificatie=ident | fields,
        **rol,
    )


def adres(woonplaats: str) -> dict:
    """A complete verblijfsadres (Dorpsstraat 12, 1234AB) in ``woonplaats``."""
    return {
        "aoaIdentificatie": "0001010000000001",
        "wplWoonplaatsNaam": woonplaats,
        "gorOpenbareRuimteNaam": "Dorpsstraat",
        "aoaPostcode": "1234AB",
        "aoaHuisnummer": 12,
        "aoaHuisletter": "",
        "aoaHuisnummertoevoeging": "",
        "inpLocatiebeschrijving": "",
    }
