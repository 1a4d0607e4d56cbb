"""Beheer of API-koppelingen (applicaties): their client ids, secrets and what
they may do, written through ``services`` like the Autorisaties API does.

A secret can be set but is never shown again: the beheer only says whether one is
set. A functional administrator sees and gives autorisaties only for zaaktypen,
informatieobjecttypen and besluittypen of the catalogi of their own gemeenten, and
only platform beheerders give an application all autorisaties (that reaches every
gemeente of the installation).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from loket.zgw.autorisaties import services
from loket.zgw.autorisaties.models import Applicatie, Autorisatie, Client
from loket.zgw.catalogi.admin.service_forms import (
    Refused,
    ServiceAdminMixin,
    adopt,
    labelled,
    with_refusal,
)
from loket.zgw.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ZaakType,
)
from loket.zgw.catalogi.selectors import catalogussen_for

MIN_SECRET = services.MIN_SECRET
ALL_SCOPES = sorted({scope for scopes in services.SCOPES.values() for scope in scopes})
# Names the service uses in its errors, as the inline form calls them.
SPEC_FIELDS = {"maxVertrouwelijkheidaanduiding": "max_vertrouwelijkheidaanduiding"}


def applicaties_for(medewerker):
    """Platform beheerders: all. Others: applications without all autorisaties
    whose typed autorisaties stay within the catalogi of their own gemeenten."""
    applicaties = Applicatie.objects.prefetch_related("clients")
    if medewerker.is_superuser:
        return applicaties
    elders = Catalogus.objects.exclude(pk__in=catalogussen_for(medewerker))
    return (
        applicaties.filter(heeft_alle_autorisaties=False)
        .exclude(autorisaties__zaaktype__catalogus__in=elders)
        .exclude(autorisaties__informatieobjecttype__catalogus__in=elders)
        .exclude(autorisaties__besluittype__catalogus__in=elders)
    )


class ClientForm(forms.ModelForm):
    nieuw_geheim = forms.CharField(
        label="nieuw geheim",
        required=False,
        strip=False,
        widget=forms.PasswordInput(
            render_value=False, attrs={"autocomplete": "new-password"}
        ),
        help_text=f"Minstens {MIN_SECRET} tekens. Vul alleen in om het geheim "
        "(opnieuw) in te stellen; Loket toont het nooit.",
    )

    class Meta:
        model = Client
        fields = ["client_id", "nieuw_geheim"]

    def clean_nieuw_geheim(self):
        secret = self.cleaned_data["nieuw_geheim"]
        if secret and len(secret) < MIN_SECRET:
            raise ValidationError(f"Een geheim heeft minstens {MIN_SECRET} tekens.")
        return secret


class ClientInline(admin.TabularInline):
    model = Client
    form = ClientForm
    fields = ["client_id", "nieuw_geheim", "geheim"]
    readonly_fields = ["geheim"]
    extra = 1
    verbose_name = "client-id"
    verbose_name_plural = "client-id's en geheimen"

    @admin.display(description="geheim")
    def geheim(self, obj: Client) -> str:
        if obj.pk is None:
            return "nog niet opgeslagen"
        status = "ingesteld" if obj.secret else "niet ingesteld"
        return f"{status} (alleen in de demo)" if obj.is_demo else status

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = with_refusal(formset.form, request)
        return labelled(formset, "client-id")


class AutorisatieForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        choices=[(s, s) for s in ALL_SCOPES],
        widget=forms.CheckboxSelectMultiple,
        help_text="Alleen de scopes van het gekozen component gelden.",
    )

    class Meta:
        model = Autorisatie
        fields = [
            "component",
            "scopes",
            "zaaktype",
            "informatieobjecttype",
            "besluittype",
            "max_vertrouwelijkheidaanduiding",
        ]
        help_texts = {
            "zaaktype": "Verplicht bij scopes zaken.* (Zaken API).",
            "informatieobjecttype": "Verplicht bij scopes documenten.* (Documenten "
            "API).",
            "besluittype": "Verplicht bij scopes besluiten.* (Besluiten API).",
            "max_vertrouwelijkheidaanduiding": "De koppeling ziet zaken en "
            "documenten tot en met deze vertrouwelijkheid.",
        }


class TypeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj}, {obj.catalogus}"


class AutorisatieInline(admin.StackedInline):
    model = Autorisatie
    form = AutorisatieForm
    extra = 1

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        models = {
            "zaaktype": ZaakType,
            "informatieobjecttype": InformatieObjectType,
            "besluittype": BesluitType,
        }
        if db_field.name in models:
            return TypeChoiceField(
                queryset=models[db_field.name]
                .objects.filter(catalogus__in=catalogussen_for(request.user))
                .select_related("catalogus"),
                required=False,
                label=db_field.verbose_name,
                help_text=AutorisatieForm.Meta.help_texts[db_field.name],
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = with_refusal(formset.form, request)
        return formset


@admin.register(Applicatie)
class ApplicatieAdmin(ServiceAdminMixin, admin.ModelAdmin):
    fields = ["label", "heeft_alle_autorisaties"]
    inlines = [ClientInline, AutorisatieInline]
    list_display = ["label", "client_ids", "heeft_alle_autorisaties"]
    search_fields = ["label", "clients__client_id"]

    @admin.display(description="client-id's")
    def client_ids(self, obj: Applicatie) -> str:
        return ", ".join(c.client_id for c in obj.clients.all())

    def get_queryset(self, request):
        return applicaties_for(request.user)

    def get_readonly_fields(self, request, obj=None):
        return [] if request.user.is_superuser else ["heeft_alle_autorisaties"]

    def save_model(self, request, obj, form, change):
        """Everything is written at once in save_related, where the inlines are."""

    def save_related(self, request, form, formsets, change):
        clients, autorisaties = formsets
        client_ids, secrets = [], {}
        for row in _kept(clients):
            client_ids.append(row.cleaned_data["client_id"])
            if row.cleaned_data.get("nieuw_geheim"):
                secrets[row.cleaned_data["client_id"]] = row.cleaned_data[
                    "nieuw_geheim"
                ]
        rows = list(_kept(autorisaties))
        specs = [
            services.AutorisatieSpec(
                component=row.cleaned_data["component"],
                scopes=list(row.cleaned_data["scopes"]),
                zaaktype=row.cleaned_data.get("zaaktype"),
                informatieobjecttype=row.cleaned_data.get("informatieobjecttype"),
                besluittype=row.cleaned_data.get("besluittype"),
                max_vertrouwelijkheidaanduiding=row.cleaned_data.get(
                    "max_vertrouwelijkheidaanduiding", ""
                ),
            )
            for row in rows
        ]
        alle = (
            form.instance.heeft_alle_autorisaties
            if request.user.is_superuser
            else False
        )
        try:
            if change:
                applicatie = services.update_applicatie(
                    Applicatie.objects.get(pk=form.instance.pk),
                    label=form.instance.label,
                    client_ids=client_ids,
                    heeft_alle_autorisaties=alle,
                    autorisaties=specs,
                )
            else:
                applicatie = services.create_applicatie(
                    label=form.instance.label,
                    client_ids=client_ids,
                    heeft_alle_autorisaties=alle,
                    autorisaties=specs,
                )
        except ValidationError as exc:
            raise Refused(_placed(exc, rows)) from None
        adopt(form.instance, applicatie)
        for formset in formsets:  # what formset.save() would record, for the log
            formset.new_objects, formset.deleted_objects = [], []
            formset.changed_objects = []
        for client_id, secret in secrets.items():
            services.set_secret(applicatie.clients.get(client_id=client_id), secret)
        if secrets:
            messages.info(
                request,
                "Het geheim is ingesteld. Loket toont het niet meer: geef het nu "
                "veilig door aan de leverancier van de applicatie.",
            )

    def delete_model(self, request, obj):
        services.delete_applicatie(obj)

    def delete_queryset(self, request, queryset):
        for applicatie in queryset:
            services.delete_applicatie(applicatie)


def _kept(formset):
    """The rows that stay: filled in and not marked for deletion."""
    deleted = set(formset.deleted_forms)
    for row in formset.forms:
        if row in deleted or not row.cleaned_data:
            continue
        yield row


def _placed(error: ValidationError, rows: list) -> dict:
    """The service's errors by form: ``autorisaties.<n>.<field>`` on that row,
    the rest on the application itself."""
    by_form: dict = {}
    for key, errors in error.error_dict.items():
        parts = key.split(".")
        if parts[0] == "autorisaties" and len(parts) == 3 and int(parts[1]) < len(rows):
            prefix = rows[int(parts[1])].prefix
            name = SPEC_FIELDS.get(parts[2], parts[2])
        else:
            prefix, name = None, {"client_ids": "client-id's"}.get(key, key)
        by_form.setdefault(prefix, {})[name] = errors
    return {prefix: ValidationError(found) for prefix, found in by_form.items()}
