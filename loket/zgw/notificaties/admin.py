"""Beheer of notificaties: kanalen and abonnementen (written through ``services``),
the notificaties Loket sent, and their afleveringen with every attempt.

Failed deliveries are found under Afleveringen (filter on status); the action
"Opnieuw versturen" sends them again once the subscriber is back. An abonnement's
Authorization header can be set but is never shown, like an API secret.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet

from loket.zgw.notificaties import services
from loket.zgw.notificaties.models import (
    Abonnement,
    AbonnementKanaal,
    Aflevering,
    Kanaal,
    Notificatie,
    Poging,
)

Status = Aflevering.Status


class ReadOnlyInline(admin.TabularInline):
    """A list below an object, to look at; visible to whoever may see the object."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        opts = self.parent_model._meta
        return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


# -- kanalen ---------------------------------------------------------------------------


class LinesField(forms.CharField):
    """A list of texts, one per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class KanaalForm(forms.ModelForm):
    filters = LinesField(
        required=False,
        help_text="Eén kenmerk per regel, bijvoorbeeld catalogus. Abonnees kunnen "
        "hierop filteren.",
    )

    class Meta:
        model = Kanaal
        fields = ["naam", "documentatie_link", "filters"]
        labels = {"documentatie_link": "documentatielink"}

    def clean_filters(self):
        filters = self.cleaned_data["filters"]
        if self.instance.pk:
            try:
                services.check_kanaal_filters(self.instance, filters)
            except ValidationError as error:
                raise ValidationError(error.message_dict["filters"]) from None
        return filters


@admin.register(Kanaal)
class KanaalAdmin(admin.ModelAdmin):
    form = KanaalForm
    list_display = ["naam", "filters_tekst", "aantal_abonnementen"]
    search_fields = ["naam"]

    @admin.display(description="filters")
    def filters_tekst(self, obj: Kanaal) -> str:
        return ", ".join(obj.filters) or "(geen)"

    @admin.display(description="abonnementen", ordering="abonnees")
    def aantal_abonnementen(self, obj: Kanaal) -> int:
        return obj.abonnees

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(abonnees=Count("abonnementen__abonnement", distinct=True))
        )

    def get_readonly_fields(self, request, obj=None):
        # Notificaties and abonnementen refer to a kanaal by its name.
        return ["naam"] if obj else []

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.naam in services.LOKET_KANALEN:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            services.update_kanaal(
                obj,
                documentatie_link=data["documentatie_link"],
                filters=data["filters"],
            )
        else:
            created = services.create_kanaal(
                naam=data["naam"],
                documentatie_link=data["documentatie_link"],
                filters=data["filters"],
            )
            obj.__dict__.update(created.__dict__)

    def delete_model(self, request, obj):
        services.delete_kanaal(obj)


# -- abonnementen ----------------------------------------------------------------------


class FiltersField(forms.CharField):
    """Filters as ``kenmerk=waarde``, one per line."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        if isinstance(value, dict):
            return "\n".join(f"{key}={val}" for key, val in value.items())
        return value

    def to_python(self, value):
        if isinstance(value, dict):
            return value
        filters = {}
        for line in (value or "").splitlines():
            if not line.strip():
                continue
            key, sep, val = line.partition("=")
            if not sep or not key.strip():
                raise ValidationError(
                    f"Schrijf elk filter als kenmerk=waarde; {line.strip()!r} is dat "
                    "niet."
                )
            filters[key.strip()] = val.strip()
        return filters


class AbonnementKanaalForm(forms.ModelForm):
    filters = FiltersField(
        required=False,
        help_text="Eén per regel: kenmerk=waarde. De waarde * laat elke waarde door. "
        "Leeg: alle notificaties van het kanaal.",
    )

    class Meta:
        model = AbonnementKanaal
        fields = ["kanaal", "filters"]


