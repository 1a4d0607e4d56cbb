"""The `loket` command group (run and serve are exercised by tests/e2e)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from loket.identiteit.models import Inlogpoging
from loket.identiteit.tasks import send_lockout_notice

pytestmark = pytest.mark.django_db


def test_opschonen_removes_only_what_is_past_its_retention(settings, capsys):
    now = timezone.now()
    old = Inlogpoging.objects.create(
        email="a@b.test",
        stap=Inlogpoging.Stap.WACHTWOORD,
        uitkomst=Inlogpoging.Uitkomst.MISLUKT,
        tijdstip=now - timedelta(days=settings.LOGIN_ATTEMPTS_KEEP_DAYS + 1),
    )
    recent = Inlogpoging.objects.create(
        email="a@b.test",
        stap=Inlogpoging.Stap.WACHTWOORD,
        uitkomst=Inlogpoging.Uitkomst.MISLUKT,
    )
    send_lockout_notice.enqueue(0, now.isoformat())
    send_lockout_notice.enqueue(0, now.isoformat())
    finished_long_ago = now - timedelta(days=settings.TASK_RESULTS_KEEP_DAYS + 1)
    first, second = DBTaskResult.objects.all()
    DBTaskResult.objects.filter(pk=first.pk).update(
        status="SUCCESSFUL", finished_at=finished_long_ago
    )

    call_command("loket", "opschonen")

    assert list(Inlogpoging.objects.all()) == [recent]
    assert not Inlogpoging.objects.filter(pk=old.pk).exists()
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [second.pk]
    assert "1 inlogpogingen ouder dan" in capsys.readouterr().out


def test_demo_subcommand_refuses_outside_demo_mode():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="LOKET_DEMO=true"):
        call_command("loket", "demo")


def test_opschonen_removes_drafts_past_their_expiry(capsys):
    from loket.formulieren.models import Concept
    from loket.formulieren.tests import maken
    from tests import zgw_data

    formulier = maken.formulier(zgw_data.catalogue())
    verlopen = maken.concept(formulier)
    Concept.objects.filter(pk=verlopen.pk).update(
        verloopt_op=timezone.now() - timedelta(minutes=1)
    )
    lopend = maken.concept(formulier, eigenaar=maken.Eigenaar(bsn="999990019"))

    call_command("loket", "opschonen")

    assert list(Concept.objects.values_list("pk", flat=True)) == [lopend.pk]
    assert "1 niet verstuurde formulieren verwijderd" in capsys.readouterr().out
