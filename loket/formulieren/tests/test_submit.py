"""Submitting: one transaction that makes the whole zaak, or nothing."""

import threading

from django.core.exceptions import ValidationError
from django.db import connection, connections

import pytest

from loket.formulieren import services
from loket.formulieren.models import Concept, Inzending, Kanaal, Veld
from loket.formulieren.tests import maken
from loket.zgw.catalogi.models import ZaakType
from loket.zgw.documenten.models import EnkelvoudigInformatieObject
from loket.zgw.notificaties.models import Notificatie
from loket.zgw.referentielijsten.models import Communicatiekanaal
from loket.zgw.registers.models import AuditTrail
from loket.zgw.zaken.models import (
    Rol,
    Status,
    Zaak,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakObject,
)
from tests import zgw_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat():
    return zgw_data.catalogue()


@pytest.fixture
def formulier(cat):
    return maken.formulier(cat)


def submit(concept, **kwargs):
    kwargs.setdefault("kanaal", Kanaal.WEB)
    kwargs.setdefault("verklaard", True)
    return services.submit(
        concept, actor=kwargs.pop("actor", services.actor_voor(concept)), **kwargs
    )


def test_a_submission_becomes_one_complete_zaak(cat, formulier):
    web = Communicatiekanaal.objects.create(naam="Website/e-formulier")
    concept = maken.ingevuld(formulier)

    inzending = submit(concept)

    zaak = Zaak.objects.get()
    assert (inzending.zaak_uuid, inzending.zaak_identificatie) == (
        zaak.uuid,
        zaak.identificatie,
    )
    assert zaak.zaaktype == cat.zaaktype
    assert zaak.bronorganisatie == cat.gemeente.rsin
    assert zaak.communicatiekanaal == web
    assert inzending.einddatum_verwacht == zaak.einddatum_gepland is not None
    rol = Rol.objects.get(zaak=zaak)
    assert (rol.omschrijving_generiek, rol.betrokkene_type, rol.inp_bsn) == (
        "initiator",
        "natuurlijk_persoon",
        maken.BSN,
    )
    assert list(ZaakEigenschap.objects.values_list("naam", "waarde")) == [
        ("kenteken", "AB-123-C")
    ]
    zaakobject = ZaakObject.objects.get(zaak=zaak)
    assert zaakobject.object_type == "adres"
    assert zaakobject.object_identificatie["postcode"] == "1234AB"
    assert zaakobject.object_identificatie["gorOpenbareRuimteNaam"] == "Dorpsstraat"
    status = Status.objects.get(zaak=zaak)
    assert status.statustype.volgnummer == 1 and status.gezetdoor == rol
    documenten = {
        zio.informatieobject.pk: zio
        for zio in ZaakInformatieObject.objects.filter(zaak=zaak)
    }
    versies = EnkelvoudigInformatieObject.objects.filter(
        informatieobject__in=documenten, laatste=True
    )
    assert sorted(v.bestandsnaam for v in versies) == [
        f"aanvraag-{zaak.identificatie}.pdf",
        "kenteken.pdf",
    ]
    for versie in versies:
        with versie.inhoud.open("rb") as f:
            assert f.read(5) == b"%PDF-"
    assert inzending.antwoorden["werkgever"] == "Bakkerij Bol"
    assert inzending.kanaal == Kanaal.WEB


def test_the_outbox_holds_the_notificaties_of_the_zaak(formulier):
    concept = maken.ingevuld(formulier)
    voor = Notificatie.objects.count()

    inzending = submit(concept)

    nieuw = Notificatie.objects.order_by("pk")[voor:]
    zaken = {(n.resource, n.actie) for n in nieuw if n.kanaal == "zaken"}
    assert {
        ("zaak", "create"),
        ("rol", "create"),
        ("zaakeigenschap", "create"),
        ("zaakobject", "create"),
        ("zaakinformatieobject", "create"),
        ("status", "create"),
    } <= zaken
    assert any(n.kanaal == "documenten" for n in nieuw)
    assert all(
        str(inzending.zaak_uuid) in n.hoofd_object for n in nieuw if n.kanaal == "zaken"
    )


