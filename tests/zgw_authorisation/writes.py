"""Writes on the objects of a world, each with the scopes that could allow it.

An :class:`Attempt` is one valid request (so nothing but the autorisatie can stop
it) that would create, change or destroy something of one type and level. The
scopes are those the standard lists for the operation, plus the alternatives
Loket documents (a status by zaken.geforceerd-bijwerken; verzendingen, which list
none, by the document's scopes). A client holding none of them for that type and
level must get a 403, and the database must stay as it was.
"""

from dataclasses import dataclass

from hypothesis import strategies as st

from tests.zgw_authorisation.model import (
    BESLUITEN,
    CATALOGI,
    DOCUMENTEN,
    ZAKEN,
    Model,
    Node,
    url,
)
from tests.zgw_authorisation.world import LEVELS, SOORTEN

UPDATE_ZAAK = ("zaken.bijwerken", "zaken.geforceerd-bijwerken")
ADD_TO_ZAAK = ("zaken.aanmaken", *UPDATE_ZAAK)


@dataclass(frozen=True)
class Attempt:
    method: str
    path: str
    body: dict | None
    component: str
    scopes: tuple[str, ...]
    cat: int
    soort: str | None
    level: str | None
    about: str  # for messages

    def permitted(self, model: Model) -> bool:
        return any(
            model.covers(self.component, scope, self.cat, self.soort, self.level)
            for scope in self.scopes
        )

    def send(self, api):
        if self.method == "delete":
            return api.delete(self.path)
        return getattr(api, self.method)(self.path, self.body)

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} ({self.about})"


def _type(path: str, obj) -> str:
    return url(f"{CATALOGI}/{path}/{obj.uuid}")


def attempts(model: Model, data) -> list[Attempt]:
    result = []
    cats = model.cats
    for c, cat in enumerate(cats):
        level = data.draw(st.sampled_from(LEVELS), label=f"new zaak level {c}")
        result.append(
            Attempt(
                "post",
                f"{ZAKEN}/zaken",
                {
                    "zaaktype": _type("zaaktypen", cat.zaaktype),
                    "bronorganisatie": cat.rsin,
                    "verantwoordelijkeOrganisatie": cat.rsin,
                    "startdatum": "2026-03-02",
                    "vertrouwelijkheidaanduiding": level,
                },
                "zrc",
                ("zaken.aanmaken",),
                c,
                None,
                level,
                f"a new zaak of {'ABC'[c]} at {level}",
            )
        )
        soort = data.draw(st.sampled_from(SOORTEN), label=f"new document soort {c}")
        level = data.draw(st.sampled_from(LEVELS), label=f"new document level {c}")
        result.append(
            Attempt(
                "post",
                f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
                {
                    "informatieobjecttype": _type(
                        "informatieobjecttypen", cat.informatieobjecttypen[soort]
                    ),
                    "bronorganisatie": cat.rsin,
                    "creatiedatum": "2026-03-01",
                    "titel": "Nieuw",
                    "auteur": "J. Jansen",
                    "taal": "dut",
                    "vertrouwelijkheidaanduiding": level,
                },
                "drc",
                ("documenten.aanmaken",),
                c,
                soort,
                level,
                f"a new document {'ABC'[c]}.{soort} at {level}",
            )
        )
        result.append(
            Attempt(
                "post",
                f"{BESLUITEN}/besluiten",
                {
                    "verantwoordelijkeOrganisatie": cat.rsin,
                    "besluittype": _type("besluittypen", cat.besluittype),
                    "datum": "2026-02-01",
                    "ingangsdatum": "2026-02-15",
                },
                "brc",
                ("besluiten.aanmaken",),
                c,
                None,
                None,
                f"a new besluit of {'ABC'[c]}",
            )
        )
    documents = model.of_kind("document")
    for zaak in model.of_kind("zaak"):
        result += _on_zaak(model, zaak, documents)
    for document in documents:
        result += _on_document(model, document)
    for besluit in model.of_kind("besluit"):
        result += _on_besluit(model, besluit, documents)
    return result


