"""The indicators that come from the Zaken register, proved on small hand-made sets
of zaken made and closed through the Zaken services: the counts follow every
change in the transaction of that change."""

from datetime import date

import pytest

from loket.sturing import indicatoren, zaakfeiten
from loket.sturing.indicatoren import Meting, Periode, meet, uitsplitsing
from loket.sturing.models import Telling, Zaakfeit
from loket.sturing.tests import data
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken

pytestmark = pytest.mark.django_db

MAART = Periode.maand(2026, 3)
APRIL = Periode.maand(2026, 4)
KWARTAAL = Periode.kwartaal(2026, 1)


@pytest.fixture
def w():
    return data.wereld()


def test_zaken_online_is_the_share_started_through_the_website(w):
    for via in ["Website/e-formulier"] * 3 + ["Balie", None]:
        data.zaak(w.vergunning, date(2026, 3, 10), via=via)
    data.zaak(w.vergunning, date(2026, 4, 1), via="Balie")  # another month

    assert meet("zaken-online", [w.gemeente], MAART) == Meting(60.0, 5, False, "%")
    assert meet("zaken-online", [w.gemeente], APRIL).onderdrukt
    assert meet("zaken-online", [w.gemeente], KWARTAAL) == Meting(60.0, 5, False, "%")
    # Per channel: each channel's share of all zaken.
    assert [
        (k, m.waarde)
        for k, _, m in uitsplitsing("zaken-online", [w.gemeente], MAART, "kanaal")
    ] == [("web", 60.0), ("balie", 20.0), ("overig", 20.0)]
    # meet with a channel: that channel's share.
    assert meet("zaken-online", [w.gemeente], MAART, kanaal="balie").waarde == 20.0
    uitleg = indicatoren.INDICATOREN["zaken-online"].uitleg(
        meet("zaken-online", [w.gemeente], MAART)
    )
    assert uitleg == "3 van de 5 zaken kwamen online binnen."


def test_a_share_of_four_zaken_is_suppressed_and_of_five_shown(w):
    for _ in range(4):
        data.zaak(w.vergunning, date(2026, 3, 10), via="Website/e-formulier")
    vier = meet("zaken-online", [w.gemeente], MAART)
    assert vier == Meting(None, 4, True, "%")
    assert vier.tekst == "te weinig antwoorden"

    data.zaak(w.vergunning, date(2026, 3, 11), via="Balie")
    assert meet("zaken-online", [w.gemeente], MAART) == Meting(80.0, 5, False, "%")


def test_doorlooptijd_is_the_exact_median_in_days_of_zaken_closed_in_the_period(w):
    for dagen in [3, 10, 12, 40]:
        data.afgerond(w.vergunning, date(2026, 1, 5), dagen)
    data.afgerond(w.vergunning, date(2025, 11, 1), 90)  # closed 30 January
    # Closed in another period: not counted in the first quarter.
    data.afgerond(w.vergunning, date(2026, 3, 20), 20)

    meting = meet("doorlooptijd", [w.gemeente], KWARTAAL)
    assert meting == Meting(12.0, 5, False, "dagen")
    assert meting.tekst == "12 dagen"
    assert meet("doorlooptijd", [w.gemeente], APRIL) == Meting(None, 1, True, "dagen")


def test_an_even_group_has_the_mean_of_the_two_middle_lead_times(w):
    for dagen in [1, 2, 3, 4, 5]:
        data.afgerond(w.vergunning, date(2026, 1, 5), dagen)
    data.afgerond(w.vergunning, date(2025, 10, 1), 100)
    meting = meet("doorlooptijd", [w.gemeente], KWARTAAL)
    assert meting.waarde == 3.5
    assert meting.tekst == "3,5 dagen"


def test_binnen_servicenorm_uses_the_servicenorm_of_the_zaaktype(w):
    # servicenorm P2W: 14 days from the startdatum is still within.
    for dagen in [3, 10, 14, 15, 40]:
        data.afgerond(w.vergunning, date(2026, 1, 5), dagen)
    assert meet("binnen-servicenorm", [w.gemeente], KWARTAAL) == Meting(
        60.0, 5, False, "%"
    )


def test_without_a_servicenorm_the_doorlooptijd_is_the_norm(db):
    w = data.wereld(servicenorm=None)  # doorlooptijd P8W = 56 days
    for dagen in [3, 10, 56, 57, 90]:
        data.afgerond(w.vergunning, date(2026, 1, 2), dagen)
    assert meet("binnen-servicenorm", [w.gemeente], Periode.jaar(2026)).waarde == 60


def test_splitting_by_product_names_the_zaaktype(w):
    for dagen in [1, 2, 3, 4, 5]:
        data.afgerond(w.vergunning, date(2026, 3, 2), dagen)
    data.afgerond(w.klacht, date(2026, 3, 2), 7)
    rijen = uitsplitsing("doorlooptijd", [w.gemeente], MAART, "product")
    assert [(k, label, m.waarde, m.aantal) for k, label, m in rijen] == [
        ("KLACHT", "Klacht over de dienstverlening", None, 1),
        ("PARKEER", "Parkeervergunning", 3.0, 5),
    ]
    assert meet("doorlooptijd", [w.gemeente], MAART, product="PARKEER").waarde == 3.0


