"""Forms rendered with NL Design System (Utrecht) classes, with their errors and
help texts tied to the input for screen readers."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField

_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
}
_TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class LoketBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = _CLASSES.get(type(widget), _TEXTBOX)
        described_by = []
        if self.help_text:
            described_by.append(f"{self.auto_id}_helptext")
        if self.errors:
            css += " utrecht-textbox--invalid"
            attrs["aria-invalid"] = "true"
            described_by.append(f"{self.auto_id}_error")
        attrs["class"] = f"{attrs.get('class', '')} {css}".strip()
        if described_by:
            attrs["aria-describedby"] = " ".join(described_by)
        return attrs


class LoketForm(forms.Form):
    bound_field_class = LoketBoundField

    def add_service_error(self, error: ValidationError) -> None:
        """Show what a service refused: each message on its field when this form
        has that field, the others at the top of the form."""
        if hasattr(error, "error_dict"):
            for veld, fouten in error.error_dict.items():
                self.add_error(veld if veld in self.fields else None, fouten)
        else:
            self.add_error(None, error)
