from django.contrib.admin.apps import AdminConfig


class LoketAdminConfig(AdminConfig):
    """Django's admin as Loket's *beheer*, behind the staff login with two factors."""

    default_site = "loket.core.admin_site.LoketAdminSite"
