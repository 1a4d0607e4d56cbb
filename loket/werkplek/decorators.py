from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from loket.identiteit.selectors import is_fully_logged_in
from loket.werkplek import toegang


def medewerker_required(check=toegang.heeft_werkplek):
    """The page is for staff who completed both login steps and pass ``check``
    (by default: a role with a werkplek); others get the 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not is_fully_logged_in(request):
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise PermissionDenied(
                    "Deze pagina hoort niet bij uw rol. Vraag de functioneel "
                    "beheerder als u denkt dat dat niet klopt."
                )
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


werkplek_required = medewerker_required()
