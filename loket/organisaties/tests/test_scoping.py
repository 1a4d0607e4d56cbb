"""A staff member belongs to one organisation and sees only the gemeenten it serves."""

import pytest

from loket.organisaties import selectors
from loket.organisaties.models import Organisatie
from loket.organisaties.roles import Rolcode
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """A werkorganisatie serving A and B; gemeente C with its own organisation."""
    a, b, c = factories.gemeente(), factories.gemeente(), factories.gemeente()
    werkorganisatie = factories.organisatie(a, b)
    eigen_c = factories.organisatie(c)
    return {
        "a": a,
        "b": b,
        "c": c,
        "werkorganisatie": werkorganisatie,
        "eigen_c": eigen_c,
        "beheerder": factories.medewerker(
            werkorganisatie, rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,)
        ),
        "beheerder_c": factories.medewerker(
            eigen_c, rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,)
        ),
    }


def test_werkorganisatie_staff_see_both_gemeenten_it_serves(world):
    seen = set(selectors.gemeenten_for(world["beheerder"]))
    assert seen == {world["a"], world["b"]}


def test_staff_of_another_gemeente_see_only_their_own(world):
    assert list(selectors.gemeenten_for(world["beheerder_c"])) == [world["c"]]


def test_a_gemeente_served_by_two_organisations_is_seen_by_both(world):
    shared = factories.organisatie(
        world["c"], world["a"], soort=Organisatie.Soort.WERKORGANISATIE
    )
    medewerker = factories.medewerker(shared)
    assert set(selectors.gemeenten_for(medewerker)) == {world["a"], world["c"]}


def test_inactive_staff_see_nothing(world):
    world["beheerder"].is_active = False
    assert not selectors.gemeenten_for(world["beheerder"]).exists()


def test_platform_beheerder_sees_every_gemeente(world):
    platform = factories.medewerker(rollen=(), is_superuser=True, organisatie=None)
    assert set(selectors.gemeenten_for(platform)) == {
        world["a"],
        world["b"],
        world["c"],
    }


def test_staff_lists_hold_only_colleagues_of_the_own_organisation(world):
    colleagues = set(selectors.medewerkers_for(world["beheerder"]))
    assert world["beheerder"] in colleagues
    assert world["beheerder_c"] not in colleagues


def test_read_only_role_has_no_change_permissions(world):
    raadslid = factories.medewerker(world["eigen_c"], rollen=(Rolcode.BESTUURDER,))
    assert not any(
        perm.split(".")[1].startswith(("add_", "change_", "delete_"))
        for perm in raadslid.get_all_permissions()
    )
    assert not raadslid.is_staff


def test_functional_beheerder_may_change_gemeenten_but_not_create_them(world):
    beheerder = world["beheerder"]
    assert beheerder.has_perm("organisaties.change_gemeente")
    assert not beheerder.has_perm("organisaties.add_gemeente")
    assert not beheerder.has_perm("organisaties.delete_gemeente")
