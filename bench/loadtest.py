"""The load runner: the scenarios, a small asyncio HTTP client that keeps
``users`` requests in flight, and the floor (the first page of zaken made by
PostgreSQL alone), all timed the same way."""

import asyncio
import base64
import json
import random
import statistics
import time
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

# -- what a scenario needs from the database -------------------------------------


@dataclass
class Fixture:
    """URLs and values one API client uses in its requests, read from the
    database before the server starts."""

    client_id: str
    base: str
    rsin: str
    zaaktype: str
    statustype: str
    informatieobjecttype: str
    besluittype: str
    zaken: list[str]  # UUIDs of zaken the client may read
    bsns: list[str]  # initiators of such zaken
    expected_count: int  # how many zaken the client may see
    new_zaken: list[str] = field(default_factory=list)  # made by POST /zaken


def fixture(client_id: str, base: str, zaaktype_ids: list[int] | None) -> Fixture:
    """What ``client_id`` (all zaaktypen when ``zaaktype_ids`` is None) asks for."""
    from django.db.models import Q

    from loket.zgw.catalogi.models import StatusType, ZaakType
    from loket.zgw.zaken.models import Rol, Zaak

    zaken = Zaak.objects.all()
    if zaaktype_ids is not None:
        zaken = zaken.filter(zaaktype_id__in=zaaktype_ids)
    expected = zaken.count()
    rng = random.Random(client_id)
    highest = Zaak.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    sample_ids = rng.sample(range(1, highest + 1), min(highest, 20_000))
    sample = list(zaken.filter(pk__in=sample_ids).values_list("uuid", "zaaktype_id"))
    # POSTs go to a zaaktype with a besluittype and documents, of the client's.
    candidates = ZaakType.objects.filter(concept=False, zaken__isnull=False)
    if zaaktype_ids is not None:
        candidates = candidates.filter(pk__in=zaaktype_ids)
    zaaktype = next(
        z
        for z in candidates.distinct().order_by("pk")
        if z.besluittype_omschrijvingen and z.informatieobjecttypen.exists()
    )
    statustype = StatusType.objects.filter(zaaktype=zaaktype).order_by("volgnummer")[0]
    iotype_omschrijving = zaaktype.informatieobjecttypen.order_by("volgnummer")[0]
    iotype = zaaktype.catalogus.informatieobjecttypen.get(
        concept=False,
        omschrijving=iotype_omschrijving.informatieobjecttype_omschrijving,
    )
    besluittype = zaaktype.catalogus.besluittypen.get(
        concept=False, omschrijving=zaaktype.besluittype_omschrijvingen[0]
    )
    uuids = [str(u) for u, _ in sample]
    bsns = list(
        Rol.objects.filter(
            zaak__uuid__in=uuids[:2000], omschrijving_generiek="initiator"
        )
        .filter(~Q(inp_bsn=""))
        .values_list("inp_bsn", flat=True)[:500]
    )
    return Fixture(
        client_id=client_id,
        base=base,
        rsin=zaaktype.catalogus.rsin,
        zaaktype=f"{base}/catalogi/api/v1/zaaktypen/{zaaktype.uuid}",
        statustype=f"{base}/catalogi/api/v1/statustypen/{statustype.uuid}",
        informatieobjecttype=(
            f"{base}/catalogi/api/v1/informatieobjecttypen/{iotype.uuid}"
        ),
        besluittype=f"{base}/catalogi/api/v1/besluittypen/{besluittype.uuid}",
        zaken=uuids,
        bsns=bsns,
        expected_count=expected,
    )


# -- scenarios ---------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    method: str
    # request number → (path with query, JSON body or None)
    request: object
    expect: int = 200
    # (fixture, parsed body) → None when right, else what is wrong
    check: object = None
    # The status of every answer is checked; the body of the first twenty and of
    # every tenth after (parsing every large page would take the server's CPU),
    # unless the check must see them all.
    sampled: bool = True


def _list_check(minimum: int = 1):
    def check(fx: Fixture, data) -> str | None:
        if not isinstance(data, dict) or "results" not in data:
            return "geen lijst"
        if data["count"] < minimum:
            return f"count {data['count']} < {minimum}"
        return None

    return check


