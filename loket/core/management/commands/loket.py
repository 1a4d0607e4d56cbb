"""`python manage.py loket <subcommand>`: setting up and running Loket.

run [--demo]   setup, (demo,) then serve: what `make run` does
setup          migrate the database, load the Selectielijst, collect static files
demo           load the demo gemeenten and accounts (LOKET_DEMO=true only)
serve          web server and task worker together, until Ctrl-C
instellingen   the LOKET_… variables, as in docs/configuration.md
opschonen      delete old login attempts, notificaties and finished tasks
werkplek-herbouw  rebuild the werkplek's read model (queues, search) from the register
sturing-herbouw   rebuild the counts behind the sturing indicators from the registers
koppeling, token  an API client with a secret, a JWT to try it with
exporteer-catalogus, importeer-catalogus, importeer-inavigator
               move a zaaktypecatalogus as a file (docs/catalogus-uitwisseling.md)
"""

import errno
import logging
import secrets
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from loket.core.health import pending_migrations
from loket.demo import data as demo_data
from loket.demo.loader import DemoNotAllowed, load_demo
from loket.identiteit.services import prune_login_attempts
from loket.zgw import apis as zgw_apis

STOP_TIMEOUT = 15


class Command(BaseCommand):
    help = "Loket inrichten en starten."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(
            dest="subcommand", required=True, metavar="opdracht"
        )
        run = sub.add_parser("run", help="inrichten en starten (wat `make run` doet)")
        run.add_argument("--demo", action="store_true", help="laad ook de demo")
        sub.add_parser(
            "setup", help="database bijwerken, statische bestanden klaarzetten"
        )
        sub.add_parser("demo", help="demogemeenten en -accounts laden")
        sub.add_parser("serve", help="webserver en taakverwerker starten")
        sub.add_parser(
            "opschonen", help="verwijderen wat over de bewaartermijn is (dagelijks)"
        )
        koppeling = sub.add_parser(
            "koppeling", help="een API-koppeling (applicatie) maken of bijwerken"
        )
        koppeling.add_argument("client_id")
        koppeling.add_argument("--label", help="naam van de applicatie")
        koppeling.add_argument(
            "--alle-autorisaties",
            action="store_true",
            help="de applicatie mag alles in alle ZGW API's",
        )
        koppeling.add_argument(
            "--geheim", help="het gedeelde geheim (standaard: een nieuw, getoond)"
        )
        token = sub.add_parser("token", help="een JWT voor een API-koppeling tonen")
        token.add_argument("client_id")
        exporteer = sub.add_parser(
            "exporteer-catalogus", help="een zaaktypecatalogus als bestand exporteren"
        )
        exporteer.add_argument("uuid", help="de UUID van de catalogus")
        exporteer.add_argument("bestand", help="het bestand (JSON), of - voor stdout")
        importeer = sub.add_parser(
            "importeer-catalogus", help="een geëxporteerde catalogus importeren"
        )
        importeer.add_argument("bestand", help="het bestand (JSON)")
        importeer.add_argument(
            "--gemeente",
            help="webadres van de gemeente (standaard: het RSIN uit het bestand)",
        )
        inavigator = sub.add_parser(
            "importeer-inavigator",
            help="zaaktypen uit een i-Navigator-export (XML) importeren als concept",
        )
        inavigator.add_argument("bestand", help="de export (DSP XML)")
        inavigator.add_argument(
            "--catalogus", required=True, help="de UUID van de catalogus"
        )
        herbouw = sub.add_parser(
            "werkplek-herbouw",
            help="de wachtrijen en zoekindex van de werkplek opnieuw opbouwen",
        )
        herbouw.add_argument("--gemeente", help="alleen deze gemeente (webadres)")
        sub.add_parser(
            "sturing-herbouw",
            help="de tellingen achter de indicatoren opnieuw opbouwen",
        )
        docs = sub.add_parser("instellingen", help="de LOKET_-variabelen tonen")
        docs.add_argument(
            "--bijwerken",
            action="store_true",
            help="de tabel in docs/configuration.md bijwerken",
        )

    def handle(self, *args, subcommand, **options):
        if subcommand == "run":
            self.setup()
            if options["demo"]:
                self.demo()
            self.serve(demo=options["demo"])
        elif subcommand == "setup":
            self.setup()
        elif subcommand == "demo":
            self.demo()
        elif subcommand == "serve":
            self.serve(demo=False)
        elif subcommand == "opschonen":
            self.prune()
        elif subcommand == "koppeling":
            self.koppeling(options)
        elif subcommand == "token":
            self.token(options["client_id"])
        elif subcommand == "exporteer-catalogus":
            self.exporteer_catalogus(options["uuid"], options["bestand"])
        elif subcommand == "importeer-catalogus":
            self.importeer_catalogus(options["bestand"], options["gemeente"])
        elif subcommand == "importeer-inavigator":
            self.importeer_inavigator(options["bestand"], options["catalogus"])
        elif subcommand == "werkplek-herbouw":
            self.werkplek_herbouw(options["gemeente"])
        elif subcommand == "sturing-herbouw":
            self.sturing_herbouw()
        elif subcommand == "instellingen":
            if options["bijwerken"]:
                update_configuration_docs()
                self.stdout.write(f"{CONFIGURATION_DOCS} bijgewerkt.")
            else:
                self.stdout.write(configuration_markdown(), ending="")

    # -- subcommands -----------------------------------------------------------------

    def werkplek_herbouw(self, slug: str | None) -> None:
        from loket.organisaties.models import Gemeente
        from loket.werkplek import leesmodel

        gemeente = None
        if slug:
            gemeente = Gemeente.objects.filter(slug=slug).first()
            if gemeente is None:
                raise CommandError(f"Er is geen gemeente met het webadres {slug!r}.")
        begin = time.monotonic()
        rijen = leesmodel.herbouw(gemeente)
        self.stdout.write(
            f"Werkplek: {rijen} behandelingen herbouwd in "
            f"{time.monotonic() - begin:.1f} s."
        )

    def sturing_herbouw(self) -> None:
        from loket.sturing import herbouw

        begin = time.monotonic()
        uitkomst = herbouw.herbouw(voortgang=self.stdout.write)
        self.stdout.write(
            f"Sturing: {uitkomst['zaakfeiten']} zaakfeiten en "
            f"{uitkomst['tellingen']} tellingen herbouwd in "
            f"{time.monotonic() - begin:.1f} s."
        )

    def setup(self) -> None:
        self.stdout.write("Database bijwerken…")
        call_command("migrate", interactive=False, verbosity=0)
        # Every installation needs the Selectielijst: resultaattypen refer to it.
        # Loading is an update by UUID, so a new Loket release brings corrections.
        from loket.zgw.referentielijsten.services import load_selectielijst

        procestypen, resultaten = load_selectielijst()
        self.stdout.write(
            f"Selectielijst: {procestypen} procestypen, {resultaten} resultaten."
        )
        self.stdout.write("Statische bestanden klaarzetten…")
        call_command("collectstatic", interactive=False, verbosity=0)

    def demo(self) -> None:
        # One summary line instead of a log line per created row.
        logging.disable(logging.INFO)
        self.stdout.write(
            "Demo laden (de eerste keer, met zo'n 300 zaken en twee jaar "
            "geschiedenis, duurt dit ongeveer een minuut)…"
        )
        try:
            report = load_demo()
        except DemoNotAllowed as exc:
            raise CommandError(str(exc)) from None
        finally:
            logging.disable(logging.NOTSET)
        if report.created:
            self.stdout.write(
                f"Demo geladen: {len(report.created)} onderdelen aangemaakt, met "
                f"{report.zaken} zaken, {report.documenten} documenten en "
                f"{report.besluiten} besluiten."
            )
        else:
            self.stdout.write(
                f"Demo staat er al ({report.kept} onderdelen), niets veranderd."
            )

    def koppeling(self, options) -> None:
        from loket.zgw.autorisaties import services as autorisaties
        from loket.zgw.autorisaties.models import Client

        client_id = options["client_id"]
        secret = options["geheim"] or secrets.token_urlsafe(32)
        if len(secret) < autorisaties.MIN_SECRET:
            raise CommandError(
                f"Een geheim heeft minstens {autorisaties.MIN_SECRET} tekens."
            )
        client = (
            Client.objects.select_related("applicatie")
            .filter(client_id=client_id)
            .first()
        )
        if client is None:
            applicatie = (
                autorisaties.create_applicatie(
                    label=options["label"] or client_id,
                    client_ids=[client_id],
                    heeft_alle_autorisaties=True,
                )
                if options["alle_autorisaties"]
                else None
            )
            if applicatie is None:
                raise CommandError(
                    "Een nieuwe koppeling zonder --alle-autorisaties krijgt haar "
                    "autorisaties in het beheer; maak haar daar aan."
                )
            client = applicatie.clients.get()
        elif options["alle_autorisaties"]:
            autorisaties.update_applicatie(
                client.applicatie, heeft_alle_autorisaties=True, autorisaties=[]
            )
        autorisaties.set_secret(client, secret)
        self.stdout.write(f"Koppeling {client_id!r} staat klaar.")
        if not options["geheim"]:
            self.stdout.write(
                f"Geheim (bewaar het, het wordt niet opnieuw getoond): {secret}"
            )

    def token(self, client_id: str) -> None:
        from loket.zgw.api.auth import make_token
        from loket.zgw.autorisaties.models import Client

        client = Client.objects.filter(client_id=client_id).exclude(secret="").first()
        if client is None:
            raise CommandError(
                f"Geen koppeling met client-id {client_id!r} en een geheim."
            )
        self.stdout.write(make_token(client_id, client.secret, user_id="loket-token"))

    def exporteer_catalogus(self, catalogus_uuid: str, bestand: str) -> None:
        from loket.zgw.catalogi import exchange

        catalogus = _catalogus(catalogus_uuid)
        document = exchange.export_catalogus(catalogus)
        if bestand == "-":
            self.stdout.write(exchange.dumps(document), ending="")
            return
        Path(bestand).write_text(exchange.dumps(document), encoding="utf-8")
        self.stdout.write(
            f"{catalogus} geëxporteerd naar {bestand}: "
            f"{len(document['zaaktypen'])} zaaktypen."
        )

    def importeer_catalogus(self, bestand: str, slug: str | None) -> None:
        from django.core.exceptions import ValidationError

        from loket.organisaties.models import Gemeente
        from loket.zgw.catalogi import exchange, services
        from loket.zgw.catalogi.models import Catalogus

        try:
            document = exchange.read_document(_read(bestand))
            fields = exchange.catalogus_fields(document)
            if slug:
                gemeente = Gemeente.objects.filter(slug=slug).first()
                if gemeente is None:
                    raise CommandError(f"Er is geen gemeente met webadres {slug!r}.")
                fields["rsin"] = gemeente.rsin
            catalogus = Catalogus.objects.filter(
                domein=fields["domein"], rsin=fields["rsin"]
            ).first() or services.create_catalogus(**fields)
            report = exchange.import_catalogus(document, catalogus)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from None
        self.stdout.write(f"{catalogus}: {report.summary()}")

    def importeer_inavigator(self, bestand: str, catalogus_uuid: str) -> None:
        from django.core.exceptions import ValidationError

        from loket.zgw.catalogi import exchange, inavigator

        catalogus = _catalogus(catalogus_uuid)
        try:
            conversie = inavigator.convert(_read(bestand))
            report = exchange.import_catalogus(conversie.document, catalogus)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from None
        for warning in conversie.warnings:
            self.stdout.write(f"Let op: {warning}")
        self.stdout.write(f"{catalogus}: {report.summary()}")

    def prune(self) -> None:
        days = settings.LOGIN_ATTEMPTS_KEEP_DAYS
        deleted = prune_login_attempts(older_than=timedelta(days=days))
        self.stdout.write(f"{deleted} inlogpogingen ouder dan {days} dagen verwijderd.")
        from loket.zgw.notificaties import services as notificaties

        days = settings.NOTIFICATIES_KEEP_DAYS
        deleted = notificaties.prune(older_than=timedelta(days=days))
        self.stdout.write(f"{deleted} notificaties ouder dan {days} dagen verwijderd.")
        from loket.formulieren import services as formulieren

        deleted = formulieren.opschonen_concepten()
        self.stdout.write(
            f"{deleted} niet verstuurde formulieren verwijderd (ouder dan "
            f"{settings.FORMULIEREN_CONCEPT_DAGEN} dagen)."
        )
        call_command(
            "prune_db_task_results",
            queue_name="*",
            min_age_days=settings.TASK_RESULTS_KEEP_DAYS,
            verbosity=0,
        )
        self.stdout.write(
            f"Afgeronde taken ouder dan {settings.TASK_RESULTS_KEEP_DAYS} dagen "
            "verwijderd."
        )

    def serve(self, *, demo: bool) -> None:
        if pending := pending_migrations():
            raise CommandError(
                f"De database mist {pending} migratie(s). Werk haar eerst bij met "
                "`python manage.py loket setup`."
            )
        check_port_free(settings.HOST, settings.PORT)
        manage = str(Path(settings.BASE_DIR) / "manage.py")
        web = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "python:loket.core.gunicorn_config",
                "loket.wsgi:application",
            ]
        )
        worker = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                manage,
                "db_worker",
                "--queue-name",
                "*",
                "--no-reload",
                "--no-startup-delay",
            ]
        )
        children = {"webserver": web, "taakverwerker": worker}
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)

        if wait_for_port(settings.HOST, settings.PORT, children):
            self.stdout.write(self.banner(demo))
        while not stopping:
            for name, child in children.items():
                if child.poll() is not None:
                    self.stderr.write(
                        f"De {name} is gestopt (code {child.returncode}); Loket stopt."
                    )
                    stop_children(children)
                    sys.exit(child.returncode or 1)
            time.sleep(0.2)
        self.stdout.write("Loket stopt…")
        stop_children(children)
        self.stdout.write("Loket is gestopt.")

    # -- output ------------------------------------------------------------------------

    def banner(self, demo: bool) -> str:
        base = f"http://{settings.HOST}:{settings.PORT}"
        lines = [
            "",
            f"Loket draait{' met de demo' if demo else ''}. Stoppen: Ctrl-C.",
            "",
            f"  Startpagina             {base}/",
        ]
        if demo:
            for gemeente in demo_data.GEMEENTEN:
                label = f"Gemeente {gemeente.naam}"
                lines.append(f"  {label:<24}{base}/{gemeente.slug}/")
            eerste = demo_data.GEMEENTEN[0].slug
            lines += [
                f"  Producten (PDC)         {base}/{eerste}/producten/",
                f"  Mijn Loket (inwoners)   {base}/{eerste}/mijn-loket/",
                f"  Een vraag stellen       {base}/{eerste}/contact/",
            ]
        lines += [
            f"  Inloggen medewerkers    {base}/medewerker/inloggen/",
            f"  Werkplek (medewerkers)  {base}/werkplek/",
            f"  Beheer                  {base}/beheer/",
            f"  Gezondheid              {base}/health/ready",
        ]
        mail_folder = settings.MAILERS["default"].get("OPTIONS", {}).get("file_path")
        if mail_folder:
            lines.append(f"  Verstuurde e-mail       {mail_folder}")
            if settings.TESTDIENSTEN:
                lines.append(f"  Testmailbox             {base}/testdiensten/mailbox/")
        lines += ["", "ZGW-API's (de specificatie staat op <adres>openapi.yaml):"]
        lines += [f"  {api.name:<24}{base}/{api.prefix}/" for api in zgw_apis.ALL]
        if demo:
            lines += [
                "",
                f"Demo-logins (wachtwoord voor allemaal: {demo_data.DEMO_PASSWORD}):",
            ]
            for m in demo_data.MEDEWERKERS:
                rollen = ", ".join(r.label for r in m.rollen) or "Platformbeheerder"
                lines.append(f"  {m.email:<36}{rollen}")
            if not settings.STAFF_2FA_REQUIRED:
                lines.append(
                    "Tweestapsverificatie is in de demo optioneel; "
                    "in productie is zij verplicht."
                )
            lines += ["", "Demo-API-clients (client-id / secret, JWT met HS256):"]
            lines.append(
                f"  {' / '.join(demo_data.API_CLIENT_ALLES):<36}alle autorisaties"
            )
            lines.append(
                f"  {' / '.join(demo_data.API_CLIENT_BEPERKT):<36}"
                "drie zaaktypen, tot zaakvertrouwelijk"
            )
            lines.append("  Een token maken: python manage.py loket token demo-alles")
            if settings.TESTDIENSTEN:
                lines += [
                    "",
                    "Inwoners en bedrijven loggen in via de test-identiteitsprovider "
                    "(DigiD/eHerkenning",
                    "nagebootst, met de officiële testpersonen), bijvoorbeeld als "
                    "Floris Kierkegaard,",
                    "BSN 999991097 (heeft al zaken in Duinwaard), of een bedrijf met "
                    "KvK-nummer 69599084.",
                ]
        return "\n".join(lines) + "\n"


