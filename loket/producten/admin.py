"""Beheer of the product catalogue.

A functional administrator defines products for their own organisation
(``Productdefinitie``) and publishes and specialises them in the gemeenten it
serves (``Gemeenteproduct``); they see nothing of other organisations
(``selectors``). Every change goes through ``services``; a refusal shows as a
form error (``service_forms``). Life events are a fixed set that only platform
beheerders change.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from loket.organisaties.selectors import gemeenten_for, organisaties_for
from loket.producten import selectors, services, upl
from loket.producten.models import (
    Doelgroep,
    Gemeenteproduct,
    Kanaal,
    Levensgebeurtenis,
    Productdefinitie,
)
from loket.zgw.catalogi.admin.service_forms import Refused, ServiceAdminMixin, adopt

SAME = "Zoals in de definitie"


def _zaaktype_choices(medewerker, current: str) -> list[tuple[str, str]]:
    """The current zaaktypen in the catalogi of the staff member's gemeenten."""
    from loket.zgw.catalogi import selectors as catalogi

    found: dict[str, str] = {}
    for catalogus in catalogi.catalogussen_for(medewerker):
        for zaaktype in catalogi.current_zaaktypen(catalogus):
            found.setdefault(
                zaaktype.identificatie,
                f"{zaaktype.omschrijving} ({zaaktype.identificatie})",
            )
    if current and current not in found:
        found[current] = f"{current} (niet in een catalogus gevonden)"
    return sorted(found.items(), key=lambda choice: choice[1].casefold())


def _refuse(exc: ValidationError):
    raise Refused({None: exc}) from exc


# The fields a definition has and a gemeente may specialise, in the order both
# forms show them (after what identifies the product).
PRODUCTVELDEN = [
    "samenvatting",
    "beschrijving",
    "voorwaarden",
    "kosten",
    "servicenorm_dagen",
    "uitkomst",
    "kanalen",
    "online_aanvraagbaar",
    "doelgroep",
    "zoekwoorden",
    "levensgebeurtenissen",
    "zaaktype_identificatie",
]
WIDGETS = {
    "samenvatting": forms.Textarea(attrs={"rows": 2}),
    "zoekwoorden": forms.Textarea(attrs={"rows": 2}),
    "levensgebeurtenissen": forms.CheckboxSelectMultiple,
}


class ProductdefinitieForm(forms.ModelForm):
    upl_uri = forms.ChoiceField(
        label="UPL-naam",
        help_text="De naam van het product op de Uniforme Productnamenlijst "
        "(alleen producten van gemeenten).",
    )
    kanalen = forms.MultipleChoiceField(
        choices=Kanaal.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Waar kan iemand dit product aanvragen?",
    )
    zaaktype_identificatie = forms.ChoiceField(
        label="Zaaktype",
        required=False,
        help_text="Een aanvraag wordt een zaak van dit type. Alleen zaaktypen uit "
        "de catalogi van uw gemeenten.",
    )

    class Meta:
        model = Productdefinitie
        fields = ["organisatie", "upl_uri", "naam", "slug", *PRODUCTVELDEN]
        widgets = WIDGETS


def _definitie_fields(cleaned: dict) -> dict:
    return {
        name: cleaned[name]
        for name in services.DEFINITIE_VELDEN
        if name in cleaned and name != "organisatie"
    }