def _count_is(fx: Fixture, data) -> str | None:
    """All the client may see: what was there before the run, and what the POST
    scenarios added."""
    low, high = fx.expected_count, fx.expected_count + len(fx.new_zaken)
    if not low <= data.get("count", -1) <= high:
        return f"count {data.get('count')} niet tussen {low} en {high}"
    if len(data["results"]) != min(100, data["count"]):
        return "onvolledige pagina"
    return None


def _has_url(fx: Fixture, data) -> str | None:
    return None if isinstance(data, dict) and data.get("url") else "geen url"


def _made_zaak(fx: Fixture, data) -> str | None:
    if not isinstance(data, dict) or not data.get("identificatie"):
        return "geen identificatie"
    fx.new_zaken.append(data["url"])
    return None


def scenarios(fx: Fixture) -> list[Scenario]:
    z = "/zaken/api/v1"
    today = date.today().isoformat()
    rng = random.Random(fx.client_id)

    def zaak_body(i):
        return {
            "zaaktype": fx.zaaktype,
            "bronorganisatie": fx.rsin,
            "verantwoordelijkeOrganisatie": fx.rsin,
            "startdatum": today,
            "omschrijving": f"Benchmark {i}",
        }

    def status_body(i):
        zaak = (
            fx.new_zaken[i % len(fx.new_zaken)]
            if fx.new_zaken
            else f"{fx.base}{z}/zaken/{fx.zaken[i % len(fx.zaken)]}"
        )
        return {
            "zaak": zaak,
            "statustype": fx.statustype,
            "datumStatusGezet": f"{today}T{(i // 60) % 24:02d}:{i % 60:02d}:00Z",
        }

    content = base64.b64encode(b"Benchmarkdocument\n" * 20).decode()

    def document_body(i):
        return {
            "bronorganisatie": fx.rsin,
            "creatiedatum": today,
            "titel": f"Benchmarkdocument {i}",
            "auteur": "Benchmark",
            "taal": "nld",
            "formaat": "text/plain",
            "bestandsnaam": f"benchmark-{i}.txt",
            "inhoud": content,
            "informatieobjecttype": fx.informatieobjecttype,
            "vertrouwelijkheidaanduiding": "openbaar",
        }

    def besluit_body(i):
        return {
            "verantwoordelijkeOrganisatie": fx.rsin,
            "besluittype": fx.besluittype,
            "datum": today,
            "ingangsdatum": today,
        }

    def bsn_query(i):
        bsn = fx.bsns[i % len(fx.bsns)]
        return f"{z}/zaken?" + urlencode(
            {
                "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": bsn,
                "rol__omschrijvingGeneriek": "initiator",
            }
        )

    return [
        Scenario("GET zaken (eerste pagina)", "GET", lambda i: (f"{z}/zaken", None),
                 check=_count_is),
        Scenario("GET zaken (pagina 100)", "GET",
                 lambda i: (f"{z}/zaken?page=100", None), check=_list_check()),
        Scenario(
            "GET zaken?zaaktype=…",
            "GET",
            lambda i: (f"{z}/zaken?" + urlencode({"zaaktype": fx.zaaktype}), None),
            check=_list_check(),
        ),
        Scenario("GET zaken?…inpBsn=… (initiator)", "GET",
                 lambda i: (bsn_query(i), None), check=_list_check()),
        Scenario(
            "GET zaak",
            "GET",
            lambda i: (f"{z}/zaken/{fx.zaken[rng.randrange(len(fx.zaken))]}", None),
            check=_has_url,
        ),
        Scenario("POST zaak", "POST", lambda i: (f"{z}/zaken", zaak_body(i)),
                 expect=201, check=_made_zaak, sampled=False),
        Scenario("POST status", "POST", lambda i: (f"{z}/statussen", status_body(i)),
                 expect=201, check=_has_url),
        Scenario("GET zaaktypen", "GET",
                 lambda i: ("/catalogi/api/v1/zaaktypen", None), check=_list_check()),
        Scenario(
            "GET enkelvoudiginformatieobjecten",
            "GET",
            lambda i: ("/documenten/api/v1/enkelvoudiginformatieobjecten", None),
            check=_list_check(),
        ),
        Scenario(
            "POST enkelvoudiginformatieobject",
            "POST",
            lambda i: (
                "/documenten/api/v1/enkelvoudiginformatieobjecten",
                document_body(i),
            ),
            expect=201,
            check=_has_url,
        ),
        Scenario("GET besluiten", "GET",
                 lambda i: ("/besluiten/api/v1/besluiten", None), check=_list_check()),
        Scenario("POST besluit", "POST",
                 lambda i: ("/besluiten/api/v1/besluiten", besluit_body(i)),
                 expect=201, check=_has_url),
    ]  # fmt: skip


