from django.conf import settings
from django.utils.cache import add_never_cache_headers


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the entry that the last of our own
    LOKET_TRUSTED_PROXIES proxies added to X-Forwarded-For (earlier entries can be
    forged by the client)."""
    proxies = settings.TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def absolute_url(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def persoonlijk(response):
    """A page with personal data: never in a shared cache, nor in the browser's
    back-forward cache."""
    add_never_cache_headers(response)
    return response
