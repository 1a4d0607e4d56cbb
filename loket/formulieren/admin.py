"""The beheer of forms: a functional administrator builds a form per product of
their gemeente (steps inline), then the questions of each step (fields inline).
A question that writes to a zaakeigenschap is checked against the zaaktype; the
form page lists what is still wrong with the whole form."""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from loket.formulieren import controles, services
from loket.formulieren.models import Formulier, Inzending, Stap, Veld
from loket.organisaties.selectors import gemeenten_for


class _GemeenteScope:
    """A staff member sees the forms of the gemeenten their organisation serves."""

    gemeente_path = "gemeente"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(**{f"{self.gemeente_path}__in": gemeenten_for(request.user)})


class StapInline(admin.TabularInline):
    model = Stap
    fields = ("volgorde", "titel", "toelichting", "vragen")
    readonly_fields = ("vragen",)
    extra = 0

    @admin.display(description="vragen")
    def vragen(self, stap):
        if not stap.pk:
            return "Eerst opslaan"
        url = reverse("admin:formulieren_stap_change", args=[stap.pk])
        return format_html(
            '<a href="{}">{} vragen bewerken</a>', url, stap.velden.count()
        )


@admin.register(Formulier)
class FormulierAdmin(_GemeenteScope, admin.ModelAdmin):
    list_display = (
        "naam",
        "gemeente",
        "product_slug",
        "zaaktype_identificatie",
        "actief",
    )
    list_filter = ("gemeente", "actief", "doelgroep")
    search_fields = ("naam", "product_slug")
    inlines = [StapInline]
    readonly_fields = ("controle",)
    fields = (
        "gemeente",
        "product_slug",
        "naam",
        "inleiding",
        "doelgroep",
        "zaaktype_identificatie",
        "documenttype",
        "actief",
        "controle",
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "gemeente" and not request.user.is_superuser:
            kwargs["queryset"] = gemeenten_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="controle")
    def controle(self, formulier):
        if not formulier.pk:
            return "Na opslaan controleert Loket het formulier tegen het zaaktype."
        fouten = controles.controleer_formulier(formulier)
        if not fouten:
            return "Het formulier past bij het zaaktype."
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((f,) for f in fouten))
        )


class VeldForm(forms.ModelForm):
    class Meta:
        model = Veld
        fields = (
            "stap",
            "groep",
            "volgorde",
            "sleutel",
            "label",
            "type",
            *services.VELD_OPTIES,
        )

    def clean(self):
        data = super().clean()
        stap = data.get("stap") or getattr(self.instance, "stap", None)
        if stap is None:
            return data
        zaaktype = controles.zaaktype_van(stap.formulier)
        if fout := controles.eigenschap_fout(zaaktype, data.get("eigenschap", "")):
            self.add_error("eigenschap", fout)
        if fout := controles.documenttype_fout(zaaktype, data.get("documenttype", "")):
            self.add_error("documenttype", fout)
        return data


class VeldInline(admin.StackedInline):
    model = Veld
    form = VeldForm
    fk_name = "stap"
    extra = 0
    fieldsets = (
        (
            None,
            {
                "fields": (
                    ("volgorde", "sleutel", "type", "verplicht"),
                    "label",
                    "hulptekst",
                    "groep",
                )
            },
        ),
        ("Antwoorden", {"fields": ("keuzes", ("minimum", "maximum"))}),
        ("Bestand", {"fields": (("max_mb", "bestandstypen", "documenttype"),)}),
        (
            "Voorwaarde en gegevens",
            {
                "fields": (
                    ("conditie_veld", "conditie_waarde"),
                    "prefill",
                    ("eigenschap", "zaakobject"),
                )
            },
        ),
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "groep":
            stap_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Veld.objects.filter(
                stap_id=stap_id, type="herhaalgroep"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Stap)
class StapAdmin(_GemeenteScope, admin.ModelAdmin):
    gemeente_path = "formulier__gemeente"
    list_display = ("titel", "formulier", "volgorde")
    list_filter = ("formulier__gemeente",)
    inlines = [VeldInline]
    fields = ("formulier", "volgorde", "titel", "toelichting")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "formulier" and not request.user.is_superuser:
            kwargs["queryset"] = Formulier.objects.filter(
                gemeente__in=gemeenten_for(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Inzending)
class InzendingAdmin(_GemeenteScope, admin.ModelAdmin):
    """Read-only: what was sent and which zaak it became."""

    gemeente_path = "formulier__gemeente"
    list_display = ("zaak_identificatie", "formulier", "kanaal", "ingediend_op")
    list_filter = ("kanaal", "formulier__gemeente")
    search_fields = ("zaak_identificatie",)
    exclude = ("concept", "bsn", "antwoorden")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
