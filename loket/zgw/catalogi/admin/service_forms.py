"""What the beheer's forms share: writing through services instead of
``Model.save()``, lists as one item per line, labels for tabular rows, dates.

Django's admin saves in ``save_model``/``save_related``, after the forms were
valid; a service that then refuses (``ValidationError``) would give a server error.
Here the refusal is raised as :class:`Refused`: the admin's transaction rolls back,
and the page is built again from the same POST with the service's messages on the
form (or the inline row) they belong to. The autorisaties beheer uses the same.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

NOT_SAVED = "Niet opgeslagen: los eerst de meldingen hieronder op."


class Refused(Exception):
    """A service refused; ``errors`` maps a form prefix (None: the main form) to
    its ValidationError."""

    def __init__(self, errors: dict[str | None, ValidationError]):
        super().__init__(errors)
        self.errors = errors


class ServiceAdminMixin:
    """Shows a :class:`Refused` from save_model/save_related as form errors."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refused as refused:
            request.loket_refused = refused.errors
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return with_refusal(form, request, main=True)


def with_refusal(form_class, request, *, main: bool = False):
    """The form class, adding the service's errors for its prefix when the page is
    shown again after a refusal. The main form always gets a message, so that the
    second pass never saves."""
    errors = getattr(request, "loket_refused", None)
    if not errors:
        return form_class

    class RefusedForm(form_class):
        def clean(self):
            cleaned = super().clean()
            if main:
                self.add_error(None, NOT_SAVED)
            error = errors.get(None if main else self.prefix)
            if error is not None:
                add_service_error(self, error)
            return cleaned

    RefusedForm.__name__ = form_class.__name__
    return RefusedForm


def add_service_error(form, error: ValidationError, names: dict | None = None) -> None:
    """Put each message on its field when the form shows that field; otherwise at
    the top of the form, with the field's name in front."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        name = (names or {}).get(name, name)
        if name in form.fields:
            form.add_error(name, errors)
            continue
        for item in errors:
            if name == NON_FIELD_ERRORS:
                form.add_error(None, item)
            else:
                label = _label(form, name)
                form.add_error(None, f"{label}: {' '.join(item.messages)}")


def _label(form, name: str) -> str:
    model = getattr(getattr(form, "_meta", None), "model", None)
    names = {f.name: f for f in model._meta.get_fields()} if model else {}
    field = names.get(name)
    return str(getattr(field, "verbose_name", name.replace("_", " ")))


def adopt(obj, created) -> None:
    """The admin keeps working with the object its form filled; make it the one
    the service created."""
    obj.__dict__.update(created.__dict__)


class LinesField(forms.CharField):
    """A list of texts, one per line (for the JSON list fields of the standard)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


def labelled(formset_class, row_name: str):
    """A tabular inline shows its labels only as column headers; give every input
    its own accessible name (WCAG 2.2, 1.3.1 and 4.1.2), including the delete box."""

    class LabelledFormSet(formset_class):
        def add_fields(self, form, index):
            super().add_fields(form, index)
            row = (
                f"{row_name} {index + 1}" if index is not None else f"nieuw {row_name}"
            )
            for field in form.fields.values():
                if not field.widget.is_hidden:
                    field.widget.attrs.setdefault("aria-label", f"{field.label}, {row}")

    LabelledFormSet.__name__ = formset_class.__name__
    return LabelledFormSet


class DateInput(forms.DateInput):
    """The browser's own date picker: accessible, and no script needed."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
