import pytest

from loket.sturing.tests import weergave_data


@pytest.fixture
def w(db) -> weergave_data.Wereld:
    """The world of ``weergave_data`` with its known counts of Duinwaard, for the
    tests of the pages. Tests of the counts themselves bring their own ``w``
    (from ``data``)."""
    wereld = weergave_data.wereld()
    weergave_data.tellingen(wereld.duinwaard)
    return wereld
