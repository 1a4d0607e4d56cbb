"""Every write of formulieren: starting and saving a draft, storing uploads, and
submitting, which turns the draft into a zaak in one transaction
(``indienen.maak_zaak``)."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from loket.formulieren import stappen
from loket.formulieren.models import (
    Bijlage,
    Concept,
    Formulier,
    Inzending,
    Kanaal,
    Prefill,
)
from loket.formulieren.velden import Upload
from loket.zgw.registers.services import Actor

logger = logging.getLogger(__name__)
BRON = "Loket formulieren"


@dataclass(frozen=True)
class Eigenaar:
    """For whom a form is filled in: a person (BSN) or a company (KvK)."""

    bsn: str = ""
    kvk: str = ""
    vestigingsnummer: str = ""
    naam: str = ""

    @property
    def is_bedrijf(self) -> bool:
        return bool(self.kvk)

    @classmethod
    def van_inwoner(cls, inwoner) -> "Eigenaar":
        """From the resident's login (``loket.identiteit.inwoner.Inwoner``)."""
        return cls(
            bsn=inwoner.bsn or "",
            kvk=inwoner.kvk or "",
            vestigingsnummer=inwoner.vestigingsnummer or "",
            naam=inwoner.naam or "",
        )

    def owns(self, concept: Concept) -> bool:
        if self.kvk:
            return concept.kvk == self.kvk and (
                concept.vestigingsnummer == self.vestigingsnummer
            )
        return bool(self.bsn) and concept.bsn == self.bsn and not concept.kvk


def _verloopt(nu):
    return nu + timedelta(days=settings.FORMULIEREN_CONCEPT_DAGEN)


def open_concept(formulier: Formulier, eigenaar: Eigenaar, *, medewerker=None):
    """The unsent, unexpired draft of this form for this person (the resident's
    own, or the one this staff member fills in for them)."""
    concepten = Concept.objects.filter(
        formulier=formulier,
        bsn=eigenaar.bsn,
        kvk=eigenaar.kvk,
        vestigingsnummer=eigenaar.vestigingsnummer,
        inzending__isnull=True,
        verloopt_op__gt=timezone.now(),
    )
    if medewerker is None:
        concepten = concepten.filter(medewerker__isnull=True)
    else:
        concepten = concepten.filter(medewerker=medewerker)
    return concepten.order_by("-gewijzigd_op").first()


def start_concept(
    *,
    formulier: Formulier,
    eigenaar: Eigenaar,
    kanaal: str = Kanaal.WEB,
    medewerker=None,
) -> tuple[Concept, str]:
    """The open draft of this person, or a new one prefilled from the base
    registers. Returns the draft and, when a register could not be asked, a
    Dutch message saying the resident fills those questions in themselves."""
    bestaand = open_concept(formulier, eigenaar, medewerker=medewerker)
    if bestaand is not None:
        return bestaand, ""
    # Asked outside the transaction: no database lock waits on a register.
    prefill, melding = haal_prefill(formulier, eigenaar)
    with transaction.atomic():
        nu = timezone.now()
        concept = Concept(
            formulier=formulier,
            bsn=eigenaar.bsn,
            kvk=eigenaar.kvk,
            vestigingsnummer=eigenaar.vestigingsnummer,
            naam=(prefill.get("_naam") or eigenaar.naam)[:200],
            kanaal=kanaal,
            medewerker=medewerker,
            prefill=prefill,
            gewijzigd_op=nu,
            verloopt_op=_verloopt(nu),
        )
        concept.full_clean()
        concept.save()
        if medewerker is None and not melding:
            _leg_raadpleging_vast(formulier, eigenaar)
    return concept, melding


def _leg_raadpleging_vast(formulier: Formulier, eigenaar: Eigenaar) -> None:
    """Loket asked the BRP or KvK for the resident (processing log). A staff
    member's lookup is logged by the namens page instead."""
    from loket.verwerkingen.models import Activiteit, Doel
    from loket.verwerkingen.services import leg_vast

    leg_vast(
        medewerker=None,
        activiteit=Activiteit.KVK_RAADPLEGING
        if eigenaar.kvk
        else Activiteit.BRP_RAADPLEGING,
        doel=Doel.DIENSTVERLENING,
        bsn="" if eigenaar.kvk else eigenaar.bsn,
        kvk=eigenaar.kvk,
        gemeente=formulier.gemeente,
        toelichting=f"Formulier {formulier.naam}"[:200],
    )


