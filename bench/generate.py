#!/usr/bin/env python3
"""Fill PostgreSQL with a realistic volume of zaken, documents and besluiten.

    .venv/bin/python bench/generate.py [--zaken 100000] [--besluiten N]
                                       [--database-url postgres://…/loket_bench]

The database is dropped and made again. Then:

1. ``loket setup`` and the demo without its zaken: two gemeenten of one
   werkorganisatie, their catalogues, staff and API clients.
2. A benchmark catalogue per gemeente with 50 zaaktypen each (100 in all):
   copies of the demo's zaaktypen, imported as a catalogue exchange file.
   (In Loket a zaak's gemeente follows its zaaktype's catalogue, so the
   incumbent's one catalogue for two municipalities becomes one per gemeente.)
3. *Prototypes*: per gemeente ``--prototypen`` zaken made by the demo's zaak
   builder through the Zaken, Documenten and Besluiten services, in every state
   (ontvangen … afgesloten with resultaat and besluit, heropend), with their
   statussen, initiator rol (BSN or KvK number), zaakeigenschappen, zaakobject,
   documents and besluiten.
4. *Clones*: every prototype is copied with PostgreSQL's COPY until there are
   ``--zaken`` zaken: new ids and UUIDs, new identificaties from the counters the
   services use, a new initiator (a valid BSN from a pool of residents), and all
   dates moved back by the same number of days (closed zaken spread over ten
   years, open ones over the last months). Besluiten of a prototype are copied
   more than once where needed to reach ``--besluiten`` (default: as many as
   zaken), each with its own PDF document. So every row is one the services
   made, with other keys and dates.

5. *Werkplek*: the benchmark zaaktypen are routed to the team of the demo
   zaaktype they copy, and the werkplek's read model (``Behandeling``, one row
   per zaak, for queues and search) is rebuilt for all zaken at the end
   (``leesmodel.herbouw``; its time is in the figures).
6. *Survey answers*: after about a third of the zaken closed in the last two
   years (the demo history's response rate) an answer to the satisfaction
   survey, with the demo history's grades (``geschiedenis.kto_antwoord``),
   stored and counted through ``feedback.services.bewaar_antwoorden_bulk`` in
   batches (the clones close no zaak through the services, so nobody was
   invited). Its time is in the figures.
7. *Sturing*: the counts behind the indicators (``Zaakfeit`` per zaak, every
   ``Telling``) are rebuilt from the registers (``loket.sturing.herbouw``; its
   time is in the figures), as the clones were counted by nobody.

Not copied: audit trail entries and notificaties of the prototypes (no scenario
reads them; each new request through the API writes its own); the clones'
documents point at their prototype's file.

Prints its own time; the figures go to stdout and, with ``--json``, to a file.
"""

import argparse
import itertools
import json
import random
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from common import DEFAULT_DATABASE_URL, ROOT, SECRET, configure, recreate_database

ZAAKTYPEN_PER_GEMEENTE = 50
PROTOTYPEN_PER_GEMEENTE = 200
RESTRICTED_ZAAKTYPEN = 10
CLOSED_SPREAD_DAYS = 8 * 365  # plus the prototypes' own two years: ten years
OPEN_SPREAD_DAYS = 60
CLOSED_SHARE = 0.85
BSN_POOL = 250_000
CLIENT_ALL = "bench-alles"
CLIENT_RESTRICTED = "bench-beperkt"
KTO_DAGEN = 2 * 365  # survey answers after the zaken closed this recently
KTO_BATCH = 10_000


def log(message: str, started: float) -> None:
    print(f"[{time.monotonic() - started:7.1f} s] {message}", flush=True)


# -- 1-3: the database, the catalogues and the prototypes -------------------------


