"""Writing the processing log. Every page that shows a person's or company's data
calls ``leg_vast`` in the request that shows it (one insert for all persons)."""

from collections.abc import Iterable

from django.utils import timezone

from loket.verwerkingen.models import Activiteit, Doel, Verwerking

Betrokkene = tuple[str, str]  # (bsn, kvk); one of the two is filled


def leg_vast(
    *,
    medewerker,
    activiteit: Activiteit,
    doel: Doel,
    bsn: str = "",
    kvk: str = "",
    betrokkenen: Iterable[Betrokkene] = (),
    gemeente=None,
    zaak_identificatie: str = "",
    toelichting: str = "",
    tijdstip=None,
) -> list[Verwerking]:
    """Log that ``medewerker`` (None: Loket itself, for the resident) processed the
    data of the person ``bsn`` or company ``kvk``, or of each of ``betrokkenen``,
    now (``tijdstip`` only for the demo's history)."""
    wie = {(b, k) for b, k in [(bsn, kvk), *betrokkenen] if b or k}
    if not wie:
        return []
    naam = medewerker.naam if medewerker is not None else "Loket (automatisch)"
    organisatie = (
        medewerker.organisatie.naam
        if medewerker is not None and medewerker.organisatie_id
        else ""
    )
    tijdstip = tijdstip or timezone.now()
    return Verwerking.objects.bulk_create(
        Verwerking(
            tijdstip=tijdstip,
            medewerker=medewerker,
            medewerker_naam=naam[:150],
            organisatie_naam=organisatie[:150],
            functie=functie(medewerker)[:150],
            gemeente=gemeente,
            bsn=b,
            kvk=k,
            activiteit=activiteit,
            doel=doel,
            zaak_identificatie=zaak_identificatie[:40],
            toelichting=toelichting[:200],
        )
        for b, k in sorted(wie)
    )


def functie(medewerker) -> str:
    """What the resident is told about who it was: the roles, not the name
    ("KCC-medewerker"); empty for Loket itself."""
    if medewerker is None:
        return ""
    rollen = medewerker.rollen()  # rolcodes is cached on the request's user
    if rollen:
        return ", ".join(rollen)
    return "Platformbeheerder" if medewerker.is_superuser else "Medewerker"
