"""Making a generated world real, through the services of the Zaken, Documenten
and Besluiten apps (never the ORM), in the order the standard's rules need: a
status after the eigenschap it requires, the end status after the resultaat and
the documents, a besluit's zaak before the besluit, a document's relations before
its later versions change its type. And the client's application, through the
Autorisaties service.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from loket.zgw.autorisaties.services import AutorisatieSpec
from loket.zgw.besluiten import services as besluiten
from loket.zgw.documenten import services as documenten
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from tests import zgw as kit
from tests import zgw_data
from tests.zgw_authorisation.world import (
    CLIENT_ID,
    POINT,
    STATUS_PATHS,
    ClientSpec,
    DocumentSpec,
    GrantSpec,
    World,
    ZaakSpec,
)


@dataclass
class Built:
    """What the services made, by the world's indices."""

    zaken: list
    rollen: dict  # zaak index → [Rol]
    statussen: dict  # zaak index → [Status], in the order set
    resultaten: dict  # zaak index → Resultaat
    zaakobjecten: dict
    zaakeigenschappen: dict
    contacts: dict  # zaak index → (klantcontact, contactmoment, verzoek)
    zios: dict  # (document index, zaak index) → ZaakInformatieObject
    documenten: list  # InformatieObject
    contents: dict  # (document index, versie) → bytes
    gebruiksrechten: dict
    verzendingen: dict
    besluiten: list
    bios: dict  # (document index, besluit index) → BesluitInformatieObject


def build(world: World, cats: list) -> Built:
    built = Built([], {}, {}, {}, {}, {}, {}, {}, [], {}, {}, {}, [], {})
    moment = timezone.now() - timedelta(days=1)

    def next_moment() -> datetime:
        nonlocal moment
        moment += timedelta(minutes=1)
        return moment

    for z in world.zaken:
        cat = cats[z.cat]
        fields = {"vertrouwelijkheidaanduiding": z.level, "startdatum": z.startdatum}
        if z.hoofdzaak is not None:
            fields["hoofdzaak"] = built.zaken[z.hoofdzaak]
        if z.geometrie:
            fields["zaakgeometrie"] = POINT
        built.zaken.append(
            zgw_data.zaak(
                cat,
                relevante_andere_zaken=[
                    (built.zaken[r], "vervolg") for r in z.relevante
                ],
                **fields,
            )
        )
    for i, z in enumerate(world.zaken):
        _fill_zaak(built, i, z, cats[z.cat], next_moment)
    for b in world.besluiten:
        cat = cats[b.cat]
        built.besluiten.append(
            besluiten.create_besluit(
                actor=LOKET,
                besluittype=cat.besluittype,
                verantwoordelijke_organisatie=cat.rsin,
                datum=date(2026, 3, 1),
                ingangsdatum=date(2026, 3, 2),
                zaak=built.zaken[b.zaak] if b.zaak is not None else None,
            )
        )
    for i, d in enumerate(world.documenten):
        _make_document(built, i, d, cats)
    for i, z in enumerate(world.zaken):
        if z.later_level:
            zaken.update_zaak(
                built.zaken[i], actor=LOKET, vertrouwelijkheidaanduiding=z.later_level
            )
        if z.status == "Afgehandeld":
            built.statussen[i].append(
                zaken.set_status(
                    built.zaken[i],
                    actor=LOKET,
                    statustype=cats[z.cat].statustypen["Afgehandeld"],
                    datum_status_gezet=next_moment(),
                )
            )
    for zaak in built.zaken:
        zaak.refresh_from_db()
    return built


def _fill_zaak(built: Built, i: int, z: ZaakSpec, cat, next_moment) -> None:
    zaak = built.zaken[i]
    built.rollen[i] = [
        zaken.add_rol(
            zaak,
            actor=LOKET,
            roltype=cat.roltypen[r.roltype],
            betrokkene_type="natuurlijk_persoon",
            betrokkene_identificatie={"inpBsn": r.bsn, "geslachtsnaam": "Jansen"},
        )
        for r in z.rollen
    ]
    if z.eigenschap:
        built.zaakeigenschappen[i] = zaken.add_zaakeigenschap(
            zaak,
            actor=LOKET,
            eigenschap=cat.eigenschappen["kenteken"],
            waarde="AB-12-CD",
        )
    if z.zaakobject:
        built.zaakobjecten[i] = zaken.add_zaakobject(
            zaak,
            actor=LOKET,
            object_type="adres",
            object=f"https://bag.example/api/adressen/{i}",
            zaakobjecttype=cat.zaaktype.zaakobjecttypen.get(),
            relatieomschrijving="Auto",
        )
    if z.resultaat:
        built.resultaten[i] = zaken.set_resultaat(
            zaak, actor=LOKET, resultaattype=cat.resultaattypen["Geweigerd"]
        )
    if z.contact:
        built.contacts[i] = (
            zaken.add_klantcontact(zaak, actor=LOKET, datumtijd=next_moment()),
            zaken.add_contactmoment(
                zaak,
                actor=LOKET,
                contactmoment=f"https://klanten.example/api/contactmomenten/{i}",
            ),
            zaken.add_verzoek(
                zaak, actor=LOKET, verzoek=f"https://klanten.example/api/verzoeken/{i}"
            ),
        )
    built.statussen[i] = []
    for n, omschrijving in enumerate(STATUS_PATHS[z.status]):
        if omschrijving == "Afgehandeld":
            break  # after the documents and besluiten, see build()
        built.statussen[i].append(
            zaken.set_status(
                zaak,
                actor=LOKET,
                statustype=cat.statustypen[omschrijving],
                datum_status_gezet=next_moment(),
                gezetdoor=built.rollen[i][0] if z.gezetdoor and n == 0 else None,
            )
        )


