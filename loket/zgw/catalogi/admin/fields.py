"""Form fields of the catalogue beheer: Dutch help texts, lists as one item per
line, and choices limited to the catalogus (and zaaktype) being edited."""

from django import forms
from django.db import models
from django.utils.text import capfirst

from loket.zgw.catalogi.admin.service_forms import DateInput, LinesField
from loket.zgw.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
)
from loket.zgw.referentielijsten.models import Resultaat

DUUR = "Als ISO 8601-duur: P5D is 5 dagen, P8W 8 weken, P3M 3 maanden, P1Y 1 jaar."

HELP = {
    "identificatie": "Korte, vaste code voor dit zaaktype, bijvoorbeeld "
    "PARKEERVERGUNNING. Alle versies hebben dezelfde identificatie.",
    "omschrijving": "De naam zoals medewerkers en inwoners hem zien.",
    "vertrouwelijkheidaanduiding": "Hoe vertrouwelijk zaken van dit type standaard "
    "zijn. Koppelingen zien alleen zaken tot hun eigen maximum.",
    "doel": "Wat de gemeente met zaken van dit type bereikt.",
    "aanleiding": "Waardoor een zaak van dit type begint.",
    "indicatie_intern_of_extern": "Extern: een inwoner of bedrijf start de zaak.",
    "handeling_initiator": "Werkwoord voor wat de initiator doet: aanvragen, "
    "melden, indienen.",
    "onderwerp": "Waar de zaak over gaat, bijvoorbeeld Parkeervergunning.",
    "handeling_behandelaar": "Werkwoord voor wat de gemeente doet: behandelen, "
    "verstrekken, beslissen.",
    "doorlooptijd": "De wettelijke termijn waarbinnen de zaak klaar moet zijn. " + DUUR,
    "servicenorm": "De termijn die de gemeente belooft (meestal korter). " + DUUR,
    "opschorting_en_aanhouding_mogelijk": "Mag de termijn stilstaan, bijvoorbeeld "
    "terwijl de gemeente wacht op ontbrekende gegevens (Awb, art. 4:15)?",
    "verlenging_mogelijk": "Mag de gemeente de termijn eenmaal verlengen?",
    "verlengingstermijn": "Hoe lang de verlenging ten hoogste is. " + DUUR,
    "trefwoorden": "Eén trefwoord per regel.",
    "producten_of_diensten": "De producten van de Uniforme Productnamenlijst "
    "(URL's), één per regel.",
    "verantwoordingsrelatie": "URL's van de verantwoording, één per regel.",
    "publicatie_indicatie": "Worden zaken van dit type gepubliceerd?",
    "selectielijst_procestype": "Het procestype van de Selectielijst 2020. Het "
    "bepaalt uit welke selectielijstklassen de resultaattypen kunnen kiezen.",
    "referentieproces_naam": "De naam van het referentieproces, bijvoorbeeld "
    "Vergunning verlenen.",
    "verantwoordelijke": "Het team of de functie die verantwoordelijk is.",
    "besluittype_omschrijvingen": "De besluittypen die een zaak van dit type kan "
    "opleveren.",
    "deelzaaktype_identificaties": "Identificaties van zaaktypen die deelzaak van "
    "dit zaaktype kunnen zijn, één per regel.",
    "begin_geldigheid": "De eerste dag waarop deze versie geldt.",
    "einde_geldigheid": "De laatste dag waarop deze versie geldt; leeg: tot een "
    "nieuwe versie. Ook na publicatie te wijzigen.",
    "versiedatum": "De datum van deze versie (meestal gelijk aan het begin).",
    "volgnummer": "De volgorde. De status met het hoogste nummer sluit de zaak af.",
    "statustekst": "De tekst die de inwoner bij deze status ziet en krijgt.",
    "informeren": "Krijgt de inwoner bij deze status een bericht?",
    "resultaattypeomschrijving": "De generieke omschrijving (Referentielijsten).",
    "selectielijstklasse": "De klasse van de Selectielijst 2020: bepaalt of en "
    "hoe lang het dossier bewaard wordt.",
    "archiefnominatie": "Leeg: volgt uit de selectielijstklasse.",
    "archiefactietermijn": "Hoe lang na de brondatum het dossier bewaard blijft. "
    "Leeg: volgt uit de selectielijstklasse. " + DUUR,
    "brondatum_afleidingswijze": "Vanaf welk moment de archieftermijn loopt, "
    "meestal 'afgehandeld' (het sluiten van de zaak).",
    "brondatum_procestermijn": "Alleen bij afleidingswijze 'termijn'. " + DUUR,
    "informatieobjecttypen": "Documenttypen die bij dit resultaat horen.",
    "omschrijving_generiek": "De generieke omschrijving, als die er is.",
    "formaat": "Het soort waarde.",
    "lengte": "De grootste lengte; bij getallen met decimalen 8,2.",
    "kardinaliteit": "Hoe vaak de eigenschap een waarde krijgt: 1, 2 … of N.",
    "waardenverzameling": "De toegestane waarden, één per regel; leeg: vrij.",
    "informatieobjecttype_omschrijving": "Het documenttype (informatieobjecttype) "
    "uit deze catalogus.",
    "richting": "Komt het document binnen, gaat het eruit, of blijft het intern?",
    "statustype": "Bij welke status dit nodig is (mag leeg).",
    "trefwoord": "Eén trefwoord per regel.",
    "informatieobjectcategorie": "Bijvoorbeeld Aanvraag, Besluit, Brief.",
    "informatieobjecttype_omschrijvingen": "De documenttypen waarin een besluit "
    "van dit type wordt vastgelegd.",
    "reactietermijn": "De termijn voor bezwaar of beroep. " + DUUR,
    "publicatietermijn": DUUR,
}

