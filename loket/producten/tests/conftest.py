import pytest

from tests import factories


@pytest.fixture
def zeestad():
    return factories.gemeente(naam="Zeestad", telefoonnummer="14 0123")


@pytest.fixture
def bosdorp():
    return factories.gemeente(naam="Bosdorp")


@pytest.fixture
def werkorganisatie(zeestad, bosdorp):
    return factories.organisatie(zeestad, bosdorp, naam="Werkorganisatie Zee-Bos")
