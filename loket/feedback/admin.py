"""Beheer of the satisfaction survey: its settings per gemeente, for the
functional administrator of one's own organisation. Answers and invitations are
not in the beheer: answers are read on the werkplek, without identity."""

from django.contrib import admin

from loket.feedback import services
from loket.feedback.models import Feedbackinstelling
from loket.organisaties.admin import EigenGemeentenAdmin
from loket.organisaties.selectors import teams_for

VELDEN = [
    "actief",
    "wachtperiode_dagen",
    "geldig_dagen",
    "drempel_laag",
    "drempel_hoog",
    "team",
]


@admin.register(Feedbackinstelling)
class FeedbackinstellingAdmin(EigenGemeentenAdmin):
    list_display = ["gemeente", "actief", "wachtperiode_dagen", "team"]
    fields = ["gemeente", *VELDEN]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("team")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "team":
            kwargs["queryset"] = teams_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return ["gemeente"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        bewaard = services.zet_instelling(
            obj.gemeente, **{veld: getattr(obj, veld) for veld in VELDEN}
        )
        obj.pk = bewaard.pk

    def has_delete_permission(self, request, obj=None):
        return False  # without a row the defaults apply; change it instead
