"""What Mijn Loket shows: a resident's or company's own zaken, each with its status
timeline, documents, decision and messages. Everything is looked up through the
initiator rol, so a zaak of someone else is simply not found."""

from dataclasses import dataclass, field
from datetime import date, datetime

from loket.portaal.models import Bericht, Contactvoorkeur, Soort
from loket.zgw.besluiten import selectors as besluiten
from loket.zgw.catalogi.choices import Vertrouwelijkheid
from loket.zgw.documenten import selectors as documenten
from loket.zgw.documenten.choices import DocumentStatus
from loket.zgw.zaken import selectors as zaken

# What the initiator of a zaak may read: not the gemeente's internal working papers
# (intern) nor what is classified above vertrouwelijk, and only finished documents.
VOOR_INITIATOR = frozenset(
    {
        Vertrouwelijkheid.OPENBAAR,
        Vertrouwelijkheid.BEPERKT_OPENBAAR,
        Vertrouwelijkheid.ZAAKVERTROUWELIJK,
        Vertrouwelijkheid.VERTROUWELIJK,
    }
)
NIET_AF = frozenset(
    {
        DocumentStatus.IN_BEWERKING,
        DocumentStatus.CONCEPT,
        DocumentStatus.TER_VASTSTELLING,
    }
)


def _wie(inwoner) -> dict:
    return {"kvk": inwoner.kvk} if inwoner.is_bedrijf else {"bsn": inwoner.bsn}


@dataclass(frozen=True)
class ZaakRegel:
    """One zaak in the list."""

    uuid: str
    identificatie: str
    titel: str
    gemeente_naam: str
    gemeente_slug: str
    startdatum: date
    status: str
    afgerond: bool
    einddatum_gepland: date | None
    einddatum: date | None


def mijn_zaken(inwoner) -> list[ZaakRegel]:
    """The zaken the logged-in resident or company started, in every gemeente."""
    return [
        ZaakRegel(
            uuid=str(zaak.uuid),
            identificatie=zaak.identificatie,
            titel=zaak.zaaktype.omschrijving,
            gemeente_naam=zaak.gemeente.naam if zaak.gemeente_id else "",
            gemeente_slug=zaak.gemeente.slug if zaak.gemeente_id else "",
            startdatum=zaak.startdatum,
            status=(
                zaak.status.statustype.omschrijving if zaak.status_id else "Ontvangen"
            ),
            afgerond=zaak.einddatum is not None,
            einddatum_gepland=zaak.einddatum_gepland,
            einddatum=zaak.einddatum,
        )
        for zaak in zaken.zaken_of_initiator(**_wie(inwoner))[:200]
    ]


@dataclass(frozen=True)
class Stap:
    """One step of the timeline: reached (with its date), current, or still to come."""

    omschrijving: str
    uitleg: str
    datum: datetime | None
    huidig: bool
    toelichting: str = ""


@dataclass(frozen=True)
class Document:
    uuid: str
    titel: str
    bestandsnaam: str
    formaat: str
    grootte: int
    datum: date | None


@dataclass
class ZaakDetail:
    zaak: object
    stappen: list[Stap]
    volgende: Stap | None
    documenten: list[Document]
    besluiten: list
    berichten: list[Bericht] = field(default_factory=list)

    @property
    def afgerond(self) -> bool:
        return self.zaak.einddatum is not None


def mijn_zaak(inwoner, uuid) -> ZaakDetail | None:
    """One of the resident's zaken with everything Mijn Loket shows, or None."""
    zaak = zaken.zaak_of_initiator(uuid, **_wie(inwoner))
    if zaak is None:
        return None
    stappen = _tijdlijn(zaak)
    komend = [stap for stap in stappen if stap.datum is None]
    return ZaakDetail(
        zaak=zaak,
        stappen=stappen,
        volgende=komend[0] if komend and zaak.einddatum is None else None,
        documenten=_documenten(zaak),
        besluiten=list(besluiten.besluiten_of_zaak(zaak)),
        berichten=list(Bericht.objects.filter(zaak=zaak).order_by("verstuurd_op")),
    )


def _tijdlijn(zaak) -> list[Stap]:
    """The statussen set, in order, followed by the statustypen still to come
    (those after the last one reached)."""
    gezet = list(zaak.statussen.all())
    laatste = gezet[-1] if gezet else None
    stappen = [
        Stap(
            omschrijving=status.statustype.omschrijving,
            uitleg=status.statustype.statustekst or "",
            datum=status.datum_status_gezet,
            huidig=status is laatste,
            toelichting=status.statustoelichting,
        )
        for status in gezet
    ]
    bereikt = laatste.statustype.volgnummer if laatste else 0
    if zaak.einddatum is None:
        stappen += [
            Stap(
                omschrijving=statustype.omschrijving,
                uitleg=statustype.statustekst or "",
                datum=None,
                huidig=False,
            )
            for statustype in zaak.zaaktype.statustypen.all()
            if statustype.volgnummer > bereikt
        ]
    return stappen


def _documenten(zaak) -> list[Document]:
    ids = zaken.informatieobject_ids(zaak)
    versies = {
        versie.informatieobject_id: versie
        for versie in documenten.latest_versions(ids)
        if versie.vertrouwelijkheidaanduiding in VOOR_INITIATOR
        and versie.status not in NIET_AF
    }
    return [
        Document(
            uuid=str(versie.informatieobject.uuid),
            titel=versie.titel,
            bestandsnaam=versie.bestandsnaam or f"{versie.titel}.pdf",
            formaat=versie.formaat,
            grootte=versie.bestandsomvang or 0,
            datum=versie.creatiedatum,
        )
        for versie in (versies[i] for i in ids if i in versies)
    ]


def mijn_document(inwoner, zaak_uuid, document_uuid):
    """The latest version of a document of one of the resident's zaken, if the
    resident may read it; otherwise None."""
    zaak = zaken.zaken_of_initiator(**_wie(inwoner)).filter(uuid=zaak_uuid).first()
    if zaak is None:
        return None
    document = documenten.document_by_uuid(document_uuid)
    if document is None or document.pk not in zaken.informatieobject_ids(zaak):
        return None
    versie = documenten.latest_version(document)
    if versie.vertrouwelijkheidaanduiding not in VOOR_INITIATOR:
        return None
    if versie.status in NIET_AF or not versie.inhoud:
        return None
    return versie


def berichten_van_zaak(zaak) -> list[Bericht]:
    """The whole conversation about a zaak, both directions, oldest first (for
    the werkplek)."""
    berichten = Bericht.objects.filter(zaak=zaak).select_related("medewerker")
    return list(berichten.order_by("verstuurd_op", "pk"))


def ongelezen(inwoner) -> int:
    """Messages from the gemeente the resident has not opened yet."""
    return Bericht.objects.filter(
        zaak__in=zaken.zaken_of_initiator(**_wie(inwoner)).values("pk"),
        richting=Bericht.Richting.AAN_INWONER,
        gelezen_op__isnull=True,
    ).count()


def contactvoorkeur(*, bsn: str = "", kvk: str = "") -> Contactvoorkeur | None:
    if bsn:
        return Contactvoorkeur.objects.filter(soort=Soort.BSN, nummer=bsn).first()
    if kvk:
        return Contactvoorkeur.objects.filter(soort=Soort.KVK, nummer=kvk).first()
    return None


def emailadres_voor(inwoner) -> str:
    voorkeur = contactvoorkeur(**_wie(inwoner))
    return voorkeur.emailadres if voorkeur else ""
