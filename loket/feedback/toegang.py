"""Who sees the survey answers on the werkplek and who marks their follow-up.

Team leaders, KCC staff and functional administrators read the comments and
mark what was done with them; college and council members (*bestuurder*) read
only. Everyone only for the gemeenten their organisation serves."""

from loket.organisaties.models import Medewerker
from loket.organisaties.roles import Rolcode

OPVOLGEN = frozenset(
    {Rolcode.TEAMLEIDER, Rolcode.KCC_MEDEWERKER, Rolcode.FUNCTIONEEL_BEHEERDER}
)
LEZEN = OPVOLGEN | {Rolcode.BESTUURDER}


def mag_zien(medewerker: Medewerker) -> bool:
    return medewerker.is_superuser or bool(medewerker.rolcodes & LEZEN)


def mag_opvolgen(medewerker: Medewerker) -> bool:
    return medewerker.is_superuser or bool(medewerker.rolcodes & OPVOLGEN)
