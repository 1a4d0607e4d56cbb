"""The processing log in the beheer: read-only, for the privacy officer (and the
platform beheerder). Nobody adds, changes or deletes an entry. There is no search
box: it would put a BSN in the address bar; the werkplek page searches by POST."""

from django.contrib import admin

from loket.verwerkingen import selectors, services
from loket.verwerkingen.models import Activiteit, Doel, Verwerking


@admin.register(Verwerking)
class VerwerkingAdmin(admin.ModelAdmin):
    list_display = [
        "tijdstip",
        "medewerker_naam",
        "organisatie_naam",
        "activiteit",
        "doel",
        "gemeente",
        "zaak_identificatie",
    ]
    list_filter = ["activiteit", "doel"]
    list_select_related = ["gemeente"]
    date_hierarchy = "tijdstip"
    show_full_result_count = False  # a COUNT over the whole log is slow
    fields = [
        "tijdstip",
        "medewerker_naam",
        "functie",
        "organisatie_naam",
        "gemeente",
        "bsn",
        "kvk",
        "activiteit",
        "doel",
        "zaak_identificatie",
        "toelichting",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return selectors.in_toezicht(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        verwerking = self.get_object(request, object_id)
        if verwerking is not None and response.status_code == 200:
            # The page shows the BSN or KvK number: reading it is logged too.
            services.leg_vast(
                medewerker=request.user,
                activiteit=Activiteit.INZAGE_LOG,
                doel=Doel.TOEZICHT,
                bsn=verwerking.bsn,
                kvk=verwerking.kvk,
                toelichting="Verwerking ingezien in het beheer",
            )
        return response
