"""Staff suspend, resume and extend a zaak through the services: with a reason,
within what the zaaktype allows, and the deadlines move with it."""

from datetime import date

from django.core.exceptions import ValidationError

import pytest

from loket.zgw.registers.models import AuditTrail
from loket.zgw.registers.services import Actor
from loket.zgw.zaken import services
from tests import zgw_data

pytestmark = pytest.mark.django_db
BEHANDELAAR = Actor(
    gebruikers_id="b.devries@duinwaard.demo", gebruikers_weergave="B. de Vries"
)


@pytest.fixture
def cat():
    return zgw_data.catalogue()


def codes(error: ValidationError) -> set[str]:
    return {e.code for errors in error.error_dict.values() for e in errors}


def test_a_suspension_adds_its_days_to_the_deadlines(cat):
    zaak = zgw_data.zaak(cat)  # started 2026-03-02: deadlines 2026-03-16 and 2026-04-27
    services.suspend_zaak(
        zaak, actor=BEHANDELAAR, reden="Wacht op foto van de auto", op=date(2026, 3, 5)
    )
    zaak.refresh_from_db()
    assert zaak.opschorting_indicatie is True
    assert zaak.opschorting_reden == "Wacht op foto van de auto"

    services.resume_zaak(zaak, actor=BEHANDELAAR, op=date(2026, 3, 15))
    zaak.refresh_from_db()
    assert zaak.opschorting_indicatie is False
    assert zaak.einddatum_gepland == date(2026, 3, 26)
    assert zaak.uiterlijke_einddatum_afdoening == date(2026, 5, 7)
    trail = AuditTrail.objects.filter(hoofd_object_uuid=zaak.uuid).order_by("pk")
    assert trail.last().gebruikers_weergave == "B. de Vries"


def test_an_extension_moves_the_deadlines_once_and_within_the_term(cat):
    zaak = zgw_data.zaak(cat)
    with pytest.raises(ValidationError) as too_long:
        services.extend_zaak(zaak, actor=BEHANDELAAR, reden="Advies nodig", duur="P5W")
    assert codes(too_long.value) == {"verlenging-te-lang"}

    services.extend_zaak(zaak, actor=BEHANDELAAR, reden="Advies nodig", duur="P2W")
    zaak.refresh_from_db()
    assert zaak.verlenging_duur == "P2W"
    assert zaak.uiterlijke_einddatum_afdoening == date(2026, 5, 11)

    with pytest.raises(ValidationError) as again:
        services.extend_zaak(zaak, actor=BEHANDELAAR, reden="Nog eens", duur="P1W")
    assert codes(again.value) == {"al-verlengd"}


def test_what_the_zaaktype_does_not_allow_is_refused(cat):
    cat.zaaktype.opschorting_en_aanhouding_mogelijk = False
    cat.zaaktype.verlenging_mogelijk = False
    cat.zaaktype.save()
    zaak = zgw_data.zaak(cat)
    with pytest.raises(ValidationError) as suspend:
        services.suspend_zaak(zaak, actor=BEHANDELAAR, reden="Wachten")
    assert codes(suspend.value) == {"opschorting-niet-mogelijk"}
    with pytest.raises(ValidationError) as extend:
        services.extend_zaak(zaak, actor=BEHANDELAAR, reden="Drukte", duur="P1W")
    assert codes(extend.value) == {"verlenging-niet-mogelijk"}


def test_a_reason_is_required(cat):
    zaak = zgw_data.zaak(cat)
    with pytest.raises(ValidationError) as error:
        services.suspend_zaak(zaak, actor=BEHANDELAAR, reden="  ")
    assert codes(error.value) == {"required"}