# -- timing ------------------------------------------------------------------------


@dataclass
class Measurement:
    scenario: str
    client: str
    users: int
    requests: int
    errors: int
    seconds: float
    median_ms: float
    p95_ms: float
    first_error: str = ""

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {
            "scenario": self.scenario,
            "client": self.client,
            "users": self.users,
            "requests": self.requests,
            "errors": self.errors,
            "median_ms": round(self.median_ms, 2),
            "p95_ms": round(self.p95_ms, 2),
            "requests_per_s": round(self.per_second, 1),
            "first_error": self.first_error,
        }


def summarise(name, client, users, timings, errors, seconds, first_error=""):
    timings = sorted(timings) or [0.0]
    p95 = timings[max(0, int(len(timings) * 0.95 + 0.5) - 1)]
    return Measurement(
        name,
        client,
        users,
        len(timings),
        errors,
        seconds,
        statistics.median(timings),
        p95,
        first_error,
    )


async def _closed_loop(users: int, seconds: float, warmup: int, one):
    """``users`` workers each send a request as soon as their last one answered;
    the first ``warmup`` requests of each worker are not counted."""
    timings: list[float] = []
    errors: list[str] = []
    counter = iter(range(10**9))
    deadline = None

    async def worker():
        nonlocal deadline
        for _ in range(warmup):
            await one(next(counter))
        if deadline is None:
            deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            started = time.perf_counter()
            problem = await one(next(counter))
            timings.append((time.perf_counter() - started) * 1000)
            if problem:
                errors.append(problem)

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(users)))
    return timings, errors, time.monotonic() - (deadline or started) + seconds


class Http:
    """HTTP/1.1 over a new connection per request, as gunicorn's sync workers
    close each one; enough for a benchmark and cheap on the CPU."""

    def __init__(self, host: str, port: int, token: str):
        self.host, self.port = host, port
        self.headers = (
            f"Host: {host}:{port}\r\nAuthorization: Bearer {token}\r\n"
            "Accept-Crs: EPSG:4326\r\nContent-Crs: EPSG:4326\r\n"
            "Connection: close\r\n"
        )

    async def send(self, method: str, path: str, body=None) -> tuple[int, bytes]:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        payload = json.dumps(body).encode() if body is not None else b""
        head = f"{method} {path} HTTP/1.1\r\n{self.headers}"
        if body is not None:
            head += (
                f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
            )
        writer.write(head.encode() + b"\r\n" + payload)
        response = await reader.read()
        writer.close()
        status_line, _, rest = response.partition(b"\r\n")
        _, _, content = rest.partition(b"\r\n\r\n")
        if b"transfer-encoding: chunked" in rest[: rest.find(b"\r\n\r\n")].lower():
            content = _dechunk(content)
        return int(status_line.split(b" ", 2)[1]), content


def _dechunk(data: bytes) -> bytes:
    out = bytearray()
    while data:
        size_line, _, data = data.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out += data[:size]
        data = data[size + 2 :]
    return bytes(out)


async def run_scenario(
    http: Http, fx: Fixture, scenario: Scenario, users: int, seconds: float, warmup=2
) -> Measurement:
    async def one(i: int) -> str | None:
        path, body = scenario.request(i)
        try:
            status, content = await http.send(scenario.method, path, body)
        except OSError as exc:
            return f"verbinding: {exc}"
        if status != scenario.expect:
            return f"{status}: {content[:200].decode(errors='replace')}"
        if scenario.check and (not scenario.sampled or i < 20 or i % 10 == 0):
            try:
                data = json.loads(content)
            except ValueError:
                return "geen JSON"
            return scenario.check(fx, data)
        return None

    timings, errors, elapsed = await _closed_loop(users, seconds, warmup, one)
    return summarise(
        scenario.name,
        fx.client_id,
        users,
        timings,
        len(errors),
        elapsed,
        errors[0] if errors else "",
    )


