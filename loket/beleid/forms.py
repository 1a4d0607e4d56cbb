"""Forms for programmes, goals and the projectenboek. They turn what was typed
into values (numbers the Dutch way: "8,5", "125.000", "€ 1.250,50"); the rules
themselves are in the services, whose messages land on the same fields."""

import re
from decimal import Decimal, InvalidOperation

from django import forms

from loket.beleid import opmaak
from loket.beleid.models import Projectstatus, Risico
from loket.beleid.services import EERSTE_JAAR, LAATSTE_JAAR, MAX_TEKST
from loket.core.forms import LoketForm
from loket.sturing import indicatoren

JAAR_BEREIK = f"Vul een jaar in van {EERSTE_JAAR} tot en met {LAATSTE_JAAR}."
DUIZENDTALLEN = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def lees_getal(tekst: str) -> Decimal:
    """A number as people type it: "8,5", "8.5", "125.000", "€ 1.250,50"."""
    tekst = tekst.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in tekst:
        tekst = tekst.replace(".", "").replace(",", ".")
    elif DUIZENDTALLEN.match(tekst):
        tekst = tekst.replace(".", "")
    getal = Decimal(tekst)
    if not getal.is_finite():
        raise InvalidOperation
    return getal


class GetalField(forms.Field):
    """A number typed the Dutch way (see ``lees_getal``) -> Decimal or None."""

    MAX_TEKENS = 30

    def __init__(self, *, voorbeeld: str = "80 of 8,5", **kwargs):
        self.voorbeeld = voorbeeld
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "size": 14})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return opmaak.getal(value)
        return value

    def to_python(self, value):
        value = (value or "").strip() if isinstance(value, str) else value
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            if len(value) > self.MAX_TEKENS:
                raise InvalidOperation
            return lees_getal(value)
        except (InvalidOperation, ValueError, TypeError):
            raise forms.ValidationError(
                f"Vul een getal in, zoals {self.voorbeeld}.", code="invalid"
            ) from None


def _datum(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            "invalid": "Vul een geldige datum in, zoals 2026-03-02.",
            **kwargs.pop("error_messages", {}),
        },
        **kwargs,
    )


class BeleidForm(LoketForm):
    # The server checks every rule and says what is wrong; a browser's own
    # :invalid styling would show an empty required field as an error before
    # anyone typed. Optional fields say "(niet verplicht)" in their label.
    use_required_attribute = False


def _lang(label: str) -> dict:
    return {"max_length": f"{label} is te lang: maximaal %(limit_value)d tekens."}


