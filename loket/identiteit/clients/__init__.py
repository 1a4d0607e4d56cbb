"""HTTP clients for the national registers behind prefill (BRP, KvK, BAG).

Each client reads its address and API key from the settings at call time, so a
test can point it elsewhere. With the test services on and no address set, the
address is the local test server and the key the one it expects (derived from
SECRET_KEY, see ``loket.testdiensten.keys``).
"""

import logging

from django.conf import settings

import orjson
import urllib3

logger = logging.getLogger("loket.identiteit.prefill")

TIMEOUT = urllib3.Timeout(connect=2.0, read=5.0)
_pool = urllib3.PoolManager(retries=False, timeout=TIMEOUT)


class PrefillError(Exception):
    """Getting data from a register failed; ``str(error)`` is a Dutch sentence for
    the resident."""


def endpoint(service: str) -> tuple[str, str]:
    """Base URL and API key of ``service`` ("brp", "kvk", "bag")."""
    from loket.testdiensten import keys

    name = service.upper()
    url = getattr(settings, f"{name}_URL", "").rstrip("/")
    key = getattr(settings, f"{name}_API_KEY", "")
    if not url and settings.TESTDIENSTEN:
        url = settings.BASE_URL.rstrip("/") + keys.TEST_SERVER_PATHS[service]
        key = key or keys.api_key(service)
    return url, key


def request_json(
    method: str,
    url: str,
    *,
    service: str,
    headers: dict[str, str],
    body: dict | None = None,
    not_found_ok: bool = False,
) -> dict | None:
    """One call; the parsed JSON body, None for a 404 when ``not_found_ok``.
    Raises PrefillError with ``service`` (its Dutch name) in the message."""
    if not url:
        logger.warning("prefill %s: no address configured", service)
        raise PrefillError(
            f"Loket kan uw gegevens nu niet ophalen uit {service}: de koppeling is "
            "niet ingesteld. U kunt de gegevens zelf invullen."
        )
    headers = {"Accept": "application/json", **headers}
    data = None
    if body is not None:
        data = orjson.dumps(body)
        headers["Content-Type"] = "application/json"
    try:
        response = _pool.request(method, url, body=data, headers=headers)
    except urllib3.exceptions.HTTPError as exc:
        logger.warning("prefill %s unreachable: %s", service, type(exc).__name__)
        raise PrefillError(
            f"Loket kan uw gegevens nu niet ophalen uit {service}, omdat die "
            "niet bereikbaar is. Probeer het later opnieuw, of vul de gegevens "
            "zelf in."
        ) from None
    if response.status == 404 and not_found_ok:
        return None
    if response.status in (401, 403):
        logger.error("prefill %s refused the API key (%s)", service, response.status)
        raise PrefillError(
            f"Loket kan uw gegevens nu niet ophalen uit {service}: de koppeling "
            "werd geweigerd. Vul de gegevens zelf in; wij lossen dit op."
        )
    if response.status != 200:
        logger.warning("prefill %s answered %s", service, response.status)
        raise PrefillError(
            f"Loket kan uw gegevens nu niet ophalen uit {service}. Probeer het "
            "later opnieuw, of vul de gegevens zelf in."
        )
    try:
        return orjson.loads(response.data)
    except orjson.JSONDecodeError:
        logger.warning("prefill %s answered no JSON", service)
        raise PrefillError(
            f"Loket kan uw gegevens nu niet lezen uit {service}. Vul de gegevens "
            "zelf in."
        ) from None


def text(value) -> str:
    return str(value).strip() if value not in (None, "") else ""


def number(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