@admin.register(Productdefinitie)
class ProductdefinitieAdmin(ServiceAdminMixin, admin.ModelAdmin):
    form = ProductdefinitieForm
    list_display = [
        "naam",
        "upl_naam",
        "organisatie",
        "online_aanvraagbaar",
        "gepubliceerd_in",
    ]
    list_filter = ["online_aanvraagbaar", "doelgroep", "levensgebeurtenissen"]
    search_fields = ["naam", "upl_naam", "zoekwoorden"]
    readonly_fields = ["gepubliceerd_in"]
    prepopulated_fields = {"slug": ["naam"]}
    actions = ["publish_everywhere"]

    @admin.display(description="gepubliceerd in")
    def gepubliceerd_in(self, obj: Productdefinitie):
        if obj.pk is None:
            return "Eerst opslaan; publiceer het product daarna per gemeente."
        rows = [gp for gp in obj.gemeenteproducten.all() if gp.gepubliceerd]
        if not rows:
            return "Nog in geen enkele gemeente."
        return format_html_join(
            ", ",
            '<a href="/{}/producten/{}/">{}</a>',
            ((gp.gemeente.slug, gp.slug, gp.gemeente.naam) for gp in rows),
        )

    def get_queryset(self, request):
        return selectors.productdefinities_for(request.user).prefetch_related(
            "gemeenteproducten__gemeente"
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        fields = form.base_fields
        fields["upl_uri"].choices = [("", "Kies een naam"), *upl.keuzes()]
        current = obj.zaaktype_identificatie if obj else ""
        fields["zaaktype_identificatie"].choices = [
            ("", "Geen zaaktype"),
            *_zaaktype_choices(request.user, current),
        ]
        fields["organisatie"].queryset = organisaties_for(request.user)
        if not request.user.is_superuser:
            fields["organisatie"].initial = request.user.organisatie_id
        return form

    def has_delete_permission(self, request, obj=None):
        # Take a product offline per gemeente instead; its history stays.
        return False

    def save_model(self, request, obj, form, change):
        fields = _definitie_fields(form.cleaned_data)
        levensgebeurtenissen = form.cleaned_data.get("levensgebeurtenissen", [])
        try:
            if change:
                services.update_definitie(
                    obj, levensgebeurtenissen=levensgebeurtenissen, **fields
                )
            else:
                created = services.create_definitie(
                    organisatie=form.cleaned_data["organisatie"],
                    levensgebeurtenissen=levensgebeurtenissen,
                    **fields,
                )
                adopt(obj, created)
        except ValidationError as exc:
            _refuse(exc)

    def save_related(self, request, form, formsets, change):
        """The life events were saved by the service, in its transaction."""

    @admin.action(description="Publiceren in alle gemeenten van de organisatie")
    def publish_everywhere(self, request, queryset):
        for definitie in queryset:
            for gemeente in definitie.organisatie.gemeenten.all():
                if definitie.gemeenteproducten.filter(gemeente=gemeente).exists():
                    continue
                try:
                    services.publiceer(definitie=definitie, gemeente=gemeente)
                except ValidationError as exc:
                    self.message_user(
                        request,
                        f"{definitie} is niet gepubliceerd in {gemeente}: "
                        + " ".join(exc.messages),
                        messages.ERROR,
                    )
                else:
                    self.message_user(
                        request, f"{definitie} staat nu in {gemeente}.", messages.INFO
                    )


class GemeenteproductForm(forms.ModelForm):
    kanalen = forms.MultipleChoiceField(
        choices=Kanaal.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Niets aangevinkt: zoals in de definitie.",
    )
    online_aanvraagbaar = forms.NullBooleanField(
        label="Helemaal online aan te vragen",
        required=False,
        widget=forms.Select(choices=[("", SAME), ("True", "Ja"), ("False", "Nee")]),
    )
    doelgroep = forms.ChoiceField(
        choices=[("", SAME), *Doelgroep.choices], required=False
    )

    class Meta:
        model = Gemeenteproduct
        fields = ["definitie", "gemeente", "gepubliceerd", "naam", *PRODUCTVELDEN]
        widgets = WIDGETS


def _shown(value) -> str:
    if value in ("", None, []):
        return "leeg"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(Kanaal(v).label.lower() for v in value)
    return f'"{Truncator(str(value)).chars(80)}"'


@admin.register(Gemeenteproduct)
class GemeenteproductAdmin(ServiceAdminMixin, admin.ModelAdmin):
    form = GemeenteproductForm
    list_display = ["product_naam", "gemeente", "gepubliceerd", "afwijkend"]
    list_filter = ["gemeente", "gepubliceerd"]
    search_fields = ["naam", "definitie__naam", "slug"]
    actions = ["publish", "unpublish"]

    @admin.display(description="product")
    def product_naam(self, obj: Gemeenteproduct) -> str:
        return obj.naam or obj.definitie.naam

    @admin.display(description="anders dan de definitie")
    def afwijkend(self, obj: Gemeenteproduct) -> str:
        names = [
            str(Gemeenteproduct._meta.get_field(name).verbose_name)
            for name in sorted(services.OVERRIDE_VELDEN)
            if getattr(obj, name) not in ("", None, [])
        ]
        return ", ".join(names) or "niets"

    def get_queryset(self, request):
        return selectors.gemeenteproducten_for(request.user)

    def get_readonly_fields(self, request, obj=None):
        return ["definitie", "gemeente", "openbare_pagina"] if obj else []

    def get_fields(self, request, obj=None):
        fields = list(GemeenteproductForm.Meta.fields)
        if obj:
            fields.insert(2, "openbare_pagina")
        return fields

    @admin.display(description="openbare pagina")
    def openbare_pagina(self, obj: Gemeenteproduct):
        url = f"/{obj.gemeente.slug}/producten/{obj.slug}/"
        return format_html('<a href="{}">{}</a>', url, url)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        fields = form.base_fields
        if "definitie" in fields:
            fields["definitie"].queryset = selectors.productdefinities_for(request.user)
            fields["gemeente"].queryset = gemeenten_for(request.user)
        current = obj.zaaktype_identificatie if obj else ""
        fields["zaaktype_identificatie"] = forms.ChoiceField(
            label="Zaaktype",
            required=False,
            choices=[("", SAME), *_zaaktype_choices(request.user, current)],
        )
        for name in services.OVERRIDE_VELDEN:
            if name == "zoekwoorden":
                continue
            base = getattr(obj.definitie, name) if obj else None
            # The admin shows help texts unescaped; the definition's text is data.
            hint = (
                format_html("Leeg: zoals in de definitie ({}).", _shown(base))
                if obj
                else ""
            )
            fields[name].help_text = hint or "Leeg: zoals in de definitie."
        return form

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        overrides = {
            name: data[name] for name in services.OVERRIDE_VELDEN if name in data
        }
        levensgebeurtenissen = data.get("levensgebeurtenissen", [])
        try:
            if change and not data["gepubliceerd"]:
                services.specialiseer(
                    obj, levensgebeurtenissen=levensgebeurtenissen, **overrides
                )
                services.depubliceer(obj)
            elif change:
                created = services.publiceer(
                    definitie=obj.definitie,
                    gemeente=obj.gemeente,
                    levensgebeurtenissen=levensgebeurtenissen,
                    **overrides,
                )
                adopt(obj, created)
            else:
                created = services.publiceer(
                    definitie=data["definitie"],
                    gemeente=data["gemeente"],
                    levensgebeurtenissen=levensgebeurtenissen,
                    **overrides,
                )
                if not data["gepubliceerd"]:
                    services.depubliceer(created)
                adopt(obj, created)
        except ValidationError as exc:
            _refuse(exc)

    def save_related(self, request, form, formsets, change):
        """The life events were saved by the service, in its transaction."""

    @admin.action(description="Publiceren op de website van de gemeente")
    def publish(self, request, queryset):
        for gemeenteproduct in queryset.filter(gepubliceerd=False):
            try:
                services.publiceer(
                    definitie=gemeenteproduct.definitie,
                    gemeente=gemeenteproduct.gemeente,
                )
            except ValidationError as exc:
                self.message_user(
                    request,
                    f"{gemeenteproduct} is niet gepubliceerd: "
                    + " ".join(exc.messages),
                    messages.ERROR,
                )

    @admin.action(description="Van de website van de gemeente halen")
    def unpublish(self, request, queryset):
        for gemeenteproduct in queryset.filter(gepubliceerd=True):
            services.depubliceer(gemeenteproduct)
        self.message_user(
            request,
            "De gekozen producten staan niet meer op de website. Wat per gemeente "
            "anders was, blijft bewaard.",
            messages.SUCCESS,
        )


@admin.register(Levensgebeurtenis)
class LevensgebeurtenisAdmin(ServiceAdminMixin, admin.ModelAdmin):
    list_display = ["naam", "uitleg", "volgorde"]
    prepopulated_fields = {"slug": ["naam"]}

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data[name] for name in form.cleaned_data}
        try:
            if change:
                services.update_levensgebeurtenis(obj, **fields)
            else:
                adopt(obj, services.create_levensgebeurtenis(**fields))
        except ValidationError as exc:
            _refuse(exc)