class AbonnementKanaalFormSet(BaseInlineFormSet):
    def kept(self) -> list:
        return [
            row
            for row in self.forms
            if row.cleaned_data and not row.cleaned_data.get("DELETE")
        ]

    def groups(self) -> list[services.FilterGroep]:
        return [
            services.FilterGroep(
                row.cleaned_data["kanaal"].naam, row.cleaned_data.get("filters") or {}
            )
            for row in self.kept()
        ]

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        try:
            services.check_abonnement(
                callback_url=self.instance.callback_url,
                auth=self.instance.auth,
                kanalen=self.groups(),
            )
        except ValidationError as error:
            rows = self.kept()
            for key, problems in error.message_dict.items():
                parts = key.split(".")
                if parts[0] == "kanalen":  # the main form reports the rest
                    field = "filters" if parts[2] == "filters" else "kanaal"
                    rows[int(parts[1])].add_error(field, problems)


class AbonnementKanaalInline(admin.TabularInline):
    model = AbonnementKanaal
    form = AbonnementKanaalForm
    formset = AbonnementKanaalFormSet
    extra = 1
    verbose_name = "kanaal"
    verbose_name_plural = "kanalen en filters"

    def _abonnement_perm(self, request, action: str) -> bool:
        return request.user.has_perm(f"notificaties.{action}_abonnement")

    def has_view_permission(self, request, obj=None):
        return self._abonnement_perm(request, "view")

    def has_add_permission(self, request, obj=None):
        return self._abonnement_perm(request, "change")

    def has_change_permission(self, request, obj=None):
        return self._abonnement_perm(request, "change")

    def has_delete_permission(self, request, obj=None):
        return self._abonnement_perm(request, "change")


class AbonnementForm(forms.ModelForm):
    nieuwe_auth = forms.CharField(
        label="autorisatieheader",
        required=False,
        strip=False,
        max_length=1000,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="De header Authorization die de abonnee verwacht, bijvoorbeeld "
        "'Bearer a4daa31…'. Loket toont haar niet; vul alleen in om haar (opnieuw) "
        "in te stellen.",
    )

    class Meta:
        model = Abonnement
        fields = ["callback_url"]

    def clean(self):
        cleaned = super().clean()
        auth = cleaned.get("nieuwe_auth") or self.instance.auth
        if not auth:
            self.add_error("nieuwe_auth", "Vul de autorisatieheader in.")
            return cleaned
        self.instance.auth = auth
        try:
            services.check_abonnement(
                callback_url=cleaned.get("callback_url", ""), auth=auth, kanalen=[]
            )
        except ValidationError as error:
            names = {"callback_url": "callback_url", "auth": "nieuwe_auth"}
            for key, problems in error.message_dict.items():
                self.add_error(names[key], problems)
        return cleaned


@admin.register(Abonnement)
class AbonnementAdmin(admin.ModelAdmin):
    form = AbonnementForm
    inlines = [AbonnementKanaalInline]
    list_display = [
        "callback_url",
        "kanalen_tekst",
        "client_id",
        "aangemaakt_op",
        "mislukt",
        "opgegeven",
    ]
    search_fields = ["callback_url", "client_id", "kanalen__kanaal__naam"]

    @admin.display(description="kanalen")
    def kanalen_tekst(self, obj: Abonnement) -> str:
        return ", ".join(group.kanaal.naam for group in obj.kanalen.all()) or "(geen)"

    @admin.display(description="mislukt (wordt herhaald)", ordering="n_mislukt")
    def mislukt(self, obj: Abonnement) -> int:
        return obj.n_mislukt

    @admin.display(description="opgegeven", ordering="n_opgegeven")
    def opgegeven(self, obj: Abonnement) -> int:
        return obj.n_opgegeven

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("kanalen__kanaal")
            .annotate(
                n_mislukt=Count(
                    "afleveringen", filter=Q(afleveringen__status="mislukt")
                ),
                n_opgegeven=Count(
                    "afleveringen", filter=Q(afleveringen__status="opgegeven")
                ),
            )
        )

    def save_model(self, request, obj, form, change):
        """Everything is written at once in save_related, where the kanalen are."""

    def save_related(self, request, form, formsets, change):
        (kanalen,) = formsets
        values = {
            "callback_url": form.cleaned_data["callback_url"],
            "auth": form.instance.auth,  # the new one, or kept (AbonnementForm)
        }
        if change:
            abonnement = services.update_abonnement(
                Abonnement.objects.get(pk=form.instance.pk),
                kanalen=kanalen.groups(),
                **values,
            )
        else:
            abonnement = services.create_abonnement(kanalen=kanalen.groups(), **values)
        form.instance.__dict__.update(abonnement.__dict__)
        # What formset.save() would have recorded, for the change history.
        kanalen.new_objects, kanalen.changed_objects, kanalen.deleted_objects = (
            [],
            [],
            [],
        )

    def delete_model(self, request, obj):
        services.delete_abonnement(obj)

    def delete_queryset(self, request, queryset):
        for abonnement in queryset:
            services.delete_abonnement(abonnement)


