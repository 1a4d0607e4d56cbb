"""Checks the three registers share."""

import re

from django.core.exceptions import ValidationError

from loket.organisaties.validators import elfproef


def rsin_error(value: str) -> ValidationError | None:
    """Why ``value`` is no RSIN, with the codes the ZGW ecosystem uses for it
    (``only-digits``, ``invalid-length``, ``invalid``); None when it is one."""
    if not re.fullmatch(r"\d*", value or ""):
        return ValidationError(
            "Een RSIN bestaat alleen uit cijfers.", code="only-digits"
        )
    if len(value) != 9:
        return ValidationError(
            "Een RSIN heeft precies 9 cijfers.", code="invalid-length"
        )
    if not elfproef(value):
        return ValidationError(
            "Dit RSIN klopt niet (het voldoet niet aan de elfproef).", code="invalid"
        )
    return None
