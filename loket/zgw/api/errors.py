"""Errors in the format every ZGW API uses (``application/problem+json``).

Texts are Dutch, like the rest of Loket. ``code`` values follow the conventions of
the ZGW ecosystem, so clients written against other implementations understand them.
"""

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.http import HttpResponse

import orjson
from jsonschema.exceptions import ValidationError as SchemaError

PROBLEM_JSON = "application/problem+json"

TITLES = {
    400: "Ongeldige invoer.",
    401: "Authenticatiegegevens zijn niet opgegeven.",
    403: "U heeft geen toestemming om deze actie uit te voeren.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Kan niet voldoen aan de opgegeven Accept header.",
    409: "Conflict.",
    412: "Niet aan de voorwaarde voldaan.",
    415: "Ongeldige media type in aanvraag.",
    429: "Te veel verzoeken.",
    500: "Er is een serverfout opgetreden.",
}


@dataclass
class InvalidParam:
    name: str
    code: str
    reason: str

    def as_dict(self) -> dict:
        return {"name": self.name, "code": self.code, "reason": self.reason}


@dataclass
class ApiError(Exception):
    status: int
    code: str
    detail: str
    title: str = ""
    invalid_params: list[InvalidParam] = field(default_factory=list)

    def __post_init__(self):
        self.title = self.title or TITLES.get(self.status, "Fout.")

    def response(self, request) -> HttpResponse:
        body = {
            "type": _type_uri(request, self.code),
            "code": self.code,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "instance": f"urn:uuid:{uuid.uuid4()}",
        }
        if self.status == 400:
            body["invalidParams"] = [p.as_dict() for p in self.invalid_params]
        return HttpResponse(
            orjson.dumps(body), status=self.status, content_type=PROBLEM_JSON
        )


def _type_uri(request, code: str) -> str:
    return request.build_absolute_uri(f"/zgw/fouten/{code}/")


def invalid(params: list[InvalidParam], detail: str = "") -> ApiError:
    return ApiError(
        400,
        "invalid",
        detail or "; ".join(f"{p.name}: {p.reason}" for p in params),
        invalid_params=params,
    )


def field_error(name: str, code: str, reason: str) -> ApiError:
    return invalid([InvalidParam(name, code, reason)])


def not_found(detail: str = "Niet gevonden.") -> ApiError:
    return ApiError(404, "not_found", detail)


# -- translating validation errors -----------------------------------------------------

_SCHEMA_CODES = {
    "maxLength": "max_length",
    "minLength": "min_length",
    "enum": "invalid_choice",
    "format": "invalid",
    "pattern": "invalid",
    "maximum": "max_value",
    "minimum": "min_value",
    "maxItems": "max_length",
    "minItems": "min_length",
    "uniqueItems": "unique",
}


def from_schema_errors(errors: list[SchemaError]) -> list[InvalidParam]:
    """JSON Schema errors as ZGW invalidParams (name is the dotted path)."""
    params = []
    for error in errors:
        error = _most_specific(error)
        path = [str(p) for p in error.absolute_path]
        if error.validator == "required":
            missing = error.message.split("'")[1]
            params.append(
                InvalidParam(
                    ".".join([*path, missing]), "required", "Dit veld is vereist."
                )
            )
            continue
        name = ".".join(path) or "nonFieldErrors"
        code, reason = _code_and_reason(error)
        params.append(InvalidParam(name, code, reason))
    return _unique(params)


def _most_specific(error: SchemaError) -> SchemaError:
    """For ``anyOf`` (how nullable is expressed) report the branch that is not null."""
    while error.validator in ("anyOf", "oneOf", "allOf") and error.context:
        candidates = [
            e
            for e in error.context
            if not (e.validator == "type" and e.validator_value == "null")
        ]
        if not candidates:
            break
        error = max(candidates, key=lambda e: len(e.absolute_path))
    return error


def _code_and_reason(error: SchemaError) -> tuple[str, str]:
    value, limit = error.instance, error.validator_value
    if error.validator == "type":
        if value is None:
            return "null", "Dit veld mag niet leeg zijn."
        return "invalid", f"Dit veld moet van het type {_type_name(limit)} zijn."
    if error.validator == "minLength" and value == "":
        return "blank", "Dit veld mag niet leeg zijn."
    if error.validator == "minItems" and value == []:
        return "empty", "Deze lijst mag niet leeg zijn."
    code = _SCHEMA_CODES.get(error.validator, "invalid")
    reasons = {
        "maxLength": f"Zorg ervoor dat dit veld niet meer dan {limit} tekens bevat.",
        "minLength": f"Zorg ervoor dat dit veld minstens {limit} tekens bevat.",
        "enum": f"{value!r} is geen geldige keuze.",
        "format": f"Dit is geen geldige waarde van het formaat {limit}.",
        "maximum": f"Zorg ervoor dat deze waarde kleiner is dan of gelijk aan {limit}.",
        "minimum": f"Zorg ervoor dat deze waarde groter is dan of gelijk aan {limit}.",
        "maxItems": f"Zorg ervoor dat deze lijst hoogstens {limit} elementen bevat.",
        "minItems": f"Zorg ervoor dat deze lijst minstens {limit} elementen bevat.",
        "uniqueItems": "Deze lijst bevat dubbele waarden.",
    }
    return code, reasons.get(error.validator, "Ongeldige waarde.")


def _type_name(expected) -> str:
    names = {
        "string": "tekst",
        "integer": "geheel getal",
        "number": "getal",
        "boolean": "ja/nee (true/false)",
        "array": "lijst",
        "object": "object",
    }
    if isinstance(expected, list):
        return " of ".join(names.get(t, t) for t in expected)
    return names.get(expected, str(expected))


def from_django(
    error: ValidationError, names: dict[str, str] | None = None
) -> list[InvalidParam]:
    """A Django ValidationError from a service as invalidParams; ``names`` maps model
    field names to API names (``begin_geldigheid`` → ``beginGeldigheid``)."""
    names = names or {}
    params = []
    if hasattr(error, "error_dict"):
        for field_name, errors in error.error_dict.items():
            api_name = names.get(field_name, _camel(field_name))
            if field_name == "__all__":
                api_name = "nonFieldErrors"
            for item in errors:
                params.append(
                    InvalidParam(api_name, item.code or "invalid", _text(item))
                )
    else:
        for item in error.error_list:
            params.append(
                InvalidParam("nonFieldErrors", item.code or "invalid", _text(item))
            )
    return params


def _text(error: ValidationError) -> str:
    return next(iter(error.messages), "Ongeldige waarde.")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _unique(params: list[InvalidParam]) -> list[InvalidParam]:
    seen, result = set(), []
    for param in params:
        key = (param.name, param.code)
        if key not in seen:
            seen.add(key)
            result.append(param)
    return result
