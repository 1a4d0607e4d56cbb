"""The council report as a PDF, laid out with ``core.pdf.Opmaak``: a title page,
then the same sections as the HTML page (``sturing/rapportage.html``)."""

from loket.core.pdf import Opmaak
from loket.sturing.grafiek import schaal
from loket.sturing.rapport import Rapport
from loket.sturing.weergave import Blok, euro, tekst


def rapport_pdf(rapport: Rapport) -> bytes:
    opmaak = Opmaak()
    _titelpagina(opmaak, rapport)
    opmaak.nieuwe_pagina()
    _samenvatting(opmaak, rapport)
    for deel in rapport.programmas:
        _programma(opmaak, rapport, deel)
    _projecten(opmaak, rapport)
    _indicatoren(opmaak, rapport)
    opmaak.kop("Over de cijfers", 2)
    for alinea in rapport.methode:
        opmaak.alinea(alinea)
    return opmaak.pdf(
        titel=f"{rapport.titel}, {rapport.periode.label}",
        auteur=f"Gemeente {rapport.gemeente.naam}",
        gemaakt=rapport.gemaakt,
        voet=f"{rapport.titel}, {rapport.periode.label}",
    )


def _titelpagina(opmaak: Opmaak, rapport: Rapport) -> None:
    opmaak.ruimte(160)
    opmaak.kop(rapport.titel, 1)
    opmaak.alinea(f"Periode: {rapport.periode.label}", grootte=14)
    opmaak.ruimte(12)
    opmaak.alinea(
        f"Gemaakt op {rapport.gemaakt:%d-%m-%Y} om {rapport.gemaakt:%H:%M} uur, "
        "met de cijfers van dat moment.",
        grijs=True,
    )
    opmaak.alinea(
        "Voor de gemeenteraad: de doelen van de gemeente naast wat is bereikt, "
        "hoe de cijfers zich ontwikkelden, de stand van de projecten en een "
        "toelichting op elke indicator.",
        grijs=True,
    )
    opmaak.ruimte(24)
    opmaak.kop("Inhoud", 3)
    hoofdstukken = [
        "Samenvatting",
        *(f"Programma {d.programma.naam}" for d in rapport.programmas),
        "Projecten",
        "Toelichting op de indicatoren",
        "Over de cijfers",
    ]
    for n, hoofdstuk in enumerate(hoofdstukken, start=1):
        opmaak.alinea(f"{n}. {hoofdstuk}")


def _samenvatting(opmaak: Opmaak, rapport: Rapport) -> None:
    opmaak.kop("Samenvatting", 2)
    opmaak.alinea(rapport.samenvatting)
    opmaak.tabel(
        ["Oordeel", "Aantal doelen"],
        [[oordeel.label, str(n)] for oordeel, n in rapport.oordelen],
        breedtes=[3, 1],
    )


def _programma(opmaak: Opmaak, rapport: Rapport, deel) -> None:
    opmaak.kop(f"Programma {deel.programma.naam}", 2)
    if deel.programma.omschrijving:
        opmaak.alinea(deel.programma.omschrijving)
    if not deel.doelen:
        opmaak.alinea("Dit programma heeft nog geen doelen.")
        return
    opmaak.tabel(
        ["Doel", "Streefwaarde", rapport.periode.label, "Periode ervoor", "Oordeel"],
        [
            [
                f"{regel.doel.titel} ({regel.doel.jaar})",
                regel.blok.streef if regel.blok else str(regel.doel.streefwaarde),
                regel.blok.tekst if regel.blok else "—",
                regel.blok.vorige_tekst if regel.blok else "—",
                regel.beoordeling.label,
            ]
            for regel in deel.doelen
        ],
        breedtes=[4, 2, 2, 2, 2],
    )
    for regel in deel.doelen:
        if regel.blok is None:
            opmaak.alinea(
                f"{regel.doel.titel}: dit doel noemt een indicator die Loket niet "
                f"kent ({regel.doel.indicator}).",
                grijs=True,
            )
            continue
        opmaak.kop(regel.doel.titel, 3)
        if regel.doel.toelichting:
            opmaak.alinea(regel.doel.toelichting)
        opmaak.alinea(f"Gemeten met: {regel.blok.indicator.titel}. {regel.blok.uitleg}")
        _trend(opmaak, regel.blok)


def _trend(opmaak: Opmaak, blok: Blok) -> None:
    if not blok.trend:
        opmaak.alinea(
            "Dit is een stand van vandaag; er zijn geen cijfers van eerdere perioden.",
            grijs=True,
        )
        return
    waarden = [m.waarde for _, m in blok.trend]
    maximum, _ = schaal(
        [*waarden, float(blok.doel.streefwaarde) if blok.doel else 0],
        eenheid=blok.indicator.eenheid,
    )
    opmaak.tabel(
        [p.label for p, _ in blok.trend],
        [[tekst(m) for _, m in blok.trend]],
    )
    opmaak.staven(
        [(p.kort, m.waarde, m.tekst) for p, m in blok.trend],
        maximum=maximum,
        hoogte=80,
        streef=float(blok.doel.streefwaarde) if blok.doel else None,
        streeftekst=f"doel {blok.streef}" if blok.doel else "",
    )


def _projecten(opmaak: Opmaak, rapport: Rapport) -> None:
    opmaak.kop("Projecten", 2)
    if not rapport.projecten:
        opmaak.alinea("Het projectenboek is nog leeg.")
        return
    opmaak.tabel(
        ["Project", "Status", "Budget", "Besteed"],
        [
            [
                r.project.naam,
                r.project.get_status_display(),
                euro(r.project.budget),
                euro(r.project.besteed)
                + (
                    f" ({r.besteed_percentage}%)"
                    if r.besteed_percentage is not None
                    else ""
                ),
            ]
            for r in rapport.projecten
        ],
        breedtes=[4, 2, 2, 2],
    )
    for r in rapport.projecten:
        opmaak.kop(r.project.naam, 3)
        if r.project.voortgang:
            opmaak.alinea(f"Voortgang: {r.project.voortgang}")
        if r.volgende_mijlpaal:
            opmaak.alinea(
                f"Volgende mijlpaal: {r.volgende_mijlpaal.naam}, gepland "
                f"{r.volgende_mijlpaal.gepland:%d-%m-%Y}."
            )
        if r.open_risicos:
            opmaak.tabel(
                ["Risico", "Niveau", "Maatregel"],
                [
                    [risico.omschrijving, risico.get_niveau_display(), risico.maatregel]
                    for risico in r.open_risicos
                ],
                breedtes=[4, 1, 4],
            )
        else:
            opmaak.alinea("Geen open risico's.")


def _indicatoren(opmaak: Opmaak, rapport: Rapport) -> None:
    opmaak.kop("Toelichting op de indicatoren", 2)
    opmaak.alinea("Alle indicatoren over de laatste perioden:")
    opmaak.tabel(
        ["Indicator", *(p.label for p in rapport.perioden)],
        [
            [
                blok.indicator.titel,
                *(
                    [tekst(m) for _, m in blok.trend]
                    if blok.trend
                    else ["—"] * (len(rapport.perioden) - 1) + [blok.tekst]
                ),
            ]
            for blok in rapport.indicatoren
        ],
        breedtes=[4] + [2] * len(rapport.perioden),
        grootte=8,
    )
    for blok in rapport.indicatoren:
        opmaak.kop(blok.indicator.titel, 3)
        opmaak.alinea(f"{rapport.periode.label}: {blok.tekst}. {blok.uitleg}")
        opmaak.alinea(f"Hoe we dit meten: {blok.indicator.definitie}", grijs=True)
