"""Reading one zaak for its page in the werkplek: everything a handler needs, in a
fixed number of queries whatever the number of statussen, rollen or documents.

A zaak is found through ``toegang.zichtbaar``: what a staff member may not see
does not exist for them. Documents above their ``max_vertrouwelijkheid`` are left
out the same way."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone

from loket.portaal import selectors as portaal
from loket.verwerkingen import services as verwerkingen
from loket.verwerkingen.models import Doel
from loket.werkplek import toegang
from loket.werkplek.models import Behandeling, Briefsjabloon, Notitie
from loket.zgw.besluiten import selectors as besluiten
from loket.zgw.catalogi import selectors as catalogi
from loket.zgw.catalogi.choices import RolOmschrijving, Vertrouwelijkheid
from loket.zgw.catalogi.models import StatusType
from loket.zgw.documenten import selectors as documenten
from loket.zgw.registers import selectors as registers
from loket.zgw.zaken.choices import BetrokkeneType
from loket.zgw.zaken.models import Rol, Status

AUDIT_OP_PAGINA = 50
# Shown in the browser itself (Content-Disposition: inline); everything else is a
# download. No HTML or SVG: a document never runs in Loket's origin.
INLINE = frozenset(
    {"application/pdf", "image/png", "image/jpeg", "image/gif", "text/plain"}
)
AFBEELDINGEN = frozenset({"image/png", "image/jpeg", "image/gif"})


def behandeling(medewerker, uuid) -> Behandeling | None:
    """The zaak with this UUID (its werkplek row, with the zaak loaded), if this
    staff member may see it; otherwise None."""
    return (
        toegang.zichtbaar(medewerker)
        .filter(zaak__uuid=uuid)
        .select_related(
            "zaak__zaaktype__catalogus",
            "zaak__gemeente",
            "zaak__status__statustype",
            "zaak__communicatiekanaal",
            "zaak__resultaat__resultaattype",
            "team",
            "behandelaar",
        )
        .first()
    )


def max_rang(medewerker) -> int:
    if medewerker.is_superuser:
        return Vertrouwelijkheid.rank(Vertrouwelijkheid.ZEER_GEHEIM)
    return Vertrouwelijkheid.rank(medewerker.max_vertrouwelijkheid)


def doel(medewerker, mag_behandelen: bool) -> Doel:
    """Why this staff member looks at a zaak: to answer a question (KCC) or to
    handle it."""
    if not mag_behandelen and toegang.is_kcc(medewerker):
        return Doel.KLANTCONTACT
    return Doel.BEHANDELEN


def betrokkenen(rollen) -> list[tuple[str, str]]:
    """The persons (BSN) and companies (KvK number) among the rollen, as the
    processing log names them."""
    return sorted(
        {(r.inp_bsn, "") for r in rollen if r.inp_bsn}
        | {("", r.kvk_nummer) for r in rollen if r.kvk_nummer}
    )


def leg_vast(
    medewerker, zaak, activiteit, *, doel: Doel, rollen=None, toelichting: str = ""
) -> None:
    """Log that ``medewerker`` processed the data of the persons and companies in
    the zaak's rollen (``rollen`` when already loaded)."""
    verwerkingen.leg_vast(
        medewerker=medewerker,
        activiteit=activiteit,
        doel=doel,
        betrokkenen=betrokkenen(zaak.rollen.all() if rollen is None else rollen),
        gemeente=zaak.gemeente,
        zaak_identificatie=zaak.identificatie,
        toelichting=toelichting,
    )


def termijn(behandeling_: Behandeling, vandaag: date | None = None) -> str:
    """The deadline in words: how many days are left, or how late it is."""
    zaak = behandeling_.zaak
    if zaak.einddatum:
        return "afgehandeld"
    if behandeling_.uiterste_datum is None:
        return "geen termijn"
    if zaak.opschorting_indicatie:
        return "de termijn staat stil zolang de zaak is opgeschort"
    dagen = (behandeling_.uiterste_datum - (vandaag or timezone.localdate())).days
    if dagen == 0:
        return "vandaag"
    if dagen > 0:
        return f"nog {dagen} {'dag' if dagen == 1 else 'dagen'}"
    return f"{-dagen} {'dag' if dagen == -1 else 'dagen'} te laat"


@dataclass(frozen=True)
class RolRegel:
    omschrijving: str
    soort: str
    naam: str
    bsn: str
    kvk: str
    adres: str
    emailadres: str
    telefoonnummer: str
    toelichting: str


