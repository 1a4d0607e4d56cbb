"""What the zaak page and its document and letter pages share."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from loket.werkplek import dossier, toegang


def behandeling(request, uuid):
    """The zaak's werkplek row, if this staff member may see it; else 404."""
    behandeling = dossier.behandeling(request.user, uuid)
    if behandeling is None:
        raise Http404("Deze zaak is niet gevonden.")
    return behandeling


def zaak_url(behandeling, anker: str = "") -> str:
    url = reverse("werkplek:zaak", kwargs={"uuid": behandeling.zaak.uuid})
    return f"{url}#{anker}" if anker else url


def fouten(form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on the field it names, if the form
    has it; otherwise above the form."""
    if hasattr(error, "error_dict"):
        for veld, fouten in error.error_dict.items():
            doel = veld if veld in form.fields else None
            for fout in fouten:
                form.add_error(doel, fout.messages[0] if fout.messages else fout)
    else:
        for bericht in error.messages:
            form.add_error(None, bericht)


def eis_behandelaar(request, behandeling) -> None:
    """Changing the zaak is for who may handle it; others get the 403 page."""
    if not toegang.mag_behandelen(request.user, behandeling):
        raise PermissionDenied("U mag deze zaak bekijken, maar niet behandelen.")
