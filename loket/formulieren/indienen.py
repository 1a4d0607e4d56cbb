"""The zaak a submitted form becomes, built through the services of the Zaken and
Documenten registers. Called by ``services.submit`` inside its transaction; on
its own this module writes nothing."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from loket.core import pdf
from loket.formulieren import stappen, velden
from loket.formulieren.models import Bijlage, Concept, Inzending, Kanaal, Veldtype
from loket.sturing import services as sturing
from loket.zgw.catalogi import selectors as catalogi
from loket.zgw.catalogi.choices import Objecttype, Richting, RolOmschrijving
from loket.zgw.catalogi.models import ZaakTypeInformatieObjectType
from loket.zgw.documenten import services as documenten
from loket.zgw.documenten.choices import DocumentStatus
from loket.zgw.referentielijsten.models import Communicatiekanaal
from loket.zgw.registers.services import Actor
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.choices import BetrokkeneType

TAAL = "dut"
PDF = "application/pdf"
VERKLARING = "Ik verklaar dat ik dit naar waarheid heb ingevuld."
INGEDIEND = {
    Kanaal.WEB: "via het e-formulier op de website",
    Kanaal.BALIE: "aan de balie van het gemeentehuis",
    Kanaal.TELEFOON: "telefonisch, bij het klantcontactcentrum",
    Kanaal.POST: "per post",
}


def product_van(formulier):
    """The product as the PDC describes it for this gemeente (contract 1), or
    None when the PDC does not know it (the form then uses its own data)."""
    from loket.producten import selectors as producten

    return producten.product(formulier.gemeente, formulier.product_slug)


def zaaktype_van(formulier, product=None):
    """The published version, valid today, of the product's zaaktype (else the
    form's own), in the gemeente's catalogus."""
    identificatie = (
        product.zaaktype_identificatie if product is not None else ""
    ) or formulier.zaaktype_identificatie
    catalogus = catalogi.catalogus_of(formulier.gemeente)
    if not identificatie or catalogus is None:
        return None
    return catalogi.zaaktype_version(catalogus, identificatie)


def maak_zaak(
    concept: Concept, *, definitie: stappen.Definitie, actor: Actor, kanaal: Kanaal
) -> Inzending:
    formulier, gemeente = concept.formulier, concept.formulier.gemeente
    product = product_van(formulier)
    zaaktype = zaaktype_van(formulier, product)
    if zaaktype is None:
        raise ValidationError(
            f"Het zaaktype van formulier {formulier.pk} is niet gepubliceerd of "
            "bestaat niet.",
            code="zaaktype",
        )
    naam = product.naam if product is not None else formulier.naam
    vandaag = timezone.localdate()
    inzending = Inzending(
        concept=concept,
        formulier=formulier,
        antwoorden=stappen.huidige_waarden(
            definitie, concept.antwoorden, concept.prefill
        ),
        kanaal=kanaal,
        bsn=concept.bsn,
        kvk=concept.kvk,
        vestigingsnummer=concept.vestigingsnummer,
        naam=concept.naam,
        ingediend_door=(
            f"{actor.gebruikers_weergave} ({actor.gebruikers_id})"
            if actor.gebruikers_weergave
            else actor.gebruikers_id
        )[:255],
        ingediend_op=timezone.now(),
    )
    zaak = zaken.create_zaak(
        actor=actor,
        zaaktype=zaaktype,
        bronorganisatie=gemeente.rsin,
        startdatum=vandaag,
        omschrijving=naam[:80],
        toelichting=f"Ingediend {INGEDIEND[kanaal]}."[:1000],
        communicatiekanaal=Communicatiekanaal.objects.filter(naam=kanaal.label).first(),
        producten_of_diensten=list(zaaktype.producten_of_diensten)[:1],
        kenmerken=[{"kenmerk": str(inzending.uuid), "bron": "Loket formulieren"}],
    )
    waarden = inzending.antwoorden
    rol = _initiator(zaak, zaaktype, concept, actor, _contact(definitie, waarden))
    eigenschappen = {e.naam: e for e in zaaktype.eigenschappen.all()}
    for veld, waarde in _beantwoord(definitie, waarden):
        if veld.eigenschap:
            eigenschap = eigenschappen.get(veld.eigenschap)
            if eigenschap is None:
                raise ValidationError(
                    f"Zaaktype {zaaktype.identificatie} heeft geen eigenschap "
                    f"{veld.eigenschap!r} (veld {veld.sleutel}).",
                    code="eigenschap",
                )
            zaken.add_zaakeigenschap(
                zaak,
                actor=actor,
                eigenschap=eigenschap,
                waarde=velden.eigenschap_waarde(veld, waarde, eigenschap.formaat),
            )
        if veld.zaakobject and veld.type == Veldtype.ADRES:
            zaken.add_zaakobject(
                zaak,
                actor=actor,
                object_type=Objecttype.ADRES,
                object_identificatie=_object_adres(waarde),
                relatieomschrijving=veld.label[:80],
            )
    samenvatting = stappen.samenvatting(definitie, concept.antwoorden, concept.prefill)
    aanvraagtype = _documenttype(zaaktype, formulier.documenttype)
    _document(
        zaak,
        actor,
        aanvraagtype,
        titel=f"Aanvraag: {naam}"[:200],
        inhoud=pdf.document(
            titel=f"Aanvraag: {naam}"[:200],
            regels=_pdf_regels(gemeente, naam, zaak, concept, kanaal, samenvatting),
            auteur=concept.naam or "Aanvrager",
            gemaakt=timezone.localtime(),
        ),
        bestandsnaam=f"aanvraag-{zaak.identificatie}.pdf",
        formaat=PDF,
        auteur=concept.naam,
    )
    for bijlage, veld in _bijlagen(concept, definitie, waarden):
        with bijlage.bestand.open("rb") as handle:
            inhoud = handle.read()
        _document(
            zaak,
            actor,
            _documenttype(zaaktype, veld.documenttype)
            if veld.documenttype
            else aanvraagtype,
            titel=f"{veld.label}: {bijlage.naam}"[:200],
            inhoud=inhoud,
            bestandsnaam=bijlage.naam,
            formaat=bijlage.formaat,
            auteur=concept.naam,
        )
    eerste = zaaktype.statustypen.order_by("volgnummer").first()
    if eerste is None:
        raise ValidationError("Het zaaktype heeft geen statustypen.", code="status")
    zaken.set_status(zaak, actor=actor, statustype=eerste, gezetdoor=rol)
    inzending.zaak_uuid = zaak.uuid
    inzending.zaak_identificatie = zaak.identificatie
    inzending.einddatum_verwacht = zaak.einddatum_gepland or (
        zaak.startdatum + timedelta(days=product.servicenorm_dagen)
        if product is not None and product.servicenorm_dagen
        else None
    )
    inzending.save()
    sturing.tel_inzending(
        inzending, gemeente_id=gemeente.pk, product=zaaktype.identificatie
    )
    return inzending


def _contact(definitie: stappen.Definitie, waarden: dict) -> dict | None:
    """The e-mail address and phone number the form asked, as the initiator's
    contactpersoonRol: Mijn Loket mails news about the zaak there."""
    gegeven = {}
    for veld, waarde in _beantwoord(definitie, waarden):
        if veld.type == Veldtype.EMAIL:
            gegeven.setdefault("emailadres", str(waarde)[:254])
        elif veld.type == Veldtype.TELEFOON:
            gegeven.setdefault("telefoonnummer", str(waarde)[:20])
    return gegeven or None


def _initiator(
    zaak, zaaktype, concept: Concept, actor: Actor, contact: dict | None = None
):
    roltype = zaaktype.roltypen.filter(
        omschrijving_generiek=RolOmschrijving.INITIATOR
    ).first()
    if roltype is None:
        raise ValidationError("Het zaaktype heeft geen initiator.", code="roltype")
    if concept.kvk:
        identificatie = {
            "kvkNummer": concept.kvk,
            "vestigingsNummer": concept.vestigingsnummer,
            "handelsnaam": [concept.naam] if concept.naam else [],
        }
        soort = BetrokkeneType.VESTIGING
    else:
        persoon = concept.prefill.get("_persoon") or {}
        identificatie = {"inpBsn": concept.bsn}
        if persoon:
            identificatie.update(
                geslachtsnaam=persoon.get("geslachtsnaam", "")[:200],
                voorvoegselGeslachtsnaam=persoon.get("voorvoegsel", "")[:80],
                voornamen=persoon.get("voornamen", "")[:200],
            )
        soort = BetrokkeneType.NATUURLIJK_PERSOON
    return zaken.add_rol(
        zaak,
        actor=actor,
        roltype=roltype,
        betrokkene_type=soort,
        betrokkene_identificatie=identificatie,
        roltoelichting="Aanvrager via het formulier"[:1000],
        contactpersoon_rol=(
            {**contact, "naam": (concept.naam or "Aanvrager")[:200]}
            if contact
            else None
        ),
    )


def _beantwoord(definitie: stappen.Definitie, waarden: dict):
    """(veld, answer) of every visible, answered top-level question."""
    for veld in definitie.alle_velden:
        waarde = waarden.get(veld.sleutel)
        if waarde in (None, "", [], {}) or not velden.zichtbaar(veld, waarden):
            continue
        yield veld, waarde


def _bijlagen(concept: Concept, definitie: stappen.Definitie, waarden: dict):
    """The uploads still part of the answers (a replaced file is not), with
    their question."""
    per_uuid = {str(b.uuid): b for b in Bijlage.objects.filter(concept=concept)}
    for veld, waarde in _beantwoord(definitie, waarden):
        if veld.type == Veldtype.BESTAND:
            bijlage = per_uuid.get(waarde.get("bijlage"))
            if bijlage is not None:
                yield bijlage, veld
        elif veld.type == Veldtype.HERHAALGROEP:
            for rij in waarde:
                for kind in definitie.kinderen.get(veld.pk, []):
                    antwoord = rij.get(kind.sleutel)
                    if kind.type == Veldtype.BESTAND and isinstance(antwoord, dict):
                        bijlage = per_uuid.get(antwoord.get("bijlage"))
                        if bijlage is not None:
                            yield bijlage, kind


def _documenttype(zaaktype, omschrijving: str):
    """The informatieobjecttype by its omschrijving, or the zaaktype's first
    incoming one; it must belong to the zaaktype."""
    relaties = ZaakTypeInformatieObjectType.objects.filter(zaaktype=zaaktype)
    if omschrijving:
        relaties = relaties.filter(informatieobjecttype_omschrijving=omschrijving)
    else:
        relaties = relaties.filter(richting=Richting.INKOMEND)
    relatie = relaties.order_by("volgnummer").first()
    if relatie is not None:
        gevonden = (
            catalogi.informatieobjecttypen(zaaktype.catalogus, day=timezone.localdate())
            .filter(omschrijving=relatie.informatieobjecttype_omschrijving)
            .last()
        )
        if gevonden is not None:
            return gevonden
    raise ValidationError(
        f"Zaaktype {zaaktype.identificatie} heeft geen documenttype "
        f"{omschrijving or '(inkomend)'}.",
        code="documenttype",
    )


def _document(zaak, actor, iotype, *, titel, inhoud, bestandsnaam, formaat, auteur):
    version = documenten.create_document(
        actor=actor,
        informatieobjecttype=iotype,
        bronorganisatie=zaak.bronorganisatie,
        titel=titel,
        auteur=(auteur or "Aanvrager")[:200],
        taal=TAAL,
        creatiedatum=zaak.startdatum,
        inhoud=inhoud,
        bestandsnaam=bestandsnaam[:255],
        formaat=formaat,
        status=DocumentStatus.DEFINITIEF,
        ontvangstdatum=zaak.startdatum,
        indicatie_gebruiksrecht=False,
    )
    zaken.add_document(
        zaak, actor=actor, informatieobject=version.informatieobject, titel=titel
    )
    return version


def _object_adres(adres: dict) -> dict:
    """``ObjectAdres`` of the Zaken API."""
    return {
        "identificatie": "",
        "wplWoonplaatsNaam": adres.get("woonplaats", "")[:80],
        "gorOpenbareRuimteNaam": adres.get("straat", "")[:80],
        "huisnummer": int(adres.get("huisnummer") or 0),
        "huisletter": adres.get("huisletter", "")[:1],
        "huisnummertoevoeging": adres.get("toevoeging", "")[:4],
        "postcode": adres.get("postcode", "").replace(" ", ""),
    }


def _pdf_regels(gemeente, naam, zaak, concept, kanaal, samenvatting) -> list[str]:
    nu = timezone.localtime()
    regels = [
        f"Gemeente {gemeente.naam}, {naam.lower()}.",
        f"Ontvangen op {velden.leesbare_datum(nu.date())} om {nu:%H.%M} uur, "
        f"{INGEDIEND[kanaal]}.",
        f"Zaaknummer: {zaak.identificatie}.",
        "",
    ]
    if concept.kvk:
        regels.append(f"Bedrijf: {concept.naam}, KvK-nummer {concept.kvk}")
    else:
        regels.append(f"Naam: {concept.naam or '(onbekend)'}")
        regels.append(f"Burgerservicenummer: {concept.bsn}")
    if concept.medewerker_id:
        regels.append(f"Ingevuld door: {concept.medewerker.naam} (medewerker)")
    for stap in samenvatting:
        regels += ["", stap["titel"]]
        regels += [f"- {r['label']}: {r['tekst']}" for r in stap["regels"]]
    regels += ["", f"Verklaring: {VERKLARING}"]
    return regels
