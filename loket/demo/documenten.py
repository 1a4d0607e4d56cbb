"""The documents of the demo zaken, as PDF: the request as the resident sent it,
the letters the gemeente sends (a request for more information, the letter that
closes a zaak) and the besluit. Stored through the Documenten services and related
to the zaak (and besluit) through the Zaken and Besluiten services."""

from datetime import date, datetime, time

from django.utils import timezone

from loket.core import pdf
from loket.demo.betrokkenen import Persoon
from loket.demo.verzoeken import INGEDIEND, leesbaar
from loket.zgw.besluiten import services as besluiten
from loket.zgw.documenten import services as documenten
from loket.zgw.documenten.choices import DocumentStatus
from loket.zgw.registers.services import Actor
from loket.zgw.zaken import services as zaken

TAAL = "dut"  # ISO 639-2/B
PDF = "application/pdf"

# The decision, by the generic omschrijving of the resultaattype.
BESLISSINGEN = {
    "Verleend": "Wij verlenen u de gevraagde vergunning.",
    "Toegekend": "Wij kennen uw aanvraag toe.",
    "Ingewilligd": "Wij willigen uw verzoek in.",
    "Geweigerd": "Wij weigeren de gevraagde vergunning. Uw aanvraag voldoet niet "
    "aan de regels die hiervoor gelden.",
    "Afgewezen": "Wij wijzen uw aanvraag af. U voldoet niet aan de voorwaarden.",
    "Buiten behandeling": "Wij nemen uw aanvraag niet in behandeling: de gegevens "
    "die wij bij u opvroegen, hebben wij niet op tijd ontvangen (Algemene wet "
    "bestuursrecht, artikel 4:5).",
    "Gegrond": "Wij verklaren uw bezwaar gegrond en herroepen het besluit.",
    "Gedeeltelijk gegrond": "Wij verklaren uw bezwaar gedeeltelijk gegrond en "
    "passen het besluit aan.",
    "Ongegrond": "Wij verklaren uw bezwaar ongegrond. Het besluit blijft zoals het "
    "was.",
    "Niet ontvankelijk": "Wij verklaren uw bezwaar niet-ontvankelijk: u heeft het "
    "na de termijn van zes weken ingediend.",
}
AFHANDELINGEN = {
    "Afgehandeld": "Wij hebben uw melding afgehandeld. Dank u wel dat u de moeite "
    "nam om het te melden.",
    "Afgewezen": "Wij kunnen helaas niet doen wat u vraagt.",
    "Afgebroken": "Wij hebben uw zaak afgesloten zonder verdere behandeling.",
    "Geleverd": "Wat u vroeg, is geleverd.",
    "Niet geleverd": "Wij konden helaas niet leveren wat u vroeg.",
    "Verwerkt": "Wij hebben uw gegevens verwerkt in de Basisregistratie Personen.",
    "Gegrond": "Wij vinden uw klacht terecht en bieden u onze excuses aan.",
    "Gedeeltelijk gegrond": "Wij vinden uw klacht voor een deel terecht.",
    "Ongegrond": "Wij vinden uw klacht niet terecht, maar danken u voor uw reactie.",
    "Ingewilligd": "Wij hebben gedaan wat u vroeg.",
    "Verleend": "Wij verlenen u de gevraagde vergunning.",
    "Geweigerd": "Wij weigeren de gevraagde vergunning.",
    "Buiten behandeling": "Wij nemen uw aanvraag niet in behandeling.",
}

# Where a resultaattype says more than its generic omschrijving.
BESLISSINGEN_PER_RESULTAAT = {
    "Openbaar gemaakt": "Wij maken de documenten die u vroeg openbaar. U vindt ze "
    "bij dit besluit.",
    "Deels openbaar gemaakt": "Wij maken een deel van de documenten die u vroeg "
    "openbaar. Sommige gegevens hebben wij weggelakt, om de persoonlijke "
    "levenssfeer van betrokkenen te beschermen (Woo, artikel 5.1).",
    "Niet openbaar gemaakt": "Wij maken de documenten die u vroeg niet openbaar: "
    "zij bevatten vooral persoonsgegevens en bedrijfsgegevens (Woo, artikel 5.1).",
    "Gedeeltelijk toegekend": "Wij schelden een deel van uw gemeentelijke "
    "belastingen kwijt.",
}
# The letter that closes a zaak with what was asked, per documenttype.
GELEVERD = {
    "Uittreksel BRP": "Hierbij ontvangt u het uittreksel uit de Basisregistratie "
    "Personen dat u vroeg.",
    "Bevestiging adreswijziging": "Uw nieuwe adres staat in de Basisregistratie "
    "Personen. Wij geven het door aan andere overheden, zoals de Belastingdienst.",
    "Bevestiging levering": "Wij hebben de container afgeleverd op het adres dat u "
    "opgaf.",
}