def bench_catalogi():
    """Per gemeente a catalogue with 50 copies of the demo's zaaktypen."""
    from loket.demo import catalogus as demo_catalogus
    from loket.organisaties.models import Gemeente
    from loket.zgw.catalogi import exchange, services

    template = demo_catalogus.document()
    result = []
    for gemeente in Gemeente.objects.order_by("pk"):
        catalogus = services.create_catalogus(
            domein="BENCH",
            rsin=gemeente.rsin,
            naam=f"Benchmark {gemeente.naam}",
            contactpersoon_beheer_naam="Benchmark",
        )
        document = dict(template)
        copies = []
        k = 0
        while len(copies) < ZAAKTYPEN_PER_GEMEENTE:
            for zaaktype in template["zaaktypen"]:
                if len(copies) < ZAAKTYPEN_PER_GEMEENTE:
                    identificatie = f"{zaaktype['identificatie']}-B{k}"
                    copies.append({**zaaktype, "identificatie": identificatie})
            k += 1
        document["zaaktypen"] = copies
        exchange.import_catalogus(document, catalogus)
        result.append((gemeente, catalogus))
    return result


def soort_van(identificatie: str) -> str:
    """``OMGEVINGSVERGUNNING-B2`` → ``OMGEVINGSVERGUNNING``."""
    return identificatie.rsplit("-B", 1)[0]


def routering(catalogi) -> int:
    """Every zaaktype of the demo and the benchmark catalogues goes to the team of
    its demo soort, in each organisation serving the gemeente that has that team
    (so new zaken land in a team queue). Returns how many routeringen were made."""
    from loket.demo.soorten import SOORTEN
    from loket.organisaties.models import Gemeente, Organisatie
    from loket.werkplek import demo as werkplek_demo
    from loket.werkplek.services import toewijzing
    from loket.zgw.catalogi.models import ZaakType

    class Stil:
        made = 0

        def note(self, created: bool, what: str) -> None:
            self.made += created

    stil = Stil()
    werkplek_demo.load({g.slug: g for g in Gemeente.objects.all()}, stil)
    for gemeente, catalogus in catalogi:
        identificaties = set(
            ZaakType.objects.filter(catalogus=catalogus).values_list(
                "identificatie", flat=True
            )
        )
        for organisatie in Organisatie.objects.filter(gemeenten=gemeente):
            teams = {team.naam: team for team in organisatie.teams.all()}
            for identificatie in sorted(identificaties):
                soort = SOORTEN.get(soort_van(identificatie))
                team = teams.get(soort.team) if soort else None
                if team is not None:
                    _, created = toewijzing.routeer(organisatie, identificatie, team)
                    stil.made += created
    return stil.made


def werkplek_herbouw(started: float) -> dict:
    """The werkplek's read model for every zaak (the clones were written below
    the services, so no notification built their rows)."""
    from django.db import connection

    from loket.werkplek import leesmodel

    begin = time.monotonic()
    rijen = leesmodel.herbouw(
        voortgang=lambda n: log(f"werkplek: {n:,} behandelingen", started)
    )
    seconden = time.monotonic() - begin
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) werkplek_behandeling")
    return {"behandelingen": rijen, "herbouw_seconden": round(seconden, 1)}


