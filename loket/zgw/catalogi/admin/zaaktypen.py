"""Beheer of zaaktypen: build one with its statustypen, resultaattypen, roltypen,
eigenschappen, documenttypen and zaakobjecttypen on one page, publish it, make a
new version, and export it.

A published version is shown read-only except its end date; changing it means a
new version (action "Nieuwe versie maken"). Every write goes through the services.
"""

from datetime import timedelta
from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from loket.zgw.catalogi import exchange, services
from loket.zgw.catalogi.admin import fields
from loket.zgw.catalogi.admin.service_forms import (
    Refused,
    ServiceAdminMixin,
    adopt,
    labelled,
    with_refusal,
)
from loket.zgw.catalogi.models import (
    Eigenschap,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from loket.zgw.catalogi.selectors import catalogussen_for

# Actions offered both in the list and on the page of one zaaktype.
BOTH = [admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM]


def published_label(obj) -> str:
    return "Concept" if obj.concept else "Gepubliceerd"


def status_explained(obj) -> str:
    """The status on the page of one version, with what it means for editing."""
    if obj.pk is None:
        return "Nieuw: wordt opgeslagen als concept."
    if obj.concept:
        return "Concept: nog te wijzigen; publiceer het met de actie 'Publiceren'."
    return (
        "Gepubliceerd: alleen de einddatum kan nog veranderen. Wijzigen doet u in "
        "een nieuwe versie (actie 'Nieuwe versie maken')."
    )


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("concept", "Concept"), ("gepubliceerd", "Gepubliceerd")]

    def queryset(self, request, queryset):
        if self.value() in ("concept", "gepubliceerd"):
            return queryset.filter(concept=self.value() == "concept")
        return queryset


def geldigheid_label(obj) -> str:
    if obj.einde_geldigheid is None:
        return f"vanaf {obj.begin_geldigheid:%d-%m-%Y}"
    return f"{obj.begin_geldigheid:%d-%m-%Y} t/m {obj.einde_geldigheid:%d-%m-%Y}"


class OnderdeelInline:
    """An inline of a type below a zaaktype: editable while the zaaktype is a
    concept, read-only after publication."""

    extra = 1
    show_change_link = False

    def get_formset(self, request, obj=None, **kwargs):
        catalogi = [obj.catalogus_id] if obj else _visible_ids(request)
        kwargs["formfield_callback"] = partial(
            fields.formfield,
            base=partial(self.formfield_for_dbfield, request=request),
            catalogi=catalogi,
            zaaktype=obj,
        )
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = with_refusal(formset.form, request)
        if isinstance(self, admin.TabularInline):
            formset = labelled(
                formset, self.verbose_name or self.model._meta.verbose_name
            )
        return formset

    def _editable(self, obj) -> bool:
        return obj is None or obj.concept

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class StatusTypeInline(OnderdeelInline, admin.TabularInline):
    model = StatusType
    fields = ["volgnummer", "omschrijving", "statustekst", "informeren", "doorlooptijd"]
    extra = 2


class ResultaatTypeInline(OnderdeelInline, admin.StackedInline):
    model = ResultaatType
    fields = [
        "omschrijving",
        "resultaattypeomschrijving",
        "selectielijstklasse",
        "toelichting",
        ("archiefnominatie", "archiefactietermijn"),
        ("brondatum_afleidingswijze", "brondatum_procestermijn"),
        "besluittype_omschrijvingen",
        "informatieobjecttypen",
    ]


class RolTypeInline(OnderdeelInline, admin.TabularInline):
    model = RolType
    fields = ["omschrijving", "omschrijving_generiek"]


class EigenschapInline(OnderdeelInline, admin.StackedInline):
    model = Eigenschap
    fields = [
        ("naam", "formaat", "lengte", "kardinaliteit"),
        "definitie",
        "toelichting",
        "waardenverzameling",
        "statustype",
    ]
    extra = 0


class ZaakTypeInformatieObjectTypeInline(OnderdeelInline, admin.TabularInline):
    model = ZaakTypeInformatieObjectType
    fields = [
        "volgnummer",
        "informatieobjecttype_omschrijving",
        "richting",
        "statustype",
    ]
    verbose_name = "documenttype"
    verbose_name_plural = "documenttypen"


