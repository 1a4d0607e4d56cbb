"""One dispatcher for every ZGW endpoint.

A :class:`Resource` subclass declares its API, its path and its handler methods
(``list``, ``retrieve``, ``create``, ``update``, ``partial_update``, ``destroy``,
or an action such as ``publish``). Before a handler runs, :func:`dispatch` does
what the standard requires of every operation, reading the operation from the
official specification: content negotiation (406/415), the JWT and the scopes the
operation lists (401/403), unknown or malformed query parameters (400), and the
request body against the specified schema (400). Afterwards it sends the status
code the specification documents for success, the ``API-version`` header, and for
resources with an ``ETag`` it answers ``HEAD`` and ``If-None-Match``.
"""

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.db import IntegrityError, connection, transaction
from django.http import HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.urls import path as url_path
from django.views.decorators.csrf import csrf_exempt

import orjson

from loket.zgw.api import auth, crs, errors, query, references
from loket.zgw.api.errors import ApiError
from loket.zgw.api.spec import ApiSpec, Operation

logger = logging.getLogger(__name__)

# Callables (operation, request, response) told about every response; the test suite
# registers one that validates each response against the specification.
OBSERVERS: list[Callable] = []

JSON = "application/json"
PAGE_SIZE = 100
UNSPECIFIED = "Unspecified request body"


@dataclass(frozen=True)
class Api:
    """One ZGW API as Loket serves it: its specification and where it lives."""

    name: str
    prefix: str  # e.g. "catalogi/api/v1"
    spec_file: str
    component: str  # the Autorisaties API's component code: ztc, zrc, drc, brc, nrc, ac
    authenticated: bool = True

    @cached_property
    def spec(self) -> ApiSpec:
        return ApiSpec(self.spec_file)

    def root(self, request) -> str:
        """The API root URL as this request reached it, without trailing slash."""
        return request.build_absolute_uri(f"/{self.prefix}")


@dataclass
class Call:
    """What a handler gets: the checked request."""

    request: object
    api: Api
    operation: Operation
    client: "auth.ApiClient | None"
    params: dict
    body: dict | list | None
    root: str
    kwargs: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)

    def url(self, resource_path: str, uuid) -> str:
        return f"{self.root}{resource_path}/{uuid}"

    @cached_property
    def urls(self) -> "references.Urls":
        """URLs of resources in any of Loket's APIs, on this request's host."""
        return references.Urls.for_request(self.request)

    @property
    def toelichting(self) -> str:
        """Why the client makes this change (header X-Audit-Toelichting)."""
        return self.request.headers.get("X-Audit-Toelichting", "")[:1000]

    def root_of(self, other: Api) -> str:
        """The root of another ZGW API of this installation, on the same host."""
        return other.root(self.request)


@dataclass
class Result:
    data: object = None
    status: int | None = None
    headers: dict = field(default_factory=dict)


class Resource:
    """Subclasses set ``api``, ``path`` and ``field_names`` and write handlers.

    ``path`` is the collection's path as the specification writes it, also when it
    lies below another resource (``/zaken/{zaak_uuid}/zaakeigenschappen``); the
    path parameters reach the handlers as keyword arguments."""

    api: Api
    path: str  # as in the specification, e.g. "/zaaktypen"
    actions: tuple[str, ...] = ()  # detail actions, e.g. ("publish",)
    # Actions on the collection: path segment → handler, e.g. {"_zoek": "search"}.
    collection_actions: dict[str, str] = {}
    # False for a collection without detail path (e.g. /zaken/_zoek's siblings).
    has_detail: bool = True
    # Model field name → API name, for errors raised by services.
    field_names: dict[str, str] = {}
    # The component schema to validate bodies the specification leaves unspecified.
    fallback_schemas: dict[str, str] = {}
    # Other spellings of query parameters that clients use → the spec's name.
    query_aliases: dict[str, str] = {}
    # Told to a client whose request body is too large (where large files go).
    too_large_hint: str = ""

    def body_limit(self) -> int | None:
        """The largest request body in bytes this resource reads into memory."""
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    @classmethod
    def urls(cls) -> list:
        resource = cls()
        base = _django_path(cls.path.strip("/"))
        name = re.sub(r"<[^>]+>/", "", base).replace("/", "-")
        patterns = [
            url_path(
                f"{base}/{segment}",
                resource.view(f"{cls.path}/{segment}", action=handler),
                name=f"{name}-{segment}",
            )
            for segment, handler in cls.collection_actions.items()
        ]
        patterns.append(url_path(base, resource.view(cls.path), name=f"{name}-list"))
        if cls.has_detail:
            patterns.append(
                url_path(
                    f"{base}/<uuid:uuid>",
                    resource.view(f"{cls.path}/{{uuid}}"),
                    name=f"{name}-detail",
                )
            )
        for action in cls.actions:
            patterns.append(
                url_path(
                    f"{base}/<uuid:uuid>/{action}",
                    resource.view(f"{cls.path}/{{uuid}}/{action}", action=action),
                    name=f"{name}-{action}",
                )
            )
        return patterns

    def view(self, spec_path: str, action: str | None = None) -> Callable:
        @csrf_exempt
        def endpoint(request, **kwargs):
            return dispatch(self, request, spec_path, action, kwargs)

        return endpoint

    def handler_for(self, method: str, spec_path: str, action: str | None):
        if action:
            return getattr(self, action, None)
        detail = spec_path.endswith("{uuid}")
        names = {
            ("get", False): "list",
            ("post", False): "create",
            ("get", True): "retrieve",
            ("head", True): "retrieve",
            ("put", True): "update",
            ("patch", True): "partial_update",
            ("delete", True): "destroy",
        }
        name = names.get((method, detail))
        return getattr(self, name, None) if name else None


