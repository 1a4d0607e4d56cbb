"""The forms of the zaak page. Each has a prefix, so that its fields keep unique ids
when all of them are on one page."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.utils import timezone

from loket.core.forms import LoketForm
from loket.werkplek import brieven
from loket.werkplek.services.dossier import MAX_NOTITIE, Bestand
from loket.zgw.catalogi.choices import Vertrouwelijkheid

MAX_TEKST = 5000


class Keuze(forms.ChoiceField):
    """A choice among objects the view already loaded (catalogue types, letter
    templates): no query to render or to check the answer. ``clean`` gives the
    object."""

    def __init__(self, *, leeg: str = "", **kwargs):
        self.leeg = leeg
        self.objecten: dict[str, object] = {}
        super().__init__(**kwargs)

    def zet(self, objecten, label=lambda o: o.omschrijving or str(o)) -> None:
        self.objecten = {str(o.pk): o for o in objecten}
        keuzes = [(pk, label(o)) for pk, o in self.objecten.items()]
        self.choices = [("", self.leeg), *keuzes] if self.leeg else keuzes

    def clean(self, value):
        value = super().clean(value)
        return self.objecten.get(value) if value else None


class StatusForm(LoketForm):
    prefix = "status"
    statustype = Keuze(
        label="Nieuwe status",
        error_messages={
            "required": "Kies de nieuwe status.",
            "invalid_choice": "Kies een van de volgende statussen.",
        },
    )
    toelichting = forms.CharField(
        label="Toelichting (niet verplicht)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wat er is gebeurd. De aanvrager ziet deze toelichting niet.",
    )

    def __init__(self, *args, statustypen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statustype"].zet(statustypen)


class OpschortenForm(LoketForm):
    prefix = "opschorten"
    reden = forms.CharField(
        label="Reden van de opschorting",
        max_length=200,
        help_text="Bijvoorbeeld: wachten op aanvullende gegevens van de aanvrager. "
        "De aanvrager ziet deze reden in Mijn Loket.",
        error_messages={"required": "Geef de reden van de opschorting."},
    )


class VerlengenForm(LoketForm):
    prefix = "verlengen"
    dagen = forms.IntegerField(
        label="Aantal dagen",
        min_value=1,
        error_messages={
            "required": "Geef aan met hoeveel dagen u de termijn verlengt.",
            "invalid": "Vul een heel aantal dagen in, zoals 14.",
            "min_value": "Verleng met ten minste 1 dag.",
            "max_value": "Verleng met hoogstens %(limit_value)s dagen.",
        },
    )
    reden = forms.CharField(
        label="Reden van de verlenging",
        max_length=200,
        error_messages={"required": "Geef de reden van de verlenging."},
    )

    def __init__(self, *args, max_dagen=None, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["dagen"]
        if max_dagen:
            veld.validators.append(
                MaxValueValidator(
                    max_dagen, message=f"Verleng met hoogstens {max_dagen} dagen."
                )
            )
            veld.widget.attrs["max"] = max_dagen
            veld.help_text = (
                f"Hoogstens {max_dagen} dagen. U kunt de termijn één keer verlengen."
            )
        else:
            veld.help_text = "U kunt de termijn één keer verlengen."


class BesluitForm(LoketForm):
    prefix = "besluit"
    besluittype = Keuze(
        label="Soort besluit",
        error_messages={
            "required": "Kies het soort besluit.",
            "invalid_choice": "Kies een soort besluit uit de lijst.",
        },
    )
    datum = forms.DateField(
        label="Datum van het besluit",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={
            "required": "Vul de datum van het besluit in.",
            "invalid": "Vul een geldige datum in, zoals 2026-03-02.",
        },
    )
    ingangsdatum = forms.DateField(
        label="Geldt vanaf",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={
            "required": "Vul in vanaf wanneer het besluit geldt.",
            "invalid": "Vul een geldige datum in, zoals 2026-03-02.",
        },
    )
    toelichting = forms.CharField(
        label="Toelichting (niet verplicht)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="De aanvrager ziet deze toelichting in Mijn Loket.",
    )

    def __init__(self, *args, besluittypen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["besluittype"].zet(besluittypen)
        vandaag = timezone.localdate()
        self.fields["datum"].initial = vandaag
        self.fields["ingangsdatum"].initial = vandaag

    def clean(self):
        data = super().clean()
        datum, ingang = data.get("datum"), data.get("ingangsdatum")
        if datum and datum > timezone.localdate():
            self.add_error(
                "datum", "De datum van het besluit kan niet in de toekomst liggen."
            )
        if datum and ingang and ingang < datum:
            self.add_error(
                "ingangsdatum",
                "Een besluit kan niet gelden vóór de datum waarop het is genomen.",
            )
        return data


class AfsluitenForm(LoketForm):
    prefix = "afsluiten"
    resultaattype = Keuze(
        label="Resultaat",
        leeg="Kies het resultaat",
        error_messages={
            "required": "Kies het resultaat van de zaak.",
            "invalid_choice": "Kies een resultaat uit de lijst.",
        },
    )
    toelichting = forms.CharField(
        label="Toelichting (niet verplicht)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, resultaattypen=(), heeft_resultaat=False, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["resultaattype"]
        veld.zet(resultaattypen)
        if heeft_resultaat:  # set earlier (e.g. through the API): only close
            del self.fields["resultaattype"]


class BerichtForm(LoketForm):
    prefix = "bericht"
    onderwerp = forms.CharField(
        label="Onderwerp",
        max_length=200,
        error_messages={"required": "Geef het bericht een onderwerp."},
    )
    tekst = forms.CharField(
        label="Bericht",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="De aanvrager leest dit in Mijn Loket en krijgt een e-mail dat er "
        "een bericht is (zonder de inhoud).",
        error_messages={
            "required": "Schrijf het bericht.",
            "max_length": "Het bericht is te lang: maximaal %(limit_value)d tekens.",
        },
    )


class NotitieForm(LoketForm):
    prefix = "notitie"
    tekst = forms.CharField(
        label="Notitie",
        max_length=MAX_NOTITIE,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Alleen voor medewerkers; de aanvrager ziet notities nooit.",
        error_messages={
            "required": "Schrijf de notitie.",
            "max_length": "De notitie is te lang: maximaal %(limit_value)d tekens.",
        },
    )


# -- files ----------------------------------------------------------------------------

# What a handler may upload: extension → (formaat, test on the first bytes).
SOORTEN = {
    "pdf": ("application/pdf", lambda b: b.startswith(b"%PDF-")),
    "png": ("image/png", lambda b: b.startswith(b"\x89PNG\r\n\x1a\n")),
    "jpg": ("image/jpeg", lambda b: b.startswith(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", lambda b: b.startswith(b"\xff\xd8\xff")),
    "gif": ("image/gif", lambda b: b[:6] in (b"GIF87a", b"GIF89a")),
    "txt": ("text/plain", None),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda b: b.startswith(b"PK\x03\x04"),
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda b: b.startswith(b"PK\x03\x04"),
    ),
    "odt": (
        "application/vnd.oasis.opendocument.text",
        lambda b: b.startswith(b"PK\x03\x04"),
    ),
    "ods": (
        "application/vnd.oasis.opendocument.spreadsheet",
        lambda b: b.startswith(b"PK\x03\x04"),
    ),
    "eml": ("message/rfc822", None),
}
SOORTEN_TEKST = "PDF, PNG, JPG, GIF, TXT, DOCX, XLSX, ODT, ODS of EML"
# The Documenten services take a document's content as bytes, so an upload here is
# read into memory: larger files go through the Documenten API in bestandsdelen.
MAX_UPLOAD = 50 * 1_048_576


def max_upload() -> int:
    return min(MAX_UPLOAD, settings.DOCUMENTEN_MAX_FILE_SIZE)


def _tekstbestand(inhoud: bytes) -> bool:
    if b"\x00" in inhoud[:8192]:
        return False
    try:
        inhoud.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def lees_bestand(upload) -> Bestand:
    """The uploaded file, if its size and type are acceptable; a ValidationError in
    Dutch otherwise. The Documenten services check size and programs again."""
    from loket.zgw.documenten.services import content

    te_groot = content.size_problem(upload.size)
    if te_groot:
        raise te_groot
    if upload.size > max_upload():
        raise forms.ValidationError(
            f"Dit bestand is {upload.size / 1_048_576:.0f} MB; hier kunt u "
            f"bestanden tot {max_upload() // 1_048_576} MB toevoegen.",
            code="file-too-large",
        )
    if not upload.size:
        raise forms.ValidationError("Het bestand is leeg. Kies een ander bestand.")
    naam = upload.name or "bestand"
    extensie = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
    soort = SOORTEN.get(extensie)
    inhoud = upload.read()
    fout = forms.ValidationError(
        f"Dit soort bestand kan niet. Kies een bestand van het type {SOORTEN_TEKST}.",
        code="bestandstype",
    )
    if soort is None:
        raise fout
    formaat, test = soort
    if test is not None and not test(inhoud[:16]):
        raise fout
    if test is None and not _tekstbestand(inhoud):
        raise fout
    return Bestand(naam=naam, formaat=formaat, inhoud=inhoud)


class _BestandVeld(forms.FileField):
    def __init__(self, **kwargs):
        super().__init__(
            label="Bestand",
            help_text=f"{SOORTEN_TEKST}, tot {max_upload() // 1_048_576} MB.",
            error_messages={
                "required": "Kies een bestand.",
                "empty": "Het bestand is leeg. Kies een ander bestand.",
                "invalid": "Kies een bestand.",
            },
            **kwargs,
        )

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return lees_bestand(upload) if upload else upload


class DocumentForm(LoketForm):
    prefix = "document"
    bestand = _BestandVeld()
    titel = forms.CharField(
        label="Titel",
        max_length=200,
        error_messages={"required": "Geef het document een titel."},
    )
    informatieobjecttype = Keuze(
        label="Soort document",
        error_messages={
            "required": "Kies het soort document.",
            "invalid_choice": "Kies een soort document uit de lijst.",
        },
    )
    vertrouwelijkheidaanduiding = forms.ChoiceField(
        label="Vertrouwelijkheid",
        required=False,
        help_text="Documenten tot en met 'vertrouwelijk' kan de aanvrager in Mijn "
        "Loket lezen, behalve 'intern'.",
    )

    def __init__(self, *args, informatieobjecttypen=(), max_rang=7, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["informatieobjecttype"].zet(informatieobjecttypen)
        self.fields["vertrouwelijkheidaanduiding"].choices = [
            ("", "Zoals het soort document aangeeft"),
            *(
                (waarde, label)
                for waarde, label in Vertrouwelijkheid.choices
                if Vertrouwelijkheid.rank(waarde) <= max_rang
            ),
        ]


class VersieForm(LoketForm):
    prefix = "versie"
    bestand = _BestandVeld()


# -- letters --------------------------------------------------------------------------


class BriefKiesForm(LoketForm):
    prefix = "brief"
    sjabloon = Keuze(
        label="Sjabloon",
        error_messages={
            "required": "Kies een sjabloon.",
            "invalid_choice": "Kies een sjabloon uit de lijst.",
        },
    )

    def __init__(self, *args, sjablonen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sjabloon"].zet(sjablonen, label=lambda s: s.naam)


class BriefForm(BriefKiesForm):
    onderwerp = forms.CharField(
        label="Onderwerp",
        max_length=200,
        error_messages={"required": "Geef de brief een onderwerp."},
    )
    tekst = forms.CharField(
        label="Tekst van de brief",
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text="De invulvelden zijn al ingevuld. U kunt de tekst nog aanpassen "
        "voordat u de brief opslaat.",
        error_messages={"required": "De brief is leeg."},
    )

    def clean_tekst(self):
        tekst = self.cleaned_data["tekst"]
        brieven.controleer(tekst)
        return tekst