def _rol_regel(rol: Rol) -> RolRegel:
    ident = rol.betrokkene_identificatie or {}
    naam = rol.naam()
    if not naam and rol.betrokkene_type == BetrokkeneType.MEDEWERKER:
        naam = " ".join(
            d
            for d in (
                ident.get("voorletters", ""),
                ident.get("voorvoegselAchternaam", ""),
                ident.get("achternaam", ""),
            )
            if d
        )
    contact = rol.contactpersoon_rol or {}
    return RolRegel(
        omschrijving=rol.omschrijving,
        soort=rol.get_betrokkene_type_display(),
        naam=naam
        or rol.medewerker_identificatie
        or rol.organisatorische_eenheid_identificatie
        or "(geen naam)",
        bsn=rol.inp_bsn,
        kvk=rol.kvk_nummer,
        adres=rol.adres(),
        emailadres=contact.get("emailadres", ""),
        telefoonnummer=contact.get("telefoonnummer", ""),
        toelichting=rol.roltoelichting,
    )


@dataclass(frozen=True)
class DocumentRegel:
    uuid: str
    titel: str
    soort: str
    versie: int
    grootte: int
    datum: date | None
    formaat: str
    bestandsnaam: str
    vertrouwelijkheid: str
    status: str
    heeft_inhoud: bool

    @property
    def inline(self) -> bool:
        return self.formaat in INLINE

    @property
    def afbeelding(self) -> bool:
        return self.formaat in AFBEELDINGEN


def _document_regel(versie, titel: str = "") -> DocumentRegel:
    return DocumentRegel(
        uuid=str(versie.informatieobject.uuid),
        titel=titel or versie.titel,
        soort=versie.informatieobjecttype.omschrijving,
        versie=versie.versie,
        grootte=versie.bestandsomvang or 0,
        datum=versie.creatiedatum,
        formaat=versie.formaat,
        bestandsnaam=versie.bestandsnaam,
        vertrouwelijkheid=versie.get_vertrouwelijkheidaanduiding_display(),
        status=versie.get_status_display() if versie.status else "",
        heeft_inhoud=bool(versie.inhoud),
    )


def document_regels(medewerker, zaak) -> list[DocumentRegel]:
    """The documents of the zaak this staff member may see, oldest first, each at
    its latest version (two queries)."""
    relaties = list(
        zaak.zaakinformatieobjecten.order_by("registratiedatum", "pk").values_list(
            "informatieobject_id", "titel"
        )
    )
    rang = max_rang(medewerker)
    versies = {
        v.informatieobject_id: v
        for v in documenten.latest_versions([i for i, _ in relaties])
        if Vertrouwelijkheid.rank(v.vertrouwelijkheidaanduiding) <= rang
    }
    return [_document_regel(versies[i], titel) for i, titel in relaties if i in versies]


@dataclass
class Dossier:
    behandeling: Behandeling
    statussen: list[Status]
    statustypen: list[StatusType]
    rollen: list[Rol]
    rol_regels: list[RolRegel]
    eigenschappen: list
    documenten: list[DocumentRegel]
    besluiten: list
    berichten: list
    notities: list[Notitie]
    audit: list
    meer_audit: bool
    mag_behandelen: bool
    mag_toewijzen: bool
    termijn: str
    opties: dict = field(default_factory=dict)

    @property
    def zaak(self):
        return self.behandeling.zaak

    @property
    def afgesloten(self) -> bool:
        return self.zaak.einddatum is not None

    @property
    def acties(self) -> bool:
        """Does this staff member get the handling forms?"""
        return self.mag_behandelen and not self.afgesloten

    @property
    def eindstatus(self) -> StatusType | None:
        return self.statustypen[-1] if self.statustypen else None

    @property
    def volgende_statustypen(self) -> list[StatusType]:
        """The statustypen after the current one, without the end status (closing
        is its own action, with a resultaat)."""
        huidig = self.zaak.status.statustype.volgnummer if self.zaak.status else 0
        return [s for s in self.statustypen[:-1] if s.volgnummer > huidig]