def haal_prefill(formulier: Formulier, eigenaar: Eigenaar) -> tuple[dict, str]:
    """What the BRP (person) or the Handelsregister (company) knows about the
    owner, for the prefilled questions and the name parts of the zaak's rol."""
    from loket.identiteit import prefill as register

    uit: dict = {}
    try:
        if eigenaar.bsn and not eigenaar.kvk:
            persoon = register.persoon(eigenaar.bsn)
            if persoon is not None:
                uit[Prefill.PERSOON_NAAM] = persoon.naam
                uit["_naam"] = persoon.naam
                uit["_persoon"] = {
                    "voornamen": persoon.voornamen,
                    "voorvoegsel": persoon.voorvoegsel,
                    "geslachtsnaam": persoon.geslachtsnaam,
                }
                if persoon.geboortedatum:
                    uit[Prefill.PERSOON_GEBOORTEDATUM] = (
                        persoon.geboortedatum.isoformat()
                    )
                if persoon.adres:
                    uit[Prefill.PERSOON_ADRES] = _adres(persoon.adres)
        elif eigenaar.kvk:
            bedrijf = register.bedrijf(eigenaar.kvk)
            if bedrijf is not None:
                uit[Prefill.BEDRIJF_NAAM] = bedrijf.naam
                uit[Prefill.BEDRIJF_KVK] = bedrijf.kvk
                uit["_naam"] = bedrijf.naam
                if bedrijf.adres:
                    uit[Prefill.BEDRIJF_ADRES] = _adres(bedrijf.adres)
    except register.PrefillError as fout:
        logger.warning("prefill mislukt voor formulier %s: %s", formulier.pk, fout)
        return uit, str(fout) or _PREFILL_MISLUKT
    if eigenaar.kvk and Prefill.BEDRIJF_KVK not in uit:
        uit[Prefill.BEDRIJF_KVK] = eigenaar.kvk
    return uit, ""


_PREFILL_MISLUKT = "Wij konden uw gegevens nu niet ophalen. Wilt u ze zelf invullen?"


def _adres(adres) -> dict:
    return {
        "postcode": adres.postcode,
        "huisnummer": adres.huisnummer,
        "huisletter": adres.huisletter or "",
        "toevoeging": adres.toevoeging or "",
        "straat": adres.straat,
        "woonplaats": adres.woonplaats,
    }


@transaction.atomic
def save_stap(
    concept: Concept,
    *,
    nummer: int,
    resultaat: stappen.Resultaat,
    definitie: stappen.Definitie,
    herhalingen: dict | None = None,
    volgende: bool = True,
) -> Concept:
    """Keep the answers of step ``nummer`` (uploads stored as files) in the draft;
    with ``volgende`` the draft moves on to the next step."""
    concept = Concept.objects.select_for_update().get(pk=concept.pk)
    if hasattr(concept, "inzending"):
        raise ValidationError("Dit formulier is al verstuurd.", code="verstuurd")
    stap = definitie.stap(nummer)
    for veld in definitie.velden[stap.pk]:
        concept.antwoorden.pop(veld.sleutel, None)
    for sleutel, waarde in resultaat.antwoorden.items():
        concept.antwoorden[sleutel] = _bewaar_uploads(concept, sleutel, waarde)
    if herhalingen is not None:
        concept.herhalingen.update(herhalingen)
    if volgende:
        concept.huidige_stap = max(concept.huidige_stap, nummer)
    concept.gewijzigd_op = timezone.now()
    concept.verloopt_op = _verloopt(concept.gewijzigd_op)
    concept.save()
    return concept


def _bewaar_uploads(concept: Concept, sleutel: str, waarde):
    """Store each new upload as a ``Bijlage``; the answer keeps a reference."""
    if isinstance(waarde, Upload):
        bijlage = Bijlage(
            concept=concept,
            sleutel=sleutel[:120],
            naam=waarde.naam,
            grootte=waarde.grootte,
            formaat=waarde.formaat,
        )
        bijlage.bestand.save(waarde.naam, waarde.inhoud, save=False)
        bijlage.save()
        return {
            "bijlage": str(bijlage.uuid),
            "naam": bijlage.naam,
            "grootte": waarde.grootte,
        }
    if isinstance(waarde, list):
        return [
            {
                k: _bewaar_uploads(concept, f"{sleutel}.{i}.{k}", v)
                for k, v in rij.items()
            }
            if isinstance(rij, dict)
            else rij
            for i, rij in enumerate(waarde)
        ]
    return waarde


class NietCompleet(ValidationError):
    """A submission with a required answer missing; ``stap`` is where."""

    def __init__(self, stap: int):
        super().__init__(
            "Niet alle vragen zijn beantwoord. Vul de ontbrekende antwoorden in.",
            code="onvolledig",
        )
        self.stap = stap


def actor_voor(concept: Concept, *, medewerker=None) -> Actor:
    """Who submits, for the audit trail: the resident (DigiD/eHerkenning), or the
    staff member filling in the form for them."""
    if medewerker is not None:
        kanaal = Kanaal(concept.kanaal).label.lower()
        return Actor(
            applicatie_weergave=BRON,
            gebruikers_id=medewerker.email,
            gebruikers_weergave=medewerker.naam,
            toelichting=f"Ingediend door een medewerker namens "
            f"{concept.naam or 'de aanvrager'} ({kanaal})",
        )
    middel = "eHerkenning" if concept.kvk else "DigiD"
    return Actor(
        applicatie_weergave=BRON,
        gebruikers_id=concept.kvk or concept.bsn,
        gebruikers_weergave=concept.naam,
        toelichting=f"Ingediend met {middel} via het e-formulier",
    )


