"""Loading the Selectielijst that ships with Loket (and keeping it current)."""

import json
from pathlib import Path

from django.db import transaction

from loket.zgw.referentielijsten.models import TAAKGEBIEDEN, ProcesType, Resultaat

DATA = Path(__file__).parent / "data" / "selectielijst-2020.json"


@transaction.atomic
def load_selectielijst(path: Path = DATA) -> tuple[int, int]:
    """Create or update every procestype and resultaat by UUID. Returns how many of
    each the file holds."""
    records = json.loads(path.read_text(encoding="utf-8"))
    procestypen = {}
    for record in records:
        if record["model"] != "selectielijst.procestype":
            continue
        fields = record["fields"]
        procestype, _ = ProcesType.objects.update_or_create(
            uuid=fields["uuid"],
            defaults={
                "nummer": fields["nummer"],
                "jaar": fields["jaar"],
                "naam": fields["naam"],
                "omschrijving": fields["omschrijving"],
                "toelichting": fields.get("toelichting") or "",
                "procesobject": fields["procesobject"],
            },
        )
        procestypen[record["pk"]] = procestype
    # Two withdrawn classes (7.1.20 and 19.1.13, "Vervallen") have no waardering,
    # which the Referentielijsten API requires of every resultaat; nobody may choose
    # them any more, so Loket does not offer them.
    resultaten = [
        r
        for r in records
        if r["model"] == "selectielijst.resultaat" and r["fields"].get("waardering")
    ]
    by_pk = {}
    # Generic results first: specific ones refer to them.
    for record in sorted(
        resultaten, key=lambda r: r["fields"]["generiek_resultaat"] is not None
    ):
        fields = record["fields"]
        defaults = {
            "proces_type": procestypen[fields["proces_type"]],
            "generiek_resultaat": by_pk.get(fields["generiek_resultaat"]),
            "nummer": fields["nummer"],
            "naam": fields["naam"],
            "omschrijving": fields.get("omschrijving") or "",
            "herkomst": fields.get("herkomst") or "",
            "waardering": fields.get("waardering") or "",
            "procestermijn": fields.get("procestermijn") or "",
            "bewaartermijn": fields.get("bewaartermijn") or "",
            "toelichting": fields.get("toelichting") or "",
            "procestermijn_opmerking": fields.get("procestermijn_opmerking") or "",
            **{name: bool(fields.get(name)) for name in TAAKGEBIEDEN},
        }
        resultaat, _ = Resultaat.objects.update_or_create(
            uuid=fields["uuid"], defaults=defaults
        )
        by_pk[record["pk"]] = resultaat
    return len(procestypen), len(by_pk)
