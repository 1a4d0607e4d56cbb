"""Demo of the satisfaction survey: the settings of the demo gemeenten (call-backs
to the Klantcontactcentrum; no wachtperiode, see ``load``) and an open invitation
for Floris Kierkegaard in Duinwaard, so Mijn Loket shows it. Idempotent. The
history of answers is made by ``loket.demo.geschiedenis`` with
``services.bewaar_antwoorden_bulk``.

Runs after the klantcontact demo: the invitation is about the answered
webvraag of Floris there."""

from django.utils import timezone

from loket.feedback import services
from loket.feedback.models import Feedbackinstelling, Uitnodiging
from loket.klantcontact.models import Webvraag
from loket.organisaties.models import Team

FLORIS = "999991097"
TEAM = "Klantcontactcentrum"


def load(gemeenten: dict, report) -> None:
    for gemeente in gemeenten.values():
        nieuw = not Feedbackinstelling.objects.filter(gemeente=gemeente).exists()
        if nieuw:
            team = Team.objects.filter(
                organisatie__gemeenten=gemeente, naam=TEAM
            ).first()
            # Without a wachtperiode: whoever tries the demo gets the survey each
            # time a zaak of Floris closes, although he already has one open. A
            # real gemeente starts with the default (90 days), set in the beheer.
            services.zet_instelling(gemeente, team=team, wachtperiode_dagen=0)
        report.note(nieuw, f"instelling tevredenheidsonderzoek {gemeente.naam}")
    duinwaard = gemeenten.get("duinwaard")
    if duinwaard is not None:
        _uitnodiging_floris(duinwaard, report)


def _uitnodiging_floris(duinwaard, report) -> None:
    open_ = Uitnodiging.objects.filter(
        gemeente=duinwaard, bsn=FLORIS, beantwoord=False, geldig_tot__gt=timezone.now()
    )
    if open_.exists():
        report.note(False, "uitnodiging tevredenheidsonderzoek voor Floris")
        return
    webvraag = (
        Webvraag.objects.filter(
            gemeente=duinwaard, bsn=FLORIS, status=Webvraag.Status.BEANTWOORD
        )
        .order_by("-beantwoord_op")
        .first()
    )
    uitnodiging = (
        services.webvraag_beantwoord(webvraag, mailen=False) if webvraag else None
    )
    report.note(
        uitnodiging is not None, "uitnodiging tevredenheidsonderzoek voor Floris"
    )
