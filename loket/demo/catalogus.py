"""The demo catalogue as a Loket catalogus document (``exchange``): the hand-written
zaaktypen of ``zaaktypen.py`` plus a few taken from a real municipal catalogue, the
i-Navigator export in ``loket/zgw/catalogi/data``. The loader imports the document
into each demo gemeente's catalogus, published."""

from datetime import date

from loket.demo import zaaktypen as hand
from loket.zgw.catalogi import exchange, inavigator
from loket.zgw.referentielijsten.models import ProcesType, Resultaat

# The demo zaken go back two years: their zaaktypen were valid by then.
BEGIN = date(2024, 1, 1)

# Processen of the i-Navigator export that residents and entrepreneurs ask for,
# with what the export lacks: a service norm and the UPL product.
INAVIGATOR = {
    "B1277": {
        "servicenorm": "P4W",
        "productenOfDiensten": [hand.UPL + "terrasvergunning"],
    },
    "B1305": {
        "servicenorm": "P6W",
        "productenOfDiensten": [hand.UPL + "handhavingsverzoek"],
    },
    "B0054": {
        "servicenorm": "P6W",
        "productenOfDiensten": [hand.UPL + "alcoholvergunning"],
    },
}


def document() -> dict:
    """Needs the Selectielijst in the database: classes are referenced by UUID."""
    klassen = {
        k.volledig_nummer: str(k.uuid)
        for k in Resultaat.objects.filter(proces_type__jaar=2020).select_related(
            "proces_type", "generiek_resultaat"
        )
    }
    procestypen = {p.nummer: str(p.uuid) for p in ProcesType.objects.filter(jaar=2020)}
    documenttypen = {
        name: _iotype(name, *spec) for name, spec in hand.DOCUMENTTYPEN.items()
    }
    zaaktypen = [_zaaktype(z, klassen, procestypen) for z in hand.ZAAKTYPEN]
    conversie = inavigator.convert(
        inavigator.EXPORT.read_bytes(), processen=list(INAVIGATOR), begin=BEGIN
    )
    for iotype in conversie.document["informatieobjecttypen"]:
        documenttypen.setdefault(iotype["omschrijving"], iotype)
    for zaaktype in conversie.document["zaaktypen"]:
        zaaktypen.append(_completed(zaaktype))
    return {
        "formaat": exchange.FORMAAT,
        "versie": exchange.VERSIE,
        "catalogus": {},
        "informatieobjecttypen": [
            {**iotype, "concept": False} for iotype in documenttypen.values()
        ],
        "besluittypen": [
            {
                "omschrijving": name,
                "besluitcategorie": categorie,
                "reactietermijn": reactietermijn,
                "publicatieIndicatie": publicatie,
                "publicatietermijn": "P6W" if publicatie else None,
                "informatieobjecttypen": ["Besluit"],
                "beginGeldigheid": BEGIN.isoformat(),
                "concept": False,
            }
            for name, (
                categorie,
                reactietermijn,
                publicatie,
            ) in hand.BESLUITTYPEN.items()
        ],
        "zaaktypen": zaaktypen,
    }


def _iotype(name: str, categorie: str, vertrouwelijkheid: str) -> dict:
    return {
        "omschrijving": name,
        "informatieobjectcategorie": categorie,
        "vertrouwelijkheidaanduiding": vertrouwelijkheid,
        "beginGeldigheid": BEGIN.isoformat(),
    }


def _zaaktype(z: hand.Zaaktype, klassen: dict, procestypen: dict) -> dict:
    return {
        "identificatie": z.identificatie,
        "omschrijving": z.omschrijving,
        "vertrouwelijkheidaanduiding": z.vertrouwelijkheid,
        "doel": z.doel,
        "aanleiding": z.aanleiding,
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": z.handeling_initiator,
        "onderwerp": z.onderwerp,
        "handelingBehandelaar": z.handeling_behandelaar,
        "doorlooptijd": z.doorlooptijd,
        "servicenorm": z.servicenorm,
        "opschortingEnAanhoudingMogelijk": z.opschorting,
        "verlengingMogelijk": z.verlengingstermijn is not None,
        "verlengingstermijn": z.verlengingstermijn,
        "trefwoorden": list(z.trefwoorden),
        "productenOfDiensten": [z.product],
        "referentieprocesNaam": z.referentieproces,
        "verantwoordelijke": z.verantwoordelijke,
        "besluittypen": [z.besluittype] if z.besluittype else [],
        "beginGeldigheid": BEGIN.isoformat(),
        "versiedatum": BEGIN.isoformat(),
        "concept": False,
        "selectielijstProcestype": procestypen[z.procestype],
        "statustypen": [
            {
                "omschrijving": s.omschrijving,
                "statustekst": s.statustekst,
                "volgnummer": n,
                "informeren": s.informeren,
            }
            for n, s in enumerate(z.statussen, start=1)
        ],
        "resultaattypen": [
            {
                "omschrijving": r.omschrijving,
                "resultaattypeomschrijving": r.generiek,
                "selectielijstklasse": klassen[r.selectielijst],
                "brondatumAfleidingswijze": r.brondatum,
                "besluittypen": [z.besluittype]
                if z.besluittype and r.generiek not in ("Ingetrokken", "Afgebroken")
                else [],
            }
            for r in z.resultaten
        ],
        "roltypen": [
            {"omschrijving": z.initiator, "omschrijvingGeneriek": "initiator"},
            {"omschrijving": "Behandelaar", "omschrijvingGeneriek": "behandelaar"},
            {
                "omschrijving": "Klantcontacter",
                "omschrijvingGeneriek": "klantcontacter",
            },
            *(
                {"omschrijving": naam, "omschrijvingGeneriek": generiek}
                for naam, generiek in z.extra_rollen
            ),
        ],
        "eigenschappen": [
            {
                "naam": e.naam,
                "definitie": e.definitie,
                "formaat": e.formaat,
                "lengte": e.lengte,
                "kardinaliteit": "1",
                "waardenverzameling": list(e.waarden),
            }
            for e in z.eigenschappen
        ],
        "informatieobjecttypen": [
            {
                "informatieobjecttype": d.omschrijving,
                "volgnummer": n,
                "richting": d.richting,
            }
            for n, d in enumerate(z.documenten, start=1)
        ],
    }


def _completed(zaaktype: dict) -> dict:
    """An i-Navigator zaaktype as the demo publishes it: with a service norm and
    product, texts for the resident at the first and last status, and the archiving
    of a granted permit counted from its end."""
    zaaktype.update(INAVIGATOR[zaaktype["identificatie"]], concept=False)
    statustypen = zaaktype["statustypen"]
    statustypen[0].update(
        statustekst="We hebben uw aanvraag ontvangen.", informeren=True
    )
    statustypen[-1].update(statustekst="Uw zaak is afgehandeld.", informeren=True)
    for resultaattype in zaaktype["resultaattypen"]:
        if not resultaattype["brondatumAfleidingswijze"]:
            resultaattype["brondatumAfleidingswijze"] = "vervaldatum_besluit"
    return zaaktype