def kto_antwoorden(started: float) -> dict:
    """Survey answers after a share (``geschiedenis.RESPONS``) of the zaken closed
    in the last ``KTO_DAGEN`` days, a few days after closing, as the demo history
    makes them: grades rising over the period, lower after a zaak that took longer
    than its norm. Stored and counted in batches of ``KTO_BATCH``."""
    from django.utils import timezone

    from loket.demo.geschiedenis import RESPONS, kto_antwoord
    from loket.feedback import services as feedback
    from loket.sturing import kanalen
    from loket.sturing.zaakfeiten import norm_van
    from loket.zgw.catalogi.models import ZaakType
    from loket.zgw.zaken.models import Zaak
    from loket.zgw.zaken.termijnen import add_duration

    begin = time.monotonic()
    rng = random.Random(20261203)
    vandaag = timezone.localdate()
    eerste = vandaag - timedelta(days=KTO_DAGEN)
    typen = {}  # zaaktype id → (identificatie, norm in days or None)
    for zaaktype in ZaakType.objects.all():
        norm = norm_van(zaaktype)
        dagen = (add_duration(eerste, norm) - eerste).days if norm else None
        typen[zaaktype.pk] = (zaaktype.identificatie[:50], dagen)
    zaken = (
        Zaak.objects.filter(
            gemeente__isnull=False, einddatum__gte=eerste, einddatum__lt=vandaag
        )
        .order_by("pk")
        .values_list(
            "gemeente_id",
            "zaaktype_id",
            "communicatiekanaal__naam",
            "startdatum",
            "einddatum",
        )
    )
    rijen = []
    for gemeente_id, zaaktype_id, kanaal, start, einde in zaken.iterator(
        chunk_size=20_000
    ):
        if rng.random() >= RESPONS:
            continue
        datum = einde + timedelta(days=rng.randrange(1, 6))
        if datum >= vandaag:
            continue
        product, norm = typen[zaaktype_id]
        rijen.append(
            kto_antwoord(
                rng,
                gemeente_id=gemeente_id,
                datum=datum,
                kanaal=kanalen.van_naam(kanaal),
                product=product,
                te_laat=norm is not None and (einde - start).days > norm,
                voortgang=(datum - eerste).days / KTO_DAGEN,
            )
        )
    bewaard = 0
    for i in range(0, len(rijen), KTO_BATCH):
        bewaard += feedback.bewaar_antwoorden_bulk(rijen[i : i + KTO_BATCH])
        log(f"kto: {bewaard:,} van {len(rijen):,} antwoorden bewaard", started)
    return {"antwoorden": bewaard, "seconden": round(time.monotonic() - begin, 1)}


def sturing_herbouw(voortgang: Callable[[str], None]) -> dict:
    """The counts behind the sturing indicators, rebuilt from the registers (the
    clones were counted by nobody), with fresh statistics for the planner. Also
    ``bench/sturing.py`` uses it."""
    from django.db import connection

    from loket.sturing import herbouw
    from loket.sturing.models import Telling, Zaakfeit

    begin = time.monotonic()
    rijen = herbouw.herbouw(voortgang=voortgang)
    seconden = time.monotonic() - begin
    with connection.cursor() as cursor:
        for model in (Zaakfeit, Telling):
            cursor.execute(f"VACUUM (ANALYZE) {model._meta.db_table}")
    return {**rijen, "herbouw_seconden": round(seconden, 1)}


def make_prototypes(catalogi, per_gemeente: int) -> None:
    from loket.demo import zaken as demo_zaken

    for gemeente, catalogus in catalogi:
        demo_zaken.load(gemeente, catalogus, aantal=per_gemeente, soort_van=soort_van)


def api_clients(catalogi) -> list[str]:
    """Two API clients: all authorisations, and ten zaaktypen of the first
    gemeente (with their documents and besluiten), reading and writing. Returns
    the UUIDs of those ten zaaktypen."""
    from loket.demo.loader import beperkte_autorisaties
    from loket.zgw.autorisaties import services
    from loket.zgw.autorisaties.models import Client
    from loket.zgw.catalogi.models import ZaakType

    _, catalogus = catalogi[0]
    identificaties = list(
        ZaakType.objects.filter(catalogus=catalogus, concept=False)
        .order_by("identificatie")
        .values_list("identificatie", flat=True)[:RESTRICTED_ZAAKTYPEN]
    )
    services.create_applicatie(
        label="Benchmark: alle autorisaties",
        client_ids=[CLIENT_ALL],
        heeft_alle_autorisaties=True,
    )
    services.create_applicatie(
        label=f"Benchmark: {len(identificaties)} zaaktypen",
        client_ids=[CLIENT_RESTRICTED],
        autorisaties=beperkte_autorisaties(
            catalogus,
            identificaties,
            maximum="zeer_geheim",
            besluiten_scopes=("besluiten.lezen", "besluiten.aanmaken"),
        ),
    )
    for client_id in (CLIENT_ALL, CLIENT_RESTRICTED):
        services.set_secret(Client.objects.get(client_id=client_id), SECRET)
    return [
        str(u)
        for u in ZaakType.objects.filter(
            catalogus=catalogus, identificatie__in=identificaties, concept=False
        ).values_list("uuid", flat=True)
    ]


# -- 4: cloning ----------------------------------------------------------------------


