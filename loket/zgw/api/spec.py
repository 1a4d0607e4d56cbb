"""The official OpenAPI files as the contract, at run time and in tests.

An :class:`ApiSpec` reads one file from ``loket/zgw/specs/`` and answers, per
operation (method + path template): which query parameters exist and their types,
which scopes the JWT must carry, and the JSON Schema that a request body and each
response must satisfy. Requests are validated with it before any handler runs; the
test suite validates every response with it.
"""

import copy
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError

from loket.zgw.api import formats

SPECS = Path(__file__).resolve().parent.parent / "specs"
METHODS = ("get", "post", "put", "patch", "delete", "head")


@dataclass(frozen=True)
class Scopes:
    """Required scopes: every group must be satisfied by at least one of its scopes.

    ``security: [{JWT-Claims: ["(catalogi.lezen | zaken.lezen)"]}]`` becomes one group
    of three alternatives.
    """

    groups: tuple[frozenset[str], ...] = ()

    @classmethod
    def parse(cls, security: list | None) -> "Scopes":
        groups = []
        for requirement in security or []:
            for expressions in requirement.values():
                for expression in expressions:
                    names = re.findall(r"[A-Za-z0-9_.\-]+", expression)
                    if names:
                        groups.append(frozenset(names))
        return cls(tuple(groups))

    def satisfied_by(self, granted: set[str] | frozenset[str]) -> bool:
        return all(group & granted for group in self.groups)

    def __str__(self) -> str:
        return " en ".join(" of ".join(sorted(group)) for group in self.groups)


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    schema: dict
    explode: bool = True

    @property
    def is_array(self) -> bool:
        return self.schema.get("type") == "array"


@dataclass
class Operation:
    spec: "ApiSpec"
    method: str
    path: str
    operation_id: str
    scopes: Scopes
    parameters: dict[str, Parameter]
    request_schema: dict | None
    request_content_types: tuple[str, ...]
    responses: dict[str, dict]
    _validators: dict = field(default_factory=dict, repr=False)

    @property
    def response_media_types(self) -> set[str]:
        """What a successful response can be (``application/json``, or a file)."""
        return {
            media
            for code, response in self.responses.items()
            if code.startswith("2")
            for media in (response.get("content") or {})
        }

    @property
    def query_parameters(self) -> dict[str, Parameter]:
        return {n: p for n, p in self.parameters.items() if p.location == "query"}

    def request_validator(self) -> Draft202012Validator | None:
        if self.request_schema is None:
            return None
        if "request" not in self._validators:
            self._validators["request"] = self.spec.validator(
                self.request_schema, direction="request"
            )
        return self._validators["request"]

    def request_errors(self, body) -> list[SchemaError]:
        validator = self.request_validator()
        if validator is None:
            return []
        return sorted(validator.iter_errors(body), key=lambda e: list(e.path))

    def response_problems(self, status: int, content_type: str, body) -> list[str]:
        """Why a response does not conform to the specification (empty: it does)."""
        spec = self.responses.get(str(status)) or self.responses.get("default")
        if spec is None:
            return [f"status {status} is not documented for {self}"]
        content = spec.get("content") or {}
        if not content:
            return [] if body in (None, b"", "") else [f"{self}: {status} has no body"]
        media = content_type.split(";")[0].strip()
        if media not in content:
            return [f"{self}: {status} is not documented as {media}"]
        schema = content[media].get("schema")
        if schema is None:
            return []
        key = ("response", status, media)
        if key not in self._validators:
            self._validators[key] = self.spec.validator(schema, direction="response")
        return [
            f"{self} {status}: {'/'.join(map(str, e.absolute_path)) or '(root)'}: "
            f"{e.message}"
            for e in self._validators[key].iter_errors(body)
        ]

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.spec.title} {self.path}"


class ApiSpec:
    """One official OpenAPI file."""

    def __init__(self, filename: str):
        self.filename = filename
        with (SPECS / filename).open(encoding="utf-8") as handle:
            self.document = yaml.load(handle, Loader=yaml.CSafeLoader)
        self.title = self.document["info"]["title"]
        self.version = self.document["info"]["version"]
        self._converted: dict[str, dict] = {}
        self._schemas = self.document.get("components", {}).get("schemas", {})
        self._component_validators: dict = {}

    @cached_property
    def operations(self) -> dict[tuple[str, str], Operation]:
        operations = {}
        default_security = self.document.get("security")
        for path, item in self.document["paths"].items():
            shared = item.get("parameters", [])
            for method in METHODS:
                if method not in item:
                    continue
                raw = item[method]
                parameters = {}
                for param in [*shared, *raw.get("parameters", [])]:
                    param = self.resolve(param)
                    parameters[param["name"]] = Parameter(
                        name=param["name"],
                        location=param["in"],
                        required=param.get("required", False),
                        schema=param.get("schema", {}),
                        explode=param.get("explode", param["in"] == "query"),
                    )
                body = raw.get("requestBody")
                content = self.resolve(body)["content"] if body else {}
                json_body = content.get("application/json", {}).get("schema")
                operations[(method, path)] = Operation(
                    spec=self,
                    method=method,
                    path=path,
                    operation_id=raw.get("operationId", ""),
                    scopes=Scopes.parse(raw.get("security", default_security)),
                    parameters=parameters,
                    request_schema=json_body,
                    request_content_types=tuple(content),
                    responses={
                        code: self.resolve(response)
                        for code, response in raw["responses"].items()
                    },
                )
        return operations

    def operation(self, method: str, path: str) -> Operation:
        return self.operations[(method.lower(), path)]

    def resolve(self, node: dict) -> dict:
        while isinstance(node, dict) and "$ref" in node:
            node = self._pointer(node["$ref"])
        return node

    def _pointer(self, ref: str):
        node = self.document
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        return node

    # -- JSON Schema -------------------------------------------------------------------

    def validator(self, schema: dict, *, direction: str) -> Draft202012Validator:
        """A validator for an OAS 3.0 schema: ``nullable`` becomes a null type, and
        read-only properties are left out of requests, write-only ones out of
        responses (as OpenAPI prescribes)."""
        root = {
            **_convert(schema, direction, self._schemas),
            "$defs": self._components(direction),
        }
        return Draft202012Validator(root, format_checker=FORMATS)

    def _components(self, direction: str) -> dict:
        if direction not in self._converted:
            schemas = self.document.get("components", {}).get("schemas", {})
            self._converted[direction] = {
                name: _convert(schema, direction, schemas)
                for name, schema in schemas.items()
            }
        return self._converted[direction]

    def component_errors(self, name: str, value) -> list[SchemaError]:
        """Why ``value`` does not fit the component schema ``name`` of this file, as
        a request would send it (for services that take such values from Python)."""
        if name not in self._component_validators:
            self._component_validators[name] = self.validator(
                {"$ref": f"#/components/schemas/{name}"}, direction="request"
            )
        validator = self._component_validators[name]
        return sorted(validator.iter_errors(value), key=lambda e: list(e.path))

    def served_document(self, api_root: str) -> dict:
        """The file as served at {API root}/openapi.json: only ``servers`` differs."""
        document = copy.copy(self.document)
        document["servers"] = [{"url": api_root}]
        return document


