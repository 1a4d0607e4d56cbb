"""What each field type accepts and how it says what is wrong, in Dutch."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest

from loket.formulieren import velden
from loket.formulieren.models import Veld
from loket.formulieren.tests.maken import PDF, PNG, files, post
from loket.formulieren.velden import Fout, Upload


def veld(type_, **fields):
    fields.setdefault("sleutel", "v")
    fields.setdefault("label", "Vraag")
    return Veld(type=type_, **fields)


def lees(v, waarde=None, bestanden=None, **data):
    data = post(**({"v": waarde} if waarde is not None else {}), **data)
    return velden.lees(v, data, bestanden, "v")


def fout(v, *args, **kwargs) -> str:
    with pytest.raises(Fout) as e:
        lees(v, *args, **kwargs)
    return str(e.value)


@pytest.mark.parametrize(
    ("type_", "message"),
    [
        ("tekst", "Vul dit veld in."),
        ("tekstvak", "Vul dit veld in."),
        ("getal", "Vul een getal in."),
        ("datum", "Vul een datum in."),
        ("email", "Vul uw e-mailadres in."),
        ("telefoon", "Vul uw telefoonnummer in."),
        ("iban", "Vul uw IBAN (rekeningnummer) in."),
        ("adres", "Vul dit veld in."),
        ("bestand", "Kies een bestand."),
    ],
)
def test_a_required_field_left_empty_says_what_to_do(type_, message):
    assert fout(veld(type_, bestandstypen="pdf"), "") == message


def test_keuze_fields_ask_to_choose():
    v = veld("keuze", keuzes=["Ja", "Nee"])
    assert fout(v) == "Kies een antwoord."
    assert fout(v, "Misschien") == "Kies een van de antwoorden."
    assert lees(v, "Nee") == "Nee"


def test_meerkeuze_keeps_the_forms_order_and_refuses_unknown_answers():
    v = veld("meerkeuze", keuzes=["A", "B", "C"])
    assert fout(v) == "Kies minstens één antwoord."
    assert lees(v, ["C", "A"]) == ["A", "C"]
    assert "Kies alleen uit" in fout(v, ["A", "X"])


def test_an_optional_field_may_stay_empty():
    assert lees(veld("tekst", verplicht=False), "  ") is None


def test_text_is_trimmed_and_limited():
    v = veld("tekst", maximum=5)
    assert lees(v, "  a   b ") == "a b"
    assert fout(v, "abcdefg") == "Gebruik hooguit 5 tekens. U gebruikte er 7."


def test_getal_reads_dutch_decimals_and_checks_its_bounds():
    v = veld("getal", minimum=1, maximum=5000)
    assert lees(v, "12") == "12"
    assert lees(v, "2,5") == "2.5"
    assert fout(v, "twaalf") == "Vul een getal in, met alleen cijfers, bijvoorbeeld 12."
    assert fout(v, "0") == "Het getal moet 1 of hoger zijn."
    assert fout(v, "5001") == "Het getal moet 5000 of lager zijn."


def test_datum_reads_iso_and_dutch_and_checks_days_from_today():
    vandaag = timezone.localdate()
    v = veld("datum", minimum=-5, maximum=30)
    assert lees(v, vandaag.isoformat()) == vandaag.isoformat()
    assert lees(v, vandaag.strftime("%d-%m-%Y")) == vandaag.isoformat()
    assert "bestaande datum" in fout(v, "31-02-2026")
    assert fout(v, (vandaag - timedelta(days=6)).isoformat()).startswith(
        "De datum mag niet vóór"
    )
    assert fout(v, (vandaag + timedelta(days=31)).isoformat()).startswith(
        "De datum mag niet na"
    )


def test_email():
    v = veld("email")
    assert lees(v, " jan@voorbeeld.nl ") == "jan@voorbeeld.nl"
    assert fout(v, "jan@voorbeeld") == "Vul een e-mailadres in zoals naam@voorbeeld.nl."


def test_telefoon_accepts_dutch_and_international_numbers():
    v = veld("telefoon")
    assert lees(v, "06-1234 5678") == "0612345678"
    assert lees(v, "+31 6 12345678") == "+31612345678"
    assert "10 cijfers" in fout(v, "12345")


def test_iban_is_checked_with_mod_97():
    v = veld("iban")
    assert lees(v, "nl91 abna 0417 1643 00") == "NL91ABNA0417164300"
    assert fout(v, "NL92ABNA0417164300") == (
        "Dit IBAN bestaat niet: er zit een tikfout in. Controleer het nummer."
    )
    assert "18 tekens" in fout(v, "NL91ABNA04171643")
    assert "twee letters" in fout(v, "1234")
    assert velden.weergave(v, "NL91ABNA0417164300") == "NL91 ABNA 0417 1643 00"


def test_adres_checks_postcode_and_huisnummer_and_falls_back_to_typing():
    v = veld("adres")
    data = {"v_postcode": "1234ab", "v_huisnummer": "12", "v_huisletter": "a"}
    assert (
        fout(v, **{**data, "v_postcode": "123"}) == "Vul een postcode in zoals 1234 AB."
    )
    assert "huisnummer" in fout(v, **{**data, "v_huisnummer": "twaalf"})
    # No BAG to ask here: without straat and plaats the resident is asked for them.
    assert "Vul de straat en de plaats zelf in" in fout(v, **data)
    adres = lees(v, **data, v_straat="Dorpsstraat", v_woonplaats="Duinwaard")
    assert adres == {
        "postcode": "1234 AB",
        "huisnummer": 12,
        "huisletter": "A",
        "toevoeging": "",
        "straat": "Dorpsstraat",
        "woonplaats": "Duinwaard",
    }
    assert velden.weergave(v, adres) == "Dorpsstraat 12A, 1234 AB Duinwaard"


def test_bestand_checks_size_and_type_by_content():
    v = veld("bestand", bestandstypen="pdf,png", max_mb=1)
    upload = lees(v, bestanden=files(v=("brief.pdf", PDF)))
    assert isinstance(upload, Upload) and upload.formaat == "application/pdf"
    assert lees(v, bestanden=files(v=("foto.png", PNG))).formaat == "image/png"
    # A program renamed to .pdf is refused on its content.
    assert fout(v, bestanden=files(v=("brief.pdf", b"MZ\x90\x00" + b"\x00" * 40))) == (
        "Dit soort bestand kan niet. Kies een bestand van het type PDF of PNG."
    )
    assert "Dit soort bestand kan niet" in fout(v, bestanden=files(v=("a.jpg", PDF)))
    groot = SimpleUploadedFile("groot.pdf", PDF + b"\x00" * (1024 * 1024))
    message = fout(v, bestanden={"v": groot})
    assert (
        message.startswith("Het bestand is te groot (1.0 MB)") or "te groot" in message
    )
    assert message.endswith("Het mag hooguit 1 MB zijn.")


def test_bestand_keeps_the_earlier_upload_when_none_is_chosen():
    v = veld("bestand", bestandstypen="pdf")
    eerder = {"bijlage": "x", "naam": "brief.pdf", "grootte": 10}
    assert velden.lees(v, post(), files(), "v", eerder) == eerder


@pytest.mark.parametrize(
    ("antwoord", "zichtbaar"),
    [("Van de zaak", True), ("Van mij", False), (None, False), (["Van de zaak"], True)],
)
def test_a_condition_shows_a_question_only_for_its_answer(antwoord, zichtbaar):
    v = veld("tekst", conditie_veld="soort", conditie_waarde="Van de zaak")
    assert velden.zichtbaar(v, {"soort": antwoord}) is zichtbaar
    assert velden.zichtbaar(veld("tekst"), {}) is True


def test_eigenschap_values_follow_the_zgw_formats():
    assert velden.eigenschap_waarde(veld("datum"), "2026-03-02", "datum") == "20260302"
    assert velden.eigenschap_waarde(veld("getal"), "12", "getal") == "12"
    assert velden.eigenschap_waarde(veld("meerkeuze"), ["A", "B"], "tekst") == "A, B"