def _django_path(spec_path: str) -> str:
    """``zaken/{zaak_uuid}/audittrail`` → ``zaken/<uuid:zaak_uuid>/audittrail``."""
    return re.sub(r"\{(\w+)\}", r"<uuid:\1>", spec_path)


def dispatch(
    resource: Resource, request, spec_path: str, action, kwargs
) -> HttpResponse:
    operation, response = _dispatch(resource, request, spec_path, action, kwargs)
    for observer in OBSERVERS:
        observer(operation, request, response)
    return response


def _dispatch(resource: Resource, request, spec_path: str, action, kwargs):
    api = resource.api
    method = request.method.lower()
    try:
        operation = api.spec.operation(method, spec_path)
        handler = resource.handler_for(method, spec_path, action)
    except KeyError:
        operation = handler = None
    if operation is None or handler is None:
        detail = f"{resource.path}/{{uuid}}"
        if (
            spec_path.rsplit("/", 1)[-1] in resource.collection_actions
            and (method, detail) in api.spec.operations
        ):
            # GET …/_zoek reads, by the file's own templates, as the detail of an
            # object with UUID "_zoek": there is none.
            return None, errors.not_found(f"Geen resource op {request.path}.").response(
                request
            )
        allowed = _allowed_methods(resource, spec_path, action)
        error = ApiError(
            405, "method_not_allowed", f'Methode "{request.method}" niet toegestaan.'
        )
        response = error.response(request)
        response["Allow"] = ", ".join(allowed)
        return None, response

    try:
        _negotiate(request, operation)
        client = auth.authenticate(request, api) if api.authenticated else None
        if client is not None and not client.allows(operation.scopes):
            raise ApiError(
                403,
                "permission_denied",
                "U heeft geen toestemming om deze actie uit te voeren: nodig is "
                f"{operation.scopes}.",
            )
        params = query.parse(operation, _aliased(request.GET, resource.query_aliases))
        crs.check(request, operation)
        body, files = _body(request, resource, operation)
        call = Call(
            request=request,
            api=api,
            operation=operation,
            client=client,
            params=params,
            body=body,
            root=api.root(request),
            kwargs=kwargs,
            files=files,
        )
        if method in ("get", "head"):
            result = handler(call, **kwargs)
        else:
            with transaction.atomic():
                result = handler(call, **kwargs)
    except ApiError as error:
        return operation, _fit(operation, error).response(request)
    except ValidationError as error:
        params = errors.from_django(error, resource.field_names)
        return operation, _fit(operation, errors.invalid(params)).response(request)
    except IntegrityError:
        # The services check uniqueness first; only two requests racing for the
        # same identificatie or relation get here. The transaction was rolled back.
        logger.info("Gelijktijdige wijziging geweigerd: %s %s", method, request.path)
        error = errors.field_error(
            "nonFieldErrors",
            "unique",
            "Een gelijktijdig verzoek legde hetzelfde al vast; haal de gegevens "
            "opnieuw op en probeer het nog eens.",
        )
        return operation, _fit(operation, error).response(request)
    return operation, _respond(request, operation, result)


def _aliased(querydict, aliases: dict[str, str]):
    if not aliases or not set(querydict) & set(aliases):
        return querydict
    renamed = querydict.copy()
    for alias, name in aliases.items():
        if alias in renamed:
            renamed.setlist(name, renamed.getlist(name) + renamed.pop(alias))
    return renamed


def _fit(operation: Operation, error: ApiError) -> ApiError:
    """Answer with a status the operation documents: a DELETE that conflicts with
    the object's state documents 409, not 400."""
    if (
        error.status != 400
        or "400" in operation.responses
        or "409" not in operation.responses
    ):
        return error
    first = error.invalid_params[0] if error.invalid_params else None
    return ApiError(
        409,
        first.code if first else "conflict",
        first.reason if first else error.detail,
        title="Conflict.",
    )


