"""Reading a zaaktypecatalogus exported from i-Navigator (DSP XML, ICR 1.5.13).

i-Navigator is the catalogue tool many gemeenten use to keep their zaaktypen
(*processen*). Its export is converted here into a Loket catalogus document
(``exchange``), which the ordinary import then creates through the services, so the
same rules apply as for any other import.

How the export maps, and what is adjusted:

- a *proces* becomes a zaaktype with its id (B1277) as identificatie; the legal term
  (wettelijke afdoeningstermijn) is the doorlooptijd, the own afdoeningstermijn the
  servicenorm; without any term the doorlooptijd is the Awb's eight weeks;
- statustypen are ordered by the *procesfase* of their statussoort, then by their
  number: in the export "Afgehandeld" is sometimes not the last status, and the last
  status is the one that closes a zaak;
- resultaattypen take their Selectielijst 2020 class from the link in
  *vernietigingsgrondslag*; without a link, a generic result of the zaaktype's
  procestype with the same name; failing that they are left out, with a warning;
- documenttypen become informatieobjecttypen (shared by omschrijving) and the
  zaaktype-informatieobjecttypen that link them;
- besluittypen, zaakeigenschappen and relations to other processes are not in
  this export (or refer outside it) and are left out.

Nothing is created here; every choice that loses information is reported as a
warning so the functional administrator can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.utils import timezone

from defusedxml import ElementTree

from loket.zgw.catalogi.exchange import FORMAAT, VERSIE
from loket.zgw.referentielijsten.models import Resultaat

EXPORT = Path(__file__).parent / "data" / "zaaktypen-inavigator-export.xml"

FASEN = (
    "Initiatiefase",
    "Informatiefase",
    "Consultatiefase",
    "Besluitvormingsfase",
    "Uitvoeringsfase",
    "Afrondingsfase",
)
EENHEDEN = {"dag": "D", "week": "W", "maand": "M", "jaar": "Y"}
AFLEIDINGSWIJZEN = {
    "afgehandeld": "afgehandeld",
    "vervaldatum besluit": "vervaldatum_besluit",
    "ingangsdatum besluit": "ingangsdatum_besluit",
}
# i-Navigator's resultaatsoorten that have another name in the generic list.
GENERIEK = {
    "Niet verleend": "Geweigerd",
    "Buiten behandeling gesteld": "Buiten behandeling",
    "Positief advies": "Afgehandeld",
    "Negatief advies": "Afgehandeld",
    "Overtreding opgeheven": "Afgehandeld",
    "Definitief toegekend": "Toegekend",
}
ROLLEN = {
    "initiator": "initiator",
    "klantcontacter": "klantcontacter",
    "behandelaar": "behandelaar",
    "adviseur": "adviseur",
    "belanghebbende": "belanghebbende",
    "beslisser": "beslisser",
    "zaakcoördinator": "zaakcoordinator",
    "mede-initiator": "mede_initiator",
}
_SELECTIELIJST_2020 = re.compile(r"sl2020[^#]*#(\d+(?:_\d+)*)$")


@dataclass
class Conversie:
    document: dict
    warnings: list[str] = field(default_factory=list)


def convert(
    raw: bytes, *, processen: list[str] | None = None, begin: date | None = None
) -> Conversie:
    """The export as a Loket catalogus document: every proces, or those with the
    given ids; all versions begin on ``begin`` (today by default) as concepts."""
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError as exc:
        raise ValueError(f"Dit bestand is geen leesbare XML: {exc}.") from None
    if root.tag != "dsp" or root.find("processen") is None:
        raise ValueError(
            "Dit bestand is geen i-Navigator-export (DSP XML met <processen>)."
        )
    return _Converter(root, begin=begin or timezone.localdate()).convert(processen)


class _Converter:
    def __init__(self, root, *, begin: date):
        self.root = root
        self.begin = begin.isoformat()
        self.warnings: list[str] = []
        self.soorten = {
            element.get("id"): _text(element, "naam")
            for section in (
                "statussoorten",
                "resultaatsoorten",
                "documentsoorten",
                "rolsoorten",
            )
            for element in _children(root, section)
        }
        self.fasen = {
            element.get("id"): _text(element, "procesfase")
            for element in _children(root, "statussoorten")
        }
        self.klassen = _selectielijst_2020()
        self.iotypen: dict[str, dict] = {}

    def convert(self, processen: list[str] | None = None) -> Conversie:
        wanted = set(processen) if processen is not None else None
        zaaktypen = []
        for proces in self.root.find("processen"):
            if wanted is not None and proces.get("id") not in wanted:
                continue
            zaaktypen.append(self.zaaktype(proces))
        if wanted is not None:
            missing = wanted - {z["identificatie"] for z in zaaktypen}
            if missing:
                raise ValueError(
                    "Deze processen staan niet in de export: "
                    f"{', '.join(sorted(missing))}."
                )
        preambule = self.root.find("preambule")
        datum = preambule.findtext("datum", "") if preambule is not None else ""
        document = {
            "formaat": FORMAAT,
            "versie": VERSIE,
            "catalogus": {"naam": f"i-Navigator-export {datum[:10]}".strip()},
            "informatieobjecttypen": list(self.iotypen.values()),
            "besluittypen": [],
            "zaaktypen": zaaktypen,
        }
        return Conversie(document, self.warnings)

    # -- zaaktype -------------------------------------------------------------------

    def zaaktype(self, proces) -> dict:
        ident = proces.get("id")
        naam = _text(proces, "kernomschrijving") or ident
        label = f"{ident} {naam}"
        structuur = proces.find("velden/zaaktype-naam/structuur")
        wettelijk = _duur(proces, "wettelijke-afdoeningstermijn")
        eigen = _duur(proces, "afdoeningstermijn")
        doorlooptijd = wettelijk or eigen
        if doorlooptijd is None:
            doorlooptijd = "P8W"
            self.warn(label, "geen afdoeningstermijn; doorlooptijd 8 weken (Awb 4:13).")
        verlenging = _duur(proces, "wettelijke-verdagingstermijn") or _duur(
            proces, "verdagingstermijn"
        )
        vertrouwelijkheid = _text(proces, "vertrouwelijkheid").lower()
        if not vertrouwelijkheid:
            vertrouwelijkheid = "zaakvertrouwelijk"
            self.warn(label, "geen vertrouwelijkheid; zaakvertrouwelijk gekozen.")
        statustypen = self.statustypen(proces, label)
        resultaattypen = self.resultaattypen(proces, label)
        procestypen = {r.pop("_procestype") for r in resultaattypen}
        categorie = _text(proces, "zaaktype-categorie")
        trefwoorden = [
            w.strip().lower()
            for w in (
                _text(proces, "vng-thesaurusterm").split(",")
                + _text(proces, "lokale-trefwoorden").split(",")
            )
            if w.strip()
        ]
        return {
            "identificatie": ident,
            "omschrijving": naam[:80],
            "omschrijvingGeneriek": _text(proces, "generiek-zaaktype")[:80],
            "vertrouwelijkheidaanduiding": vertrouwelijkheid,
            "doel": _text(proces, "naam") or naam,
            "aanleiding": _text(proces, "aanleiding") or "Een verzoek of melding.",
            "toelichting": _text(proces, "toelichting-proces"),
            "indicatieInternOfExtern": "intern" if "(TI)" in categorie else "extern",
            "handelingInitiator": (
                _sub(structuur, "handeling-initiator") or "Aanvragen"
            )[:20],
            "onderwerp": (_sub(structuur, "onderwerp") or naam)[:80],
            "handelingBehandelaar": (
                _sub(structuur, "handeling-behandelaar") or "Behandelen"
            )[:20],
            "doorlooptijd": doorlooptijd,
            "servicenorm": eigen if wettelijk and eigen else None,
            "opschortingEnAanhoudingMogelijk": _ja(proces, "aanhouden-mogelijk"),
            "verlengingMogelijk": verlenging is not None,
            "verlengingstermijn": verlenging,
            "trefwoorden": list(dict.fromkeys(trefwoorden)),
            "publicatieIndicatie": _ja(proces, "publicatie-indicatie"),
            "publicatietekst": _text(proces, "publicatietekst"),
            "productenOfDiensten": [],
            "referentieprocesNaam": (
                _text(proces, "zaaktype-procesarchitectuur")
                or _text(proces, "generiek-zaaktype")
                or naam
            )[:80],
            "verantwoordelijke": (_text(proces, "proceseigenaar") or "onbekend")[:50],
            "beginGeldigheid": self.begin,
            "versiedatum": self.begin,
            "concept": True,
            "selectielijstProcestype": procestypen.pop() if procestypen else None,
            "statustypen": statustypen,
            "resultaattypen": resultaattypen,
            "roltypen": self.roltypen(proces, label),
            "informatieobjecttypen": self.documenttypen(proces, vertrouwelijkheid),
        }

    def statustypen(self, proces, label: str) -> list[dict]:
        elements = _children(proces, "statustypen")

        def fase(element) -> int:
            name = self.fasen.get(element.get("soort-id"), "")
            return FASEN.index(name) if name in FASEN else len(FASEN)

        ordered = sorted(elements, key=lambda e: (fase(e), int(e.get("volgnummer"))))
        if ordered != sorted(elements, key=lambda e: int(e.get("volgnummer"))):
            self.warn(
                label, "volgorde van de statustypen aangepast aan de procesfasen."
            )
        result = []
        for number, element in enumerate(ordered, start=1):
            bericht = _text(element, "bericht")
            result.append(
                {
                    "omschrijving": _text(element, "naam")[:80],
                    "omschrijvingGeneriek": _text(element, "naam-model")[:80],
                    "statustekst": bericht[:1000],
                    "volgnummer": number,
                    "informeren": bool(bericht)
                    or _text(element, "zichtbaarheid") == "Extern",
                    "doorlooptijd": _duur(element, "standaard-doorlooptijd"),
                    "toelichting": _text(element, "toelichting")[:1000] or None,
                    "checklistitemStatustype": [
                        {
                            "itemnaam": _text(check, "naam")[:30],
                            "toelichting": _text(check, "toelichting")[:1000],
                            "vraagstelling": _text(check, "vraag")[:255],
                            "verplicht": _ja(check, "verplicht"),
                        }
                        for check in _children(element, "checks")
                    ],
                }
            )
        return result

    def resultaattypen(self, proces, label: str) -> list[dict]:
        elements = _children(proces, "resultaattypen")
        linked = [(e, self.klasse(e)) for e in elements]
        procestypen = {k.proces_type for _, k in linked if k is not None}
        if len(procestypen) > 1:
            self.warn(
                label,
                "resultaattypen verwijzen naar verschillende selectielijst-"
                "procestypen; alleen die van het eerste zijn overgenomen.",
            )
        procestype = next((k.proces_type for _, k in linked if k), None)
        result = []
        for element, klasse in linked:
            naam = _text(element, "naam")
            soort = self.soorten.get(element.get("soort-id")) or naam
            if klasse is None and procestype is not None:
                klasse = self.generiek(procestype, soort)
            if klasse is None or klasse.proces_type != procestype:
                self.warn(
                    label,
                    f"resultaattype '{naam}' weggelaten: geen selectielijstklasse "
                    "(Selectielijst 2020) te bepalen.",
                )
                continue
            afleiding = AFLEIDINGSWIJZEN.get(
                _text(element, "brondatum-archiefprocedure").lower(), ""
            )
            if klasse.procestermijn == "nihil":
                afleiding = "afgehandeld"
            elif klasse.procestermijn == "ingeschatte_bestaansduur_procesobject":
                afleiding = ""
            toelichting = _text(element, "toelichting")
            bron = _text(element, "brondatum-archiefprocedure")
            if bron and not afleiding:
                toelichting = (
                    f"{toelichting}\nBrondatum archiefprocedure (i-Navigator): {bron}. "
                    f"{_text(element, 'toelichting-bewaartermijn')}"
                ).strip()
                self.warn(
                    label,
                    f"resultaattype '{naam}': brondatum '{bron}' niet overgenomen; "
                    "vul de afleidingswijze zelf in.",
                )
            if len(naam) > 30:
                self.warn(label, f"resultaattype '{naam}' ingekort tot 30 tekens.")
            result.append(
                {
                    "omschrijving": naam[:30],
                    "resultaattypeomschrijving": GENERIEK.get(soort, soort),
                    "selectielijstklasse": str(klasse.uuid),
                    "toelichting": toelichting,
                    "archiefnominatie": _nominatie(element) or klasse.waardering,
                    "archiefactietermijn": _duur(element, "bewaartermijn")
                    or klasse.bewaartermijn
                    or None,
                    "brondatumAfleidingswijze": afleiding,
                    "_procestype": str(klasse.proces_type.uuid),
                }
            )
        return result

    def klasse(self, element) -> Resultaat | None:
        grondslag = element.find("velden/vernietigingsgrondslag")
        for link in grondslag.iter("field") if grondslag is not None else ():
            match = _SELECTIELIJST_2020.search((link.text or "").strip())
            if link.get("naam") == "URL" and match:
                return self.klassen.get(match.group(1).replace("_", "."))
        return None

    def generiek(self, procestype, soort: str) -> Resultaat | None:
        for klasse in self.klassen.values():
            if (
                klasse.proces_type == procestype
                and klasse.generiek_resultaat_id is None
                and klasse.naam.strip().lower() == soort.lower()
            ):
                return klasse
        return None

    def roltypen(self, proces, label: str) -> list[dict]:
        result = []
        for element in _children(proces, "roltypen"):
            naam = _text(element, "naam")
            soort = self.soorten.get(element.get("soort-id")) or naam
            generiek = ROLLEN.get(soort.lower())
            if generiek is None:
                self.warn(label, f"roltype '{naam}' weggelaten: onbekende rolsoort.")
                continue
            result.append(
                {"omschrijving": naam[:100], "omschrijvingGeneriek": generiek}
            )
        return result

    def documenttypen(self, proces, vertrouwelijkheid: str) -> list[dict]:
        result = []
        for number, element in enumerate(_children(proces, "documenttypen"), 1):
            naam = _text(element, "naam")[:80]
            richting = _text(element, "type").lower()
            if naam not in self.iotypen:
                self.iotypen[naam] = {
                    "omschrijving": naam,
                    "vertrouwelijkheidaanduiding": (
                        _text(element, "vertrouwelijkheid").lower() or vertrouwelijkheid
                    ),
                    "informatieobjectcategorie": (
                        self.soorten.get(element.get("soort-id")) or "Overig"
                    )[:80],
                    "trefwoord": [
                        w.strip()
                        for w in _text(element, "trefwoorden").split(",")
                        if w.strip()
                    ],
                    "beginGeldigheid": self.begin,
                    "concept": True,
                }
            result.append(
                {
                    "informatieobjecttype": naam,
                    "volgnummer": number,
                    "richting": richting
                    if richting in ("inkomend", "uitgaand")
                    else "intern",
                }
            )
        return result

    def warn(self, label: str, message: str) -> None:
        self.warnings.append(f"{label}: {message}")


def _selectielijst_2020() -> dict[str, Resultaat]:
    klassen = Resultaat.objects.filter(proces_type__jaar=2020).select_related(
        "proces_type", "generiek_resultaat"
    )
    return {k.volledig_nummer: k for k in klassen}


def _children(element, name: str) -> list:
    found = element.find(name)
    return list(found) if found is not None else []


def _text(element, name: str) -> str:
    found = element.find(f"velden/{name}")
    return " ".join((found.text or "").split()) if found is not None else ""


def _sub(element, name: str) -> str:
    if element is None:
        return ""
    return " ".join((element.findtext(name) or "").split())


def _ja(element, name: str) -> bool:
    return _text(element, name).lower() == "ja"


def _duur(element, name: str) -> str | None:
    """A term and its unit (``<x>`` and ``<x>-eenheid``) as an ISO 8601 duration."""
    amount = _text(element, name)
    unit = EENHEDEN.get(_text(element, f"{name}-eenheid").lower())
    if not amount.isdigit() or unit is None:
        return None
    return f"P{int(amount)}{unit}"


def _nominatie(element) -> str:
    waardering = _text(element, "waardering").lower()
    if waardering == "vernietigen":
        return "vernietigen"
    if waardering in ("bewaren", "blijvend bewaren"):
        return "blijvend_bewaren"
    return ""
