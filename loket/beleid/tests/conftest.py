import pytest

from loket.beleid.tests import kit


@pytest.fixture
def w(db):
    return kit.wereld()