# -- notificaties and afleveringen -----------------------------------------------------


class AfleveringInline(ReadOnlyInline):
    model = Aflevering
    fields = ["abonnement", "status", "pogingen", "afgeleverd_op", "laatste_fout"]
    readonly_fields = fields
    show_change_link = True


@admin.register(Notificatie)
class NotificatieAdmin(admin.ModelAdmin):
    list_display = ["aanmaakdatum", "kanaal", "resource", "actie", "bron", "afgeleverd"]
    list_filter = ["kanaal"]
    search_fields = ["resource_url", "hoofd_object"]
    fields = [
        "kanaal",
        "resource",
        "actie",
        "aanmaakdatum",
        "hoofd_object",
        "resource_url",
        "kenmerken",
        "bron",
    ]
    readonly_fields = fields
    inlines = [AfleveringInline]
    show_full_result_count = False

    @admin.display(description="afgeleverd")
    def afgeleverd(self, obj: Notificatie) -> str:
        return f"{obj.n_afgeleverd} van {obj.n_afleveringen}"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_afleveringen=Count("afleveringen"),
                n_afgeleverd=Count(
                    "afleveringen", filter=Q(afleveringen__status="afgeleverd")
                ),
            )
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PogingInline(ReadOnlyInline):
    model = Poging
    fields = ["tijdstip", "statuscode", "fout", "duur_ms"]
    readonly_fields = fields


@admin.register(Aflevering)
class AfleveringAdmin(admin.ModelAdmin):
    list_display = [
        "notificatie",
        "abonnement",
        "status",
        "pogingen",
        "volgende_poging_op",
        "afgeleverd_op",
        "laatste_fout",
    ]
    list_filter = ["status", "abonnement"]
    list_select_related = ["notificatie", "abonnement"]
    show_facets = admin.ShowFacets.ALWAYS
    show_full_result_count = False
    search_fields = ["abonnement__callback_url", "notificatie__resource_url"]
    fields = [
        "notificatie",
        "abonnement",
        "status",
        "pogingen",
        "eerste_poging_op",
        "volgende_poging_op",
        "afgeleverd_op",
        "laatste_fout",
    ]
    readonly_fields = fields
    inlines = [PogingInline]
    actions = ["opnieuw_versturen"]

    @admin.action(description="Opnieuw versturen", permissions=["change"])
    def opnieuw_versturen(self, request, queryset):
        result = services.resend(queryset)
        if result.opnieuw:
            self.message_user(
                request,
                f"{result.opnieuw} aflevering(en) worden nu opnieuw verstuurd.",
                messages.SUCCESS,
            )
        if result.al_afgeleverd:
            self.message_user(
                request,
                f"{result.al_afgeleverd} aflevering(en) waren al afgeleverd; die "
                "stuurt Loket niet nog eens.",
                messages.WARNING,
            )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Changing means resending (the action, on the list); the rest is history.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
