"""The survey form (grade, four statements, comment, consent to be contacted)
and the follow-up form for staff."""

from django import forms

from loket.core.forms import LoketForm
from loket.feedback.models import Opvolging
from loket.feedback.services import MAX_OPMERKING


class Keuzes(forms.RadioSelect):
    """Radio buttons whose field id is that of the first button, so the error
    summary's link moves the focus into the group."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


SCHAAL = [
    ("1", "Helemaal mee oneens"),
    ("2", "Mee oneens"),
    ("3", "Niet mee eens en niet mee oneens"),
    ("4", "Mee eens"),
    ("5", "Helemaal mee eens"),
]
STELLINGEN = {
    "snelheid": "Het ging snel genoeg.",
    "geholpen": "Ik voelde me goed geholpen.",
    "gemak": "Het was makkelijk.",
    "in_een_keer": "Het was in één keer geregeld.",
}
# The same, as a column heading on the staff page.
KOPPEN = {
    "snelheid": "Snel genoeg",
    "geholpen": "Goed geholpen",
    "gemak": "Makkelijk",
    "in_een_keer": "In één keer geregeld",
}


def _stelling(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=SCHAAL,
        coerce=int,
        empty_value=None,
        required=False,
        widget=Keuzes,
        error_messages={"invalid_choice": "Kies een van de antwoorden."},
    )


class VragenlijstForm(LoketForm):
    cijfer = forms.TypedChoiceField(
        label="Welk cijfer geeft u ons? (1 is heel slecht, 10 is uitstekend)",
        choices=[(str(n), str(n)) for n in range(1, 11)],
        coerce=int,
        widget=Keuzes,
        error_messages={
            "required": "Kies een cijfer van 1 tot en met 10.",
            "invalid_choice": "Kies een cijfer van 1 tot en met 10.",
        },
    )
    snelheid = _stelling(STELLINGEN["snelheid"])
    geholpen = _stelling(STELLINGEN["geholpen"])
    gemak = _stelling(STELLINGEN["gemak"])
    in_een_keer = _stelling(STELLINGEN["in_een_keer"])
    opmerking = forms.CharField(
        label="Wilt u nog iets kwijt? (niet verplicht)",
        required=False,
        max_length=MAX_OPMERKING,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Schrijf hier geen persoonlijke gegevens, zoals uw naam of "
        "burgerservicenummer. Medewerkers lezen uw opmerking zonder te weten van "
        f"wie zij is. Maximaal {MAX_OPMERKING} tekens.",
        error_messages={
            "max_length": "Uw opmerking is te lang: maximaal %(limit_value)d tekens."
        },
    )
    contact = forms.BooleanField(
        label="U mag contact met mij opnemen over mijn antwoord",
        required=False,
    )
    telefoonnummer = forms.CharField(
        label="Op welk telefoonnummer mogen wij u bellen? (niet verplicht)",
        required=False,
        max_length=20,
        help_text="Alleen als u hierboven toestemming geeft. Laat het leeg als wij "
        "uw telefoonnummer al hebben.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={
            "max_length": "Dit telefoonnummer is te lang: maximaal %(limit_value)d "
            "tekens."
        },
    )

    def stellingen(self):
        return [self[veld] for veld in STELLINGEN]


class OpvolgingForm(LoketForm):
    opvolging = forms.ChoiceField(
        label="Opvolging",
        choices=Opvolging.choices,
        error_messages={
            "required": "Kies wat er met dit antwoord gebeurt.",
            "invalid_choice": "Kies wat er met dit antwoord gebeurt.",
        },
    )
    notitie = forms.CharField(
        label="Notitie (niet verplicht)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": "Uw notitie is te lang: maximaal %(limit_value)d tekens."
        },
    )
