"""The forms of the contact centre and the public question form; every error in
plain Dutch, tied to its field (``LoketForm``)."""

import re
from datetime import date

from django import forms

from loket.core.forms import LoketForm
from loket.klantcontact.models import Kanaal, Webvraag
from loket.klantcontact.services import MAX_TEKST

TELEFOON = re.compile(r"^\+?[0-9 ()-]{6,20}$")


def _bsn_klopt(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(c) * g for c, g in zip(bsn, gewichten, strict=True)) % 11 == 0


def _telefoon(waarde: str) -> str:
    waarde = (waarde or "").strip()
    if waarde and not TELEFOON.match(waarde):
        raise forms.ValidationError(
            "Vul een telefoonnummer in met alleen cijfers, zoals 0612345678."
        )
    return waarde


def _lang(veld: str) -> dict:
    return {"max_length": f"{veld} is te lang: maximaal %(limit_value)d tekens."}


class WebvraagForm(LoketForm):
    naam = forms.CharField(
        label="Uw naam",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Vul uw naam in.", **_lang("Uw naam")},
    )
    emailadres = forms.EmailField(
        label="Uw e-mailadres",
        max_length=254,
        help_text="Hierop sturen wij de bevestiging en ons antwoord.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Vul uw e-mailadres in.",
            "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
            **_lang("Het e-mailadres"),
        },
    )
    telefoonnummer = forms.CharField(
        label="Uw telefoonnummer (niet verplicht)",
        required=False,
        max_length=20,
        help_text="Als wij u willen bellen over uw vraag.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages=_lang("Het telefoonnummer"),
    )
    onderwerp = forms.CharField(
        label="Waar gaat uw vraag over?",
        max_length=200,
        help_text="In een paar woorden, bijvoorbeeld: afvalpas kwijt.",
        error_messages={"required": "Vul een onderwerp in.", **_lang("Het onderwerp")},
    )
    vraag = forms.CharField(
        label="Uw vraag",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"Maximaal {MAX_TEKST} tekens. Zet er geen BSN of bankgegevens in.",
        error_messages={"required": "Schrijf uw vraag.", **_lang("Uw vraag")},
    )

    def clean_telefoonnummer(self):
        return _telefoon(self.cleaned_data.get("telefoonnummer", ""))


class AntwoordForm(LoketForm):
    antwoord = forms.CharField(
        label="Uw antwoord",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": "Schrijf uw antwoord.", **_lang("Het antwoord")},
    )
    kanaal = forms.ChoiceField(
        label="Hoe stuurt u het antwoord?",
        choices=Webvraag.Antwoordkanaal.choices,
        widget=forms.RadioSelect,
        initial=Webvraag.Antwoordkanaal.EMAIL,
        error_messages={"required": "Kies hoe u antwoordt."},
    )

    def __init__(self, *args, webvraag: Webvraag, **kwargs):
        super().__init__(*args, **kwargs)
        if webvraag.is_ingelogd:
            self.fields["kanaal"].help_text = (
                "De vraagsteller was ingelogd. Bij Mijn Loket krijgt hij of zij "
                f"een e-mail op {webvraag.emailadres} dat er een antwoord klaarstaat."
            )
        else:
            self.fields["kanaal"].choices = [(Webvraag.Antwoordkanaal.EMAIL, "E-mail")]
            self.fields["kanaal"].help_text = (
                f"Wij mailen het antwoord naar {webvraag.emailadres}. Mijn Loket "
                "kan niet: de vraagsteller was niet ingelogd."
            )


class AfrondForm(LoketForm):
    afhandeling = forms.CharField(
        label="Wat is er afgesproken?",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Schrijf kort op wat er is afgesproken.",
            **_lang("De tekst"),
        },
    )


