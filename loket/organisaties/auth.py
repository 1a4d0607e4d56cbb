from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from loket.organisaties.roles import permissies_voor


class RolBackend(ModelBackend):
    """Password login for staff; permissions come from their roles (``roles.ROLLEN``).

    Demo accounts only work while Loket runs in demo mode, so a demo database that
    ends up in production cannot be entered with the published passwords.
    """

    def user_can_authenticate(self, user) -> bool:
        if getattr(user, "is_demo", False) and not settings.DEMO:
            return False
        return super().user_can_authenticate(user)

    def get_group_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return set(permissies_voor(user_obj.rolcodes))