class Documenten:
    """Writes the documents of one gemeente's demo zaken."""

    def __init__(self, gemeente):
        self.gemeente = gemeente

    def beslissing(self, resultaattype) -> str:
        """The decision in one or two sentences, as the besluit says it."""
        generiek = resultaattype.resultaattypeomschrijving.omschrijving
        return BESLISSINGEN_PER_RESULTAAT.get(
            resultaattype.omschrijving,
            BESLISSINGEN.get(generiek, AFHANDELINGEN.get(generiek, "")),
        )

    # -- what comes in ---------------------------------------------------------------

    def aanvraag(self, bouwer, actor: Actor) -> None:
        """The request as the initiator submitted it (or the KCC took it down)."""
        t, zaak, wie = bouwer.t, bouwer.zaak, bouwer.initiator
        soort = _aanvraagtype(t)
        iotype, richting = t.documenttypen[soort]
        start = bouwer.tl.start
        regels = [
            f"Gemeente {self.gemeente.naam}, {t.zaaktype.omschrijving.lower()}.",
            f"Ontvangen op {leesbaar(start.date())} om {start:%H.%M} uur, "
            f"{INGEDIEND.get(bouwer.kanaal, bouwer.kanaal.lower())}.",
            f"Zaaknummer: {zaak.identificatie}.",
            "",
            *_afzender(wie),
            "",
            *bouwer.verzoek.regels,
        ]
        if bouwer.verzoek.eigenschappen:
            regels += ["", "Gegevens:"]
            regels += [f"- {k}: {v}" for k, v in bouwer.verzoek.eigenschappen.items()]
        ontvangen = richting == "inkomend"
        self._maak(
            bouwer,
            actor,
            iotype,
            titel=f"{soort}: {zaak.omschrijving}",
            regels=regels,
            auteur=wie.naam if ontvangen else self._auteur(t),
            moment=start,
            bestandsnaam=f"{_slug(soort)}-{zaak.identificatie}.pdf",
            status=DocumentStatus.DEFINITIEF,
            ontvangstdatum=start.date() if ontvangen else None,
        )

    # -- what goes out ---------------------------------------------------------------

    def verzoek_om_aanvulling(self, bouwer, actor: Actor, dag: date) -> None:
        soort = "Verzoek om aanvulling"
        if soort not in bouwer.t.documenttypen:
            return
        regels = [
            *_aanhef(bouwer.initiator),
            f"Wij hebben uw aanvraag ({bouwer.zaak.omschrijving}) in behandeling. "
            "Om haar te kunnen beoordelen, hebben wij nog gegevens van u nodig.",
            "Wilt u die binnen twee weken sturen? Dat kan in Mijn Loket. Tot wij ze "
            "hebben, staat de termijn stil (Algemene wet bestuursrecht, artikel "
            "4:15). Krijgen wij ze niet, dan kunnen wij uw aanvraag buiten "
            "behandeling laten.",
            *_groet(self.gemeente, bouwer.t),
        ]
        moment = max(
            bouwer.tl.statussen[-1][1],
            timezone.make_aware(datetime.combine(dag, time(9))),
        )
        self._brief(bouwer, actor, soort, regels, dag, moment)

    def afhandeling(self, bouwer, actor: Actor, moment: datetime) -> None:
        """The letter that closes a zaak without a besluit."""
        t, tl = bouwer.t, bouwer.tl
        soort = t.soort.afhandeling
        generiek = tl.resultaattype.resultaattypeomschrijving.omschrijving
        if not soort or soort not in t.documenttypen or generiek not in AFHANDELINGEN:
            return
        if tl.besluit_moment:
            return
        tekst = GELEVERD.get(soort) if generiek in ("Geleverd", "Verwerkt") else None
        regels = [*_aanhef(bouwer.initiator), tekst or AFHANDELINGEN[generiek]]
        if soort == "Uittreksel BRP" and isinstance(bouwer.initiator, Persoon):
            regels += ["", *_uittreksel(bouwer.initiator)]
        regels += _groet(self.gemeente, t)
        self._brief(bouwer, actor, soort, regels, moment.date(), moment)

    def besluit(self, bouwer, besluit, moment: datetime) -> None:
        """The besluit as a PDF, in the zaak and laying down the besluit."""
        t, zaak = bouwer.t, bouwer.zaak
        iotype, _ = t.documenttypen["Besluit"]
        regels = [
            f"Besluit {besluit.identificatie}, {leesbaar(besluit.datum)}",
            "",
            *_aanhef(bouwer.initiator),
            f"Op {leesbaar(zaak.startdatum)} vroeg u: {zaak.omschrijving}. "
            f"Wij hebben daarover een besluit genomen (zaak {zaak.identificatie}).",
            besluit.toelichting,
        ]
        if besluit.vervaldatum:
            regels.append(
                f"Dit besluit geldt van {leesbaar(besluit.ingangsdatum)} tot en met "
                f"{leesbaar(besluit.vervaldatum)}."
            )
        if t.besluittype.omschrijving == "Beslissing op bezwaar":
            regels.append(
                "Bent u het niet eens met deze beslissing? Dan kunt u binnen zes "
                "weken na de verzenddatum in beroep gaan bij de rechtbank."
            )
        else:
            regels.append(
                "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken "
                "na de verzenddatum bezwaar maken. Dat kan in Mijn Loket of per "
                "brief."
            )
        regels += _groet(self.gemeente, t, besluit.bestuursorgaan)
        version = self._maak(
            bouwer,
            bouwer.behandelaar,
            iotype,
            titel=f"Besluit: {zaak.omschrijving}",
            regels=regels,
            auteur=f"{besluit.bestuursorgaan} van {self.gemeente.naam}",
            moment=moment,
            bestandsnaam=f"besluit-{besluit.identificatie}.pdf",
            status=DocumentStatus.DEFINITIEF,
            verzenddatum=besluit.verzenddatum,
        )
        besluiten.add_document(
            actor=bouwer.behandelaar,
            besluit=besluit,
            informatieobject=version.informatieobject,
        )

    # -- writing ---------------------------------------------------------------------

    def _brief(self, bouwer, actor, soort, regels, dag, moment) -> None:
        iotype, _ = bouwer.t.documenttypen[soort]
        self._maak(
            bouwer,
            actor,
            iotype,
            titel=f"{soort}: {bouwer.zaak.omschrijving}",
            regels=regels,
            auteur=self._auteur(bouwer.t),
            moment=moment,
            bestandsnaam=f"{_slug(soort)}-{bouwer.zaak.identificatie}.pdf",
            status=DocumentStatus.DEFINITIEF,
            verzenddatum=dag,
        )

    def _auteur(self, t) -> str:
        return f"Team {t.soort.team}, gemeente {self.gemeente.naam}"

    def _maak(
        self,
        bouwer,
        actor,
        iotype,
        *,
        titel,
        regels,
        auteur,
        moment,
        bestandsnaam,
        **metadata,
    ):
        titel = titel[:200]
        inhoud = pdf.document(titel=titel, regels=regels, auteur=auteur, gemaakt=moment)
        version = documenten.create_document(
            actor=actor,
            informatieobjecttype=iotype,
            bronorganisatie=self.gemeente.rsin,
            titel=titel,
            auteur=auteur[:200],
            taal=TAAL,
            creatiedatum=moment.date(),
            inhoud=inhoud,
            bestandsnaam=bestandsnaam,
            formaat=PDF,
            indicatie_gebruiksrecht=False,
            **metadata,
        )
        zaken.add_document(
            bouwer.zaak,
            actor=actor,
            informatieobject=version.informatieobject,
            titel=titel,
        )
        bouwer.telling.documenten += 1
        return version