@transaction.atomic
def submit(
    concept: Concept, *, actor: Actor, kanaal: str, verklaard: bool
) -> Inzending:
    """Turn the draft into a zaak, in one transaction: the ``Inzending`` (answers
    frozen), the zaak of the product's zaaktype with the initiator rol, the
    answers as zaakeigenschappen, the address as zaakobject, the PDF of the
    submission and the uploads as documents, the first status — each with its
    audit trail entry and outbox notificatie. The draft row is locked first: a
    second click (or a retry) waits and gets the same ``Inzending`` back. Any
    failure rolls everything back and leaves the draft as it was."""
    from loket.formulieren import indienen

    concept = (
        Concept.objects.select_for_update(of=("self",))
        .select_related("formulier__gemeente", "medewerker")
        .get(pk=concept.pk)
    )
    bestaand = Inzending.objects.filter(concept=concept).first()
    if bestaand is not None:
        return bestaand
    if not verklaard:
        raise ValidationError(
            "Vink aan dat u het formulier naar waarheid heeft ingevuld.",
            code="verklaring",
        )
    definitie = stappen.definitie(concept.formulier)
    ontbreekt = stappen.controleer_alles(definitie, concept.antwoorden, concept.prefill)
    if ontbreekt is not None:
        raise NietCompleet(ontbreekt)
    return indienen.maak_zaak(
        concept, definitie=definitie, actor=actor, kanaal=Kanaal(kanaal)
    )


@transaction.atomic
def opschonen_concepten() -> int:
    """Remove expired drafts that were never sent, with their uploaded files."""
    verlopen = Concept.objects.filter(
        verloopt_op__lte=timezone.now(), inzending__isnull=True
    )
    bijlagen = list(Bijlage.objects.filter(concept__in=verlopen))
    aantal = verlopen.count()
    namen = [b.bestand.name for b in bijlagen]
    verlopen.delete()
    transaction.on_commit(lambda: [_verwijder(naam) for naam in namen])
    return aantal


def _verwijder(naam: str) -> None:
    from django.core.files.storage import default_storage

    try:
        default_storage.delete(naam)
    except OSError:
        logger.warning("bijlage %s kon niet worden verwijderd", naam)


# -- definitions -----------------------------------------------------------------------

# What a question may have besides its key, label and type (in the order the
# beheer shows them).
VELD_OPTIES = (
    "hulptekst",
    "verplicht",
    "keuzes",
    "minimum",
    "maximum",
    "max_mb",
    "bestandstypen",
    "documenttype",
    "conditie_veld",
    "conditie_waarde",
    "prefill",
    "eigenschap",
    "zaakobject",
)


@transaction.atomic
def create_formulier(
    *,
    gemeente,
    product_slug: str,
    naam: str,
    stappen: list[dict],
    **fields,
) -> Formulier:
    """A form with its steps and fields from a description, e.g.
    ``stappen=[{"titel": …, "velden": [{"sleutel": …, "label": …, "type": …,
    "kinderen": [...]}]}]`` (the demo uses it). Each field is checked as the
    beheer checks it."""
    from loket.formulieren.models import Stap

    formulier = Formulier(
        gemeente=gemeente, product_slug=product_slug, naam=naam, **fields
    )
    formulier.full_clean()
    formulier.save()
    sleutels: set[str] = set()
    for volgorde, spec in enumerate(stappen, start=1):
        stap = Stap.objects.create(
            formulier=formulier,
            volgorde=volgorde,
            titel=spec["titel"],
            toelichting=spec.get("toelichting", ""),
        )
        for n, veldspec in enumerate(spec.get("velden", []), start=1):
            groep = _maak_veld(stap, None, n, veldspec, sleutels)
            for m, kindspec in enumerate(veldspec.get("kinderen", []), start=1):
                _maak_veld(stap, groep, m, kindspec, sleutels)
    from loket.formulieren.controles import controleer_formulier

    fouten = controleer_formulier(formulier)
    if fouten:
        raise ValidationError(fouten)
    return formulier


def _maak_veld(stap, groep, volgorde, spec: dict, sleutels: set[str]):
    from loket.formulieren.models import Veld

    unknown = set(spec) - set(VELD_OPTIES) - {"sleutel", "label", "type", "kinderen"}
    if unknown:
        raise TypeError(f"onbekende veldopties: {', '.join(sorted(unknown))}")
    if spec["sleutel"] in sleutels:
        raise ValidationError(f"De sleutel {spec['sleutel']} komt twee keer voor.")
    sleutels.add(spec["sleutel"])
    veld = Veld(
        stap=stap,
        groep=groep,
        volgorde=volgorde,
        sleutel=spec["sleutel"],
        label=spec["label"],
        type=spec["type"],
        **{k: v for k, v in spec.items() if k in VELD_OPTIES},
    )
    veld.full_clean()
    veld.save()
    return veld
