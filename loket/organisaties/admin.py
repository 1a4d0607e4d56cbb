"""Beheer of gemeenten, organisations, teams and staff.

A functional administrator sees and changes only their own organisation and the
gemeenten it serves (``selectors``); changes go through ``services``. Creating
gemeenten and organisations is for platform beheerders (superusers).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html

from loket.identiteit import services as identiteit
from loket.organisaties import selectors, services
from loket.organisaties.models import Gemeente, Medewerker, Organisatie, Team
from loket.organisaties.roles import ROLLEN, Rolcode


def _adopt(obj, created) -> None:
    """The admin keeps working with the object its form filled; make it the one
    the service created."""
    obj.__dict__.update(created.__dict__)


class EigenGemeentenAdmin(admin.ModelAdmin):
    """For a model with a ``gemeente`` (settings per gemeente, for example): only
    the rows of the gemeenten one's organisation serves (platform beheerders: all),
    and only those gemeenten to choose from."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("gemeente")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(gemeente__in=selectors.gemeenten_for(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "gemeente":
            kwargs["queryset"] = selectors.gemeenten_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class LogoInput(forms.ClearableFileInput):
    """Shows the logo itself (served at /<slug>/logo) and labels the file input."""

    template_name = "organisaties/widgets/logo_input.html"


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    formfield_overrides = {models.FileField: {"widget": LogoInput}}
    list_display = ["naam", "gemeentecode", "rsin", "actief", "website_link"]
    list_filter = ["actief"]
    search_fields = ["naam", "gemeentecode", "rsin"]
    fieldsets = [
        (None, {"fields": ["naam", "slug", "gemeentecode", "rsin", "actief"]}),
        (
            "Contact",
            {
                "fields": [
                    "telefoonnummer",
                    "emailadres",
                    "website",
                    "bezoekadres",
                    "postadres",
                ]
            },
        ),
        (
            "Huisstijl en startpagina",
            {
                "fields": [
                    "logo",
                    "kleur_primair",
                    "kleur_primair_tekst",
                    "kleur_link",
                    "welkomsttekst",
                ],
                "description": "De kleuren worden design tokens van NL Design "
                "System. Loket controleert of tekst en links goed leesbaar blijven "
                "(WCAG 2.2 AA).",
            },
        ),
    ]

    @admin.display(description="openbare pagina")
    def website_link(self, obj: Gemeente):
        return format_html('<a href="/{}/">/{}/</a>', obj.slug, obj.slug)

    def get_queryset(self, request):
        return selectors.gemeenten_for(request.user)

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ["naam"]} if request.user.is_superuser else {}

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return []
        # Identity of a tenant is the platform's business, not the tenant's.
        return ["naam", "slug", "gemeentecode", "rsin", "actief"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            services.update_gemeente(obj)
        else:
            fields = {
                f.name: getattr(obj, f.name)
                for f in Gemeente._meta.concrete_fields
                if f.editable and not f.primary_key
            }
            _adopt(obj, services.create_gemeente(**fields))


class OrganisatieForm(forms.ModelForm):
    class Meta:
        model = Organisatie
        fields = ["naam", "soort", "rsin", "gemeenten"]
        widgets = {"gemeenten": forms.CheckboxSelectMultiple}

    def clean(self):
        cleaned = super().clean()
        if "gemeenten" in cleaned and "soort" in cleaned:
            try:
                services.check_gemeenten(cleaned["soort"], cleaned["gemeenten"])
            except ValidationError as exc:
                self.add_error(None, exc)
        return cleaned


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    form = OrganisatieForm
    list_display = ["naam", "soort", "gemeenten_lijst"]
    search_fields = ["naam"]

    @admin.display(description="werkt voor")
    def gemeenten_lijst(self, obj: Organisatie) -> str:
        return ", ".join(g.naam for g in obj.gemeenten.all())

    def get_queryset(self, request):
        return selectors.organisaties_for(request.user).prefetch_related("gemeenten")

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["organisatie", "naam", "code", "omschrijving", "emailadres"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    form = TeamForm
    list_display = ["naam", "organisatie", "emailadres"]
    list_filter = ["organisatie"]
    search_fields = ["naam"]

    def get_queryset(self, request):
        return selectors.teams_for(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisatie":
            kwargs["queryset"] = selectors.organisaties_for(request.user)
            if not request.user.is_superuser:
                kwargs["initial"] = request.user.organisatie_id
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            services.update_team(obj)
        else:
            created = services.create_team(
                organisatie=obj.organisatie,
                naam=obj.naam,
                omschrijving=obj.omschrijving,
                emailadres=obj.emailadres,
                code=obj.code,
            )
            _adopt(obj, created)


def _role_help() -> str:
    return " ".join(
        f"{code.label}: {definitie.omschrijving}" for code, definitie in ROLLEN.items()
    )


class MedewerkerForm(forms.ModelForm):
    rollen = forms.MultipleChoiceField(
        choices=Rolcode.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_role_help(),
    )

    class Meta:
        model = Medewerker
        fields = [
            "naam",
            "email",
            "organisatie",
            "rollen",
            "teams",
            "max_vertrouwelijkheid",
            "is_active",
        ]
        widgets = {"teams": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["rollen"] = sorted(self.instance.rolcodes)

    def clean(self):
        cleaned = super().clean()
        teams = cleaned.get("teams")
        if teams is not None and "organisatie" in cleaned:
            try:
                services.check_teams(cleaned["organisatie"], teams)
            except ValidationError as exc:
                self.add_error(None, exc)
        return cleaned


@admin.register(Medewerker)
class MedewerkerAdmin(admin.ModelAdmin):
    form = MedewerkerForm
    list_display = ["naam", "email", "organisatie", "rollen_lijst", "is_active"]
    list_filter = ["is_active", "roltoekenningen__rol", "organisatie"]
    search_fields = ["naam", "email"]
    actions = ["send_invitation", "reset_second_factor"]

    @admin.display(description="rollen")
    def rollen_lijst(self, obj: Medewerker) -> str:
        return ", ".join(Rolcode(t.rol).label for t in obj.roltoekenningen.all())

    def get_queryset(self, request):
        return selectors.medewerkers_for(request.user).prefetch_related(
            "roltoekenningen"
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        organisaties = selectors.organisaties_for(request.user)
        form.base_fields["organisatie"].queryset = organisaties
        form.base_fields["organisatie"].required = not request.user.is_superuser
        form.base_fields["teams"].queryset = selectors.teams_for(request.user)
        if not request.user.is_superuser:
            form.base_fields["organisatie"].initial = request.user.organisatie_id
        return form

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # The m2m fields are saved in save_related, through the service.
        if change:
            services.update_medewerker(obj)
            return
        created = services.create_medewerker(
            email=obj.email,
            naam=obj.naam,
            organisatie=obj.organisatie,
            is_active=obj.is_active,
            max_vertrouwelijkheid=obj.max_vertrouwelijkheid,
        )
        _adopt(obj, created)
        identiteit.invite(created)
        messages.info(
            request,
            f"{created.naam} krijgt een e-mail op {created.email} om een "
            "wachtwoord te kiezen.",
        )

    def save_related(self, request, form, formsets, change):
        services.update_medewerker(
            form.instance,
            rollen=form.cleaned_data["rollen"],
            teams=form.cleaned_data["teams"],
        )

    @admin.action(
        description="Uitnodiging (link om wachtwoord te kiezen) opnieuw sturen"
    )
    def send_invitation(self, request, queryset):
        for medewerker in queryset.filter(is_active=True):
            identiteit.invite(medewerker)
        self.message_user(request, "De e-mails worden verstuurd.", messages.SUCCESS)

    @admin.action(
        description="Tweestapsverificatie resetten (bij verloren telefoon)",
        permissions=["reset_second_factor"],
    )
    def reset_second_factor(self, request, queryset):
        for medewerker in queryset:
            identiteit.reset_second_factor(medewerker, door=request.user)
        self.message_user(
            request,
            "Deze medewerkers stellen bij hun volgende inlog een nieuwe app in.",
            messages.SUCCESS,
        )

    def has_reset_second_factor_permission(self, request):
        return request.user.has_perm("organisaties.reset_tweede_factor")
