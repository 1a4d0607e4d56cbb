from django import forms
from django.contrib.auth.forms import SetPasswordForm

from loket.core.forms import LoketBoundField, LoketForm


class LoginForm(LoketForm):
    email = forms.EmailField(
        label="E-mailadres",
        widget=forms.EmailInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        label="Wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeForm(LoketForm):
    code = forms.RegexField(
        label="Code",
        regex=r"^\s*\d{6}\s*$",
        help_text="De 6 cijfers die uw authenticator-app nu laat zien.",
        error_messages={
            "invalid": "Vul de 6 cijfers in die uw authenticator-app laat zien.",
            "required": "Vul de code uit uw authenticator-app in.",
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "size": 8,
            }
        ),
    )


class PasswordForgottenForm(LoketForm):
    email = forms.EmailField(
        label="E-mailadres",
        help_text="Het adres waarmee u inlogt.",
        widget=forms.EmailInput(attrs={"autocomplete": "username"}),
    )


class PasswordSetForm(SetPasswordForm):
    bound_field_class = LoketBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Nieuw wachtwoord"
        self.fields["new_password2"].label = "Herhaal het nieuwe wachtwoord"
        self.fields["new_password1"].help_text = (
            "Minstens 12 tekens. Geen wachtwoord dat veel gebruikt wordt of op uw "
            "naam of e-mailadres lijkt."
        )