@dataclass
class Table:
    """One table that is cloned: its columns, and what happens to each."""

    model: type
    name: str
    columns: list[str]
    # column index → ("fk", model) | ("uuid",) | ("date",) | ("datetime",) |
    # ("ident", org column index, date column index) | ("bsn",) | ("kvk",)
    ops: dict[int, tuple]
    pk: int = 0

    def __post_init__(self):
        self.plain_ops = [(i, op) for i, op in self.ops.items() if op[0] != "ident"]
        self.ident_ops = [(i, op) for i, op in self.ops.items() if op[0] == "ident"]


def zaak_parts() -> list[type]:
    """The models of what belongs to one zaak alone."""
    from loket.zgw.zaken import models as z

    return [
        z.Status,
        z.Rol,
        z.Resultaat,
        z.ZaakObject,
        z.ZaakEigenschap,
        z.KlantContact,
        z.ZaakContactMoment,
        z.ZaakVerzoek,
    ]


def tables() -> list[Table]:
    """The tables below a zaak, in an order where nothing refers forward except
    the zaak's own ``status`` (foreign keys are checked by nobody during the load:
    every key is made here)."""
    from django.db import models as m

    from loket.zgw.besluiten import models as b
    from loket.zgw.documenten import models as d
    from loket.zgw.zaken import models as z

    order = [
        z.Zaak,
        *zaak_parts(),
        d.InformatieObject,
        d.EnkelvoudigInformatieObject,
        d.Gebruiksrechten,
        d.Verzending,
        b.Besluit,
        b.BesluitInformatieObject,
        z.ZaakInformatieObject,
        d.ObjectInformatieObject,
    ]
    cloned = set(order)
    identificatie = {
        z.Zaak: ("bronorganisatie", "registratiedatum"),
        d.EnkelvoudigInformatieObject: ("bronorganisatie", "creatiedatum"),
        b.Besluit: ("verantwoordelijke_organisatie", "datum"),
    }
    result = []
    for model in order:
        fields = model._meta.concrete_fields
        columns = [f.column for f in fields]
        ops = {}
        for i, f in enumerate(fields):
            if f.primary_key:
                continue
            if f.is_relation:
                if f.related_model in cloned:
                    ops[i] = ("fk", f.related_model)
            elif isinstance(f, m.UUIDField):
                ops[i] = ("uuid",)
            elif isinstance(f, m.DateTimeField):
                ops[i] = ("datetime",)
            elif isinstance(f, m.DateField):
                ops[i] = ("date",)
            elif model in identificatie and f.name == "identificatie":
                org, day = identificatie[model]
                ops[i] = ("ident", columns.index(org), columns.index(day))
            elif model is z.Rol and f.name == "inp_bsn":
                ops[i] = ("bsn",)
        if model is z.Rol:
            ops[columns.index("betrokkene_identificatie")] = ("bsn",)
        result.append(Table(model, model._meta.db_table, columns, ops))
    return result


@dataclass
class Bundle:
    """The rows of one prototype zaak (or of one of its besluiten, to be copied
    again onto the same clone), as text, per table."""

    rows: dict[str, list[list]] = field(default_factory=dict)
    # table → old id → position among that table's rows in this bundle
    index: dict[str, dict[int, int]] = field(default_factory=dict)
    bsn: str = ""
    closed: bool = False


def read_rows(cursor, table: Table, ids) -> dict[int, list]:
    if not ids:
        return {}
    columns = ", ".join(f'"{c}"::text' for c in table.columns)
    cursor.execute(
        f'SELECT {columns} FROM "{table.name}" WHERE id = ANY(%s) ORDER BY id',
        [list(ids)],
    )
    return {int(row[0]): list(row) for row in cursor.fetchall()}


