import pytest

from loket.zgw.autorisaties.services import AutorisatieSpec
from loket.zgw.notificaties.tests.subscriber import Subscriber
from tests import zgw as kit

API = "/notificaties/api/v1"


def nrc_client(django_client, label: str, *scopes: str) -> kit.ZgwClient:
    """A client of an application with only these Notificaties API scopes."""
    app = kit.applicatie(
        label=label,
        alles=False,
        autorisaties=[AutorisatieSpec(component="nrc", scopes=list(scopes))],
    )
    return kit.ZgwClient(django_client, app.clients.get().client_id)


@pytest.fixture
def publisher(client, db):
    return nrc_client(client, "Bron", "notificaties.publiceren")


@pytest.fixture
def consumer(client, db):
    return nrc_client(client, "Abonnee", "notificaties.consumeren")


@pytest.fixture
def subscriber():
    server = Subscriber().start()
    yield server
    server.stop()
