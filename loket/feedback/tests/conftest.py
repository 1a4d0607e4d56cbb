import pytest

from loket.feedback.tests import kit


@pytest.fixture
def w(db):
    return kit.wereld()
