"""The string formats the ZGW specifications use, checked as the standard means them."""

import re
import uuid
from datetime import date, datetime
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

# ISO 8601 duration as the ZGW standard uses it: P1Y2M3W4DT5H6M7S, parts optional.
DURATION = re.compile(
    r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$"
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_uri(value) -> bool:
    """An absolute http(s) URL. The empty string passes: in ZGW bodies it means "no
    reference" (as the reference implementations render and accept it)."""
    if not isinstance(value, str) or not value or len(value) > 2000:
        return True  # other keywords (type, minLength) judge these
    if any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_date(value) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_datetime(value) -> bool:
    if not isinstance(value, str):
        return True
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in value or " " in value


def is_uuid(value) -> bool:
    if not isinstance(value, str):
        return True
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def is_email(value) -> bool:
    if not isinstance(value, str) or value == "":
        return True
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def is_duration(value) -> bool:
    if not isinstance(value, str):
        return True
    return bool(DURATION.match(value))


CHECKS = {
    "uri": is_uri,
    "date": is_date,
    "date-time": is_datetime,
    "uuid": is_uuid,
    "email": is_email,
    "duration": is_duration,
}