def test_a_second_submit_returns_the_same_inzending_and_zaak(formulier):
    concept = maken.ingevuld(formulier)

    eerste = submit(concept)
    tweede = submit(Concept.objects.get(pk=concept.pk))

    assert eerste.pk == tweede.pk
    assert Zaak.objects.count() == 1
    assert Inzending.objects.count() == 1


def test_a_failure_halfway_leaves_nothing_and_keeps_the_draft(formulier):
    concept = maken.ingevuld(formulier)
    antwoorden = dict(concept.antwoorden)
    # The zaaktype lost the eigenschap the form writes to: fails after the zaak,
    # its rol and documents would have been made.
    Veld.objects.filter(sleutel="kenteken").update(eigenschap="bestaat-niet")
    notificaties, trail = Notificatie.objects.count(), AuditTrail.objects.count()

    with pytest.raises(ValidationError):
        submit(concept)

    assert Zaak.objects.count() == 0
    assert Rol.objects.count() == 0
    assert EnkelvoudigInformatieObject.objects.count() == 0
    assert Notificatie.objects.count() == notificaties
    assert AuditTrail.objects.count() == trail
    assert Inzending.objects.count() == 0
    concept.refresh_from_db()
    assert concept.antwoorden == antwoorden

    # Repaired, the same draft goes through.
    Veld.objects.filter(sleutel="kenteken").update(eigenschap="kenteken")
    assert submit(concept).zaak_identificatie


def test_an_unpublished_zaaktype_fails_and_keeps_the_draft(cat, formulier):
    concept = maken.ingevuld(formulier)
    ZaakType.objects.filter(pk=cat.zaaktype.pk).update(concept=True)

    with pytest.raises(ValidationError):
        submit(concept)

    assert Zaak.objects.count() == 0
    assert not Inzending.objects.exists()


def test_without_the_declaration_nothing_is_sent(formulier):
    concept = maken.ingevuld(formulier)
    with pytest.raises(ValidationError):
        submit(concept, verklaard=False)
    assert Zaak.objects.count() == 0


def test_a_missing_required_answer_points_to_its_step(formulier):
    concept = maken.concept(formulier)
    maken.stap(concept, 1, *maken.antwoorden()[1])

    with pytest.raises(services.NietCompleet) as fout:
        submit(concept)

    assert fout.value.stap == 2
    assert Zaak.objects.count() == 0


def test_a_company_is_the_initiator_by_kvk_number(formulier):
    eigenaar = services.Eigenaar(
        kvk="68750110", vestigingsnummer="000037178598", naam="Test BV"
    )
    concept = maken.ingevuld(formulier, eigenaar=eigenaar)

    submit(concept)

    rol = Rol.objects.get()
    assert (rol.betrokkene_type, rol.kvk_nummer, rol.vestigings_nummer) == (
        "vestiging",
        "68750110",
        "000037178598",
    )


def test_staff_on_behalf_records_the_channel_and_the_medewerker(formulier):
    from tests import factories

    Communicatiekanaal.objects.create(naam="Balie")
    medewerker = factories.medewerker()
    concept = maken.ingevuld(formulier, kanaal=Kanaal.BALIE, medewerker=medewerker)

    inzending = submit(
        concept,
        actor=services.actor_voor(concept, medewerker=medewerker),
        kanaal=Kanaal.BALIE,
    )

    zaak = Zaak.objects.get()
    assert zaak.communicatiekanaal.naam == "Balie"
    assert Rol.objects.get().inp_bsn == maken.BSN
    trail = AuditTrail.objects.filter(hoofd_object_uuid=zaak.uuid)
    assert {t.gebruikers_id for t in trail} == {medewerker.email}
    assert inzending.kanaal == Kanaal.BALIE
    assert medewerker.email in inzending.ingediend_door


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_submits_make_one_zaak():
    if connection.vendor != "postgresql":
        pytest.skip("row locks across connections: PostgreSQL")
    from loket.zgw.referentielijsten.services import load_selectielijst

    load_selectielijst()
    formulier = maken.formulier(zgw_data.catalogue())
    concept = maken.ingevuld(formulier)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def click():
        try:
            barrier.wait()
            results.append(submit(Concept.objects.get(pk=concept.pk)).pk)
        except Exception as e:
            errors.append(e)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert len(set(results)) == 1
    assert Zaak.objects.count() == 1
