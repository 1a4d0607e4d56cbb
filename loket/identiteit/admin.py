from django.contrib import admin

from django_otp.plugins.otp_totp.models import TOTPDevice

from loket.identiteit import services
from loket.identiteit.models import Inlogpoging, OidcKoppeling
from loket.organisaties import selectors as organisaties

# django-otp's own admin can show anyone's secret as a QR code, which would let a
# beheerder log in as someone else. Lost phones are reset from the medewerker list.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(Inlogpoging)
class InlogpogingAdmin(admin.ModelAdmin):
    """For the security officer: who tried to log in, from where, with what result."""

    list_display = ["tijdstip", "email", "stap", "uitkomst", "ip_adres"]
    list_filter = ["uitkomst", "stap"]
    search_fields = ["email", "ip_adres"]
    date_hierarchy = "tijdstip"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        # Attempts on accounts of other organisations are not this officer's.
        return queryset.filter(medewerker__organisatie=request.user.organisatie_id)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OidcKoppeling)
class OidcKoppelingAdmin(admin.ModelAdmin):
    """For the functional administrator: how residents and businesses of their
    gemeenten log in. The client secret is an environment variable, named here."""

    list_display = ["gemeente", "middel", "issuer", "minimum_niveau", "actief"]
    list_filter = ["middel", "actief"]
    fieldsets = [
        (None, {"fields": ["gemeente", "middel", "actief", "minimum_niveau"]}),
        (
            "Provider",
            {"fields": ["issuer", "client_id", "client_secret_env", "scopes"]},
        ),
        (
            "Claims",
            {
                "description": "De namen van de gegevens in het ID-token van de "
                "provider. Een naam met punten (a.b) zoekt in een genest gegeven.",
                "fields": [
                    "claim_bsn",
                    "claim_kvk",
                    "claim_vestiging",
                    "claim_niveau",
                    "claim_naam",
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        gemeenten = organisaties.gemeenten_for(request.user)
        return super().get_queryset(request).filter(gemeente__in=gemeenten)

    def get_readonly_fields(self, request, obj=None):
        return ["gemeente", "middel"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "gemeente":
            kwargs["queryset"] = organisaties.gemeenten_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        fields = {
            name: form.cleaned_data[name]
            for name in form.cleaned_data
            if name not in ("gemeente", "middel", "issuer", "client_id")
        }
        koppeling, _ = services.save_oidc_koppeling(
            gemeente=obj.gemeente,
            middel=obj.middel,
            issuer=form.cleaned_data["issuer"],
            client_id=form.cleaned_data["client_id"],
            **fields,
        )
        obj.__dict__.update(koppeling.__dict__)
