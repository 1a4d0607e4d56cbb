"""Outgoing e-mail configured from one URL (``LOKET_EMAIL_URL``)."""

from urllib.parse import unquote, urlsplit

_BACKENDS = "django.core.mail.backends"


def mailer_from_url(url: str) -> dict:
    """Turn ``smtp+tls://user:pass@host:587`` and friends into a MAILERS entry."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "console":
        return {"BACKEND": f"{_BACKENDS}.console.EmailBackend"}
    if scheme == "file":
        if not parts.path:
            raise ValueError(
                "file:// heeft een pad nodig, bijvoorbeeld file:///var/mail"
            )
        return {
            "BACKEND": f"{_BACKENDS}.filebased.EmailBackend",
            "OPTIONS": {"file_path": unquote(parts.path)},
        }
    default_ports = {"smtp": 25, "smtp+tls": 587, "smtps": 465}
    if scheme not in default_ports:
        raise ValueError(
            f"onbekend schema {scheme!r}; "
            "gebruik smtp, smtp+tls, smtps, file of console"
        )
    if not parts.hostname:
        raise ValueError("er ontbreekt een hostnaam")
    try:
        port = parts.port or default_ports[scheme]
    except ValueError:
        raise ValueError("de poort is geen getal") from None
    return {
        "BACKEND": f"{_BACKENDS}.smtp.EmailBackend",
        "OPTIONS": {
            "host": parts.hostname,
            "port": port,
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": scheme == "smtp+tls",
            "use_ssl": scheme == "smtps",
            "timeout": 20,
        },
    }