class ContactmomentForm(LoketForm):
    gemeente = forms.ModelChoiceField(
        label="Gemeente",
        queryset=None,
        empty_label=None,
        error_messages={
            "required": "Kies de gemeente.",
            "invalid_choice": "Kies de gemeente.",
        },
    )
    kanaal = forms.ChoiceField(
        label="Kanaal",
        choices=[(k.value, k.label) for k in Kanaal if k != Kanaal.MIJN_LOKET],
        initial=Kanaal.TELEFOON,
        error_messages={"required": "Kies een kanaal."},
    )
    naam = forms.CharField(
        label="Naam van de klant (niet verplicht)",
        required=False,
        max_length=200,
        help_text="Leeg laten als de klant anoniem wil blijven.",
        error_messages=_lang("De naam"),
    )
    onderwerp = forms.CharField(
        label="Onderwerp",
        max_length=200,
        error_messages={"required": "Vul een onderwerp in.", **_lang("Het onderwerp")},
    )
    tekst = forms.CharField(
        label="Wat is er gevraagd en geantwoord?",
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=_lang("De tekst"),
    )
    zaak = forms.ChoiceField(
        label="Over welke zaak? (niet verplicht)",
        required=False,
        error_messages={"invalid_choice": "Kies een zaak uit de lijst."},
    )
    terugbellen = forms.BooleanField(
        label="Een team moet de klant terugbellen",
        required=False,
    )
    team = forms.ModelChoiceField(
        label="Welk team belt terug?",
        queryset=None,
        required=False,
        error_messages={"invalid_choice": "Kies een team uit de lijst."},
    )
    telefoonnummer = forms.CharField(
        label="Terugbellen op telefoonnummer",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        error_messages=_lang("Het telefoonnummer"),
    )
    beste_moment = forms.CharField(
        label="Wanneer is de klant het best bereikbaar? (niet verplicht)",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld: werkdagen na 15.00 uur.",
        error_messages=_lang("Het moment"),
    )
    toelichting = forms.CharField(
        label="Toelichting voor het team",
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Wat wil de klant weten, en wat is er al gezegd? Dan hoeft de "
        "klant het niet opnieuw te vertellen.",
        error_messages=_lang("De toelichting"),
    )

    TERUGBELVELDEN = ("team", "telefoonnummer", "beste_moment", "toelichting")

    def __init__(self, *args, gemeenten, teams, zaken: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        self.fields["team"].queryset = teams
        if zaken:
            self.fields["zaak"].choices = [("", "Geen zaak")] + [
                (
                    str(z["zaak__uuid"]),
                    f"{z['identificatie']}: {z['zaaktype__omschrijving']}"
                    + (f", {z['omschrijving']}" if z["omschrijving"] else ""),
                )
                for z in zaken
            ]
        else:
            del self.fields["zaak"]

    def algemene_velden(self):
        return [
            self[n]
            for n in self.fields
            if n not in self.TERUGBELVELDEN and n != "terugbellen"
        ]

    def terugbelvelden(self):
        return [self[n] for n in self.TERUGBELVELDEN]

    def clean_telefoonnummer(self):
        return _telefoon(self.cleaned_data.get("telefoonnummer", ""))

    def clean(self):
        data = super().clean()
        if data.get("terugbellen"):
            if not data.get("team"):
                self.add_error("team", "Kies het team dat terugbelt.")
            if not data.get("telefoonnummer") and "telefoonnummer" not in self.errors:
                self.add_error(
                    "telefoonnummer",
                    "Vul het telefoonnummer in waarop de klant teruggebeld wil worden.",
                )
            if not (data.get("toelichting") or "").strip():
                self.add_error(
                    "toelichting", "Schrijf op wat er al gevraagd en gezegd is."
                )
        return data


# -- klantbeeld search -----------------------------------------------------------------


class BsnZoekForm(LoketForm):
    bsn = forms.CharField(
        label="Burgerservicenummer (BSN)",
        max_length=11,
        help_text="9 cijfers.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": "Vul het BSN in.",
            "max_length": "Een BSN heeft 9 cijfers.",
        },
    )

    def clean_bsn(self):
        bsn = re.sub(r"\D", "", self.cleaned_data["bsn"])
        if not _bsn_klopt(bsn):
            raise forms.ValidationError(
                "Dit is geen geldig BSN: het heeft 9 cijfers en moet de elfproef "
                "doorstaan. Controleer het nummer."
            )
        return bsn


class NaamZoekForm(LoketForm):
    geslachtsnaam = forms.CharField(
        label="Achternaam",
        max_length=200,
        help_text="Met voorvoegsel mag, bijvoorbeeld: de Vries.",
        error_messages={"required": "Vul de achternaam in.", **_lang("De achternaam")},
    )
    geboortedatum = forms.DateField(
        label="Geboortedatum",
        help_text="Als dag-maand-jaar, bijvoorbeeld 07-02-1959.",
        input_formats=["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"],
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": "Vul de geboortedatum in.",
            "invalid": "Vul de geboortedatum in als dag-maand-jaar, zoals 07-02-1959.",
        },
    )

    def clean_geboortedatum(self):
        datum = self.cleaned_data["geboortedatum"]
        if datum > date.today() or datum.year < 1880:
            raise forms.ValidationError("Deze geboortedatum kan niet kloppen.")
        return datum


class AdresZoekForm(LoketForm):
    postcode = forms.CharField(
        label="Postcode",
        max_length=7,
        help_text="Bijvoorbeeld 2555 DT.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": "Vul de postcode in.",
            "max_length": "Een postcode is 4 cijfers en 2 letters.",
        },
    )
    huisnummer = forms.IntegerField(
        label="Huisnummer",
        min_value=1,
        max_value=99999,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": "Vul het huisnummer in.",
            "invalid": "Vul alleen het nummer in, zonder letter of toevoeging.",
            "min_value": "Vul een huisnummer van 1 of hoger in.",
            "max_value": "Dit huisnummer is te hoog.",
        },
    )

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].replace(" ", "").upper()
        if not re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", postcode):
            raise forms.ValidationError(
                "Een postcode is 4 cijfers en 2 letters, zoals 2555 DT."
            )
        return postcode


class KvkZoekForm(LoketForm):
    kvk = forms.CharField(
        label="KvK-nummer",
        max_length=10,
        help_text="8 cijfers.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": "Vul het KvK-nummer in.",
            "max_length": "Een KvK-nummer heeft 8 cijfers.",
        },
    )

    def clean_kvk(self):
        kvk = re.sub(r"\D", "", self.cleaned_data["kvk"])
        if len(kvk) != 8:
            raise forms.ValidationError("Een KvK-nummer heeft 8 cijfers.")
        return kvk


ZOEKFORMULIEREN = {
    "bsn": BsnZoekForm,
    "naam": NaamZoekForm,
    "adres": AdresZoekForm,
    "kvk": KvkZoekForm,
}