def _naam(label: str, *, max_length: int, leeg: str, **kwargs) -> forms.CharField:
    """The required name of a programme, project or milestone; ``leeg`` says
    what to fill in."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        error_messages={"required": leeg, **_lang("De naam")},
        **kwargs,
    )


def _toelichting(label: str, wie: str) -> forms.CharField:
    """An optional text of a few lines (a description, an explanation); ``wie``
    names it in the message when it is too long: "De omschrijving"."""
    return forms.CharField(
        label=f"{label} (niet verplicht)",
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_lang(wie),
    )


class ProgrammaForm(BeleidForm):
    naam = _naam(
        "Naam",
        max_length=120,
        leeg="Vul de naam van het programma in.",
        help_text="Bijvoorbeeld: Digitale dienstverlening.",
    )
    omschrijving = _toelichting("Omschrijving", "De omschrijving")
    volgorde = forms.IntegerField(
        label="Volgorde",
        min_value=0,
        max_value=999,
        initial=0,
        help_text="Programma's met een lager nummer staan hoger in de lijst.",
        error_messages={
            "required": "Vul een volgnummer in, bijvoorbeeld 1.",
            "invalid": "Vul een heel getal in, bijvoorbeeld 1.",
            "min_value": "Vul een volgnummer in van 0 tot en met 999.",
            "max_value": "Vul een volgnummer in van 0 tot en met 999.",
        },
    )


def indicator_keuzes() -> list[tuple[str, str]]:
    return [("", "Kies een indicator")] + [
        (code, f"{i.titel} ({i.eenheid})")
        for code, i in indicatoren.INDICATOREN.items()
    ]


class DoelForm(BeleidForm):
    programma = forms.TypedChoiceField(
        label="Programma",
        coerce=int,
        error_messages={
            "required": "Kies het programma waar dit doel bij hoort.",
            "invalid_choice": "Kies een programma uit de lijst.",
        },
    )
    titel = forms.CharField(
        label="Titel",
        max_length=200,
        help_text="Kort en meetbaar, bijvoorbeeld: 80% van de aanvragen online.",
        error_messages={
            "required": "Vul de titel van het doel in.",
            **_lang("De titel"),
        },
    )
    indicator = forms.ChoiceField(
        label="Gemeten met de indicator",
        error_messages={
            "required": "Kies de indicator die dit doel meet.",
            "invalid_choice": "Kies een indicator uit de lijst.",
        },
    )
    streefwaarde = GetalField(
        label="Streefwaarde",
        help_text="In de eenheid van de indicator, bijvoorbeeld 80 (procent) of 8,5 "
        "(rapportcijfer).",
        error_messages={"required": "Vul de streefwaarde in."},
    )
    jaar = forms.IntegerField(
        label="Jaar",
        min_value=EERSTE_JAAR,
        max_value=LAATSTE_JAAR,
        help_text="Het jaar waarin de streefwaarde gehaald moet zijn.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Vul het jaar in.",
            "invalid": "Vul een jaartal in, zoals 2027.",
            "min_value": JAAR_BEREIK,
            "max_value": JAAR_BEREIK,
        },
    )
    nulmeting = GetalField(
        label="Nulmeting (niet verplicht)",
        required=False,
        help_text="De waarde toen het doel werd vastgesteld.",
    )
    toelichting = _toelichting("Toelichting", "De toelichting")

    def __init__(self, *args, programmas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programma"].choices = [("", "Kies een programma")] + [
            (p.pk, p.naam) for p in programmas
        ]
        self.fields["indicator"].choices = indicator_keuzes()


class ProjectForm(BeleidForm):
    naam = _naam("Naam", max_length=160, leeg="Vul de naam van het project in.")
    omschrijving = _toelichting("Omschrijving", "De omschrijving")
    eigenaar = forms.CharField(
        label="Eigenaar (niet verplicht)",
        required=False,
        max_length=120,
        help_text="Wie het project trekt, als functie. Bijvoorbeeld: "
        "teamleider Publiekszaken.",
        error_messages=_lang("De eigenaar"),
    )
    begindatum = _datum("Begindatum (niet verplicht)", required=False)
    einddatum = _datum("Einddatum (niet verplicht)", required=False)
    budget = GetalField(
        label="Budget in euro",
        voorbeeld="125.000 of 1.250,50",
        help_text="Bijvoorbeeld 125.000.",
        error_messages={"required": "Vul het budget in."},
    )
    doelen = forms.TypedMultipleChoiceField(
        label="Dient de doelen (niet verplicht)",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Kies alleen doelen uit de lijst."},
    )

    def __init__(self, *args, doelen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doelen"].choices = [
            (d.pk, f"{d.titel} ({d.programma.naam}, {d.jaar})") for d in doelen
        ]


class StandForm(BeleidForm):
    prefix = "stand"
    status = forms.ChoiceField(
        label="Status",
        choices=Projectstatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de status van het project.",
            "invalid_choice": "Kies een status uit de lijst.",
        },
    )
    besteed = GetalField(
        label="Besteed tot nu toe, in euro",
        voorbeeld="125.000 of 1.250,50",
        error_messages={"required": "Vul in hoeveel er besteed is."},
    )
    voortgang = forms.CharField(
        label="Voortgang",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Kort en in gewone taal: wat is er gedaan, wat komt er, wat "
        "vraagt aandacht.",
        error_messages={
            "required": "Schrijf kort hoe het project ervoor staat.",
            **_lang("De voortgang"),
        },
    )


class MijlpaalForm(BeleidForm):
    prefix = "mijlpaal"
    naam = _naam("Mijlpaal", max_length=160, leeg="Vul de naam van de mijlpaal in.")
    gepland = _datum(
        "Gepland op",
        error_messages={"required": "Vul in wanneer de mijlpaal gepland is."},
    )


class RisicoForm(BeleidForm):
    prefix = "risico"
    omschrijving = forms.CharField(
        label="Risico",
        max_length=300,
        error_messages={"required": "Beschrijf het risico.", **_lang("Het risico")},
    )
    niveau = forms.ChoiceField(
        label="Hoe groot is het risico?",
        choices=Risico.Niveau.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies hoe groot het risico is.",
            "invalid_choice": "Kies een niveau uit de lijst.",
        },
    )
    maatregel = forms.CharField(
        label="Maatregel (niet verplicht)",
        required=False,
        max_length=300,
        error_messages=_lang("De maatregel"),
    )