def _allowed_methods(resource: Resource, spec_path: str, action) -> list[str]:
    return [
        method.upper()
        for method in ("get", "post", "put", "patch", "delete", "head")
        if (method, spec_path) in resource.api.spec.operations
        and resource.handler_for(method, spec_path, action)
    ]


def _negotiate(request, operation: Operation) -> None:
    accept = request.headers.get("Accept", "")
    offered = operation.response_media_types or {JSON}
    acceptable = {"*/*", *offered, *{f"{m.split('/')[0]}/*" for m in offered}}
    if accept and not any(
        part.split(";")[0].strip() in acceptable for part in accept.split(",")
    ):
        raise ApiError(
            406,
            "not_acceptable",
            f"Alleen {', '.join(sorted(offered))} wordt ondersteund.",
        )
    if operation.method in ("post", "put", "patch"):
        content_type = request.content_type or ""
        allowed = operation.request_content_types or (JSON,)
        if _length(request) and content_type not in allowed:
            raise ApiError(
                415,
                "unsupported_media_type",
                f'Media type "{content_type}" wordt niet ondersteund; gebruik '
                f"{' of '.join(allowed)}.",
            )


def _length(request) -> int:
    """The body's declared size, read without reading the body (which may be an
    upload larger than what Django keeps in memory)."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _body(request, resource: Resource, operation: Operation):
    if operation.method not in ("post", "put", "patch"):
        return None, {}
    limit = resource.body_limit()
    if limit is not None and _length(request) > limit:
        raise _too_large(request, resource, limit)
    try:
        if request.content_type in FORM_TYPES:
            return _form(request)
        # read() rather than .body: the resource's limit may exceed Django's.
        raw = request.read()
    except RequestDataTooBig:  # form fields beyond Django's own limit
        raise _too_large(
            request, resource, settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        ) from None
    if not raw:
        if operation.request_schema is not None:
            # Zero bytes are no JSON; "{}" is how a client sends no fields.
            raise ApiError(
                400,
                "parse_error",
                "Ongeldige JSON: de body is leeg (stuur ten minste {}).",
            )
        data = {}
    else:
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise ApiError(400, "parse_error", f"Ongeldige JSON: {error}.") from None
    schema_errors = operation.request_errors(data)
    fallback = resource.fallback_schemas.get(operation.method)
    if fallback and _unspecified(operation):
        schema_errors = _fallback_errors(operation, fallback, data)
    if operation.method == "patch":
        # A PATCH changes part of a resource. The Besluiten file points its PATCH
        # at the full schema, so its required fields would make PATCH a PUT.
        schema_errors = [
            e
            for e in schema_errors
            if not (e.validator == "required" and not e.absolute_path)
        ]
    if schema_errors:
        raise errors.invalid(errors.from_schema_errors(schema_errors))
    if not isinstance(data, dict):
        raise errors.field_error(
            "nonFieldErrors", "invalid", "Verwacht een object (JSON-object)."
        )
    return data, {}


def _too_large(request, resource: Resource, limit: int | None) -> ApiError:
    size = f"{_length(request) / 1_048_576:.1f} MB"
    most = f"{(limit or 0) / 1_048_576:.1f} MB"
    reason = f"Het verzoek is {size}; deze API neemt hoogstens {most} aan."
    if resource.too_large_hint:
        reason = f"{reason} {resource.too_large_hint}"
    return errors.field_error("nonFieldErrors", "request-too-large", reason)


FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def _form(request) -> tuple[dict, dict]:
    """A form body (uploading a bestandsdeel), also for PUT, which Django parses
    only for POST: the fields as a dict, and the uploaded files."""
    if request.method == "POST":
        data, files = request.POST, request.FILES
    elif request.content_type == "multipart/form-data":
        try:
            data, files = request.parse_file_upload(request.META, request)
        except Exception as error:
            raise ApiError(
                400, "parse_error", f"Ongeldige multipart-inhoud: {error}."
            ) from None
    else:
        data, files = QueryDict(request.body, encoding=request.encoding), {}
    return {key: data.get(key) for key in data}, {key: files[key] for key in files}


def _unspecified(operation: Operation) -> bool:
    schema = operation.request_schema or {}
    return UNSPECIFIED in schema.get("description", "") and "properties" not in schema


_fallback_cache: dict = {}


def _fallback_errors(operation: Operation, component: str, data):
    key = (operation.spec.filename, operation.method, component)
    if key not in _fallback_cache:
        schema = dict(operation.spec.document["components"]["schemas"][component])
        if operation.method == "patch":
            schema.pop("required", None)
        _fallback_cache[key] = operation.spec.validator(schema, direction="request")
    return sorted(_fallback_cache[key].iter_errors(data), key=lambda e: list(e.path))


def _respond(request, operation: Operation, result: Result | dict | list | None):
    if isinstance(result, HttpResponseBase):  # e.g. a file's content (streamed)
        result["API-version"] = operation.spec.version
        return result
    if not isinstance(result, Result):
        result = Result(result)
    status = result.status or _success_status(operation)
    documented = operation.responses.get(str(status), {})
    has_body = bool(documented.get("content"))
    body = (
        orjson.dumps(result.data if result.data is not None else {})
        if has_body
        else b""
    )
    response = HttpResponse(
        body, status=status, content_type=JSON if has_body else None
    )
    if not has_body:
        del response["Content-Type"]
    response["API-version"] = operation.spec.version
    if "ETag" in (documented.get("headers") or {}):
        etag = f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'
        response["ETag"] = etag
        if _matches(request.headers.get("If-None-Match", ""), etag):
            not_modified = HttpResponse(status=304)
            not_modified["ETag"] = etag
            not_modified["API-version"] = operation.spec.version
            return not_modified
    for name, value in result.headers.items():
        response[name] = value
    if (
        status == 201
        and "Location" not in response
        and isinstance(result.data, dict)
        and "url" in result.data
    ):
        response["Location"] = result.data["url"]
    crs.respond(response, operation)
    if request.method == "HEAD":
        response.content = b""
    return response


def _success_status(operation: Operation) -> int:
    for code in sorted(operation.responses):
        if code.startswith("2"):
            return int(code)
    return 200


def _matches(if_none_match: str, etag: str) -> bool:
    if not if_none_match:
        return False
    candidates = {value.strip() for value in if_none_match.split(",")}
    return "*" in candidates or etag in candidates or etag.strip('"') in candidates


# -- helpers for handlers --


# Query parameters that shape a list without narrowing it.
NOT_FILTERS = frozenset({"page", "expand", "ordering", "fields"})


def unfiltered(call: Call) -> bool:
    """Does this list call ask for everything the client may see? Then its count
    can come from the counts the registers keep (``registers.tellingen``)."""
    return all(
        value in (None, "", [], ()) or name in NOT_FILTERS
        for name, value in call.params.items()
    )


def paginate(
    call: Call,
    queryset,
    serialize: Callable[[list], list],
    *,
    unfiltered_count: Callable[[], int] | None = None,
    narrow: bool = False,
    parts: tuple[str, list] | None = None,
) -> dict:
    """A page of ``queryset`` as the standard prescribes: count, next, previous,
    results; 100 per page; the first page is 1. ``serialize`` turns the page's objects
    into dicts (all at once, so it can fetch related data for the whole page).

    ``unfiltered_count``, when given, says how many objects there are when the call
    asks for everything the client may see (no filters): then they are not counted.
    ``narrow`` first finds the page's keys (an index-only walk past the earlier
    pages) and only then reads the page's rows: a page deep in a large table no
    longer drags every skipped row along.

    ``parts`` (field, values), for a queryset ordered newest first (``-pk``) whose
    rows all have one of those values: on PostgreSQL the keys of a deep page are
    found per value, each along its own (field, id) index, and merged. For a
    client that may see ten zaaktypen that walks the 10,000 zaken before page 100
    instead of the 115,000 of all types before it."""
    page = max(1, call.params.get("page", 1))
    if unfiltered_count is not None and unfiltered(call):
        count = unfiltered_count()
    else:
        count = queryset.count()
    last = max(1, -(-count // PAGE_SIZE))
    start = (page - 1) * PAGE_SIZE
    # A page past the end is empty, with a link back to the last one.
    if page > last:
        objects = []
    elif narrow and start:
        keys = _page_keys(queryset, start, parts)
        found = {o.pk: o for o in queryset.order_by().filter(pk__any=keys)}
        objects = [found[key] for key in keys if key in found]
    else:
        objects = list(queryset[start : start + PAGE_SIZE])
    return {
        "count": count,
        "next": _page_url(call, page + 1) if page < last else None,
        "previous": _page_url(call, min(page - 1, last)) if page > 1 else None,
        "results": serialize(objects),
    }


def _page_keys(queryset, start: int, parts: tuple[str, list] | None) -> list:
    keys = queryset.values_list("pk", flat=True)
    end = start + PAGE_SIZE
    if not parts or not parts[1] or connection.vendor != "postgresql":
        return list(keys[start:end])
    field, values = parts
    if len(values) == 1:
        return list(keys.filter(**{field: values[0]}).order_by("-pk")[start:end])
    each = [keys.filter(**{field: v}).order_by("-pk")[:end] for v in sorted(values)]
    return list(each[0].union(*each[1:], all=True).order_by("-pk")[start:end])


def _page_url(call: Call, page: int) -> str:
    params = call.request.GET.copy()
    params["page"] = str(page)
    return call.request.build_absolute_uri(f"{call.request.path}?{params.urlencode()}")
