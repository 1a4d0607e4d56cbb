import pytest

from loket.identiteit.clients import brp
from loket.klantcontact.tests import kit


@pytest.fixture
def w(db):
    return kit.wereld()


@pytest.fixture
def fake_brp(monkeypatch):
    """The BRP as a dict of BSN → Persoon; searches look in it too."""
    personen = {kit.BSN: kit.persoon()}

    def persoon(bsn):
        return personen.get(bsn)

    def zoek_op_naam(geslachtsnaam, geboortedatum):
        return [
            p
            for p in personen.values()
            if p.geslachtsnaam.lower() == geslachtsnaam.lower()
            and p.geboortedatum == geboortedatum
        ]

    def zoek_op_adres(postcode, huisnummer):
        return [
            p
            for p in personen.values()
            if p.adres
            and (p.adres.postcode, p.adres.huisnummer) == (postcode, huisnummer)
        ]

    monkeypatch.setattr(brp, "persoon", persoon)
    monkeypatch.setattr(brp, "zoek_op_naam", zoek_op_naam, raising=False)
    monkeypatch.setattr(brp, "zoek_op_adres", zoek_op_adres, raising=False)
    return personen


@pytest.fixture(autouse=True)
def _leeg_cache():
    """The flood limit counts in the cache; every test starts with none."""
    from django.core.cache import cache

    cache.clear()
