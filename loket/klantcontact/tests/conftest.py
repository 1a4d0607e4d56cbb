import pytest

from loket.klantcontact.tests import kit


@pytest.fixture
def w(db):
    return kit.wereld()


@pytest.fixture(autouse=True)
def _leeg_cache():
    """The flood limit counts in the cache; every test starts with none."""
    from django.core.cache import cache

    cache.clear()
