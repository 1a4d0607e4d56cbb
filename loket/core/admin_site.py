from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from loket.identiteit.selectors import is_fully_logged_in


class LoketAdminSite(admin.AdminSite):
    site_header = "Loket beheer"
    site_title = "Loket beheer"
    index_title = "Inrichting"

    def has_permission(self, request) -> bool:
        """Only staff who passed both login steps (when required) and whose roles
        have something to manage here."""
        return is_fully_logged_in(request) and request.user.is_staff

    def login(self, request, extra_context=None):
        """One login for all staff: the beheer sends people to it. Someone already
        logged in whose roles give no beheer gets a plain refusal, not a loop."""
        if is_fully_logged_in(request):
            raise PermissionDenied
        target = request.GET.get("next") or reverse("admin:index")
        query = urlencode({"next": target})
        return redirect(f"{reverse('identiteit:login')}?{query}")

    def logout(self, request, extra_context=None):
        return redirect("identiteit:logout")
