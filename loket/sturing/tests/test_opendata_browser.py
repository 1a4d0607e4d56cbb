"""The open data page in a real browser: axe-core finds no WCAG 2.2 AA
violation, the page is no wider than the screen (the tables scroll in their own
box), and every download link works."""

from datetime import date

import pytest

from loket.sturing.indicatoren import INDICATOREN
from loket.sturing.tests import data
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("breedte", [1280, 320])
def test_the_open_data_page_is_accessible_and_its_links_work(page, breedte):
    w = data.wereld(factories.gemeente(naam="Duinstad", slug="duinstad"))
    data.afgerond(w.vergunning, date(2026, 2, 2), 3)
    p = page.page
    p.set_viewport_size({"width": breedte, "height": 900})
    response = page.visit("/open-data/")
    assert response.status == 200
    page.assert_accessible()
    assert p.evaluate("document.documentElement.scrollWidth") <= breedte
    links = p.eval_on_selector_all(
        "main table a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(links) == 2 * len(INDICATOREN)
    for link in links[:4]:
        assert p.request.get(page.base_url + link).status == 200
    p.get_by_role("link", name="de catalogus van alle datasets (catalog.json)").click()
    assert p.url.endswith("/open-data/catalog.json")
