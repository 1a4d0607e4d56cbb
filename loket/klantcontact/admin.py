"""Beheer of the contact centre: the knowledge base and the answer-time norm per
gemeente, for the functional administrator of one's own organisation."""

from django.contrib import admin

from loket.klantcontact.models import Kennisartikel, Klantcontactinstelling
from loket.organisaties.admin import EigenGemeentenAdmin
from loket.organisaties.selectors import gemeenten_for, organisaties_for


@admin.register(Kennisartikel)
class KennisartikelAdmin(admin.ModelAdmin):
    list_display = ["titel", "gemeente", "actief", "bijgewerkt_op"]
    list_filter = ["actief", "gemeente"]
    search_fields = ["titel", "trefwoorden", "tekst"]
    fields = ["organisatie", "gemeente", "titel", "tekst", "trefwoorden", "actief"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("gemeente")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(organisatie=request.user.organisatie_id)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisatie":
            kwargs["queryset"] = organisaties_for(request.user)
            kwargs["initial"] = request.user.organisatie_id
        elif db_field.name == "gemeente":
            kwargs["queryset"] = gemeenten_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Klantcontactinstelling)
class KlantcontactinstellingAdmin(EigenGemeentenAdmin):
    list_display = ["gemeente", "webvraag_norm_werkdagen"]
    fields = ["gemeente", "webvraag_norm_werkdagen"]

    def has_delete_permission(self, request, obj=None):
        return False  # without a row the default norm applies; change it instead