def dossier(medewerker, behandeling_: Behandeling) -> Dossier:
    """Everything the zaak page shows about a zaak this staff member may see."""
    zaak = behandeling_.zaak
    prefetch_related_objects(
        [zaak],
        Prefetch(
            "statussen",
            queryset=Status.objects.select_related("statustype").order_by(
                "datum_status_gezet", "pk"
            ),
        ),
        Prefetch("rollen", queryset=Rol.objects.order_by("registratiedatum", "pk")),
        "zaakeigenschappen",
        Prefetch(
            "zaaktype__statustypen",
            queryset=StatusType.objects.order_by("volgnummer"),
        ),
    )
    rollen = list(zaak.rollen.all())
    audit = list(
        registers.trail("zrc", zaak.uuid).order_by("-aanmaakdatum", "-pk")[
            : AUDIT_OP_PAGINA + 1
        ]
    )
    mag_behandelen = toegang.mag_behandelen(medewerker, behandeling_)
    return Dossier(
        behandeling=behandeling_,
        statussen=list(zaak.statussen.all()),
        statustypen=list(zaak.zaaktype.statustypen.all()),
        rollen=rollen,
        rol_regels=[_rol_regel(r) for r in rollen],
        eigenschappen=list(zaak.zaakeigenschappen.all()),
        documenten=document_regels(medewerker, zaak),
        besluiten=list(besluiten.besluiten_of_zaak(zaak).select_related("besluittype")),
        berichten=portaal.berichten_van_zaak(zaak),
        notities=list(Notitie.objects.filter(zaak=zaak)[:100]),
        audit=audit[:AUDIT_OP_PAGINA],
        meer_audit=len(audit) > AUDIT_OP_PAGINA,
        mag_behandelen=mag_behandelen,
        mag_toewijzen=mag_behandelen
        and toegang.mag_toewijzen(medewerker, behandeling_),
        termijn=termijn(behandeling_),
    )


def audit_trail(zaak):
    """The zaak's whole history in the Zaken register, newest first."""
    return registers.trail("zrc", zaak.uuid).order_by("-aanmaakdatum", "-pk")


# -- what the forms offer -----------------------------------------------------------


def resultaattypen(zaak) -> list:
    return list(zaak.zaaktype.resultaattypen.order_by("omschrijving", "pk"))


def besluittypen(zaak) -> list:
    """The published besluittypen, valid today, that the zaak's zaaktype names."""
    zaaktype = zaak.zaaktype
    return list(
        catalogi.besluittypen(zaaktype.catalogus, day=timezone.localdate()).filter(
            omschrijving__in=zaaktype.besluittype_omschrijvingen
        )
    )


def informatieobjecttypen(zaak, richting: str = "") -> list:
    """The published document types, valid today, that the zaak's zaaktype
    allows (only those of ``richting``: inkomend, uitgaand, intern), in the
    zaaktype's order."""
    zaaktype = zaak.zaaktype
    relaties = zaaktype.informatieobjecttypen.order_by("volgnummer")
    if richting:
        relaties = relaties.filter(richting=richting)
    volgorde = list(
        relaties.values_list("informatieobjecttype_omschrijving", flat=True)
    )
    typen = {
        t.omschrijving: t
        for t in catalogi.informatieobjecttypen(
            zaaktype.catalogus, day=timezone.localdate()
        ).filter(omschrijving__in=volgorde)
    }
    return [typen[o] for o in volgorde if o in typen]


def briefsjablonen(medewerker, zaak):
    """The letter templates of the organisations that serve the zaak's gemeente
    (for staff: of their own organisation)."""
    sjablonen = Briefsjabloon.objects.filter(
        organisatie__gemeenten=zaak.gemeente_id
    ).order_by("naam", "pk")
    if not medewerker.is_superuser:
        sjablonen = sjablonen.filter(organisatie_id=medewerker.organisatie_id)
    return sjablonen


def initiator(rollen) -> Rol | None:
    return next(
        (r for r in rollen if r.omschrijving_generiek == RolOmschrijving.INITIATOR),
        None,
    )


# -- one document -------------------------------------------------------------------


@dataclass
class DocumentDossier:
    regel: DocumentRegel
    versies: list
    laatste: object
    vergrendeld: bool


def document(medewerker, zaak, document_uuid) -> DocumentDossier | None:
    """One document of the zaak with all its versions, newest first, if this
    staff member may see it; otherwise None."""
    informatieobject = documenten.document_by_uuid(document_uuid)
    if informatieobject is None:
        return None
    titel = (
        zaak.zaakinformatieobjecten.filter(informatieobject=informatieobject)
        .values_list("titel", flat=True)
        .first()
    )
    if titel is None:  # not a document of this zaak
        return None
    versies = list(
        informatieobject.versies.select_related(
            "informatieobject", "informatieobjecttype"
        ).order_by("-versie")
    )
    laatste = next((v for v in versies if v.laatste), versies[0])
    if Vertrouwelijkheid.rank(laatste.vertrouwelijkheidaanduiding) > max_rang(
        medewerker
    ):
        return None
    return DocumentDossier(
        regel=_document_regel(laatste, titel),
        versies=versies,
        laatste=laatste,
        vergrendeld=bool(informatieobject.lock),
    )
