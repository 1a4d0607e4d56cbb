"""Coordinate reference systems of geometry (the ``Accept-Crs`` and ``Content-Crs``
headers of the Zaken API).

Loket stores and answers geometry in WGS 84 (``EPSG:4326``), the only system the
specification allows. Where an operation declares the headers, a request that
carries or asks for geometry must name the system: a missing header is a 412, another
system a 406 (``Accept-Crs``) or 415 (``Content-Crs``). ``Content-Crs`` is asked of
requests with a body only; a GET has no geometry to describe.
"""

from loket.zgw.api.errors import ApiError

WGS84 = "EPSG:4326"
_ALIASES = {"EPSG:4326", "epsg:4326"}


def check(request, operation) -> None:
    parameters = operation.parameters
    if "Accept-Crs" in parameters and operation.method != "delete":
        _require(request, "Accept-Crs", 406, "not_acceptable")
    if "Content-Crs" in parameters and operation.method in ("post", "put", "patch"):
        _require(request, "Content-Crs", 415, "unsupported_media_type")


def _require(request, header: str, status: int, code: str) -> None:
    value = request.headers.get(header)
    if value is None:
        raise ApiError(
            412,
            "precondition_failed",
            f"De header {header} ontbreekt; geef {header}: {WGS84}.",
        )
    if value.strip() not in _ALIASES:
        raise ApiError(
            status,
            code,
            f"{header} {value!r} wordt niet ondersteund; alleen {WGS84} (WGS 84).",
        )


def respond(response, operation) -> None:
    if (
        "Accept-Crs" in operation.parameters
        and response.status_code < 300
        and operation.method != "delete"
    ):
        response["Content-Crs"] = WGS84