def prototype_bundles(tabs: list[Table], catalogi):
    """Per prototype zaak: the bundle of all its rows, and one bundle per besluit
    (the besluit, its document and the relations to them)."""
    from django.db import connection

    from loket.zgw.besluiten import models as b
    from loket.zgw.documenten import models as d
    from loket.zgw.zaken import models as z

    by_model = {t.model: t for t in tabs}
    zaak_ids = list(
        z.Zaak.objects.filter(zaaktype__catalogus__in=[c for _, c in catalogi])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    owner: dict[type, dict[int, int]] = defaultdict(dict)  # model → id → zaak id
    for zaak_id in zaak_ids:
        owner[z.Zaak][zaak_id] = zaak_id
    below_zaak = [
        *zaak_parts(),
        z.ZaakInformatieObject,
        b.Besluit,
    ]
    for model in below_zaak:
        for pk, zaak_id in model.objects.filter(zaak_id__in=zaak_ids).values_list(
            "pk", "zaak_id"
        ):
            owner[model][pk] = zaak_id
    besluit_of_document: dict[int, int] = {}
    for pk, besluit_id, io_id in b.BesluitInformatieObject.objects.filter(
        besluit_id__in=owner[b.Besluit]
    ).values_list("pk", "besluit_id", "informatieobject_id"):
        owner[b.BesluitInformatieObject][pk] = owner[b.Besluit][besluit_id]
        owner[d.InformatieObject][io_id] = owner[b.Besluit][besluit_id]
        besluit_of_document[io_id] = besluit_id
    for zaak_id, io_id in z.ZaakInformatieObject.objects.filter(
        zaak_id__in=zaak_ids
    ).values_list("zaak_id", "informatieobject_id"):
        owner[d.InformatieObject].setdefault(io_id, zaak_id)
    documents = list(owner[d.InformatieObject])
    for model in (d.EnkelvoudigInformatieObject, d.Gebruiksrechten, d.Verzending):
        for pk, io_id in model.objects.filter(
            informatieobject_id__in=documents
        ).values_list("pk", "informatieobject_id"):
            owner[model][pk] = owner[d.InformatieObject][io_id]
    for pk, io_id in d.ObjectInformatieObject.objects.filter(
        informatieobject_id__in=documents
    ).values_list("pk", "informatieobject_id"):
        owner[d.ObjectInformatieObject][pk] = owner[d.InformatieObject][io_id]

    bundles = {zaak_id: Bundle() for zaak_id in zaak_ids}
    besluit_bundles: dict[int, Bundle] = {}
    with connection.cursor() as cursor:
        raw = cursor.cursor
        for model, table in by_model.items():
            rows = read_rows(raw, table, owner[model].keys())
            for pk, row in rows.items():
                bundle = bundles[owner[model][pk]]
                bundle.rows.setdefault(table.name, []).append(row)
        # What a besluit adds, to copy it again: the besluit, its document with
        # that document's versions, relations and mirrors.
        io_rows = read_rows(raw, by_model[d.InformatieObject], besluit_of_document)
        for io_id, besluit_id in besluit_of_document.items():
            sub = besluit_bundles.setdefault(besluit_id, Bundle())
            sub.rows.setdefault(by_model[d.InformatieObject].name, []).append(
                io_rows[io_id]
            )
        for model, column in (
            (d.EnkelvoudigInformatieObject, "informatieobject_id"),
            (d.Gebruiksrechten, "informatieobject_id"),
            (d.Verzending, "informatieobject_id"),
            (z.ZaakInformatieObject, "informatieobject_id"),
            (d.ObjectInformatieObject, "informatieobject_id"),
            (b.BesluitInformatieObject, "informatieobject_id"),
        ):
            ids = model.objects.filter(
                **{f"{column}__in": list(besluit_of_document)}
            ).values_list("pk", column)
            rows = read_rows(raw, by_model[model], [pk for pk, _ in ids])
            for pk, io_id in ids:
                sub = besluit_bundles[besluit_of_document[io_id]]
                sub.rows.setdefault(by_model[model].name, []).append(rows[pk])
        besluit_rows = read_rows(raw, by_model[b.Besluit], besluit_bundles)
        for besluit_id, sub in besluit_bundles.items():
            sub.rows[by_model[b.Besluit].name] = [besluit_rows[besluit_id]]

    zaak_table = by_model[z.Zaak]
    einddatum = zaak_table.columns.index("einddatum")
    rol_table = by_model[z.Rol]
    bsn_column = rol_table.columns.index("inp_bsn")
    besluiten_of_zaak: dict[int, list[Bundle]] = defaultdict(list)
    for besluit_id, sub in besluit_bundles.items():
        besluiten_of_zaak[owner[b.Besluit][besluit_id]].append(sub)
    result = []
    for zaak_id, bundle in bundles.items():
        bundle.closed = bundle.rows[zaak_table.name][0][einddatum] is not None
        for row in bundle.rows.get(rol_table.name, []):
            if row[bsn_column]:
                bundle.bsn = row[bsn_column]
                break
        for sub in [bundle, *besluiten_of_zaak[zaak_id]]:
            sub.bsn = bundle.bsn
            sub.index = {
                name: {int(row[0]): i for i, row in enumerate(rows)}
                for name, rows in sub.rows.items()
            }
        result.append((bundle, besluiten_of_zaak[zaak_id]))
    return result


def valid_bsn(rng: random.Random) -> str:
    """A number that passes the BSN eleven test (starting with 9: not issued)."""
    while True:
        digits = [9] + [rng.randrange(10) for _ in range(7)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10:
            return "".join(map(str, digits)) + str(last)


class Cloner:
    """Writes copies of bundles into one COPY stream per table."""

    def __init__(self, tabs: list[Table], copies: dict, counters: dict):
        self.tabs = tabs
        self.by_name = {t.name: t for t in tabs}
        self.copies = copies  # table name → psycopg Copy
        self.next_id = dict.fromkeys(self.by_name, 0)
        self.counters = counters  # (soort, org, year) → last number
        self.written = dict.fromkeys(self.by_name, 0)
        self.model_table = {t.model: t.name for t in tabs}

    def clone(
        self,
        bundle: Bundle,
        *,
        days: int,
        bsn: str,
        outer: tuple[Bundle, dict[str, int]] | None = None,
    ) -> dict[str, int]:
        """Write one copy of ``bundle``; ``outer`` is the copy of the zaak a
        besluit bundle belongs to. Returns the first new id per table."""
        starts = {}
        for name, rows in bundle.rows.items():
            starts[name] = self.next_id[name] + 1
            self.next_id[name] += len(rows)
        delta = timedelta(days=-days)
        idents: dict[str, str] = {}
        for name, rows in bundle.rows.items():
            table = self.by_name[name]
            write = self.copies[name].write_row
            start = starts[name]
            for position, row in enumerate(rows):
                values = list(row)
                values[0] = start + position
                for i, op in table.plain_ops:
                    value = values[i]
                    if value is None:
                        continue
                    kind = op[0]
                    if kind == "fk":
                        values[i] = self._key(
                            self.model_table[op[1]], int(value), bundle, starts, outer
                        )
                    elif kind == "uuid":
                        values[i] = uuid.uuid4()
                    elif kind == "date":
                        values[i] = date.fromisoformat(value) + delta
                    elif kind == "datetime":
                        values[i] = datetime.fromisoformat(value) + delta
                    elif kind == "bsn" and bundle.bsn:
                        values[i] = value.replace(bundle.bsn, bsn)
                for i, op in table.ident_ops:
                    if values[i] is not None:
                        values[i] = idents.get(values[i]) or self._ident(
                            values, i, op, idents
                        )
                write(values)
            self.written[name] += len(rows)
        return starts

    def _key(self, name, old, bundle, starts, outer):
        position = bundle.index.get(name, {}).get(old)
        if position is not None:
            return starts[name] + position
        if outer is not None:
            outer_bundle, outer_starts = outer
            position = outer_bundle.index.get(name, {}).get(old)
            if position is not None:
                return outer_starts[name] + position
        return None  # e.g. a relevante andere zaak outside the bundle

    def _ident(self, values, i, op, idents):
        old = values[i]
        soort = old.split("-", 1)[0]
        day = values[op[2]]
        year = day.year if isinstance(day, date) else int(str(day)[:4])
        key = (soort, values[op[1]], year)
        self.counters[key] = self.counters.get(key, 0) + 1
        new = f"{soort}-{year}-{self.counters[key]:010d}"
        idents[old] = new
        return new


def clone_weights(prototypes) -> list[float]:
    """How often each prototype is copied: the demo's prototypes are half open
    (one open and one closed zaak of every zaaktype first); a municipality's
    register holds mostly closed zaken."""
    closed = sum(1 for bundle, _ in prototypes if bundle.closed)
    open_ = len(prototypes) - closed
    if not closed or not open_:
        return [1.0] * len(prototypes)
    weight = CLOSED_SHARE * open_ / ((1 - CLOSED_SHARE) * closed)
    return [weight if bundle.closed else 1.0 for bundle, _ in prototypes]


def clone_all(prototypes, zaken: int, besluiten: int, started: float) -> dict:
    """Write clones until there are ``zaken`` zaken (prototypes included)."""
    from django.db import connection, transaction

    from loket.zgw.registers import services as registers

    tabs = tables()
    by_name = {t.name: t for t in tabs}
    counters = registers.laatste_nummers()
    rng = random.Random(20261202)
    bsns = [valid_bsn(rng) for _ in range(BSN_POOL)]
    wanted = max(0, zaken - len(prototypes))
    # Each copy of a zaak brings its besluiten; each of those is copied `extra`
    # more times (on average) so that the total reaches `besluiten`.
    weights = clone_weights(prototypes)
    in_prototypes = sum(len(subs) for _, subs in prototypes)
    per_copy = sum(
        w * len(subs) for w, (_, subs) in zip(weights, prototypes, strict=True)
    ) / sum(weights)
    in_copies = wanted * per_copy
    extra = max(0.0, (besluiten - in_prototypes - in_copies) / max(1.0, in_copies))

    with connection.cursor() as cursor:
        for table in tabs:
            cursor.execute(f'SELECT coalesce(max(id), 0) FROM "{table.name}"')
            by_name[table.name].pk = cursor.fetchone()[0]
    dropped = drop_indexes([t.name for t in tabs])
    log(f"{len(dropped)} indexen tijdelijk weg; klonen…", started)

    import psycopg

    settings_dict = connection.settings_dict
    conninfo = psycopg.conninfo.make_conninfo(
        dbname=settings_dict["NAME"],
        user=settings_dict["USER"] or None,
        password=settings_dict["PASSWORD"] or None,
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
    )
    with ExitStack() as stack:
        copies = {}
        for table in tabs:
            conn = stack.enter_context(psycopg.connect(conninfo))
            conn.execute("SET session_replication_role = replica")
            conn.execute("SET synchronous_commit = off")
            columns = ", ".join(f'"{c}"' for c in table.columns)
            cur = stack.enter_context(conn.cursor())
            copies[table.name] = stack.enter_context(
                cur.copy(f'COPY "{table.name}" ({columns}) FROM STDIN')
            )
        cloner = Cloner(tabs, copies, counters)
        for name, table in by_name.items():
            cloner.next_id[name] = table.pk
        carry = 0.0
        report_every = max(1, wanted // 20)
        cumulative = list(itertools.accumulate(weights))
        for made in range(1, wanted + 1):
            bundle, subs = rng.choices(prototypes, cum_weights=cumulative)[0]
            spread = CLOSED_SPREAD_DAYS if bundle.closed else OPEN_SPREAD_DAYS
            days = rng.randrange(spread + 1)
            bsn = rng.choice(bsns)
            starts = cloner.clone(bundle, days=days, bsn=bsn)
            for sub in subs:
                carry += extra
                times = int(carry)
                carry -= times
                for _ in range(times):
                    cloner.clone(sub, days=days, bsn=bsn, outer=(bundle, starts))
            if made % report_every == 0:
                log(f"{made:,} van {wanted:,} zaken gekloond", started)
    log("klonen klaar; indexen terugzetten…", started)
    restore_indexes(dropped)
    log("indexen terug; tellers, reeksen en statistieken bijwerken…", started)
    with connection.cursor() as cursor:
        for table in tabs:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                f'(SELECT coalesce(max(id), 1) FROM "{table.name}"))',
                [table.name],
            )
    with transaction.atomic():
        for (soort, organisatie, jaar), laatste in counters.items():
            registers.zet_laatste(soort, organisatie, jaar, laatste)
    from loket.zgw.registers import tellingen

    tellingen.recount()  # the triggers that keep the counts were off during COPY
    with connection.cursor() as cursor:
        # Statistics for the planner, and the visibility map for index-only scans.
        cursor.execute("VACUUM (ANALYZE)")
    return cloner.written


def drop_indexes(names: list[str]) -> list[tuple[str, str, str]]:
    """Drop the secondary indexes and unique constraints of these tables (the
    load is faster without them); return how to make them again."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.conrelid::regclass::text, c.conname,
                   pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'u' AND c.conrelid::regclass::text = ANY(%s)
            """,
            [names],
        )
        constraints = cursor.fetchall()
        for table, name, _ in constraints:
            cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
        cursor.execute(
            """
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename = ANY(%s)
              AND indexname NOT IN (
                  SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))
            """,
            [names],
        )
        indexes = cursor.fetchall()
        for _, name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    return [("constraint", *c) for c in constraints] + [("index", *i) for i in indexes]


def restore_indexes(dropped) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute("SET max_parallel_maintenance_workers = 2")
        for kind, table, name, definition in dropped:
            if kind == "constraint":
                cursor.execute(
                    f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}'
                )
            else:
                cursor.execute(definition)


