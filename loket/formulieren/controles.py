"""Checks on a form definition against the zaaktype it feeds: the beheer shows
them to the functional administrator, ``services.create_formulier`` refuses a
form that fails them."""

from loket.formulieren.models import Formulier, Veld, Veldtype


def zaaktype_van(formulier: Formulier):
    from loket.formulieren.indienen import product_van
    from loket.formulieren.indienen import zaaktype_van as zoek

    return zoek(formulier, product_van(formulier))


def eigenschap_fout(zaaktype, naam: str) -> str:
    """Why ``naam`` cannot be a zaakeigenschap of ``zaaktype`` ("" when it can)."""
    if not naam:
        return ""
    if zaaktype is None:
        return (
            "Het formulier heeft (nog) geen gepubliceerd zaaktype; een "
            "zaakeigenschap kan pas als dat er is."
        )
    namen = sorted(zaaktype.eigenschappen.values_list("naam", flat=True))
    if naam not in namen:
        bestaand = ", ".join(namen) or "geen"
        return (
            f"Zaaktype {zaaktype.identificatie} heeft geen eigenschap {naam!r}. "
            f"Wel: {bestaand}."
        )
    return ""


def documenttype_fout(zaaktype, omschrijving: str) -> str:
    if not omschrijving or zaaktype is None:
        return ""
    from loket.zgw.catalogi.models import ZaakTypeInformatieObjectType

    if not ZaakTypeInformatieObjectType.objects.filter(
        zaaktype=zaaktype, informatieobjecttype_omschrijving=omschrijving
    ).exists():
        return (
            f"Documenttype {omschrijving!r} hoort niet bij zaaktype "
            f"{zaaktype.identificatie}."
        )
    return ""


def controleer_formulier(formulier: Formulier) -> list[str]:
    """Every problem of the definition, in Dutch; empty when the form can be
    used."""
    fouten = []
    zaaktype = zaaktype_van(formulier)
    if zaaktype is None:
        fouten.append(
            "Er is geen gepubliceerd zaaktype "
            f"{formulier.zaaktype_identificatie or '(geen)'} in de catalogus van "
            f"gemeente {formulier.gemeente.naam}."
        )
    if fout := documenttype_fout(zaaktype, formulier.documenttype):
        fouten.append(fout)
    velden = list(
        Veld.objects.filter(stap__formulier=formulier).order_by(
            "stap__volgorde", "stap_id", "volgorde", "pk"
        )
    )
    alle = {v.sleutel for v in velden}
    gezien: dict[str, Veld] = {}
    for veld in velden:
        if veld.sleutel in gezien:
            fouten.append(f"De sleutel {veld.sleutel!r} komt twee keer voor.")
        if veld.conditie_veld and veld.conditie_veld not in alle:
            fouten.append(
                f"Vraag {veld.sleutel!r} hangt af van {veld.conditie_veld!r}; die "
                "vraag bestaat niet in dit formulier."
            )
        gezien[veld.sleutel] = veld
        if zaaktype is not None:
            for fout in (
                eigenschap_fout(zaaktype, veld.eigenschap),
                documenttype_fout(zaaktype, veld.documenttype),
            ):
                if fout:
                    fouten.append(f"Vraag {veld.sleutel!r}: {fout}")
        if veld.type == Veldtype.HERHAALGROEP and not any(
            v.groep_id == veld.pk for v in velden
        ):
            fouten.append(f"Herhaalgroep {veld.sleutel!r} heeft geen vragen.")
    return fouten
