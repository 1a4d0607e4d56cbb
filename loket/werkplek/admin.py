"""Beheer of the werkplek (functioneel beheerder): which team gets a zaaktype
(routering) and the letter templates (briefsjablonen), for the own organisation."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from loket.organisaties.selectors import organisaties_for, teams_for
from loket.werkplek import brieven
from loket.werkplek.models import Briefsjabloon, Routering
from loket.werkplek.services import dossier, toewijzing


class _EigenOrganisatie(admin.ModelAdmin):
    """Only the rows of the organisation one works for (platform beheerders: all),
    and only its organisation and teams to choose from."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("organisatie")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(organisatie__in=organisaties_for(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisatie":
            kwargs["queryset"] = organisaties_for(request.user)
        elif db_field.name == "team":
            kwargs["queryset"] = teams_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class RouteringForm(forms.ModelForm):
    class Meta:
        model = Routering
        fields = ["organisatie", "zaaktype_identificatie", "team"]

    def clean(self):
        data = super().clean()
        organisatie, team = data.get("organisatie"), data.get("team")
        if organisatie and team and team.organisatie_id != organisatie.pk:
            raise ValidationError(
                {"team": f"Team {team.naam} hoort niet bij {organisatie.naam}."}
            )
        return data


@admin.register(Routering)
class RouteringAdmin(_EigenOrganisatie):
    form = RouteringForm
    list_display = ["zaaktype_identificatie", "team", "organisatie"]
    list_filter = ["team"]
    search_fields = ["zaaktype_identificatie", "team__naam"]
    ordering = ["zaaktype_identificatie"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.base_fields["zaaktype_identificatie"].help_text = (
            "De identificatie van het zaaktype (geldt voor elke versie). Nieuwe "
            "zaken van dit zaaktype zonder team komen in de wachtrij van dit team."
        )
        return form

    def save_model(self, request, obj, form, change):
        toewijzing.bewaar_routering(obj)


class BriefsjabloonForm(forms.ModelForm):
    class Meta:
        model = Briefsjabloon
        fields = [
            "organisatie",
            "naam",
            "onderwerp",
            "tekst",
            "informatieobjecttype_omschrijving",
        ]

    def _invulvelden(self, veld: str) -> str:
        waarde = self.cleaned_data.get(veld, "")
        brieven.controleer(waarde)
        return waarde

    def clean_onderwerp(self):
        return self._invulvelden("onderwerp")

    def clean_tekst(self):
        return self._invulvelden("tekst")


@admin.register(Briefsjabloon)
class BriefsjabloonAdmin(_EigenOrganisatie):
    form = BriefsjabloonForm
    list_display = ["naam", "onderwerp", "organisatie"]
    search_fields = ["naam", "onderwerp"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        velden = "; ".join(
            f"{brieven.getoond(naam)}: {uitleg}"
            for naam, uitleg in brieven.INVULVELDEN.items()
        )
        form.base_fields[
            "tekst"
        ].help_text = f"De brief. U kunt deze invulvelden gebruiken: {velden}."
        return form

    def save_model(self, request, obj, form, change):
        dossier.bewaar_briefsjabloon(
            organisatie=obj.organisatie,
            naam=obj.naam,
            onderwerp=obj.onderwerp,
            tekst=obj.tekst,
            informatieobjecttype_omschrijving=obj.informatieobjecttype_omschrijving,
            sjabloon=obj,
        )