def test_klachten_and_bezwaren_are_counted_by_their_zaaktype(w):
    for _ in range(3):
        data.zaak(w.klacht, date(2026, 3, 4), via="Telefoon")
    data.zaak(w.klacht, date(2026, 3, 5), via="Website/e-formulier")
    data.zaak(w.bezwaar, date(2026, 3, 6), via="Post")
    data.zaak(w.vergunning, date(2026, 3, 6))

    klachten = meet("klachten", [w.gemeente], MAART)
    assert klachten == Meting(4, 4, False, "aantal")
    assert klachten.tekst == "4"
    assert meet("bezwaren", [w.gemeente], MAART).waarde == 1
    assert [
        (k, m.waarde)
        for k, _, m in uitsplitsing("klachten", [w.gemeente], MAART, "kanaal")
    ] == [("web", 1), ("telefoon", 3)]
    # Staff see 4; what is published does not give a count below 5.
    openbaar = indicatoren.openbaar(klachten)
    assert openbaar == Meting(None, 0, True, "aantal")
    assert openbaar.tekst == "minder dan 5"
    data.zaak(w.klacht, date(2026, 3, 9))
    assert indicatoren.openbaar(meet("klachten", [w.gemeente], MAART)).waarde == 5
    # Nothing at all is a count of 0, also in public.
    assert indicatoren.openbaar(meet("klachten", [w.gemeente], APRIL)).waarde == 0


def test_reopening_and_closing_again_counts_the_zaak_once_at_its_new_end(w):
    z = data.afgerond(w.vergunning, date(2026, 3, 2), 5)
    data.status(z, "Ontvangen", date(2026, 3, 9))  # reopen
    assert data.tellingen(meetpunt="zaak_afgerond") == set()
    data.sluit(z, date(2026, 4, 20))
    data.sluit(z, date(2026, 4, 20))  # the same end status once more
    assert data.tellingen(meetpunt="zaak_afgerond") == {
        (w.gemeente.pk, "zaak_afgerond", date(2026, 4, 1), "balie", "PARKEER", 49, 1, 0)
    }
    assert data.tellingen(meetpunt="zaak_gestart") == {
        (w.gemeente.pk, "zaak_gestart", date(2026, 3, 1), "balie", "PARKEER", 0, 1, 0)
    }
    # Recomputing a feit that did not change changes nothing.
    voor = data.tellingen()
    zaakfeiten.bijwerken(z.uuid)
    assert data.tellingen() == voor
    assert (
        data.totalen()
        == data.totalen_uit_tellingen()
        == {
            (w.gemeente.pk, "zaak_gestart", date(2026, 3, 1), 0, 1, 0, 0),
            (w.gemeente.pk, "zaak_afgerond", date(2026, 4, 1), 49, 1, 0, 0),
        }
    )


def test_the_month_totals_follow_every_change_of_the_counts(w):
    for dagen, via in [(3, "Website/e-formulier"), (3, "Balie"), (20, None)]:
        data.afgerond(w.vergunning, date(2026, 3, 2), dagen, via=via)
    heropend = data.afgerond(
        w.vergunning, date(2026, 3, 2), 3, via="Website/e-formulier"
    )
    data.status(heropend, "Ontvangen", date(2026, 3, 9))
    data.zaak(w.klacht, date(2026, 3, 3), via="Website/e-formulier")
    zaken.delete_zaak(data.zaak(w.bezwaar, date(2026, 3, 3)), actor=LOKET)
    assert data.totalen() == data.totalen_uit_tellingen()
    assert (w.gemeente.pk, "zaak_gestart", date(2026, 3, 1), 0, 5, 0, 3) in (
        data.totalen()
    )


def test_lead_times_above_sixty_days_are_counted_per_week(w):
    for dagen in [60, 61, 67, 68, 74, 400]:
        data.afgerond(w.vergunning, date(2025, 1, 2), dagen)
    assert sorted(
        Telling.objects.filter(meetpunt="zaak_afgerond").values_list("waarde", "aantal")
    ) == [(60, 1), (61, 2), (68, 2), (365, 1)]
    assert meet("doorlooptijd", [w.gemeente], Periode.jaar(2025)).waarde == 61


def test_a_destroyed_zaak_leaves_the_counts(w):
    z = data.afgerond(w.vergunning, date(2026, 3, 2), 5)
    ander = data.zaak(w.vergunning, date(2026, 3, 2))
    zaken.delete_zaak(z, actor=LOKET)
    assert not Zaakfeit.objects.filter(zaak_id=z.pk).exists()
    assert data.tellingen() == {
        (w.gemeente.pk, "zaak_gestart", date(2026, 3, 1), "balie", "PARKEER", 0, 1, 0)
    }
    assert Zaakfeit.objects.get().zaak_id == ander.pk


def test_gemeenten_together_and_apart(w):
    ander = data.wereld()
    for _ in range(3):
        data.zaak(w.vergunning, date(2026, 3, 2), via="Website/e-formulier")
        data.zaak(ander.vergunning, date(2026, 3, 2), via="Balie")
    assert meet("zaken-online", [w.gemeente, ander.gemeente], MAART).waarde == 50.0
    assert meet("zaken-online", [w.gemeente], MAART).onderdrukt