def _make_document(built: Built, i: int, d: DocumentSpec, cats: list) -> None:
    first = d.versions[0]
    cat = cats[first.cat]
    data = f"%PDF-1.7 document {i} versie 1\n".encode() if d.content else None
    version = documenten.create_document(
        actor=LOKET,
        informatieobjecttype=cat.informatieobjecttypen[first.soort],
        bronorganisatie=cat.rsin,
        titel=f"Document {i}",
        auteur="J. Jansen",
        taal="dut",
        creatiedatum=date(2026, 3, 1),
        inhoud=data,
        bestandsnaam="document.pdf" if data else "",
        formaat="application/pdf" if data else "",
        vertrouwelijkheidaanduiding=first.level,
        indicatie_gebruiksrecht=False,
        trefwoorden=[d.trefwoord] if d.trefwoord else [],
    )
    document = version.informatieobject
    built.documenten.append(document)
    if data:
        built.contents[(i, 1)] = data
    for z in d.zaken:
        statussen = built.statussen[z]
        built.zios[(i, z)] = zaken.add_document(
            built.zaken[z],
            actor=LOKET,
            informatieobject=document,
            titel=f"Document {i} bij zaak {z}",
            status=statussen[-1] if d.zio_status and statussen else None,
        )
    for b in d.besluiten:
        built.bios[(i, b)] = besluiten.add_document(
            actor=LOKET, besluit=built.besluiten[b], informatieobject=document
        )
    for versie, later in enumerate(d.versions[1:], start=2):
        lock = documenten.lock_document(document, actor=LOKET)
        documenten.update_document(
            document,
            actor=LOKET,
            lock=lock,
            informatieobjecttype=cats[later.cat].informatieobjecttypen[later.soort],
            vertrouwelijkheidaanduiding=later.level,
            titel=f"Document {i} versie {versie}",
        )
        documenten.unlock_document(document, actor=LOKET, lock=lock)
        if data:
            built.contents[(i, versie)] = data
    if d.gebruiksrechten:
        built.gebruiksrechten[i] = documenten.create_gebruiksrechten(
            actor=LOKET,
            informatieobject=document,
            startdatum=timezone.now() - timedelta(days=1),
            omschrijving_voorwaarden="Alleen intern gebruiken.",
        )
    if d.verzending:
        built.verzendingen[i] = documenten.create_verzending(
            actor=LOKET,
            informatieobject=document,
            betrokkene="https://klanten.example/api/klanten/1",
            aard_relatie="geadresseerde",
            contact_persoon="https://medewerkers.example/api/medewerkers/1",
            emailadres="burger@example.org",
        )


def applicatie(client: ClientSpec, cats: list):
    """The client's application, made through the Autorisaties service."""
    specs = [
        AutorisatieSpec(
            component=g.component,
            scopes=list(g.scopes),
            max_vertrouwelijkheidaanduiding=g.maximum,
            **_type_of(g, cats),
        )
        for g in client.grants
    ]
    if client.catalogi:
        specs.append(AutorisatieSpec(component="ztc", scopes=["catalogi.lezen"]))
    return kit.applicatie(
        label="Eigenschappen", client_id=CLIENT_ID, alles=False, autorisaties=specs
    )


def _type_of(grant: GrantSpec, cats: list) -> dict:
    if grant.cat is None:
        return {}
    cat = cats[grant.cat]
    if grant.component == "zrc":
        return {"zaaktype": cat.zaaktype}
    if grant.component == "drc":
        return {"informatieobjecttype": cat.informatieobjecttypen[grant.soort]}
    return {"besluittype": cat.besluittype}