# -- the floor ---------------------------------------------------------------------

FLOOR_SQL = """
SELECT json_build_object(
  'count', (SELECT sum(aantal) FROM registers_telling WHERE soort = 'zaak'),
  'next', %(base)s || '/zaken/api/v1/zaken?page=2',
  'previous', NULL,
  'results', (SELECT json_agg(page.zaak) FROM (
    SELECT (jsonb_build_object(
      'url', %(base)s || '/zaken/api/v1/zaken/' || z.uuid,
      'uuid', z.uuid,
      'identificatie', z.identificatie,
      'bronorganisatie', z.bronorganisatie,
      'omschrijving', z.omschrijving,
      'toelichting', z.toelichting,
      'zaaktype', %(base)s || '/catalogi/api/v1/zaaktypen/' || zt.uuid,
      'registratiedatum', z.registratiedatum,
      'verantwoordelijkeOrganisatie', z.verantwoordelijke_organisatie,
      'startdatum', z.startdatum,
      'einddatum', z.einddatum,
      'einddatumGepland', z.einddatum_gepland,
      'uiterlijkeEinddatumAfdoening', z.uiterlijke_einddatum_afdoening,
      'publicatiedatum', z.publicatiedatum,
      'communicatiekanaal', CASE WHEN k.uuid IS NULL THEN '' ELSE %(base)s ||
        '/referentielijsten/api/v1/communicatiekanalen/' || k.uuid END,
      'productenOfDiensten', z.producten_of_diensten,
      'vertrouwelijkheidaanduiding', z.vertrouwelijkheidaanduiding,
      'betalingsindicatie', z.betalingsindicatie,
      'betalingsindicatieWeergave', '',
      'laatsteBetaaldatum', z.laatste_betaaldatum,
      'zaakgeometrie', z.zaakgeometrie
    ) || jsonb_build_object(
      'verlenging', CASE WHEN z.verlenging_reden = '' THEN NULL ELSE
        jsonb_build_object('reden', z.verlenging_reden, 'duur', z.verlenging_duur)
        END,
      'opschorting', jsonb_build_object(
        'indicatie', z.opschorting_indicatie, 'reden', z.opschorting_reden),
      'selectielijstklasse', CASE WHEN l.uuid IS NULL THEN '' ELSE %(base)s ||
        '/referentielijsten/api/v1/resultaten/' || l.uuid END,
      'hoofdzaak', CASE WHEN h.uuid IS NULL THEN NULL ELSE
        %(base)s || '/zaken/api/v1/zaken/' || h.uuid END,
      'deelzaken', coalesce((SELECT jsonb_agg(%(base)s || '/zaken/api/v1/zaken/'
        || d.uuid ORDER BY d.id) FROM zaken_zaak d WHERE d.hoofdzaak_id = z.id),
        '[]'),
      'relevanteAndereZaken', coalesce((SELECT jsonb_agg(jsonb_build_object(
        'url', %(base)s || '/zaken/api/v1/zaken/' || a.uuid,
        'aardRelatie', r.aard_relatie) ORDER BY r.id)
        FROM zaken_relevanteanderezaak r JOIN zaken_zaak a ON a.id = r.andere_zaak_id
        WHERE r.zaak_id = z.id), '[]'),
      'eigenschappen', coalesce((SELECT jsonb_agg(%(base)s || '/zaken/api/v1/zaken/'
        || z.uuid || '/zaakeigenschappen/' || e.uuid ORDER BY e.id)
        FROM zaken_zaakeigenschap e WHERE e.zaak_id = z.id), '[]'),
      'rollen', coalesce((SELECT jsonb_agg(%(base)s || '/zaken/api/v1/rollen/'
        || o.uuid ORDER BY o.id) FROM zaken_rol o WHERE o.zaak_id = z.id), '[]'),
      'status', CASE WHEN s.uuid IS NULL THEN NULL ELSE
        %(base)s || '/zaken/api/v1/statussen/' || s.uuid END,
      'zaakinformatieobjecten', coalesce((SELECT jsonb_agg(%(base)s ||
        '/zaken/api/v1/zaakinformatieobjecten/' || i.uuid ORDER BY i.id)
        FROM zaken_zaakinformatieobject i WHERE i.zaak_id = z.id), '[]'),
      'zaakobjecten', coalesce((SELECT jsonb_agg(%(base)s ||
        '/zaken/api/v1/zaakobjecten/' || b.uuid ORDER BY b.id)
        FROM zaken_zaakobject b WHERE b.zaak_id = z.id), '[]'),
      'kenmerken', z.kenmerken,
      'archiefnominatie', NULLIF(z.archiefnominatie, ''),
      'archiefstatus', z.archiefstatus,
      'archiefactiedatum', z.archiefactiedatum,
      'resultaat', (SELECT %(base)s || '/zaken/api/v1/resultaten/' || t.uuid
        FROM zaken_resultaat t WHERE t.zaak_id = z.id),
      'opdrachtgevendeOrganisatie', z.opdrachtgevende_organisatie,
      'processobjectaard', z.processobjectaard,
      'startdatumBewaartermijn', z.startdatum_bewaartermijn,
      'processobject', CASE WHEN z.processobject_datumkenmerk = ''
        AND z.processobject_identificatie = '' AND z.processobject_objecttype = ''
        AND z.processobject_registratie = '' THEN NULL ELSE jsonb_build_object(
        'datumkenmerk', z.processobject_datumkenmerk,
        'identificatie', z.processobject_identificatie,
        'objecttype', z.processobject_objecttype,
        'registratie', z.processobject_registratie) END
    )) AS zaak
    FROM zaken_zaak z
    JOIN catalogi_zaaktype zt ON zt.id = z.zaaktype_id
    LEFT JOIN zaken_status s ON s.id = z.status_id
    LEFT JOIN referentielijsten_communicatiekanaal k ON k.id = z.communicatiekanaal_id
    LEFT JOIN referentielijsten_resultaat l ON l.id = z.selectielijstklasse_id
    LEFT JOIN zaken_zaak h ON h.id = z.hoofdzaak_id
    ORDER BY z.id DESC
    LIMIT 100
  ) page)
)::text
"""