def counts() -> dict[str, int]:
    from django.db import connection

    names = {
        "zaken": "zaken_zaak",
        "statussen": "zaken_status",
        "rollen": "zaken_rol",
        "zaakeigenschappen": "zaken_zaakeigenschap",
        "documenten": "documenten_informatieobject",
        "besluiten": "besluiten_besluit",
    }
    result = {}
    with connection.cursor() as cursor:
        for label, table in names.items():
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            result[label] = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM catalogi_zaaktype WHERE NOT concept")
        result["zaaktypen"] = cursor.fetchone()[0]
    return result


def generate(database_url: str, zaken: int, besluiten: int, prototypen: int) -> dict:
    started = time.monotonic()
    recreate_database(database_url)
    import django

    django.setup()
    from django.core.management import call_command

    from loket.demo.loader import load_demo

    call_command("loket", "setup", verbosity=0)
    load_demo(zaken_per_gemeente=0)
    log("database en demo (zonder zaken) klaar", started)
    catalogi = bench_catalogi()
    restricted = api_clients(catalogi)
    routeringen = routering(catalogi)
    log(
        f"benchmarkcatalogi, API-koppelingen en {routeringen} routeringen klaar",
        started,
    )
    make_prototypes(catalogi, prototypen)
    log(f"{2 * prototypen} prototype-zaken gemaakt via de services", started)
    prototypes = prototype_bundles(tables(), catalogi)
    written = clone_all(prototypes, zaken, besluiten, started)
    kto = kto_antwoorden(started)
    log(f"kto: {kto['antwoorden']:,} antwoorden in {kto['seconden']} s", started)
    werkplek = werkplek_herbouw(started)
    log(f"werkplek: leesmodel herbouwd in {werkplek['herbouw_seconden']} s", started)
    sturing = sturing_herbouw(lambda tekst: log(tekst, started))
    log(f"sturing: tellingen herbouwd in {sturing['herbouw_seconden']} s", started)
    result = {
        "seconden": round(time.monotonic() - started, 1),
        "aantallen": counts(),
        "rijen_gekloond": written,
        "beperkte_zaaktypen": restricted,
        "werkplek": werkplek,
        "kto": kto,
        "sturing": sturing,
    }
    log(f"klaar: {json.dumps(result['aantallen'])}", started)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--zaken", type=int, default=100_000)
    parser.add_argument("--besluiten", type=int, help="standaard: evenveel als zaken")
    parser.add_argument("--prototypen", type=int, default=PROTOTYPEN_PER_GEMEENTE)
    parser.add_argument("--json", help="schrijf de cijfers ook naar dit bestand")
    args = parser.parse_args()
    configure(args.database_url, LOKET_VAR_DIR=str(ROOT / "var" / "bench"))
    result = generate(
        args.database_url,
        args.zaken,
        args.besluiten if args.besluiten is not None else args.zaken,
        args.prototypen,
    )
    if args.json:
        with open(args.json, "w") as out:
            json.dump(result, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