def _aanvraagtype(t) -> str:
    """The documenttype of the request: the zaaktype's own choice, else its first
    incoming documenttype."""
    if t.soort.aanvraag:
        return t.soort.aanvraag
    for omschrijving, (_, richting) in t.documenttypen.items():
        if richting == "inkomend":
            return omschrijving
    return next(iter(t.documenttypen))


def _afzender(wie) -> list[str]:
    if isinstance(wie, Persoon):
        return [
            f"Naam: {wie.naam}",
            f"Burgerservicenummer: {wie.bsn}",
            *(
                f"Adres: {regel}" if i == 0 else f"       {regel}"
                for i, regel in enumerate(wie.adresregels)
            ),
        ]
    return [
        f"Bedrijf: {wie.naam} ({wie.rechtsvorm.lower()})",
        f"KvK-nummer: {wie.kvk_nummer}, vestigingsnummer {wie.vestigingsnummer}",
        f"Adres: {', '.join(wie.adresregels)}",
    ]


def _aanhef(wie) -> list[str]:
    naam = wie.aanhef if isinstance(wie, Persoon) else wie.naam
    return [f"Aan: {naam}", *wie.adresregels, "", "Geachte heer of mevrouw,", ""]


def _groet(gemeente, t, namens: str = "") -> list[str]:
    return [
        "",
        f"Heeft u vragen? Bel {gemeente.telefoonnummer} of mail naar "
        f"{gemeente.emailadres}.",
        "",
        "Met vriendelijke groet,",
        f"{namens or 'Het college van burgemeester en wethouders'} van "
        f"{gemeente.naam},",
        f"namens deze, Team {t.soort.team}",
    ]


def _uittreksel(persoon: Persoon) -> list[str]:
    d = persoon.geboortedatum
    geboren = f"{d[6:]}-{d[4:6]}-{d[:4]}"
    achternaam = " ".join(p for p in (persoon.voorvoegsel, persoon.geslachtsnaam) if p)
    return [
        "Uittreksel uit de Basisregistratie Personen",
        f"Voornamen: {persoon.voornamen}",
        f"Geslachtsnaam: {achternaam}",
        f"Geboortedatum: {geboren}",
        f"Burgerservicenummer: {persoon.bsn}",
        f"Adres: {', '.join(persoon.adresregels)}",
    ]


def _slug(text: str) -> str:
    from django.utils.text import slugify

    return slugify(text)
