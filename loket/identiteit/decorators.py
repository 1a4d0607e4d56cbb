from functools import wraps

from django.contrib.auth.views import redirect_to_login

from loket.identiteit.selectors import is_fully_logged_in


def staff_login_required(view):
    """The page is for staff who completed both login steps."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_fully_logged_in(request):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper
