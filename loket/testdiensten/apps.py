from django.apps import AppConfig


class TestdienstenConfig(AppConfig):
    """Local stand-ins for national services, for the demo and the tests only:
    a test identity provider (OpenID Connect, DigiD/eHerkenning test identities)
    and servers that speak the Haal Centraal BRP, KvK and BAG APIs with the
    official test persons and companies. Never switched on in production."""

    name = "loket.testdiensten"
    label = "testdiensten"
    verbose_name = "Testdiensten (alleen demo en tests)"