_IGNORED = ("nullable", "discriminator", "example", "examples", "xml")
_SCHEMAS = "#/components/schemas/"


def _convert(schema, direction: str, schemas: dict | None = None):
    if isinstance(schema, list):
        return [_convert(item, direction, schemas) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if schemas is not None and "discriminator" in schema:
        return _discriminated(schema, direction, schemas)
    hidden = "readOnly" if direction == "request" else "writeOnly"
    result = {}
    for key, value in schema.items():
        if key == "$ref":
            if not value.startswith("#"):
                # A reference into another file (the Besluiten file points at
                # unpublished versions of other APIs): nothing to check against.
                continue
            result[key] = value.replace(_SCHEMAS, "#/$defs/")
        elif key == "oneOf":
            # The files' alternatives are meant to exclude each other (an enum or
            # blank; a besluit or an empty object), but the Besluiten file's
            # EmptyObject does not say it is empty, so under JSON Schema's strict
            # oneOf every expanded besluit would match both and fail. anyOf checks
            # the same alternatives.
            result["anyOf"] = _convert(value, direction, schemas)
        elif key == "properties":
            result[key] = {
                name: _convert(prop, direction, schemas)
                for name, prop in value.items()
                if not (isinstance(prop, dict) and prop.get(hidden))
            }
        elif key in _IGNORED or (key == "format" and value not in FORMATS.checkers):
            continue
        else:
            result[key] = _convert(value, direction, schemas)
    if "required" in result and "properties" in schema:
        hidden_names = {
            name
            for name, prop in schema["properties"].items()
            if isinstance(prop, dict) and prop.get(hidden)
        }
        result["required"] = [n for n in result["required"] if n not in hidden_names]
    if schema.get("nullable"):
        return {"anyOf": [{"type": "null"}, result]}
    return result


FORMATS = FormatChecker(formats=())
for _name, _check in formats.CHECKS.items():
    FORMATS.checks(_name)(_check)


def _discriminated(schema: dict, direction: str, schemas: dict) -> dict:
    """A schema with a ``discriminator`` as JSON Schema: the value of the property
    chooses the schema to apply (``if``/``then``), as OpenAPI means it.

    Two shapes occur in the files. A ``oneOf`` without mapping (GeoJSON geometry: the
    ``type`` names the schema) becomes a dispatch on that name, because a plain
    ``oneOf`` fails when a value fits two alternatives (a polygon also has the shape
    of a multi-line). A base schema with a mapping (``Rol``, ``ZaakObject``) keeps
    its own properties and adds the mapped schema's extra parts, leaving out the
    mapped schema's reference back to the base (which would loop)."""
    own = {k: v for k, v in schema.items() if k not in ("discriminator", "nullable")}
    discriminator = schema["discriminator"]
    prop = discriminator["propertyName"]
    alternatives = own.pop("oneOf", None) or own.pop("anyOf", None)
    mapping = discriminator.get("mapping") or {
        ref["$ref"].removeprefix(_SCHEMAS): ref["$ref"]
        for ref in alternatives or []
        if "$ref" in ref
    }
    result = _convert(own, direction, schemas)
    branches = []
    for value, ref in mapping.items():
        target = schemas.get(ref.removeprefix(_SCHEMAS), {})
        if alternatives is None:
            # The mapped schema is allOf [base, extra]: apply only the extra.
            parts = [
                part
                for part in target.get("allOf", [target])
                if not (isinstance(part, dict) and "$ref" in part)
                or schemas.get(part["$ref"].removeprefix(_SCHEMAS)) is not schema
            ]
            then = {"allOf": _convert(parts, direction, schemas)}
        else:
            then = {"$ref": ref.replace(_SCHEMAS, "#/$defs/")}
        branches.append(
            {
                "if": {"properties": {prop: {"const": value}}, "required": [prop]},
                "then": then,
            }
        )
    if alternatives is not None:
        result.setdefault("required", [])
        result["required"] = [*result["required"], prop]
        result["properties"] = {
            **result.get("properties", {}),
            prop: {"enum": list(mapping)},
        }
    result["allOf"] = [*result.get("allOf", []), *branches]
    if schema.get("nullable"):
        return {"anyOf": [{"type": "null"}, result]}
    return result
