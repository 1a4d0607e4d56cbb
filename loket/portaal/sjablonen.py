"""The texts of the e-mails to residents: placeholders such as ``{{ zaak }}`` that a
functional administrator can use, filled in by plain substitution (no template
language: an administrator's text can never run code or read other data)."""

import re

from django.core.exceptions import ValidationError

PLACEHOLDERS = {
    "naam": "de naam van de aanvrager",
    "zaak": "het zaaknummer",
    "zaaktype": "de naam van het soort aanvraag",
    "status": "de nieuwe status",
    "statustekst": "de uitleg bij de status",
    "gemeente": "de naam van de gemeente",
    "link": "de link naar de zaak in Mijn Loket",
}
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")

# Loket's own texts, for whatever no administrator wrote a sjabloon for.
STANDAARD = {
    "status": (
        "Uw aanvraag {{ zaak }}: {{ status }}",
        "Beste {{ naam }},\n\n"
        "Er is nieuws over uw aanvraag {{ zaaktype }} (zaaknummer {{ zaak }}).\n"
        "De status is nu: {{ status }}.\n\n"
        "{{ statustekst }}\n\n"
        "Bekijk uw aanvraag in Mijn Loket:\n{{ link }}\n\n"
        "Met vriendelijke groet,\n\nGemeente {{ gemeente }}\n",
    ),
    "bericht": (
        "Nieuw bericht over uw aanvraag {{ zaak }}",
        "Beste {{ naam }},\n\n"
        "U heeft een nieuw bericht over uw aanvraag {{ zaaktype }} "
        "(zaaknummer {{ zaak }}).\n\n"
        "Lees het bericht en antwoord in Mijn Loket:\n{{ link }}\n\n"
        "Wij sturen de inhoud van het bericht niet mee per e-mail, "
        "om uw gegevens te beschermen.\n\n"
        "Met vriendelijke groet,\n\nGemeente {{ gemeente }}\n",
    ),
}


def _shown(name: str) -> str:
    return "{{ " + name + " }}"


def uitleg() -> str:
    """The placeholders with what each holds, for the beheer's help text."""
    return ", ".join(f"{_shown(name)} ({what})" for name, what in PLACEHOLDERS.items())


def check_placeholders(text: str) -> None:
    """Refuse a placeholder Loket does not know, with the ones it does."""
    unknown = sorted(
        {name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS}
    )
    if unknown:
        known = ", ".join(_shown(name) for name in PLACEHOLDERS)
        raise ValidationError(
            "Onbekend invulveld: %(onbekend)s. U kunt deze gebruiken: %(bekend)s.",
            params={
                "onbekend": ", ".join(_shown(name) for name in unknown),
                "bekend": known,
            },
            code="unknown-placeholder",
        )


def fill(text: str, values: dict[str, str]) -> str:
    """Put the values in the placeholders; blank lines left by an empty value
    collapse, so a status without statustekst reads normally."""
    filled = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), text)
    return re.sub(r"\n{3,}", "\n\n", filled)
