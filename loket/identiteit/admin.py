from django.contrib import admin

from django_otp.plugins.otp_totp.models import TOTPDevice

from loket.identiteit.models import Inlogpoging

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
