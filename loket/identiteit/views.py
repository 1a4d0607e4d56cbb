import base64
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import PasswordResetConfirmView
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

import qrcode
import qrcode.image.svg

from loket.identiteit import services
from loket.identiteit.decorators import staff_login_required
from loket.identiteit.forms import (
    CodeForm,
    LoginForm,
    PasswordForgottenForm,
    PasswordSetForm,
)
from loket.identiteit.selectors import confirmed_totp_device, is_fully_logged_in
from loket.identiteit.services import Step
from loket.organisaties import selectors as organisaties
from loket.organisaties.roles import Rolcode
from loket.werkplek import toegang

WRONG_LOGIN = "Het e-mailadres of het wachtwoord klopt niet."
WRONG_CODE = (
    "Deze code klopt niet. Controleer of u de code van Loket gebruikt en of de "
    "tijd op uw telefoon goed staat."
)
LOCKED = (
    "Er is te vaak een verkeerd wachtwoord of een verkeerde code ingevuld. "
    "Inloggen is daarom tijdelijk geblokkeerd. Probeer het over {minutes} minuten "
    "opnieuw, of vraag via 'Wachtwoord vergeten' een nieuw wachtwoord aan."
)


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _with_next(name: str, next_url: str) -> str:
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _after_login(request, next_url: str):
    if not next_url and toegang.heeft_werkplek(request.user):
        return redirect("werkplek:index")
    if not next_url and Rolcode.BESTUURDER in request.user.rolcodes:
        # College and council members come for the sturing information.
        return redirect("sturing:index")
    return redirect(next_url or "identiteit:account")


def _locked_message() -> str:
    return LOCKED.format(minutes=settings.LOGIN_LOCK_MINUTES)


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def login(request):
    next_url = _next_url(request)
    if is_fully_logged_in(request):
        return _after_login(request, next_url)
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        step = services.password_step(
            request,
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
        )
        if step == Step.DONE:
            return _after_login(request, next_url)
        if step == Step.CODE:
            return redirect(_with_next("identiteit:code", next_url))
        if step == Step.ENROL:
            return redirect(_with_next("identiteit:enrol", next_url))
        if step == Step.LOCKED:
            form.add_error(None, _locked_message())
            status = 429
        else:
            form.add_error(None, WRONG_LOGIN)
            status = 400
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "identiteit/login.html",
        {"form": form, "next": next_url},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def code(request):
    next_url = _next_url(request)
    if services.pending_medewerker(request) is None:
        messages.info(request, "Log opnieuw in: de vorige poging is verlopen.")
        return redirect(_with_next("identiteit:login", next_url))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        step = services.code_step(request, code=form.cleaned_data["code"])
        if step == Step.DONE:
            return _after_login(request, next_url)
        if step == Step.LOCKED:
            messages.error(request, _locked_message())
            return redirect("identiteit:login")
        form.add_error("code", WRONG_CODE)
        status = 400
    elif request.method == "POST":
        status = 400
    return render(
        request, "identiteit/code.html", {"form": form, "next": next_url}, status=status
    )


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request):
    """Set up the authenticator app: at a first login, or to replace it."""
    next_url = _next_url(request)
    logged_in = is_fully_logged_in(request)
    medewerker = request.user if logged_in else services.pending_medewerker(request)
    if medewerker is None:
        return redirect(
            _with_next("identiteit:login", next_url or reverse("identiteit:enrol"))
        )
    device = services.enrolment_device(medewerker)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        step = services.confirm_enrolment(
            request, medewerker, code=form.cleaned_data["code"]
        )
        if step == Step.DONE:
            messages.success(request, "Tweestapsverificatie is ingesteld.")
            return _after_login(request, next_url)
        if step == Step.LOCKED:
            messages.error(request, _locked_message())
            return redirect("identiteit:login")
        form.add_error("code", WRONG_CODE)
        status = 400
    elif request.method == "POST":
        status = 400
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "identiteit/enrol.html",
        {
            "form": form,
            "next": next_url,
            "qr_svg": mark_safe(_qr_svg(device.config_url)),  # noqa: S308 (made here)
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
            "replacing": logged_in and confirmed_totp_device(medewerker) is not None,
            "medewerker": medewerker,
        },
        status=status,
    )


@never_cache
@staff_login_required
def account(request):
    medewerker = request.user
    return render(
        request,
        "identiteit/account.html",
        {
            "medewerker": medewerker,
            "gemeenten": organisaties.gemeenten_for(medewerker),
            "teams": medewerker.teams.all(),
            "heeft_tweede_factor": confirmed_totp_device(medewerker) is not None,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def logout(request):
    if request.method == "POST":
        services.logout(request)
        messages.success(request, "U bent uitgelogd.")
        return redirect("identiteit:login")
    if not request.user.is_authenticated:
        return redirect("identiteit:login")
    return render(request, "identiteit/logout.html")


@never_cache
@require_http_methods(["GET", "POST"])
def password_forgotten(request):
    form = PasswordForgottenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.request_password_link(request, email=form.cleaned_data["email"])
        return render(
            request,
            "identiteit/password_forgotten_sent.html",
            {"email": form.cleaned_data["email"]},
        )
    status = 400 if request.method == "POST" else 200
    return render(
        request, "identiteit/password_forgotten.html", {"form": form}, status=status
    )


class PasswordSetView(PasswordResetConfirmView):
    """Choose a password from the link in an invitation or reset e-mail."""

    form_class = PasswordSetForm
    template_name = "identiteit/password_set.html"
    reset_url_token = "kiezen"  # noqa: S105 (a URL segment)
    success_url = reverse_lazy("identiteit:login")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request, "Uw wachtwoord is opgeslagen. U kunt nu inloggen."
        )
        return response
