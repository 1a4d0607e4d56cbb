"""The channel vocabulary of the aggregates: one key per way a resident reaches the
gemeente, whatever register the fact comes from (a zaak's communicatiekanaal, a
submitted form's kanaal, a contactmoment's kanaal)."""

WEB = "web"
OVERIG = "overig"

# In display order.
LABELS = {
    "web": "Website",
    "balie": "Balie",
    "telefoon": "Telefoon",
    "post": "Post",
    "e-mail": "E-mail",
    "chat": "Chat",
    "whatsapp": "WhatsApp",
    "sociale_media": "Sociale media",
    "overig": "Overig of onbekend",
}
VOLGORDE = {key: i for i, key in enumerate(LABELS)}

# Names as they occur in the registers, lower case: the Referentielijsten
# communicatiekanalen (the demo's and the usual ones), the formulieren.Kanaal and
# klantcontact.Kanaal values and labels.
_NAMEN = {
    "web": "web",
    "website": "web",
    "website/e-formulier": "web",
    "e-formulier": "web",
    "internet": "web",
    "mijn loket": "web",
    "mijn_loket": "web",
    "balie": "balie",
    "telefoon": "telefoon",
    "post": "post",
    "e-mail": "e-mail",
    "email": "e-mail",
    "chat": "chat",
    "whatsapp": "whatsapp",
    "social media": "sociale_media",
    "sociale media": "sociale_media",
    "sociale_media": "sociale_media",
}


def van_naam(naam: str | None) -> str:
    """The key for a channel as a register names it; "overig" for anything else
    (also for no channel at all)."""
    return _NAMEN.get((naam or "").strip().lower(), OVERIG)


def van_zaak(zaak) -> str:
    """The key for a zaak's communicatiekanaal (loaded or not)."""
    kanaal = zaak.communicatiekanaal if zaak.communicatiekanaal_id else None
    return van_naam(kanaal.naam if kanaal else None)


def label(key: str) -> str:
    return LABELS.get(key, LABELS[OVERIG])
