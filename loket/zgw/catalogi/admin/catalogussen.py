"""Beheer of catalogi and of the types that are versioned on their own
(informatieobjecttypen, besluittypen); exporting and importing a whole catalogus
as a file (Loket JSON, or an i-Navigator XML export)."""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from loket.organisaties.selectors import gemeenten_for
from loket.zgw.catalogi import exchange, inavigator, services
from loket.zgw.catalogi.admin import fields
from loket.zgw.catalogi.admin.service_forms import (
    DateInput,
    Refused,
    ServiceAdminMixin,
    adopt,
)
from loket.zgw.catalogi.admin.zaaktypen import (
    BOTH,
    StatusFilter,
    download,
    geldigheid_label,
    published_label,
    status_explained,
)
from loket.zgw.catalogi.models import BesluitType, Catalogus, InformatieObjectType
from loket.zgw.catalogi.selectors import catalogussen_for

MAX_IMPORT = 20 * 1024 * 1024
SHOWN_WARNINGS = 15


class CatalogusForm(forms.ModelForm):
    # RSINs of the gemeenten the staff member works for; None: any (platform).
    allowed_rsins: set[str] | None = None

    class Meta:
        model = Catalogus
        fields = [
            "naam",
            "domein",
            "rsin",
            "versie",
            "begindatum_versie",
            "contactpersoon_beheer_naam",
            "contactpersoon_beheer_telefoonnummer",
            "contactpersoon_beheer_emailadres",
        ]
        help_texts = {
            "rsin": "Het RSIN van de gemeente; de catalogus hoort bij die gemeente.",
            "domein": "Afkorting van vijf tekens, bijvoorbeeld ZAKEN.",
        }

    def clean_rsin(self):
        rsin = self.cleaned_data["rsin"]
        if self.allowed_rsins is not None and rsin not in self.allowed_rsins:
            raise ValidationError(
                "Dit RSIN hoort niet bij een gemeente waarvoor uw organisatie werkt."
            )
        return rsin


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand",
        help_text="Een export van een Loket-catalogus (JSON, zie "
        "docs/catalogus-uitwisseling.md) of een export uit i-Navigator (XML). "
        "Uit i-Navigator komt alles binnen als concept.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.xml"}),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_IMPORT:
            raise ValidationError("Dit bestand is groter dan 20 MB.")
        return bestand


@admin.register(Catalogus)
class CatalogusAdmin(ServiceAdminMixin, admin.ModelAdmin):
    form = CatalogusForm
    formfield_overrides = {models.DateField: {"widget": DateInput}}
    list_display = ["__str__", "domein", "rsin", "gemeente", "uitwisselen"]
    readonly_fields = ["gemeente", "uitwisselen"]

    @admin.display(description="uitwisselen")
    def uitwisselen(self, obj: Catalogus):
        if obj.pk is None:
            return "Eerst opslaan."
        return format_html(
            '<a href="{}">Exporteren</a> · <a href="{}">Importeren</a>',
            reverse("admin:catalogi_catalogus_exporteren", args=[obj.pk]),
            reverse("admin:catalogi_catalogus_importeren", args=[obj.pk]),
        )

    def get_queryset(self, request):
        return catalogussen_for(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not request.user.is_superuser:
            form.allowed_rsins = set(
                gemeenten_for(request.user).values_list("rsin", flat=True)
            )
        return form

    def has_change_permission(self, request, obj=None):
        # There is no service to change a catalogus yet: it is shown read-only.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        try:
            adopt(obj, services.create_catalogus(**form.cleaned_data))
        except ValidationError as exc:
            raise Refused({None: exc}) from None

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/exporteren/",
                view(self.export_view),
                name="catalogi_catalogus_exporteren",
            ),
            path(
                "<int:pk>/importeren/",
                view(self.import_view),
                name="catalogi_catalogus_importeren",
            ),
            *super().get_urls(),
        ]

    def _catalogus(self, request, pk) -> Catalogus:
        catalogus = self.get_queryset(request).filter(pk=pk).first()
        if catalogus is None:
            raise Http404
        return catalogus

    def export_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        catalogus = self._catalogus(request, pk)
        document = exchange.export_catalogus(catalogus)
        return download(document, f"catalogus-{catalogus.domein}-{catalogus.rsin}")

    def import_view(self, request, pk):
        if not request.user.has_perm("catalogi.add_zaaktype"):
            raise PermissionDenied
        catalogus = self._catalogus(request, pk)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                report, warnings = import_file(form.cleaned_data["bestand"], catalogus)
            except ValidationError as exc:
                for message in exc.messages[:SHOWN_WARNINGS]:
                    form.add_error("bestand", message)
            else:
                self.message_user(
                    request, f"{catalogus}: {report.summary()}", messages.SUCCESS
                )
                for warning in warnings[:SHOWN_WARNINGS]:
                    self.message_user(request, warning, messages.WARNING)
                if len(warnings) > SHOWN_WARNINGS:
                    self.message_user(
                        request,
                        f"En nog {len(warnings) - SHOWN_WARNINGS} meldingen van "
                        "dezelfde soort.",
                        messages.WARNING,
                    )
                changelist = reverse("admin:catalogi_zaaktype_changelist")
                return redirect(f"{changelist}?catalogus__id__exact={catalogus.pk}")
        context = {
            **self.admin_site.each_context(request),
            "title": f"Importeren in {catalogus}",
            "catalogus": catalogus,
            "form": form,
            "opts": self.opts,
        }
        return TemplateResponse(
            request, "admin/catalogi/catalogus/importeren.html", context
        )