def _zaak_attempt(zaak: Node, method, path, body, scopes, what) -> Attempt:
    return Attempt(
        method,
        path,
        body,
        "zrc",
        scopes,
        zaak.facts["cat"],
        None,
        zaak.facts["level"],
        f"{what} {zaak.label}",
    )


def _on_zaak(model: Model, zaak: Node, documents: list[Node]) -> list[Attempt]:
    cat = model.cats[zaak.facts["cat"]]
    link = url(zaak.key)
    result = [
        _zaak_attempt(
            zaak, "patch", zaak.key, {"toelichting": "Gewijzigd"}, UPDATE_ZAAK, "change"
        ),
        _zaak_attempt(
            zaak, "delete", zaak.key, None, ("zaken.verwijderen",), "destroy"
        ),
        _zaak_attempt(
            zaak,
            "post",
            f"{ZAKEN}/statussen",
            {
                "zaak": link,
                "statustype": _type("statustypen", cat.statustypen["Ontvangen"]),
                "datumStatusGezet": "2026-03-03T10:00:00Z",
            },
            (
                "zaken.aanmaken",
                "zaken.heropenen",
                "zaken.statussen.toevoegen",
                "zaken.geforceerd-bijwerken",
            ),
            "a status on",
        ),
        _zaak_attempt(
            zaak,
            "post",
            f"{ZAKEN}/rollen",
            {
                "zaak": link,
                "betrokkeneType": "natuurlijk_persoon",
                "roltype": _type("roltypen", cat.roltypen["Aanvrager"]),
                "roltoelichting": "Aanvrager",
                "betrokkeneIdentificatie": {"inpBsn": "111222333"},
            },
            UPDATE_ZAAK,
            "a rol in",
        ),
        _zaak_attempt(
            zaak,
            "post",
            f"{ZAKEN}/resultaten",
            {
                "zaak": link,
                "resultaattype": _type(
                    "resultaattypen", cat.resultaattypen["Verleend"]
                ),
            },
            UPDATE_ZAAK,
            "a resultaat for",
        ),
        _zaak_attempt(
            zaak,
            "post",
            f"{ZAKEN}/zaakobjecten",
            {
                "zaak": link,
                "objectType": "adres",
                "object": "https://bag.example/api/adressen/99",
            },
            ADD_TO_ZAAK,
            "a zaakobject in",
        ),
        _zaak_attempt(
            zaak,
            "post",
            f"{zaak.key}/zaakeigenschappen",
            {
                "zaak": link,
                "eigenschap": _type("eigenschappen", cat.eigenschappen["kenteken"]),
                "waarde": "XY-99-ZZ",
            },
            UPDATE_ZAAK,
            "a zaakeigenschap of",
        ),
        _zaak_attempt(
            zaak,
            "post",
            f"{ZAKEN}/klantcontacten",
            {"zaak": link, "datumtijd": "2026-03-02T10:00:00Z"},
            UPDATE_ZAAK,
            "a klantcontact about",
        ),
        _zaak_attempt(
            zaak,
            "post",
            f"{ZAKEN}/zaakverzoeken",
            {"zaak": link, "verzoek": "https://klanten.example/api/verzoeken/99"},
            ("zaken.bijwerken",),
            "a zaakverzoek of",
        ),
    ]
    if documents:
        result.append(
            _zaak_attempt(
                zaak,
                "post",
                f"{ZAKEN}/zaakinformatieobjecten",
                {"zaak": link, "informatieobject": url(documents[0].key)},
                ADD_TO_ZAAK,
                "a document in",
            )
        )
    for node in model.nodes.values():
        if node.owner is not zaak:
            continue
        if node.kind == "rol":
            result.append(
                _zaak_attempt(zaak, "delete", node.key, None, UPDATE_ZAAK, "a rol of")
            )
        if node.kind == "zaakinformatieobject":
            result.append(
                _zaak_attempt(
                    zaak,
                    "delete",
                    node.key,
                    None,
                    (*UPDATE_ZAAK, "zaken.verwijderen"),
                    "a document of",
                )
            )
        if node.kind == "resultaat":
            result.append(
                _zaak_attempt(
                    zaak,
                    "patch",
                    node.key,
                    {"toelichting": "Anders"},
                    UPDATE_ZAAK,
                    "the resultaat of",
                )
            )
    return result


