from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

import pytest

from loket.organisaties.validators import (
    contrast_ratio,
    elfproef,
    validate_gemeentecode,
    validate_logo,
    validate_rsin,
    validate_slug_not_reserved,
)


@pytest.mark.parametrize("number", ["999993653", "999990639"])
def test_elfproef_accepts_numbers_from_the_rvig_test_set(number):
    # BSN and RSIN share the elfproef; these BSNs come from RvIG's test set.
    assert elfproef(number)


@pytest.mark.parametrize("number", ["123456789", "999993654", "000000000", "12345678"])
def test_elfproef_refuses_wrong_numbers(number):
    assert not elfproef(number)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("12345678", "rsin_format"),
        ("12345678a", "rsin_format"),
        ("123456789", "rsin_elfproef"),
    ],
)
def test_rsin_is_refused_with_the_reason(value, code):
    with pytest.raises(ValidationError) as error:
        validate_rsin(value)
    assert error.value.code == code


def test_current_gemeentecode_is_accepted():
    validate_gemeentecode("0626")  # Voorschoten, current


def test_ended_gemeentecode_names_its_successor():
    with pytest.raises(ValidationError) as error:
        validate_gemeentecode("0003")  # Appingedam, merged into Eemsdelta (1979)
    message = error.value.messages[0]
    assert "Appingedam" in message
    assert "1979" in message


def test_code_missing_from_the_table_is_allowed_for_new_municipalities():
    validate_gemeentecode("9901")


@pytest.mark.parametrize("value", ["626", "06266", "abcd", "0000"])
def test_malformed_gemeentecode_is_refused(value):
    with pytest.raises(ValidationError):
        validate_gemeentecode(value)


@pytest.mark.parametrize("slug", ["beheer", "Static", "health", "medewerker"])
def test_slugs_that_loket_uses_itself_are_refused(slug):
    with pytest.raises(ValidationError):
        validate_slug_not_reserved(slug)


def test_contrast_ratio_matches_wcag_examples():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


SAFE_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect/></svg>'


def test_a_plain_svg_logo_is_accepted():
    validate_logo(ContentFile(SAFE_SVG, name="logo.svg"))


@pytest.mark.parametrize(
    "content",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
        b'<image x:href="https://tracker.example/p.png"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
        b'<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>',
    ],
)
def test_svg_logo_with_scripts_or_outside_references_is_refused(content):
    with pytest.raises(ValidationError):
        validate_logo(ContentFile(content, name="logo.svg"))


def test_logo_must_be_what_its_name_says():
    with pytest.raises(ValidationError) as error:
        validate_logo(ContentFile(b"GIF89a....", name="logo.png"))
    assert error.value.code == "logo_inhoud"


def test_logo_of_a_forbidden_type_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_logo(ContentFile(b"%PDF-1.7", name="logo.pdf"))
    assert error.value.code == "logo_type"


def test_too_large_logo_is_refused_with_both_sizes():
    big = b"\x89PNG\r\n\x1a\n" + b"0" * (600 * 1024)
    with pytest.raises(ValidationError) as error:
        validate_logo(ContentFile(big, name="logo.png"))
    assert error.value.code == "logo_size"
    assert "512" in error.value.messages[0]
