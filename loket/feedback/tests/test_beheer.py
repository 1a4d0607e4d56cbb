"""The functional administrator keeps the survey settings of the gemeenten the
organisation serves in the beheer: on or off, wachtperiode, thresholds and the
team that calls back."""

import pytest

from loket.feedback.models import Feedbackinstelling
from loket.organisaties.roles import Rolcode
from tests import factories

pytestmark = pytest.mark.django_db

ADD = "/beheer/feedback/feedbackinstelling/add/"


def _velden(w, **extra):
    return {
        "gemeente": w.duinwaard.pk,
        "actief": "on",
        "wachtperiode_dagen": "60",
        "geldig_dagen": "14",
        "drempel_laag": "3",
        "drempel_hoog": "10",
        "team": w.klantcontactcentrum.pk,
        **extra,
    }


def test_the_functioneel_beheerder_keeps_the_survey_settings(client, staff_login, w):
    beheerder = factories.medewerker(
        w.organisatie, rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,)
    )
    staff_login(client, beheerder)
    formulier = client.get(ADD).content.decode()
    assert "Duinwaard" in formulier and "Elders" not in formulier

    fout = client.post(ADD, _velden(w, drempel_hoog="3"))
    assert fout.status_code == 200
    assert "Dit cijfer moet hoger zijn dan het cijfer" in fout.content.decode()

    assert client.post(ADD, _velden(w)).status_code == 302
    instelling = Feedbackinstelling.objects.get()
    assert (
        instelling.gemeente,
        instelling.wachtperiode_dagen,
        instelling.geldig_dagen,
        instelling.drempel_laag,
        instelling.team,
    ) == (w.duinwaard, 60, 14, 3, w.klantcontactcentrum)

    wijzig = f"/beheer/feedback/feedbackinstelling/{instelling.pk}/change/"
    uit = {k: v for k, v in _velden(w).items() if k not in ("gemeente", "actief")}
    assert client.post(wijzig, uit).status_code == 302
    instelling.refresh_from_db()
    assert not instelling.actief
    assert Feedbackinstelling.objects.count() == 1


def test_other_roles_do_not_keep_the_survey_settings(client, staff_login, w):
    staff_login(client, w.teamleider)
    assert client.get(ADD).status_code == 403