def _catalogus(catalogus_uuid: str):
    from django.core.exceptions import ValidationError

    from loket.zgw.catalogi.models import Catalogus

    try:
        catalogus = Catalogus.objects.filter(uuid=catalogus_uuid).first()
    except ValidationError:
        catalogus = None
    if catalogus is None:
        raise CommandError(f"Er is geen catalogus met UUID {catalogus_uuid!r}.")
    return catalogus


def _read(bestand: str) -> bytes:
    try:
        return Path(bestand).read_bytes()
    except OSError as exc:
        raise CommandError(f"Kan {bestand} niet lezen: {exc.strerror}.") from None


CONFIGURATION_DOCS = Path(settings.BASE_DIR) / "docs" / "configuration.md"
BEGIN, END = "<!-- instellingen:begin -->", "<!-- instellingen:end -->"


def update_configuration_docs() -> None:
    text = CONFIGURATION_DOCS.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    CONFIGURATION_DOCS.write_text(
        f"{head}{BEGIN}\n{configuration_markdown()}{END}{tail}", encoding="utf-8"
    )


def configuration_markdown() -> str:
    """The table in docs/configuration.md, from the declarations in settings.py."""
    from loket import settings as loket_settings

    return loket_settings.env.documentation()


def check_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As gunicorn does: a port left in TIME_WAIT by a previous run is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise CommandError(
                    f"Poort {port} op {host} is al in gebruik. Stop het andere "
                    f"programma, of start Loket op een andere poort, bijvoorbeeld "
                    f"LOKET_PORT={port + 1} make run."
                ) from None
            raise CommandError(f"Kan niet luisteren op {host}:{port}: {exc}") from None


def wait_for_port(host: str, port: int, children: dict, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(child.poll() is not None for child in children.values()):
            return False
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def stop_children(children: dict) -> None:
    for child in children.values():
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    for child in children.values():
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
