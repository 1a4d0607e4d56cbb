"""The form a staff member uses to start filling in for a resident."""

import re

from django import forms

from loket.core.forms import LoketForm
from loket.formulieren.models import Doelgroep, Kanaal
from loket.formulieren.services import Eigenaar


def bsn_klopt(bsn: str) -> bool:
    """The elfproef for a burgerservicenummer."""
    if not re.fullmatch(r"\d{9}", bsn) or bsn == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(bsn, weights, strict=True)) % 11 == 0


class NamensForm(LoketForm):
    bsn = forms.CharField(
        label="Burgerservicenummer (BSN)",
        required=False,
        help_text="9 cijfers. Vraag naar een identiteitsbewijs of controleer de "
        "persoon op een andere manier.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    kvk = forms.CharField(
        label="KvK-nummer",
        required=False,
        help_text="8 cijfers.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    vestigingsnummer = forms.CharField(
        label="Vestigingsnummer (als u dat weet)",
        required=False,
        help_text="12 cijfers.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    kanaal = forms.ChoiceField(
        label="Hoe neemt de aanvrager contact op?",
        choices=[(k.value, k.label) for k in Kanaal if k != Kanaal.WEB],
        initial=Kanaal.BALIE,
    )

    def __init__(self, *args, doelgroep: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.doelgroep = doelgroep
        if doelgroep == Doelgroep.BURGER:
            for naam in ("kvk", "vestigingsnummer"):
                del self.fields[naam]
            self.fields["bsn"].required = True
        elif doelgroep == Doelgroep.BEDRIJF:
            del self.fields["bsn"]
            self.fields["kvk"].required = True
        self.fields["bsn" if "bsn" in self.fields else "kvk"].error_messages[
            "required"
        ] = "Vul dit nummer in."

    def clean_bsn(self):
        bsn = re.sub(r"\D", "", self.cleaned_data.get("bsn", ""))
        if bsn and not bsn_klopt(bsn):
            raise forms.ValidationError(
                "Dit is geen geldig burgerservicenummer: het moet 9 cijfers hebben "
                "en de elfproef doorstaan. Controleer het nummer."
            )
        return bsn

    def clean_kvk(self):
        kvk = re.sub(r"\D", "", self.cleaned_data.get("kvk", ""))
        if kvk and len(kvk) != 8:
            raise forms.ValidationError("Een KvK-nummer heeft 8 cijfers.")
        return kvk

    def clean_vestigingsnummer(self):
        nummer = re.sub(r"\D", "", self.cleaned_data.get("vestigingsnummer", ""))
        if nummer and len(nummer) != 12:
            raise forms.ValidationError("Een vestigingsnummer heeft 12 cijfers.")
        return nummer

    def clean(self):
        data = super().clean()
        if (
            self.doelgroep == Doelgroep.BEIDE
            and not (data.get("bsn") or data.get("kvk"))
            and not self.errors
        ):
            raise forms.ValidationError(
                "Vul het burgerservicenummer of het KvK-nummer in."
            )
        return data

    def eigenaar(self) -> Eigenaar:
        data = self.cleaned_data
        if data.get("kvk"):
            return Eigenaar(
                kvk=data["kvk"], vestigingsnummer=data.get("vestigingsnummer", "")
            )
        return Eigenaar(bsn=data["bsn"])
