"""A staff member logs in through the real forms in a browser test: password, then
the authenticator app (set up on the first login)."""

import re
from urllib.parse import urlencode

from django_otp.plugins.otp_totp.models import TOTPDevice

from loket.demo import data
from loket.identiteit.tests.test_login import code_for
from loket.organisaties.models import Medewerker


def log_in_browser(page, email: str, volgende: str = "") -> None:
    """Log in as the demo account ``email``; land on ``volgende`` (a path) or the
    start page of the role (the werkplek, else the account page)."""
    query = f"?{urlencode({'next': volgende})}" if volgende else ""
    page.visit(f"/medewerker/inloggen/{query}")
    page.page.fill("#id_email", email)
    page.page.fill("#id_password", data.DEMO_PASSWORD)
    page.page.click("button[type=submit]")
    page.page.wait_for_url(
        re.compile(r"/medewerker/(tweestapsverificatie|inloggen/code)/")
    )
    medewerker = Medewerker.objects.get(email=email)
    if "tweestapsverificatie" in page.page.url:
        page.assert_accessible()
        device = TOTPDevice.objects.get(user=medewerker, confirmed=False)
    else:
        device = TOTPDevice.objects.get(user=medewerker, confirmed=True)
    page.page.fill("#id_code", code_for(device))
    page.page.click("button[type=submit]")
    page.page.wait_for_url(
        f"**{volgende}" if volgende else re.compile(r"/(medewerker|werkplek)/$")
    )
