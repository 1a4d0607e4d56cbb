"""The test services exist only where LOKET_TESTDIENSTEN is on."""

from functools import wraps

from django.conf import settings
from django.http import Http404


def testdienst(view):
    """A view of a test service: 404 unless the test services are switched on,
    checked on every request (tests switch them with override_settings)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.TESTDIENSTEN:
            raise Http404("De testdiensten staan uit.")
        return view(request, *args, **kwargs)

    return wrapper
