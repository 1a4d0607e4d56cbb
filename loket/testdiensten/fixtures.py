"""pytest fixture ``testdiensten``: the test services on pytest-django's live
server, with the prefill clients pointed at them and a helper that gives a
gemeente its DigiD/eHerkenning connection to the test identity provider.

Registered as a plugin in the root conftest.py. Tests that use it need
``@pytest.mark.django_db(transaction=True)``: the live server answers from another
thread and must see what the test wrote.
"""

from dataclasses import dataclass

import pytest

from loket.identiteit import oidc
from loket.testdiensten import keys


@dataclass
class Testdiensten:
    url: str

    def koppel(self, gemeente, middel: str = "digid", **fields):
        """Give ``gemeente`` a connection to the test identity provider."""
        from loket.identiteit import services

        koppeling, _ = services.save_oidc_koppeling(
            gemeente=gemeente,
            middel=middel,
            issuer=keys.issuer(),
            client_id=f"loket-{gemeente.slug}-{middel}",
            **fields,
        )
        return koppeling


@pytest.fixture
def testdiensten(live_server, settings):
    settings.TESTDIENSTEN = True
    settings.BASE_URL = live_server.url
    for service, path in keys.TEST_SERVER_PATHS.items():
        setattr(settings, f"{service.upper()}_URL", live_server.url + path)
        setattr(settings, f"{service.upper()}_API_KEY", keys.api_key(service))
    oidc.clear_caches()
    yield Testdiensten(url=live_server.url)
    oidc.clear_caches()
