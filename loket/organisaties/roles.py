"""The staff roles and what each may do, in one readable place.

A functional administrator gives people roles; what a role means is part of the
product and changes only with the code (and its review). Permissions here are Django
permission names (``app_label.codename``); ``RolBackend`` grants them.
What a staff member sees is further limited to the gemeenten their organisation
serves (see ``selectors``).
"""

from dataclasses import dataclass, field

from django.db import models


class Rolcode(models.TextChoices):
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", "Functioneel beheerder"
    BEHANDELAAR = "behandelaar", "Behandelaar"
    KCC_MEDEWERKER = "kcc_medewerker", "KCC-medewerker"
    TEAMLEIDER = "teamleider", "Teamleider"
    BESTUURDER = "bestuurder", "Bestuurder of raadslid"
    ARCHIVARIS = "archivaris", "Archivaris"
    PRIVACY_OFFICER = "privacy_officer", "Privacy officer / FG"
    SECURITY_OFFICER = "security_officer", "Security officer"


@dataclass(frozen=True)
class RolDefinitie:
    omschrijving: str
    alleen_lezen: bool = False
    permissies: frozenset[str] = field(default_factory=frozenset)


def _view(*models_: str) -> set[str]:
    return {f"{m.split('.')[0]}.view_{m.split('.')[1]}" for m in models_}


def _manage(*models_: str) -> set[str]:
    return {
        f"{m.split('.')[0]}.{action}_{m.split('.')[1]}"
        for m in models_
        for action in ("view", "add", "change", "delete")
    }


CATALOGUS = (
    "catalogi.catalogus",
    "catalogi.zaaktype",
    "catalogi.statustype",
    "catalogi.resultaattype",
    "catalogi.roltype",
    "catalogi.eigenschap",
    "catalogi.zaaktypeinformatieobjecttype",
    "catalogi.zaakobjecttype",
    "catalogi.informatieobjecttype",
    "catalogi.besluittype",
)
KOPPELINGEN = (
    "autorisaties.applicatie",
    "autorisaties.client",
    "autorisaties.autorisatie",
)
NOTIFICATIES = (
    "notificaties.kanaal",
    "notificaties.abonnement",
    "notificaties.notificatie",
    "notificaties.aflevering",
)
FORMULIEREN = ("formulieren.formulier", "formulieren.stap", "formulieren.veld")


ROLLEN: dict[Rolcode, RolDefinitie] = {
    Rolcode.FUNCTIONEEL_BEHEERDER: RolDefinitie(
        "Richt Loket in voor de eigen organisatie: gegevens en huisstijl van de "
        "gemeenten, teams en medewerkers met hun rollen.",
        permissies=frozenset(
            _view(
                "organisaties.gemeente", "organisaties.organisatie", "organisaties.rol"
            )
            | {
                "organisaties.change_gemeente",
                "organisaties.add_team",
                "organisaties.change_team",
                "organisaties.delete_team",
                "organisaties.view_team",
                "organisaties.add_medewerker",
                "organisaties.change_medewerker",
                "organisaties.view_medewerker",
                "organisaties.reset_tweede_factor",
                "referentielijsten.view_procestype",
                "referentielijsten.view_resultaat",
                "notificaties.view_notificatie",
                "notificaties.change_aflevering",
            }
            | _manage(*CATALOGUS, *KOPPELINGEN, *FORMULIEREN)
            | _view("formulieren.inzending")
            # Products are taken offline rather than deleted; life events are
            # a fixed set kept by the platform.
            | _view("producten.levensgebeurtenis")
            | {
                "producten.view_productdefinitie",
                "producten.add_productdefinitie",
                "producten.change_productdefinitie",
                "producten.view_gemeenteproduct",
                "producten.add_gemeenteproduct",
                "producten.change_gemeenteproduct",
            }
            | _manage("referentielijsten.resultaattypeomschrijving")
            | _manage("referentielijsten.communicatiekanaal")
            | _manage("notificaties.kanaal", "notificaties.abonnement")
            | _view("notificaties.aflevering")
            | _manage("portaal.mailsjabloon")
            | _manage("identiteit.oidckoppeling")
            | _manage("werkplek.routering", "werkplek.briefsjabloon")
            | _manage("klantcontact.kennisartikel")
            | _manage("klantcontact.klantcontactinstelling")
            | _manage("feedback.feedbackinstelling")
            | _manage("sturing.sturinginstelling")
        ),
    ),
    Rolcode.BEHANDELAAR: RolDefinitie(
        "Behandelt zaken van de eigen teams.",
    ),
    Rolcode.KCC_MEDEWERKER: RolDefinitie(
        "Beantwoordt vragen van inwoners en bedrijven op alle kanalen en ziet het "
        "klantbeeld.",
    ),
    Rolcode.TEAMLEIDER: RolDefinitie(
        "Verdeelt het werk van een team en ziet de voortgang.",
        permissies=frozenset(_view("organisaties.team", "organisaties.medewerker")),
    ),
    Rolcode.BESTUURDER: RolDefinitie(
        "Collegelid of raadslid: leest de sturingsinformatie van de eigen gemeente, "
        "wijzigt niets.",
        alleen_lezen=True,
    ),
    Rolcode.ARCHIVARIS: RolDefinitie(
        "Bewaakt bewaartermijnen, vernietigingslijsten en overbrenging naar het "
        "e-Depot.",
        permissies=frozenset(
            _view("organisaties.gemeente", "organisaties.organisatie")
        ),
    ),
    Rolcode.PRIVACY_OFFICER: RolDefinitie(
        "Functionaris gegevensbescherming: ziet wie welke persoonsgegevens verwerkte "
        "en behandelt AVG-verzoeken.",
        alleen_lezen=True,
        permissies=frozenset(
            _view(
                "organisaties.medewerker",
                "organisaties.organisatie",
                "identiteit.inlogpoging",
                "verwerkingen.verwerking",
            )
        ),
    ),
    Rolcode.SECURITY_OFFICER: RolDefinitie(
        "Bewaakt de informatiebeveiliging: inlogpogingen, accounts en "
        "tweestapsverificatie.",
        permissies=frozenset(
            _view(
                "organisaties.medewerker",
                "organisaties.organisatie",
                "organisaties.team",
                "identiteit.inlogpoging",
                *KOPPELINGEN,
                *NOTIFICATIES,
            )
            | {"organisaties.reset_tweede_factor"}
        ),
    ),
}


# Who may fill in a form for a resident (at the counter, on the phone, from a
# letter), for the gemeenten their organisation serves. Not a Django permission:
# these roles have nothing to manage in the beheer.
NAMENS_INWONER = frozenset({Rolcode.KCC_MEDEWERKER, Rolcode.BEHANDELAAR})


def permissies_voor(codes) -> frozenset[str]:
    result: set[str] = set()
    for code in codes:
        result |= ROLLEN[Rolcode(code)].permissies
    return frozenset(result)
