"""Query parameters, checked against the operation's specification.

A parameter the specification does not list is refused (the standard requires a 400
for it); a value that does not fit its type or format is refused with the parameter
as ``invalidParams[].name``.
"""

from datetime import date

from loket.zgw.api import formats
from loket.zgw.api.errors import ApiError, InvalidParam, invalid

TRUE, FALSE = {"true", "True", "1"}, {"false", "False", "0"}


def parse(operation, querydict) -> dict:
    """The operation's query parameters, checked. Where the operation documents no
    400 (a detail GET), unknown parameters are ignored instead, as the reference
    implementation does; a malformed value of a known parameter is always refused
    (the dispatcher answers with a status the operation documents)."""
    specified = operation.query_parameters
    strict = "400" in operation.responses
    unknown = sorted(set(querydict) - set(specified))
    if unknown and strict:
        raise ApiError(
            400,
            "invalid",
            f"Onbekende parameters: {', '.join(unknown)}.",
            invalid_params=[
                InvalidParam(
                    "nonFieldErrors",
                    "unknown-parameters",
                    f"Onbekende query-parameters: {', '.join(unknown)}.",
                )
            ],
        )
    values, problems = {}, []
    for name, parameter in specified.items():
        if name not in querydict:
            if parameter.required:
                problems.append(InvalidParam(name, "required", "Dit veld is vereist."))
            continue
        raw_values = querydict.getlist(name)
        try:
            values[name] = _value(parameter, raw_values)
        except ValueError as error:
            problems.append(InvalidParam(name, "invalid", str(error)))
    if problems:
        raise invalid(problems)
    return values


def _value(parameter, raw_values: list[str]):
    schema = parameter.schema
    if parameter.is_array:
        items = []
        for raw in raw_values:
            parts = raw.split(",") if not parameter.explode else [raw]
            items.extend(part for part in parts if part != "")
        return [_scalar(schema.get("items", {}), item) for item in items]
    return _scalar(schema, raw_values[-1])


def _scalar(schema: dict, raw: str):
    kind = schema.get("type", "string")
    if kind == "integer":
        try:
            value = int(raw)
        except ValueError:
            raise ValueError("Voer een geheel getal in.") from None
        if "minimum" in schema and value < schema["minimum"]:
            raise ValueError(f"Voer een getal van minstens {schema['minimum']} in.")
        if "maximum" in schema and value > schema["maximum"]:
            raise ValueError(f"Voer een getal van hoogstens {schema['maximum']} in.")
        return value
    if kind == "boolean":
        if raw in TRUE:
            return True
        if raw in FALSE:
            return False
        raise ValueError("Voer true of false in.")
    enum = _flat(schema.get("enum"))
    if enum is not None and raw not in enum:
        choices = ", ".join(str(c) for c in enum)
        raise ValueError(f"{raw!r} is geen geldige keuze; kies uit {choices}.")
    fmt = schema.get("format")
    if fmt == "date":
        return parse_date(raw)
    if fmt == "uri" and raw == "":
        raise ValueError("Geef een URL.")
    if fmt in formats.CHECKS and not formats.CHECKS[fmt](raw):
        raise ValueError(f"Dit is geen geldige waarde van het formaat {fmt}.")
    if "maxLength" in schema and len(raw) > schema["maxLength"]:
        raise ValueError(f"Hoogstens {schema['maxLength']} tekens.")
    return raw


def _flat(enum):
    """The Zaken file nests its ``ordering`` choices in a list of lists."""
    if enum is None:
        return None
    flat = []
    for value in enum:
        flat.extend(value if isinstance(value, list) else [value])
    return flat


def parse_date(raw: str) -> date:
    if not formats.is_date(raw):
        raise ValueError("Voer een geldige datum in (JJJJ-MM-DD).")
    return date.fromisoformat(raw)
