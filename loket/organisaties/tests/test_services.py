from django.core.exceptions import ValidationError

import pytest

from loket.organisaties import services
from loket.organisaties.models import Organisatie
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_gemeente_organisation_serves_exactly_one_gemeente():
    a, b = factories.gemeente(), factories.gemeente()
    with pytest.raises(ValidationError) as error:
        services.create_organisatie(
            naam="Gemeente A en B", soort=Organisatie.Soort.GEMEENTE, gemeenten=[a, b]
        )
    assert "gemeenten" in error.value.message_dict


def test_an_organisation_serves_at_least_one_gemeente():
    with pytest.raises(ValidationError):
        services.create_organisatie(
            naam="Niemand", soort=Organisatie.Soort.WERKORGANISATIE, gemeenten=[]
        )


def test_staff_cannot_join_a_team_of_another_organisation():
    own, other = factories.organisatie(), factories.organisatie()
    foreign_team = services.create_team(organisatie=other, naam="Vergunningen")
    with pytest.raises(ValidationError) as error:
        factories.medewerker(own, teams=[foreign_team])
    assert "Vergunningen" in str(error.value)


def test_staff_email_is_stored_in_lower_case_and_unique():
    organisatie = factories.organisatie()
    factories.medewerker(organisatie, email="J.Jansen@Gemeente.test")
    with pytest.raises(ValidationError):
        factories.medewerker(organisatie, email="j.jansen@gemeente.test")


def test_staff_without_organisation_must_be_platform_beheerder():
    with pytest.raises(ValidationError) as error:
        services.create_medewerker(email="x@y.test", naam="X", organisatie=None)
    assert "organisatie" in error.value.message_dict


def test_new_staff_without_password_cannot_log_in_until_they_choose_one():
    medewerker = factories.medewerker(password=None)
    assert not medewerker.has_usable_password()


def test_createsuperuser_makes_a_platform_beheerder_without_organisation(monkeypatch):
    from django.core.management import call_command

    from loket.organisaties.models import Medewerker

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "een-heel-lang-wachtwoord")
    call_command(
        "createsuperuser",
        interactive=False,
        email="Beheer@Gemeente.test",
        naam="Platform",
        verbosity=0,
    )
    beheerder = Medewerker.objects.get(email="beheer@gemeente.test")
    assert beheerder.is_superuser and beheerder.is_staff
    assert beheerder.organisatie is None
    assert beheerder.check_password("een-heel-lang-wachtwoord")
