"""Demo letter templates: three Briefsjablonen for every organisation that serves a
demo gemeente, through ``services.dossier.bewaar_briefsjabloon``."""

from loket.organisaties.models import Organisatie
from loket.werkplek.models import Briefsjabloon
from loket.werkplek.services.dossier import bewaar_briefsjabloon

_AANHEF = "{{ naam }}\n{{ adres }}\n\n{{ gemeente.naam }}, {{ datum }}\n\n"
_GROET = (
    "\n\nHeeft u vragen? Neem dan contact met ons op en noem het zaaknummer "
    "{{ zaak.identificatie }}.\n\n"
    "Met vriendelijke groet,\n\n"
    "{{ medewerker.naam }}\n"
    "namens het college van burgemeester en wethouders van {{ gemeente.naam }}\n"
    "{{ gemeente.adres }}"
)

SJABLONEN = [
    (
        "Ontvangstbevestiging",
        "Wij hebben uw aanvraag ontvangen ({{ zaak.identificatie }})",
        _AANHEF + "Geachte heer, mevrouw,\n\n"
        "Op {{ zaak.registratiedatum }} hebben wij uw aanvraag "
        "{{ zaak.zaaktype }} ontvangen: {{ zaak.omschrijving }}.\n\n"
        "Wij beslissen uiterlijk op {{ zaak.uiterste_datum }}. Hebben wij meer "
        "gegevens van u nodig, dan laten wij dat weten. U kunt uw aanvraag volgen "
        "in Mijn Loket." + _GROET,
        "Ontvangstbevestiging",
    ),
    (
        "Verzoek om aanvulling",
        "Wij hebben meer gegevens nodig ({{ zaak.identificatie }})",
        _AANHEF + "Geachte heer, mevrouw,\n\n"
        "Wij hebben uw aanvraag {{ zaak.zaaktype }} in behandeling. Om haar te "
        "kunnen beoordelen, hebben wij nog de volgende gegevens van u nodig:\n\n"
        "- [schrijf hier welke gegevens]\n\n"
        "Wilt u die binnen twee weken sturen? Dat kan in Mijn Loket. Tot wij ze "
        "hebben, staat de termijn stil (Algemene wet bestuursrecht, artikel "
        "4:15)." + _GROET,
        "Verzoek om aanvulling",
    ),
    (
        "Besluit verleend",
        "Besluit op uw aanvraag {{ zaak.zaaktype }}",
        _AANHEF + "Geachte heer, mevrouw,\n\n"
        "Op {{ zaak.registratiedatum }} vroeg u: {{ zaak.omschrijving }}. "
        "Wij hebben besloten uw aanvraag toe te kennen.\n\n"
        "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de "
        "datum van deze brief bezwaar maken. Dat kan in Mijn Loket of per "
        "brief." + _GROET,
        "Besluit",
    ),
]


def load(gemeenten: dict, report) -> None:
    """Give every organisation serving one of ``gemeenten`` the demo letter
    templates it does not have yet (idempotent)."""
    organisaties = Organisatie.objects.filter(
        gemeenten__in=list(gemeenten.values())
    ).distinct()
    for organisatie in organisaties:
        bestaand = set(
            Briefsjabloon.objects.filter(organisatie=organisatie).values_list(
                "naam", flat=True
            )
        )
        for naam, onderwerp, tekst, documenttype in SJABLONEN:
            nieuw = naam not in bestaand
            if nieuw:
                bewaar_briefsjabloon(
                    organisatie=organisatie,
                    naam=naam,
                    onderwerp=onderwerp,
                    tekst=tekst,
                    informatieobjecttype_omschrijving=documenttype,
                )
            report.note(nieuw, f"briefsjabloon {naam} ({organisatie.naam})")
