"""Loket's settings: the only module that reads the environment.

Production is the default: DEBUG off, a secret key required, HTTPS-only cookies, HSTS.
``make run`` switches on the demo (``LOKET_DEMO=true``) for a laptop without HTTPS.
Every variable is documented in docs/configuration.md, generated from this file.
"""

from pathlib import Path

from django.utils.csp import CSP

import dj_database_url

from loket.core.email import mailer_from_url
from loket.env import ConfigurationError, Env

BASE_DIR = Path(__file__).resolve().parent.parent
env = Env()

# -- mode ------------------------------------------------------------------------------

DEMO = env.bool(
    "LOKET_DEMO",
    False,
    help="Demo-modus voor `make run`: staat de demogegevens en demo-logins toe, "
    "werkt zonder HTTPS en maakt tweestapsverificatie optioneel. Nooit in productie.",
)
TESTDIENSTEN = env.bool(
    "LOKET_TESTDIENSTEN",
    DEMO,
    help="Zet de testdiensten aan onder /testdiensten/: een test-identiteitsprovider "
    "(DigiD/eHerkenning via OpenID Connect met testidentiteiten) en testservers voor "
    "BRP, KvK en BAG met de officiële testgegevens. Standaard aan in de demo-modus; "
    "nooit in productie.",
)
DEBUG = env.bool(
    "LOKET_DEBUG",
    False,
    help="Django's debugmodus (foutpagina's met details). Alleen voor ontwikkeling.",
)
SECRET_KEY = env.str(
    "LOKET_SECRET_KEY",
    help="Geheime sleutel voor sessies en ondertekening: minstens 50 willekeurige "
    "tekens, per installatie anders.",
)
if len(SECRET_KEY) < 50:
    raise ConfigurationError(
        "LOKET_SECRET_KEY is te kort: gebruik minstens 50 willekeurige tekens, "
        "bijvoorbeeld uit "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

VAR_DIR = env.path(
    "LOKET_VAR_DIR",
    Path("var"),
    help="Map voor lokale gegevens: de SQLite-database, bestanden en statische "
    "bestanden. Relatief ten opzichte van de projectmap.",
)
if not VAR_DIR.is_absolute():
    VAR_DIR = BASE_DIR / VAR_DIR

# -- HTTP ------------------------------------------------------------------------------

ALLOWED_HOSTS = env.list(
    "LOKET_ALLOWED_HOSTS",
    ["localhost", "127.0.0.1", "[::1]"],
    help="Hostnamen waaronder Loket bereikbaar is.",
)
CSRF_TRUSTED_ORIGINS = env.list(
    "LOKET_CSRF_TRUSTED_ORIGINS",
    [],
    help="Volledige origins (https://loket.example.nl) die formulieren mogen "
    "posten, nodig achter een proxy met een andere hostnaam.",
)
HTTPS = env.bool(
    "LOKET_HTTPS",
    not DEMO,
    shown="true (false in demo)",
    help="Loket draait achter HTTPS (proxy zet X-Forwarded-Proto): alleen "
    "beveiligde cookies, doorsturen naar HTTPS en HSTS.",
)
TRUSTED_PROXIES = env.int(
    "LOKET_TRUSTED_PROXIES",
    1 if HTTPS else 0,
    shown="1 met LOKET_HTTPS, anders 0",
    help="Aantal eigen proxies vóór Loket; bepaalt welk adres uit "
    "X-Forwarded-For het IP-adres van de bezoeker is (voor het blokkeren van "
    "inlogpogingen).",
)
HOST = env.str(
    "LOKET_HOST",
    "127.0.0.1",
    help="Adres waarop de webserver luistert.",
)
PORT = env.int("LOKET_PORT", 8000, help="Poort waarop de webserver luistert.")
BASE_URL = env.str(
    "LOKET_BASE_URL",
    ("https://" if HTTPS else "http://")
    + (ALLOWED_HOSTS[0] if ALLOWED_HOSTS else "localhost")
    + ("" if HTTPS else f":{PORT}"),
    shown="https://<eerste LOKET_ALLOWED_HOSTS>",
    help="Het openbare adres van Loket, voor links in e-mail "
    "(bijvoorbeeld https://loket.example.nl). Standaard afgeleid van de eerste "
    "hostnaam in LOKET_ALLOWED_HOSTS.",
)
WEB_WORKERS = env.int(
    "LOKET_WEB_WORKERS",
    2,
    help="Aantal webserverprocessen.",
)
MAX_REQUEST_LINE = env.int(
    "LOKET_MAX_REQUEST_LINE",
    8190,
    help="Langste verzoekregel (methode, adres met zoekparameters) in bytes die de "
    "webserver aanneemt; langer geeft 414. ZGW-filters met veel URL's worden lang. "
    "0 is onbeperkt: alleen achter een proxy die zelf een grens stelt.",
)

# -- data ------------------------------------------------------------------------------

DATABASE_URL = env.str(
    "LOKET_DATABASE_URL",
    "",
    help="Database als URL, bijvoorbeeld postgres://loket:geheim@db:5432/loket. "
    "Leeg: een SQLite-bestand in LOKET_VAR_DIR.",
)
if DATABASE_URL:
    try:
        _database = dj_database_url.parse(DATABASE_URL, conn_max_age=60)
    except ValueError as exc:
        raise ConfigurationError(f"LOKET_DATABASE_URL is ongeldig: {exc}") from None
    if _database["ENGINE"] == "django.db.backends.postgresql":
        _database["CONN_HEALTH_CHECKS"] = True
        # Loket's queries are short: starting parallel workers (about 10 ms) or
        # compiling a plan (JIT, 15 ms and more) costs more than the query itself,
        # and on a busy server the other requests need those cores.
        _options = _database.setdefault("OPTIONS", {})
        _options["options"] = " ".join(
            filter(
                None,
                (
                    _options.get("options", ""),
                    "-c jit=off -c max_parallel_workers_per_gather=0",
                ),
            )
        )
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    _database = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "loket.sqlite3",
        "OPTIONS": {
            # The web server and the task worker write at the same time: WAL lets
            # readers go on, IMMEDIATE makes writers queue instead of failing.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
        # A file, not memory, for tests too: each thread of a live test server then
        # gets its own connection, as the web processes do in production.
        "TEST": {"NAME": VAR_DIR / "test-loket.sqlite3"},
    }
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

MEDIA_ROOT = env.path(
    "LOKET_MEDIA_ROOT",
    VAR_DIR / "media",
    help="Map voor geüploade bestanden (logo's, later documenten).",
    shown="<LOKET_VAR_DIR>/media",
)
if not MEDIA_ROOT.is_absolute():
    MEDIA_ROOT = BASE_DIR / MEDIA_ROOT
MEDIA_URL = "/media/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
S3_BUCKET = env.str(
    "LOKET_S3_BUCKET",
    "",
    help="Bewaar bestanden (documenten, logo's) in deze bucket van een "
    "S3-compatibele objectopslag in plaats van op schijf (LOKET_MEDIA_ROOT).",
)
S3_ENDPOINT_URL = env.str(
    "LOKET_S3_ENDPOINT_URL",
    "",
    help="Adres van de S3-compatibele opslag (bijvoorbeeld MinIO of Ceph); leeg: "
    "Amazon S3 zelf.",
)
S3_REGION = env.str("LOKET_S3_REGION", "", help="Regio van de bucket, indien nodig.")
S3_ACCESS_KEY_ID = env.str(
    "LOKET_S3_ACCESS_KEY_ID", "", help="Toegangssleutel voor de objectopslag."
)
S3_SECRET_ACCESS_KEY = env.str(
    "LOKET_S3_SECRET_ACCESS_KEY",
    "",
    help="Geheime sleutel voor de objectopslag.",
    shown="(geheim)",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": S3_REGION or None,
            "access_key": S3_ACCESS_KEY_ID or None,
            "secret_key": S3_SECRET_ACCESS_KEY or None,
            # Files are served by Loket itself (authorisation first), never by a
            # public bucket URL.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# -- e-mail ----------------------------------------------------------------------------

EMAIL_URL = env.str(
    "LOKET_EMAIL_URL",
    "smtp://localhost:25",
    help="Uitgaande e-mail: smtp://host:poort, "
    "smtp+tls://gebruiker:wachtwoord@host:587 (STARTTLS), smtps://… (TLS), "
    "file:///pad (bestanden, voor de demo) of console://.",
)
DEFAULT_FROM_EMAIL = env.str(
    "LOKET_EMAIL_FROM",
    "Loket <noreply@localhost>",
    help="Afzender van e-mail die Loket verstuurt.",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
try:
    MAILERS = {"default": mailer_from_url(EMAIL_URL)}
except ValueError as exc:
    raise ConfigurationError(f"LOKET_EMAIL_URL is ongeldig: {exc}") from None

# -- staff login -----------------------------------------------------------------------

STAFF_2FA_REQUIRED = env.bool(
    "LOKET_STAFF_2FA_REQUIRED",
    not DEMO,
    shown="true (false in demo)",
    help="Medewerkers moeten inloggen met een tweede factor (TOTP-app). Alleen in "
    "de demo mag dit uit.",
)
if not STAFF_2FA_REQUIRED and not DEMO:
    raise ConfigurationError(
        "LOKET_STAFF_2FA_REQUIRED=false mag alleen samen met LOKET_DEMO=true: "
        "in productie is tweestapsverificatie voor medewerkers verplicht."
    )
LOGIN_MAX_FAILURES = env.int(
    "LOKET_LOGIN_MAX_FAILURES",
    5,
    help="Aantal mislukte inlogpogingen op één account waarna het account "
    "tijdelijk geblokkeerd wordt.",
)
LOGIN_MAX_FAILURES_PER_IP = env.int(
    "LOKET_LOGIN_MAX_FAILURES_PER_IP",
    30,
    help="Aantal mislukte inlogpogingen vanaf één IP-adres waarna dat adres "
    "tijdelijk geblokkeerd wordt.",
)
LOGIN_LOCK_MINUTES = env.int(
    "LOKET_LOGIN_LOCK_MINUTES",
    15,
    help="Duur van een blokkade na te veel mislukte pogingen, en het venster "
    "waarin pogingen geteld worden, in minuten.",
)
SESSION_IDLE_MINUTES = env.int(
    "LOKET_SESSION_IDLE_MINUTES",
    30,
    help="Een medewerker wordt uitgelogd na zoveel minuten zonder activiteit.",
)
SESSION_MAX_HOURS = env.int(
    "LOKET_SESSION_MAX_HOURS",
    10,
    help="Een medewerker moet na zoveel uur altijd opnieuw inloggen.",
)

# -- resident login (DigiD, eHerkenning) and prefill --------------------------------

INWONER_SESSIE_MINUTEN = env.int(
    "LOKET_INWONER_SESSIE_MINUTEN",
    15,
    help="Een inwoner of ondernemer wordt uitgelogd na zoveel minuten zonder "
    "activiteit; twee minuten ervoor krijgt hij een waarschuwing.",
)
# The client secret of each DigiD/eHerkenning connection is in an environment
# variable that the connection names in the beheer (LOKET_OIDC_…), never in the
# database. All of them are read here, as every setting is.
OIDC_CLIENT_SECRETS = {
    name: value
    for name, value in env.environ.items()
    if name.startswith("LOKET_OIDC_") and value
}
BRP_URL = env.str(
    "LOKET_BRP_URL",
    "",
    help="Adres van Haal Centraal BRP bevragen (zonder /personen), voor het "
    "vooraf invullen van formulieren. Leeg met de testdiensten aan: de "
    "BRP-testserver van Loket.",
)
BRP_API_KEY = env.str(
    "LOKET_BRP_API_KEY",
    "",
    help="API-sleutel voor de BRP (header X-API-Key).",
)
KVK_URL = env.str(
    "LOKET_KVK_URL",
    "",
    help="Adres van de KvK API (zonder /v1/basisprofielen), bijvoorbeeld "
    "https://api.kvk.nl/api. Leeg met de testdiensten aan: de KvK-testserver "
    "van Loket.",
)
KVK_API_KEY = env.str(
    "LOKET_KVK_API_KEY",
    "",
    help="API-sleutel voor de KvK API (header apikey).",
)
BAG_URL = env.str(
    "LOKET_BAG_URL",
    "",
    help="Adres van Haal Centraal BAG bevragen (zonder /adressen). Leeg met de "
    "testdiensten aan: de BAG-testserver van Loket.",
)
BAG_API_KEY = env.str(
    "LOKET_BAG_API_KEY",
    "",
    help="API-sleutel voor de BAG (header X-Api-Key).",
)

# -- ZGW APIs --

JWT_MAX_AGE_SECONDS = env.int(
    "LOKET_JWT_MAX_AGE_SECONDS",
    3600,
    help="Hoe lang een JWT van een API-koppeling geldig is, gerekend vanaf zijn "
    "'iat' (uitgiftetijdstip).",
)
JWT_LEEWAY_SECONDS = env.int(
    "LOKET_JWT_LEEWAY_SECONDS",
    60,
    help="Toegestaan verschil tussen de klokken van Loket en een API-koppeling.",
)
NOTIFICATIES_TIMEOUT_SECONDS = env.int(
    "LOKET_NOTIFICATIES_TIMEOUT_SECONDS",
    10,
    help="Zoveel seconden wacht Loket op een abonnee die een notificatie ontvangt; "
    "daarna telt de poging als mislukt.",
)
NOTIFICATIES_MAX_DELAY_SECONDS = env.int(
    "LOKET_NOTIFICATIES_MAX_DELAY_SECONDS",
    300,
    help="Na een mislukte aflevering wacht Loket steeds twee keer zo lang met de "
    "volgende poging, maar nooit langer dan dit aantal seconden.",
)
NOTIFICATIES_GIVE_UP_HOURS = env.int(
    "LOKET_NOTIFICATIES_GIVE_UP_HOURS",
    48,
    help="Zoveel uur na de eerste poging geeft Loket het afleveren van een "
    "notificatie op; in het beheer kunt u haar daarna opnieuw laten versturen.",
)
_MB = 1024 * 1024
DOCUMENTEN_MAX_FILE_SIZE = _MB * env.int(
    "LOKET_DOCUMENTEN_MAX_BESTAND_MB",
    4096,
    help="Grootste bestand in MB dat de Documenten API aanneemt (in bestandsdelen). "
    "De standaard vraagt minstens 3 GB.",
)
DOCUMENTEN_MAX_JSON_SIZE = _MB * env.int(
    "LOKET_DOCUMENTEN_MAX_JSON_MB",
    20,
    help="Grootste JSON-verzoek in MB voor een document, met de inhoud in base64 "
    "(ongeveer een derde groter dan het bestand). Het verzoek staat in zijn geheel "
    "in het geheugen; grotere bestanden gaan in bestandsdelen.",
)
DOCUMENTEN_PART_SIZE = _MB * env.int(
    "LOKET_DOCUMENTEN_BESTANDSDEEL_MB",
    50,
    help="Grootte in MB van één bestandsdeel bij het uploaden van een groot "
    "document. Een proxy vóór Loket moet verzoeken van deze grootte doorlaten.",
)

# -- formulieren -----------------------------------------------------------------------

FORMULIEREN_CONCEPT_DAGEN = env.int(
    "LOKET_FORMULIEREN_CONCEPT_DAGEN",
    30,
    help="Zoveel dagen na de laatste wijziging kan een inwoner een formulier dat "
    "nog niet verstuurd is, hervatten; daarna vervalt het concept.",
)

# -- operations ------------------------------------------------------------------------

LOG_FORMAT = env.choice(
    "LOKET_LOG_FORMAT",
    "text" if DEMO else "json",
    shown="json (text in demo)",
    choices=["json", "text"],
    help="Logformaat: json (één JSON-object per regel, voor productie) of text.",
)
LOG_LEVEL = env.choice(
    "LOKET_LOG_LEVEL",
    "info",
    choices=["debug", "info", "warning", "error"],
    help="Minimaal logniveau.",
)
LOGIN_ATTEMPTS_KEEP_DAYS = env.int(
    "LOKET_LOGIN_ATTEMPTS_KEEP_DAYS",
    180,
    help="Zoveel dagen bewaart Loket inlogpogingen; `loket opschonen` verwijdert "
    "oudere.",
)
NOTIFICATIES_KEEP_DAYS = env.int(
    "LOKET_NOTIFICATIES_KEEP_DAYS",
    90,
    help="Zoveel dagen bewaart Loket notificaties met hun afleveringen en pogingen; "
    "`loket opschonen` verwijdert oudere, behalve die nog afgeleverd worden.",
)
TASK_RESULTS_KEEP_DAYS = env.int(
    "LOKET_TASK_RESULTS_KEEP_DAYS",
    30,
    help="Zoveel dagen bewaart Loket afgeronde achtergrondtaken; `loket opschonen` "
    "verwijdert oudere.",
)
READY_MAX_TASK_WAIT_SECONDS = env.int(
    "LOKET_READY_MAX_TASK_WAIT_SECONDS",
    900,
    help="/health/ready meldt 'niet gereed' als de oudste wachtende "
    "achtergrondtaak langer wacht dan dit aantal seconden (de taakverwerker "
    "loopt dan niet of niet snel genoeg).",
)

# -- Django ----------------------------------------------------------------------------

INSTALLED_APPS = [
    # First: its templates override the admin's.
    "loket.core",
    # Before Loket's apps, so that their admin modules can adjust these apps' admins.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    "loket.organisaties",
    "loket.identiteit",
    "loket.zgw.referentielijsten",
    "loket.zgw.catalogi",
    "loket.zgw.autorisaties",
    "loket.zgw.notificaties",
    "loket.zgw.registers",
    "loket.zgw.zaken",
    "loket.zgw.documenten",
    "loket.zgw.besluiten",
    "loket.producten",
    "loket.formulieren",
    "loket.portaal",
    "loket.verwerkingen",
    "loket.werkplek",
    "loket.klantcontact",
    "loket.feedback",
    "loket.sturing",
    "loket.beleid",
    "loket.testdiensten",
    "loket.core.admin_config.LoketAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "loket.core.middleware.HealthCheckMiddleware",
    "loket.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "loket.identiteit.middleware.StaffSessionMiddleware",
    "loket.identiteit.inwoner_middleware.InwonerSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "loket.urls"
WSGI_APPLICATION = "loket.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "loket.core.context_processors.loket",
            ],
        },
    },
]

AUTH_USER_MODEL = "organisaties.Medewerker"
AUTHENTICATION_BACKENDS = ["loket.organisaties.auth.RolBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
LOGIN_URL = "identiteit:login"
LOGIN_REDIRECT_URL = "identiteit:account"
LOGOUT_REDIRECT_URL = "identiteit:login"
OTP_TOTP_ISSUER = "Loket"

SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True

# Dutch only until the texts have English translations; a browser asking for English
# would otherwise get Django's English mixed with Loket's Dutch.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# -- security headers ------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^health/"]
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# -- logging ---------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "loket.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "loket.core.logging.JsonFormatter"},
        "text": {
            "format": "%(asctime)s %(levelname)-7s %(name)s: %(message)s",
            "datefmt": "%H:%M:%S",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL.upper()},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "django.db.backends": {"level": "INFO"},
    },
}

# The list indexes of zaken carry extra columns on PostgreSQL (INCLUDE); SQLite
# builds them without, which is all it needs.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