async def run_floor(conninfo: str, base: str, users: int, seconds: float):
    """The first page of all zaken, with its count, as JSON made by PostgreSQL
    alone, with the same fields and URLs as the API's: what no application on top
    of this database can beat. The count is read where Loket keeps it
    (``registers_telling``), as the API does."""
    import psycopg

    connections = [
        await psycopg.AsyncConnection.connect(conninfo, autocommit=True)
        for _ in range(users)
    ]
    free = asyncio.Queue()
    for connection in connections:
        free.put_nowait(connection)

    async def one(i: int) -> str | None:
        connection = await free.get()
        try:
            cursor = await connection.execute(FLOOR_SQL, {"base": base})
            (text,) = await cursor.fetchone()
        finally:
            free.put_nowait(connection)
        data = json.loads(text)
        return None if len(data["results"]) == 100 else "onvolledige pagina"

    try:
        timings, errors, elapsed = await _closed_loop(users, seconds, 2, one)
    finally:
        for connection in connections:
            await connection.close()
    return summarise(
        "vloer: eerste pagina zaken in één SQL-statement",
        "PostgreSQL",
        users,
        timings,
        len(errors),
        elapsed,
        errors[0] if errors else "",
    )


async def floor_matches_api(http: Http, conninfo: str, base: str) -> str | None:
    """None when the floor's page is the API's first page of all zaken, field by
    field; else the first difference. (A floor that left out work would make the
    ratio look better than it is.)"""
    import psycopg

    status, content = await http.send("GET", "/zaken/api/v1/zaken")
    if status != 200:
        return f"API: {status}"
    api = json.loads(content)
    async with await psycopg.AsyncConnection.connect(conninfo) as connection:
        cursor = await connection.execute(FLOOR_SQL, {"base": base})
        (text,) = await cursor.fetchone()
    floor = json.loads(text)
    if api["count"] != floor["count"]:
        return f"count: API {api['count']}, vloer {floor['count']}"
    for ours, theirs in zip(api["results"], floor["results"], strict=True):
        if ours != theirs:
            field = next(k for k in {*ours, *theirs} if ours.get(k) != theirs.get(k))
            return f"{field}: API {ours.get(field)!r}, vloer {theirs.get(field)!r}"
    return None
