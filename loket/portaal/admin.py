"""Beheer of Mijn Loket: the texts of the e-mails to residents."""

from django.contrib import admin

from loket.organisaties.admin import EigenGemeentenAdmin
from loket.portaal import services, sjablonen
from loket.portaal.models import Mailsjabloon


@admin.register(Mailsjabloon)
class MailsjabloonAdmin(EigenGemeentenAdmin):
    # Only the sjablonen of the gemeenten one works for; Loket-wide ones (no
    # gemeente) are for platform administrators.
    list_display = [
        "gebeurtenis",
        "gemeente",
        "zaaktype_identificatie",
        "statustype_omschrijving",
        "onderwerp",
    ]
    list_filter = ["gebeurtenis", "gemeente"]
    search_fields = ["onderwerp", "zaaktype_identificatie", "statustype_omschrijving"]
    fields = [
        "gebeurtenis",
        "gemeente",
        "zaaktype_identificatie",
        "statustype_omschrijving",
        "onderwerp",
        "tekst",
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "gemeente":
            kwargs["required"] = not request.user.is_superuser
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.base_fields[
            "tekst"
        ].help_text = f"U kunt deze invulvelden gebruiken: {sjablonen.uitleg()}."
        return form

    def save_model(self, request, obj, form, change):
        services.bewaar_sjabloon(obj)