class ZaakObjectTypeInline(OnderdeelInline, admin.StackedInline):
    model = ZaakObjectType
    fields = [
        "relatie_omschrijving",
        "objecttype",
        "ander_objecttype",
        "statustypen",
        "resultaattypen",
    ]
    extra = 0


ZAAKTYPE_FIELDSETS = [
    (
        None,
        {
            "fields": [
                "catalogus",
                "identificatie",
                "omschrijving",
                "vertrouwelijkheidaanduiding",
                "status",
            ]
        },
    ),
    (
        "Inhoud",
        {
            "fields": [
                "doel",
                "aanleiding",
                "toelichting",
                "indicatie_intern_of_extern",
                ("handeling_initiator", "onderwerp", "handeling_behandelaar"),
                "trefwoorden",
                "producten_of_diensten",
                "omschrijving_generiek",
            ]
        },
    ),
    (
        "Termijnen",
        {
            "fields": [
                ("doorlooptijd", "servicenorm"),
                "opschorting_en_aanhouding_mogelijk",
                ("verlenging_mogelijk", "verlengingstermijn"),
            ]
        },
    ),
    (
        "Archief en verantwoording",
        {
            "fields": [
                "selectielijst_procestype",
                "referentieproces_naam",
                "referentieproces_link",
                "verantwoordelijke",
                "verantwoordingsrelatie",
            ]
        },
    ),
    (
        "Relaties",
        {"fields": ["besluittype_omschrijvingen", "deelzaaktype_identificaties"]},
    ),
    ("Publicatie", {"fields": ["publicatie_indicatie", "publicatietekst"]}),
    (
        "Geldigheid",
        {"fields": [("begin_geldigheid", "einde_geldigheid"), "versiedatum"]},
    ),
    (
        "Bron (bij een zaaktype dat van een ander is overgenomen)",
        {
            "classes": ["collapse"],
            "fields": [
                "broncatalogus_url",
                "broncatalogus_domein",
                "broncatalogus_rsin",
                "bronzaaktype_url",
                "bronzaaktype_identificatie",
                "bronzaaktype_omschrijving",
            ],
        },
    ),
]
EDITABLE = [
    name
    for _, options in ZAAKTYPE_FIELDSETS
    for entry in options["fields"]
    for name in (entry if isinstance(entry, tuple) else (entry,))
    if name != "status"
]


def _visible_ids(request) -> list[int]:
    return list(catalogussen_for(request.user).values_list("pk", flat=True))