def _on_document(model: Model, document: Node) -> list[Attempt]:
    facts = document.facts
    link = url(document.key)

    def attempt(method, path, body, scopes, what):
        return Attempt(
            method,
            path,
            body,
            "drc",
            scopes,
            facts["cat"],
            facts["soort"],
            facts["level"],
            f"{what} {document.label}",
        )

    result = [
        attempt(
            "patch",
            document.key,
            {"titel": "Gewijzigd", "lock": "geen"},
            ("documenten.bijwerken", "documenten.geforceerd-bijwerken"),
            "change",
        ),
        attempt("delete", document.key, None, ("documenten.verwijderen",), "destroy"),
        attempt("post", f"{document.key}/lock", {}, ("documenten.lock",), "lock"),
        attempt(
            "post",
            f"{DOCUMENTEN}/gebruiksrechten",
            {
                "informatieobject": link,
                "startdatum": "2026-03-01T00:00:00Z",
                "omschrijvingVoorwaarden": "Niet doorsturen.",
            },
            ("documenten.aanmaken",),
            "gebruiksrechten on",
        ),
        attempt(
            "post",
            f"{DOCUMENTEN}/verzendingen",
            {
                "informatieobject": link,
                "betrokkene": "https://klanten.example/api/klanten/2",
                "aardRelatie": "afzender",
                "contactPersoon": "https://klanten.example/api/contactpersonen/2",
                "emailadres": "iemand@example.org",
            },
            ("documenten.aanmaken",),
            "a verzending of",
        ),
    ]
    for node in model.nodes.values():
        if node.owner is not document:
            continue
        if node.kind == "objectinformatieobject":
            target = model.nodes[node.facts["object"]]
            result.append(
                attempt(
                    "post",
                    f"{DOCUMENTEN}/objectinformatieobjecten",
                    {
                        "informatieobject": link,
                        "object": url(target.key),
                        "objectType": target.kind,
                    },
                    ("documenten.aanmaken",),
                    f"the relation to {target.label} of",
                )
            )
        if node.kind in ("gebruiksrechten", "verzending", "objectinformatieobject"):
            result.append(
                attempt(
                    "delete",
                    node.key,
                    None,
                    ("documenten.verwijderen",),
                    f"the {node.kind} of",
                )
            )
    return result


def _on_besluit(model: Model, besluit: Node, documents: list[Node]) -> list[Attempt]:
    def attempt(method, path, body, scopes, what):
        return Attempt(
            method,
            path,
            body,
            "brc",
            scopes,
            besluit.facts["cat"],
            None,
            None,
            f"{what} {besluit.label}",
        )

    result = [
        attempt(
            "patch",
            besluit.key,
            {"toelichting": "Gewijzigd"},
            ("besluiten.bijwerken",),
            "change",
        ),
        attempt("delete", besluit.key, None, ("besluiten.verwijderen",), "destroy"),
    ]
    if documents:
        result.append(
            attempt(
                "post",
                f"{BESLUITEN}/besluitinformatieobjecten",
                {
                    "besluit": url(besluit.key),
                    "informatieobject": url(documents[0].key),
                },
                ("besluiten.aanmaken",),
                "a document for",
            )
        )
    for node in model.nodes.values():
        if node.owner is besluit and node.kind == "besluitinformatieobject":
            result.append(
                attempt(
                    "delete",
                    node.key,
                    None,
                    ("besluiten.verwijderen",),
                    "a document of",
                )
            )
    return result