LIST_FIELDS = {
    "trefwoorden",
    "producten_of_diensten",
    "verantwoordingsrelatie",
    "deelzaaktype_identificaties",
    "waardenverzameling",
    "trefwoord",
}


class ResultaatChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Resultaat) -> str:
        label = f"{obj.volledig_nummer} {obj.naam.strip()}"
        if obj.omschrijving:
            label += f": {obj.omschrijving}"
        bewaren = obj.get_waardering_display() or "geen waardering"
        if obj.bewaartermijn:
            bewaren += f", {obj.bewaartermijn}"
        return f"{label} ({bewaren})"


def formfield(db_field, base, *, catalogi, zaaktype, **kwargs):
    """The form field for ``db_field``; ``base`` is Django's default maker.
    ``catalogi`` are the catalogi whose types may be chosen, ``zaaktype`` the
    zaaktype being edited (None on its add page)."""
    name = db_field.name
    label = capfirst(db_field.verbose_name)
    if name == "besluittype_omschrijvingen":
        field = _names(BesluitType, catalogi, label)
    elif name in ("informatieobjecttype_omschrijvingen",):
        field = _names(InformatieObjectType, catalogi, label)
    elif name == "informatieobjecttype_omschrijving":
        names = _names(InformatieObjectType, catalogi, label).choices
        field = forms.ChoiceField(choices=[("", "---------"), *names], label=label)
    elif isinstance(db_field, models.DateField):
        field = base(db_field, **kwargs)
        field.widget = DateInput()
    elif name in LIST_FIELDS and isinstance(db_field, models.JSONField):
        field = LinesField(label=label)
    elif name == "selectielijstklasse":
        klassen = Resultaat.objects.select_related("proces_type", "generiek_resultaat")
        if zaaktype is not None and zaaktype.selectielijst_procestype_id:
            klassen = klassen.filter(proces_type=zaaktype.selectielijst_procestype_id)
        field = ResultaatChoiceField(queryset=klassen, label=label)
    elif db_field.is_relation and db_field.name != "zaaktype":
        field = base(db_field, **kwargs)
        if field is not None:
            # Plain widgets: no pop-ups to add or change related objects.
            field.queryset = _within(db_field.related_model, catalogi, zaaktype)
            field.widget = (
                forms.CheckboxSelectMultiple(choices=field.choices)
                if db_field.many_to_many
                else forms.Select(choices=field.choices)
            )
    else:
        field = base(db_field, **kwargs)
    if field is not None and name in HELP:
        field.help_text = HELP[name]
    return field


def _names(model, catalogi, label) -> forms.MultipleChoiceField:
    names = (
        model.objects.filter(catalogus__in=catalogi)
        .order_by("omschrijving")
        .values_list("omschrijving", flat=True)
        .distinct()
    )
    return forms.MultipleChoiceField(
        choices=[(n, n) for n in names],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=label,
    )


def _within(model, catalogi, zaaktype):
    """Related objects that belong to the same zaaktype or catalogus."""
    if model in (StatusType, ResultaatType, Eigenschap):
        if zaaktype is None:
            return model.objects.none()
        return model.objects.filter(zaaktype=zaaktype)
    if model in (InformatieObjectType, ZaakType, BesluitType):
        return model.objects.filter(catalogus__in=catalogi)
    if model is Catalogus:
        return model.objects.filter(pk__in=catalogi)
    return model.objects.all()