@admin.register(ZaakType)
class ZaakTypeAdmin(ServiceAdminMixin, admin.ModelAdmin):
    fieldsets = ZAAKTYPE_FIELDSETS
    inlines = [
        StatusTypeInline,
        ResultaatTypeInline,
        RolTypeInline,
        EigenschapInline,
        ZaakTypeInformatieObjectTypeInline,
        ZaakObjectTypeInline,
    ]
    list_display = ["omschrijving", "identificatie", "catalogus", "geldig", "versie"]
    list_filter = [StatusFilter, ("catalogus", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["omschrijving", "identificatie"]
    actions = ["publiceren", "nieuwe_versie", "exporteren"]

    @admin.display(description="status")
    def status(self, obj: ZaakType) -> str:
        return status_explained(obj)

    @admin.display(description="status", ordering="concept")
    def versie(self, obj: ZaakType) -> str:
        return published_label(obj)

    @admin.display(description="geldig")
    def geldig(self, obj: ZaakType) -> str:
        return geldigheid_label(obj)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(catalogus__in=catalogussen_for(request.user))
            .select_related("catalogus")
        )

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["status"]
        if not obj.concept:
            return ["status", *(f for f in EDITABLE if f != "einde_geldigheid")]
        return ["status", "catalogus"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["formfield_callback"] = partial(
            fields.formfield,
            base=partial(self.formfield_for_dbfield, request=request),
            catalogi=[obj.catalogus_id] if obj else _visible_ids(request),
            zaaktype=obj,
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

    # -- saving through the services ------------------------------------------------

    def save_model(self, request, obj, form, change):
        names = [n for n in form.cleaned_data if n in EDITABLE]
        try:
            if change:
                current = ZaakType.objects.get(pk=obj.pk)
                changed = {
                    n: form.cleaned_data[n] for n in names if n in form.changed_data
                }
                if changed:
                    services.update_zaaktype(current, changed)
                adopt(obj, current)
            else:
                created = services.create_zaaktype(
                    **{n: form.cleaned_data[n] for n in names}
                )
                adopt(obj, created)
        except ValidationError as exc:
            raise Refused({None: exc}) from None

    def save_related(self, request, form, formsets, change):
        errors = {}
        for formset in formsets:
            save_onderdelen(formset, form.instance, errors)
        if errors:
            raise Refused(errors)

    def delete_model(self, request, obj):
        services.delete_zaaktype(obj)

    # -- actions ----------------------------------------------------------------------

    @admin.action(description="Publiceren", permissions=["change"], location=BOTH)
    def publiceren(self, request, queryset):
        done = 0
        for zaaktype in queryset:
            try:
                services.publish_zaaktype(zaaktype)
                done += 1
            except ValidationError as exc:
                self.message_user(
                    request,
                    f"{zaaktype.omschrijving} is niet gepubliceerd: "
                    f"{' '.join(exc.messages)}",
                    messages.ERROR,
                )
        if done:
            self.message_user(
                request, f"{done} zaaktype(n) gepubliceerd.", messages.SUCCESS
            )

    @admin.action(
        description="Nieuwe versie maken (vanaf morgen)",
        permissions=["add"],
        location=BOTH,
    )
    def nieuwe_versie(self, request, queryset):
        begin = timezone.localdate() + timedelta(days=1)
        for zaaktype in queryset:
            try:
                nieuw = exchange.new_version(zaaktype, begin=begin)
            except ValidationError as exc:
                self.message_user(
                    request,
                    f"Geen nieuwe versie van {zaaktype.omschrijving}: "
                    f"{' '.join(exc.messages)}",
                    messages.ERROR,
                )
                continue
            url = reverse("admin:catalogi_zaaktype_change", args=[nieuw.pk])
            self.message_user(
                request,
                format_html(
                    "Nieuwe versie van {} gemaakt als concept, geldig vanaf {}: "
                    '<a href="{}">bewerken en publiceren</a>. De vorige versie geldt '
                    "tot en met {}.",
                    nieuw.omschrijving,
                    f"{begin:%d-%m-%Y}",
                    url,
                    f"{begin - timedelta(days=1):%d-%m-%Y}",
                ),
                messages.SUCCESS,
            )

    @admin.action(
        description="Exporteren (bestand)", permissions=["view"], location=BOTH
    )
    def exporteren(self, request, queryset):
        zaaktypen = list(queryset.select_related("catalogus"))
        catalogi = {z.catalogus for z in zaaktypen}
        if len(catalogi) != 1:
            self.message_user(
                request,
                "Kies zaaktypen uit één catalogus om te exporteren.",
                messages.ERROR,
            )
            return None
        catalogus = catalogi.pop()
        document = exchange.export_catalogus(catalogus, zaaktypen=zaaktypen)
        return download(document, f"zaaktypen-{catalogus.domein}-{catalogus.rsin}")


def save_onderdelen(formset, zaaktype: ZaakType, errors: dict) -> None:
    """The rows of one inline, through the services; refusals go into ``errors``
    under the row's prefix."""
    model = formset.model
    # What formset.save() would record, for the admin's change message.
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    deleted = set(formset.deleted_forms)
    for form in deleted:
        if form.instance.pk:
            try:
                services.delete_onderdeel(model.objects.get(pk=form.instance.pk))
                formset.deleted_objects.append(form.instance)
            except ValidationError as exc:
                errors[form.prefix] = exc
    for form in formset.forms:
        if form in deleted or not form.has_changed():
            continue
        values, m2m = {}, {}
        for name, value in form.cleaned_data.items():
            if name in ("id", "DELETE", formset.fk.name):
                continue
            field = model._meta.get_field(name)
            if field.many_to_many:
                m2m[name] = list(value)
            else:
                values[name] = value
        try:
            if form.instance.pk:
                current = model.objects.get(pk=form.instance.pk)
                services.update_onderdeel(current, values, m2m=m2m)
                formset.changed_objects.append((current, form.changed_data))
            else:
                formset.new_objects.append(
                    services.create_onderdeel(
                        model, zaaktype=zaaktype, m2m=m2m, **values
                    )
                )
        except ValidationError as exc:
            errors[form.prefix] = exc


def download(document: dict, name: str) -> HttpResponse:
    day = timezone.localdate().isoformat()
    response = HttpResponse(
        exchange.dumps(document), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}-{day}.json"'
    return response
