"""Beheer of the reference lists. The Selectielijst (procestypen and their
resultaten) ships with Loket and is read-only; the generic resultaattype-
omschrijvingen and the communicatiekanalen are kept by the functional administrator.

These two lists have no rules beyond their fields, and no service yet: the admin
saves them with the model's own validation.
"""

from django.contrib import admin

from loket.zgw.referentielijsten.models import (
    Communicatiekanaal,
    ProcesType,
    Resultaat,
    ResultaattypeOmschrijving,
)


@admin.register(ResultaattypeOmschrijving)
class ResultaattypeOmschrijvingAdmin(admin.ModelAdmin):
    list_display = ["omschrijving", "definitie"]
    search_fields = ["omschrijving", "definitie"]
    fields = ["omschrijving", "definitie", "opmerking"]


@admin.register(Communicatiekanaal)
class CommunicatiekanaalAdmin(admin.ModelAdmin):
    list_display = ["naam", "omschrijving"]
    search_fields = ["naam"]
    fields = ["naam", "omschrijving"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shipped data: to look up, not to change."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ResultaatInline(admin.TabularInline):
    model = Resultaat
    fk_name = "proces_type"
    fields = ["nummer_volledig", "naam", "omschrijving", "waardering", "bewaartermijn"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    @admin.display(description="nummer")
    def nummer_volledig(self, obj: Resultaat) -> str:
        return obj.volledig_nummer

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("proces_type", "generiek_resultaat")
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ProcesType)
class ProcesTypeAdmin(ReadOnlyAdmin):
    list_display = ["nummer", "naam", "jaar", "procesobject"]
    list_filter = ["jaar"]
    search_fields = ["naam", "omschrijving"]
    inlines = [ResultaatInline]


@admin.register(Resultaat)
class ResultaatAdmin(ReadOnlyAdmin):
    list_display = [
        "nummer_volledig",
        "naam",
        "omschrijving",
        "waardering",
        "bewaartermijn",
    ]
    list_filter = ["proces_type__jaar", "waardering", "proces_type"]
    search_fields = ["naam", "omschrijving", "toelichting"]
    list_select_related = ["proces_type", "generiek_resultaat"]

    @admin.display(description="nummer", ordering="proces_type__nummer")
    def nummer_volledig(self, obj: Resultaat) -> str:
        return obj.volledig_nummer
