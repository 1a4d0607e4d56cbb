"""A small world for the processing log: a werkorganisatie serving Duinwaard and
Lindebroek with a privacy officer and a behandelaar, and another organisation
serving Lindebroek and Elders."""

from dataclasses import dataclass

from loket.organisaties.roles import Rolcode
from loket.verwerkingen.models import Activiteit, Doel, Verwerking
from loket.verwerkingen.services import leg_vast
from tests import factories

BSN = "999993653"
ANDER_BSN = "999990019"
KVK = "69599084"


@dataclass
class Wereld:
    duinwaard: object
    lindebroek: object
    elders: object
    werkorganisatie: object
    andere: object
    privacy: object
    behandelaar: object
    kcc: object
    vreemde: object  # staff of the other organisation


def wereld() -> Wereld:
    duinwaard = factories.gemeente(naam="Duinwaard")
    lindebroek = factories.gemeente(naam="Lindebroek")
    elders = factories.gemeente(naam="Elders")
    werkorganisatie = factories.organisatie(
        duinwaard, lindebroek, naam="Werkorganisatie Duin en Linde"
    )
    andere = factories.organisatie(lindebroek, elders, naam="Andere organisatie")
    return Wereld(
        duinwaard=duinwaard,
        lindebroek=lindebroek,
        elders=elders,
        werkorganisatie=werkorganisatie,
        andere=andere,
        privacy=factories.medewerker(
            werkorganisatie, rollen=(Rolcode.PRIVACY_OFFICER,), naam="Pia Privacy"
        ),
        behandelaar=factories.medewerker(
            werkorganisatie, rollen=(Rolcode.BEHANDELAAR,), naam="Jeroen de Vries"
        ),
        kcc=factories.medewerker(
            werkorganisatie, rollen=(Rolcode.KCC_MEDEWERKER,), naam="Sanne Jansen"
        ),
        vreemde=factories.medewerker(
            andere, rollen=(Rolcode.BEHANDELAAR,), naam="Vera Vreemd"
        ),
    )


def log(
    medewerker,
    *,
    bsn=BSN,
    kvk="",
    gemeente=None,
    zaak="",
    activiteit=Activiteit.ZAAK_INGEZIEN,
    doel=Doel.BEHANDELEN,
    toelichting="",
) -> Verwerking:
    (verwerking,) = leg_vast(
        medewerker=medewerker,
        activiteit=activiteit,
        doel=doel,
        bsn=bsn,
        kvk=kvk,
        gemeente=gemeente,
        zaak_identificatie=zaak,
        toelichting=toelichting,
    )
    return verwerking
