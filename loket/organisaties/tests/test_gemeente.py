from django.core.exceptions import ValidationError

import pytest

from loket.organisaties import services
from loket.organisaties.models import Gemeente
from loket.organisaties.validators import contrast_ratio
from tests import factories

pytestmark = pytest.mark.django_db


def test_gemeente_with_readable_colours_is_saved():
    gemeente = factories.gemeente(
        kleur_primair="#0b5e7a", kleur_primair_tekst="#ffffff", kleur_link="#0b5e7a"
    )
    assert Gemeente.objects.get(pk=gemeente.pk).kleur_primair == "#0b5e7a"


def test_text_colour_with_too_little_contrast_on_the_main_colour_is_refused():
    with pytest.raises(ValidationError) as error:
        factories.gemeente(kleur_primair="#0b5e7a", kleur_primair_tekst="#336699")
    assert "kleur_primair_tekst" in error.value.message_dict


def test_main_colour_that_hardly_shows_on_white_is_refused():
    with pytest.raises(ValidationError) as error:
        factories.gemeente(kleur_primair="#ffee88", kleur_primair_tekst="#000000")
    assert "kleur_primair" in error.value.message_dict


def test_link_colour_that_is_hard_to_read_on_white_is_refused():
    with pytest.raises(ValidationError) as error:
        factories.gemeente(kleur_link="#66aaff")
    assert "kleur_link" in error.value.message_dict


def test_design_tokens_carry_the_gemeente_colours():
    gemeente = factories.gemeente(kleur_primair="#2e6b30", kleur_link="#1a4d1c")
    tokens = gemeente.design_tokens()
    assert tokens["basis.color.accent-1.inverse.bg.default"] == "#2e6b30"
    assert tokens["basis.color.action-2.color.default"] == "#1a4d1c"


def test_two_gemeenten_cannot_share_a_gemeentecode_or_rsin():
    first = factories.gemeente()
    with pytest.raises(ValidationError) as error:
        factories.gemeente(gemeentecode=first.gemeentecode, rsin=first.rsin)
    assert {"gemeentecode", "rsin"} <= set(error.value.message_dict)


def test_replacing_the_logo_removes_the_old_file(django_capture_on_commit_callbacks):
    gemeente = factories.gemeente()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'
    services.set_logo(gemeente, filename="a.svg", content=svg)
    first = gemeente.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        services.set_logo(gemeente, filename="b.svg", content=svg)
    assert gemeente.logo.name != first
    assert not gemeente.logo.storage.exists(first)
    assert gemeente.logo.storage.exists(gemeente.logo.name)


def test_hover_shades_keep_the_text_readable():
    light_text = factories.gemeente(
        kleur_primair="#2e6b30", kleur_primair_tekst="#ffffff"
    )
    dark_text = factories.gemeente(
        kleur_primair="#d35400", kleur_primair_tekst="#000000"
    )
    for gemeente in (light_text, dark_text):
        tokens = gemeente.design_tokens()
        base = contrast_ratio(gemeente.kleur_primair, gemeente.kleur_primair_tekst)
        for state in ("hover", "active"):
            shade = tokens[f"basis.color.action-1.inverse.bg.{state}"]
            assert contrast_ratio(shade, gemeente.kleur_primair_tekst) > base


def test_buttons_follow_the_gemeente_colour():
    tokens = factories.gemeente(kleur_primair="#2e6b30").design_tokens()
    assert tokens["basis.color.action-1.inverse.bg.default"] == "#2e6b30"
