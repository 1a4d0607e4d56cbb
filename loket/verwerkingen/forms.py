"""The privacy officer's search form for the processing log."""

import re

from django import forms

from loket.core.forms import LoketForm
from loket.organisaties.validators import elfproef
from loket.verwerkingen.models import Activiteit
from loket.verwerkingen.selectors import Zoekvraag


class _Medewerker(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.naam} ({obj.email})"


def _datum(label: str, help_text: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"invalid": "Vul een datum in als dag-maand-jaar."},
    )


class ZoekForm(LoketForm):
    bsn = forms.CharField(
        label="Burgerservicenummer (BSN)",
        required=False,
        help_text="9 cijfers. Alleen de verwerkingen van deze persoon.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    kvk = forms.CharField(
        label="KvK-nummer",
        required=False,
        help_text="8 cijfers. Alleen de verwerkingen van dit bedrijf.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    medewerker = _Medewerker(
        label="Medewerker",
        required=False,
        queryset=None,
        empty_label="Alle medewerkers",
        help_text="Alleen wat deze medewerker deed.",
    )
    van = _datum("Vanaf", "De eerste dag, bijvoorbeeld 01-12-2026.")
    tot = _datum("Tot en met", "De laatste dag.")
    activiteit = forms.ChoiceField(
        label="Activiteit",
        required=False,
        choices=[("", "Alle activiteiten"), *Activiteit.choices],
    )

    def __init__(self, *args, medewerkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = medewerkers.order_by("naam")

    def clean_bsn(self) -> str:
        bsn = re.sub(r"\D", "", self.cleaned_data.get("bsn", ""))
        if bsn and not elfproef(bsn):
            raise forms.ValidationError(
                "Dit is geen geldig burgerservicenummer: het heeft 9 cijfers en "
                "doorstaat de elfproef. Controleer het nummer."
            )
        return bsn

    def clean_kvk(self) -> str:
        kvk = re.sub(r"\D", "", self.cleaned_data.get("kvk", ""))
        if kvk and len(kvk) != 8:
            raise forms.ValidationError("Een KvK-nummer heeft 8 cijfers.")
        return kvk

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", "Deze datum ligt vóór de datum bij Vanaf.")
        return data

    def zoekvraag(self, peil=None) -> Zoekvraag:
        data = self.cleaned_data
        medewerker = data.get("medewerker")
        return Zoekvraag(
            bsn=data.get("bsn", ""),
            kvk=data.get("kvk", ""),
            medewerker_id=medewerker.pk if medewerker else None,
            van=data.get("van"),
            tot=data.get("tot"),
            activiteit=data.get("activiteit", ""),
            peil=peil,
        )
