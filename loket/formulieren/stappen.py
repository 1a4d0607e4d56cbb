"""A form's definition read once, and what one step does with what the resident
sent: which questions are asked (conditions), the answers, what is wrong."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from loket.formulieren import velden
from loket.formulieren.models import Formulier, Stap, Veld, Veldtype
from loket.formulieren.velden import Fout, Vraag


@dataclass
class Definitie:
    formulier: Formulier
    stappen: list[Stap]
    velden: dict[int, list[Veld]]  # stap pk → its top-level fields, in order
    kinderen: dict[int, list[Veld]]  # herhaalgroep pk → its fields, in order

    @property
    def alle_velden(self) -> list[Veld]:
        return [v for stap in self.stappen for v in self.velden[stap.pk]]

    def stap(self, nummer: int) -> Stap | None:
        """The step by its number on the page (1-based)."""
        return self.stappen[nummer - 1] if 1 <= nummer <= len(self.stappen) else None


def definitie(formulier: Formulier) -> Definitie:
    """The steps and fields of ``formulier`` in two queries."""
    stappen = list(
        Stap.objects.filter(formulier=formulier).prefetch_related(
            Prefetch("velden", Veld.objects.order_by("volgorde", "pk"))
        )
    )
    per_stap, kinderen = {}, {}
    for stap in stappen:
        alle = list(stap.velden.all())
        per_stap[stap.pk] = [v for v in alle if v.groep_id is None]
        for v in alle:
            if v.groep_id is not None:
                kinderen.setdefault(v.groep_id, []).append(v)
    return Definitie(formulier, stappen, per_stap, kinderen)


def prefill_waarde(veld: Veld, prefill: dict):
    """The register's value for a prefilled field, in the field's shape, or None
    when the register gave nothing (the resident then fills it in)."""
    if not veld.prefill:
        return None
    waarde = prefill.get(veld.prefill)
    if waarde in (None, "", {}):
        return None
    if isinstance(waarde, dict) and veld.type != Veldtype.ADRES:
        return velden.adres_regel(waarde)
    if veld.type == Veldtype.ADRES and not isinstance(waarde, dict):
        return None
    return waarde


def huidige_waarden(definitie_: Definitie, antwoorden: dict, prefill: dict) -> dict:
    """The answers with the registers' values, for the conditions."""
    waarden = dict(antwoorden)
    for veld in definitie_.alle_velden:
        gegeven = prefill_waarde(veld, prefill)
        if gegeven is not None:
            waarden[veld.sleutel] = gegeven
    return waarden


def aantal_rijen(veld: Veld, herhalingen: dict, antwoorden: dict) -> int:
    minimum = max(veld.minimum or 1, 1)
    gegeven = herhalingen.get(veld.sleutel)
    if gegeven is None:
        gegeven = len(antwoorden.get(veld.sleutel) or [])
    return max(gegeven, minimum)


@dataclass
class Resultaat:
    """What one step came to."""

    antwoorden: dict = field(default_factory=dict)  # this step's, visible only
    fouten: dict = field(default_factory=dict)  # input name → message
    vragen: list[Vraag] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        return not self.fouten


def verwerk(
    definitie_: Definitie,
    stap: Stap,
    *,
    antwoorden: dict,
    prefill: dict,
    herhalingen: dict,
    data,
    files=None,
) -> Resultaat:
    """Read the answers of ``stap`` from ``data``/``files``: every visible field
    checked, hidden ones (their condition not met) dropped."""
    basis = huidige_waarden(definitie_, antwoorden, prefill)
    resultaat = Resultaat()
    kandidaten: dict = {}
    # First every answer, then which questions apply: a condition may depend on
    # an answer given on this same page.
    gelezen: list[tuple[Veld, Vraag]] = []
    for veld in definitie_.velden[stap.pk]:
        vraag = Vraag(veld=veld, naam=veld.sleutel)
        gegeven = prefill_waarde(veld, prefill)
        if gegeven is not None:
            vraag.waarde, vraag.alleen_lezen = gegeven, True
        elif veld.type == Veldtype.HERHAALGROEP:
            _lees_groep(
                definitie_, veld, vraag, basis, antwoorden, herhalingen, data, files
            )
        else:
            _lees_veld(veld, vraag, data, files, antwoorden.get(veld.sleutel))
        if not vraag.fout and not _groep_fout(vraag):
            kandidaten[veld.sleutel] = vraag.waarde
        gelezen.append((veld, vraag))
    waarden = {**basis, **kandidaten}
    op_deze_stap = {v.sleutel for v, _ in gelezen}
    for veld, vraag in gelezen:
        if not velden.zichtbaar(veld, waarden):
            if veld.conditie_veld in op_deze_stap:
                # Shown again (hidden by the script): the answer may change.
                vraag.fout = ""
                for rij in vraag.rijen:
                    for kind in rij:
                        kind.fout = ""
                resultaat.vragen.append(vraag)
            continue
        resultaat.vragen.append(vraag)
        if vraag.fout:
            resultaat.fouten[vraag.naam] = vraag.fout
        for rij in vraag.rijen:
            for kind in rij:
                if kind.fout:
                    resultaat.fouten[kind.naam] = kind.fout
        if not vraag.fout and vraag.waarde not in (None, "", [], {}):
            resultaat.antwoorden[veld.sleutel] = vraag.waarde
    return resultaat


def _lees_veld(veld: Veld, vraag: Vraag, data, files, bestaand) -> None:
    try:
        vraag.waarde = velden.lees(veld, data, files, vraag.naam, bestaand)
    except Fout as fout:
        vraag.fout = str(fout)
        vraag.waarde = _ruw(veld, data, vraag.naam, bestaand)


