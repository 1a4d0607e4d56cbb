"""Beheer of sturing (functioneel beheerder): per gemeente of the own
organisation, which indicators the public page "Zo doen we het" shows. The counts
themselves are not in the beheer: they follow the registers (and
``python manage.py loket sturing-herbouw`` rebuilds them)."""

from django import forms
from django.contrib import admin

from loket.organisaties.admin import EigenGemeentenAdmin
from loket.sturing import services
from loket.sturing.indicatoren import INDICATOREN, STANDAARD_PUBLIEK
from loket.sturing.models import Sturinginstelling


class SturinginstellingForm(forms.ModelForm):
    publieke_indicatoren = forms.MultipleChoiceField(
        label="Indicatoren op “Zo doen we het”",
        choices=[(i.code, i.titel) for i in INDICATOREN.values()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Niets gekozen: de pagina toont "
        + ", ".join(INDICATOREN[c].titel.lower() for c in STANDAARD_PUBLIEK)
        + ".",
    )

    class Meta:
        model = Sturinginstelling
        fields = ["gemeente", "publieke_indicatoren"]

    def clean_publieke_indicatoren(self) -> list[str]:
        """In the order of the indicators (the page shows them so)."""
        gekozen = set(self.cleaned_data["publieke_indicatoren"])
        return [code for code in INDICATOREN if code in gekozen]


@admin.register(Sturinginstelling)
class SturinginstellingAdmin(EigenGemeentenAdmin):
    form = SturinginstellingForm
    list_display = ["gemeente", "gekozen"]

    @admin.display(description="indicatoren")
    def gekozen(self, obj) -> str:
        codes = obj.publieke_indicatoren or STANDAARD_PUBLIEK
        return ", ".join(INDICATOREN[c].titel for c in codes if c in INDICATOREN)

    def get_readonly_fields(self, request, obj=None):
        return ["gemeente"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        bewaard = services.stel_publieke_indicatoren_in(
            gemeente=obj.gemeente, codes=form.cleaned_data["publieke_indicatoren"]
        )
        obj.pk = bewaard.pk

    def has_delete_permission(self, request, obj=None):
        return False  # without a choice the default applies; change it instead