def import_file(bestand, catalogus: Catalogus):
    """A Loket document or an i-Navigator export, into ``catalogus``."""
    raw = bestand.read()
    if raw.lstrip()[:1] == b"<":
        try:
            conversie = inavigator.convert(raw)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
        return exchange.import_catalogus(conversie.document, catalogus), list(
            conversie.warnings
        )
    document = exchange.read_document(raw)
    return exchange.import_catalogus(document, catalogus), []


class VersionedAdmin(ServiceAdminMixin, admin.ModelAdmin):
    """Informatieobjecttypen and besluittypen: versions by omschrijving, concept
    until published, then only the end date may change."""

    editable: list[str] = []
    list_display = ["omschrijving", "catalogus", "geldig", "versie"]
    list_filter = [StatusFilter, ("catalogus", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["omschrijving"]
    actions = ["publiceren"]

    create_service = update_service = publish_service = delete_service = None

    @admin.display(description="status")
    def status(self, obj) -> str:
        return status_explained(obj)

    @admin.display(description="status", ordering="concept")
    def versie(self, obj) -> str:
        return published_label(obj)

    @admin.display(description="geldig")
    def geldig(self, obj) -> str:
        return geldigheid_label(obj)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(catalogus__in=catalogussen_for(request.user))
            .select_related("catalogus")
        )

    def get_fields(self, request, obj=None):
        return ["catalogus", *self.editable, "status"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["status"]
        if not obj.concept:
            return ["status", "catalogus"] + [
                f for f in self.editable if f != "einde_geldigheid"
            ]
        return ["status", "catalogus"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        catalogi = [obj.catalogus_id] if obj else _visible_ids(request)
        kwargs["formfield_callback"] = partial(
            fields.formfield,
            base=partial(self.formfield_for_dbfield, request=request),
            catalogi=catalogi,
            zaaktype=None,
        )
        return super().get_form(request, obj, change, **kwargs)

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        return (obj is None or obj.concept) and super().has_delete_permission(
            request, obj
        )

    def save_model(self, request, obj, form, change):
        names = [n for n in form.cleaned_data if n in [*self.editable, "catalogus"]]
        try:
            if change:
                current = type(obj).objects.get(pk=obj.pk)
                changed = {
                    n: form.cleaned_data[n] for n in names if n in form.changed_data
                }
                if changed:
                    type(self).update_service(current, changed)
                adopt(obj, current)
            else:
                created = type(self).create_service(
                    **{n: form.cleaned_data[n] for n in names}
                )
                adopt(obj, created)
        except ValidationError as exc:
            raise Refused({None: exc}) from None

    def delete_model(self, request, obj):
        type(self).delete_service(obj)

    @admin.action(description="Publiceren", permissions=["change"], location=BOTH)
    def publiceren(self, request, queryset):
        done = 0
        for obj in queryset:
            try:
                type(self).publish_service(obj)
                done += 1
            except ValidationError as exc:
                self.message_user(
                    request,
                    f"{obj.omschrijving} is niet gepubliceerd: "
                    f"{' '.join(exc.messages)}",
                    messages.ERROR,
                )
        if done:
            self.message_user(request, f"{done} gepubliceerd.", messages.SUCCESS)


def _visible_ids(request) -> list[int]:
    return list(catalogussen_for(request.user).values_list("pk", flat=True))


@admin.register(InformatieObjectType)
class InformatieObjectTypeAdmin(VersionedAdmin):
    editable = [
        "omschrijving",
        "vertrouwelijkheidaanduiding",
        "informatieobjectcategorie",
        "trefwoord",
        "begin_geldigheid",
        "einde_geldigheid",
    ]
    create_service = staticmethod(services.create_informatieobjecttype)
    update_service = staticmethod(services.update_informatieobjecttype)
    publish_service = staticmethod(services.publish_informatieobjecttype)
    delete_service = staticmethod(services.delete_informatieobjecttype)


@admin.register(BesluitType)
class BesluitTypeAdmin(VersionedAdmin):
    editable = [
        "omschrijving",
        "besluitcategorie",
        "reactietermijn",
        "publicatie_indicatie",
        "publicatietekst",
        "publicatietermijn",
        "toelichting",
        "informatieobjecttype_omschrijvingen",
        "begin_geldigheid",
        "einde_geldigheid",
    ]
    create_service = staticmethod(services.create_besluittype)
    update_service = staticmethod(services.update_besluittype)
    publish_service = staticmethod(services.publish_besluittype)
    delete_service = staticmethod(services.delete_besluittype)