def _ruw(veld: Veld, data, naam: str, bestaand):
    """What the resident typed, to show it again with the error."""
    if veld.type == Veldtype.MEERKEUZE:
        return data.getlist(naam) if hasattr(data, "getlist") else []
    if veld.type == Veldtype.ADRES:
        return {k: data.get(f"{naam}_{k}", "") for k in velden.ADRESDELEN}
    if veld.type == Veldtype.BESTAND:
        return bestaand
    return data.get(naam, "")


def _lees_groep(definitie_, veld, vraag, basis, antwoorden, herhalingen, data, files):
    kinderen = definitie_.kinderen.get(veld.pk, [])
    oud = antwoorden.get(veld.sleutel) or []
    rijen = []
    for i in range(aantal_rijen(veld, herhalingen, antwoorden)):
        vorige = oud[i] if i < len(oud) else {}
        gelezen, rij = [], {}
        for kind in kinderen:
            kindvraag = Vraag(veld=kind, naam=f"{veld.sleutel}-{i}-{kind.sleutel}")
            _lees_veld(kind, kindvraag, data, files, vorige.get(kind.sleutel))
            if not kindvraag.fout and kindvraag.waarde not in (None, "", [], {}):
                rij[kind.sleutel] = kindvraag.waarde
            gelezen.append(kindvraag)
        zichtbaar = [k for k in gelezen if velden.zichtbaar(k.veld, {**basis, **rij})]
        rij = {
            k.veld.sleutel: rij[k.veld.sleutel]
            for k in zichtbaar
            if k.veld.sleutel in rij
        }
        vraag.rijen.append(zichtbaar)
        rijen.append(rij)
    vraag.waarde = rijen
    if veld.maximum and len(rijen) > veld.maximum:
        vraag.fout = f"U kunt hooguit {veld.maximum} keer iets opgeven."


def _groep_fout(vraag: Vraag) -> bool:
    return any(k.fout for rij in vraag.rijen for k in rij)


def vragen_voor_weergave(
    definitie_: Definitie,
    stap: Stap,
    *,
    antwoorden: dict,
    prefill: dict,
    herhalingen: dict,
) -> list[Vraag]:
    """The questions of ``stap`` as they stand in the draft, for a GET. Questions
    whose condition depends on this page are shown (the script hides them; without
    it the hint says when to answer); those depending on earlier pages are not."""
    basis = huidige_waarden(definitie_, antwoorden, prefill)
    op_deze_stap = {v.sleutel for v in definitie_.velden[stap.pk]}
    vragen = []
    for veld in definitie_.velden[stap.pk]:
        if veld.conditie_veld not in op_deze_stap and not velden.zichtbaar(veld, basis):
            continue
        vraag = Vraag(veld=veld, naam=veld.sleutel, waarde=antwoorden.get(veld.sleutel))
        gegeven = prefill_waarde(veld, prefill)
        if gegeven is not None:
            vraag.waarde, vraag.alleen_lezen = gegeven, True
        if veld.type == Veldtype.HERHAALGROEP and gegeven is None:
            oud = antwoorden.get(veld.sleutel) or []
            for i in range(aantal_rijen(veld, herhalingen, antwoorden)):
                vorige = oud[i] if i < len(oud) else {}
                vraag.rijen.append(
                    [
                        Vraag(
                            veld=kind,
                            naam=f"{veld.sleutel}-{i}-{kind.sleutel}",
                            waarde=vorige.get(kind.sleutel),
                        )
                        for kind in definitie_.kinderen.get(veld.pk, [])
                    ]
                )
        vragen.append(vraag)
    return vragen


def controleer_alles(
    definitie_: Definitie, antwoorden: dict, prefill: dict
) -> int | None:
    """The number of the first step whose answers are incomplete (a required
    question unanswered, e.g. after a condition changed), or None when all is
    there. Checked again when submitting: the server never trusts the pages."""
    waarden = huidige_waarden(definitie_, antwoorden, prefill)
    for nummer, stap in enumerate(definitie_.stappen, start=1):
        for veld in definitie_.velden[stap.pk]:
            if not velden.zichtbaar(veld, waarden) or not veld.verplicht:
                continue
            if waarden.get(veld.sleutel) in (None, "", [], {}):
                return nummer
            if veld.type == Veldtype.HERHAALGROEP:
                for rij in waarden[veld.sleutel]:
                    for kind in definitie_.kinderen.get(veld.pk, []):
                        if (
                            kind.verplicht
                            and velden.zichtbaar(kind, {**waarden, **rij})
                            and rij.get(kind.sleutel) in (None, "", [], {})
                        ):
                            return nummer
    return None


def samenvatting(definitie_: Definitie, antwoorden: dict, prefill: dict) -> list[dict]:
    """Per step its title and the questions asked with their answers as text."""
    waarden = huidige_waarden(definitie_, antwoorden, prefill)
    uit = []
    for nummer, stap in enumerate(definitie_.stappen, start=1):
        regels = []
        for veld in definitie_.velden[stap.pk]:
            if not velden.zichtbaar(veld, waarden):
                continue
            waarde = waarden.get(veld.sleutel)
            if veld.type == Veldtype.HERHAALGROEP:
                for i, rij in enumerate(waarde or [], start=1):
                    for kind in definitie_.kinderen.get(veld.pk, []):
                        if velden.zichtbaar(kind, {**waarden, **rij}):
                            regels.append(
                                {
                                    "label": f"{veld.label} {i}: {kind.label}",
                                    "tekst": velden.weergave(
                                        kind, rij.get(kind.sleutel)
                                    ),
                                }
                            )
                continue
            regels.append({"label": veld.label, "tekst": velden.weergave(veld, waarde)})
        uit.append({"nummer": nummer, "titel": stap.titel, "regels": regels})
    return uit
