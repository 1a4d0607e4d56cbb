"""A resident logged in for page tests that are about something else than logging
in: the session is started with ``identiteit.inwoner.log_in``, as the OpenID
Connect callback does (that flow itself is tested in ``loket/identiteit``)."""

from importlib import import_module

from django.conf import settings
from django.test import RequestFactory

from loket.identiteit import inwoner as inwoners

TEST_BSN = "999993653"  # a BSN from the RvIG test set (elfproef-valid)


def persoon(bsn: str = TEST_BSN, naam: str = "S. Boer") -> inwoners.Inwoner:
    return inwoners.Inwoner(
        middel="digid", bsn=bsn, naam=naam, betrouwbaarheidsniveau="substantieel"
    )


def bedrijf(kvk: str = "69599084", naam: str = "Test EMZ Dagobert") -> inwoners.Inwoner:
    return inwoners.Inwoner(
        middel="eherkenning", kvk=kvk, naam=naam, betrouwbaarheidsniveau="substantieel"
    )


def session_key(inwoner: inwoners.Inwoner, gemeente_slug: str) -> str:
    """A stored session in which ``inwoner`` is logged in at this gemeente."""
    request = RequestFactory().get("/")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    inwoners.log_in(
        request,
        inwoner,
        gemeente_slug=gemeente_slug,
        koppeling_id=0,
        id_token="",
        end_session_endpoint="",
    )
    request.session.save()
    return request.session.session_key


def log_in(client, inwoner: inwoners.Inwoner, gemeente_slug: str) -> None:
    """The Django test client as this resident."""
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key(inwoner, gemeente_slug)


def log_in_browser(page, inwoner: inwoners.Inwoner, gemeente_slug: str) -> None:
    """The browser tab (tests/browser/fixtures.py ``page``) as this resident."""
    page.page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session_key(inwoner, gemeente_slug),
                "url": page.base_url,
            }
        ]
    )
