"""Settings for the Quartiersmanagement application.

One module for every environment. Each environment variable is declared once below with its
type and default; the defaults are the safe production choices (DEBUG off, HTTPS on), and a
developer's `.env` (made from `.env.example` by `make`) switches to development.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, ""),
    EMAIL_URL=(str, "smtp://localhost:25"),
    DEFAULT_FROM_EMAIL=(str, "quartiersmanagement@localhost"),
    RUECKMELDUNG_EMAIL=(str, ""),
    BRIEFKOPF_STADT=(str, "Stadt Aachen"),
    BRIEFKOPF_FACHBEREICH=(str, "Fachbereich Wohnen, Soziales und Integration"),
    BRIEFKOPF_ANSCHRIFT=(str, "52058 Aachen"),
    BRIEFKOPF_KONTAKT=(str, ""),
    BRIEFKOPF_LOGO=(str, ""),
    SITE_URL=(str, "http://127.0.0.1:8000"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    SESSION_MINUTEN=(int, 30),
    HTTPS=(bool, True),
    SECURE_HSTS_SECONDS=(int, 31536000),
    LOG_LEVEL=(str, "INFO"),
    LOG_JSON=(bool, True),
    CACHE_URL=(str, "dummycache://"),
    TRUSTED_PROXIES=(list, []),
    SESSION_HOECHSTDAUER_STUNDEN=(int, 10),
    HEUTE_STILLSTAND_WOCHEN=(int, 8),
    # Default: DEBUG (see below).
    BENCH=bool,
    # Maps (karten/, docs/karten.md): empty tile URL = borders and markers on a plain background.
    KARTE_KACHELN_URL=(str, ""),
    KARTE_KACHELN_NAMENSNENNUNG=(str, ""),
    GEOCODER_URL=(str, ""),
    GEOCODER_ART=(str, "nominatim"),
)
env_file = BASE_DIR / ".env"
if env_file.exists():
    # Values already in the environment win, so production and tests can override .env.
    environ.Env.read_env(env_file)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY fehlt. Entwicklung: `make` legt .env an; Produktion: Umgebungsvariable setzen."
    )
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or (["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL").rstrip("/")

# This project's apps (the shared cache's signals and the layering contract read this list).
EIGENE_APPS = [
    "quartiersmanagement",
    "quartiere",
    "akteure",
    "bedarfe",
    "projekte",
    "karten",
    "berichte",
    "oeffentlichkeit",
    "arbeitsplatz",
]

INSTALLED_APPS = [
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.gis",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    # third party
    "quartiersmanagement.third_party_apps.AnmeldesperrenConfig",  # django-axes, German name
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "django_filters",
    "django_htmx",
    "django_otp",
    "quartiersmanagement.third_party_apps.ZweiFaktorGeraeteConfig",  # django-otp TOTP
    "quartiersmanagement.third_party_apps.ErsatzcodesConfig",  # django-otp backup codes
    "quartiersmanagement.third_party_apps.PostausgangConfig",  # django-mailer
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    # local
    *EIGENE_APPS,
]

MIDDLEWARE = [
    "quartiersmanagement.request_logging.RequestIdMiddleware",
    "quartiersmanagement.http.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "quartiersmanagement.http.RequestRulesMiddleware",
    "quartiersmanagement.two_factor.TwoFactorMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "quartiersmanagement.urls"
if DEBUG:
    # Links in mails follow the host and port of the development server (mail.site_url).
    MIDDLEWARE.append("quartiersmanagement.mail.DevelopmentSiteUrlMiddleware")

# Development and `make bench` only (never production): load data, the benchmark and its floor
# page live in the top-level app bench/, which brings its own URLconf (production's plus the
# floor page).
BENCH = env("BENCH", default=DEBUG)
if BENCH:
    INSTALLED_APPS.append("bench")
    ROOT_URLCONF = "bench.urls"
# GDAL < 3.9 cannot block file and network access from spatial references; the only GeoJSON the
# application reads passes through quartiersmanagement.geo, which hands GDAL the bare geometry
# (no "crs" member), and SRIDs are fixed in code.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]
WSGI_APPLICATION = "quartiersmanagement.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
# Form widgets render through TEMPLATES, so templates/django/forms/ can replace one of Django's
# widget templates (the select: an include per option cost 5 ms for the 100 quartiers).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"


def _database_url():
    """DATABASE_URL wins; otherwise the project-local cluster that scripts/devdb.sh started."""
    if env("DATABASE_URL"):
        return env("DATABASE_URL")
    embedded = BASE_DIR / ".pgdata" / "database_url"
    if embedded.exists():
        return embedded.read_text().strip()
    raise ImproperlyConfigured(
        "Keine Datenbank: DATABASE_URL setzen oder `scripts/devdb.sh start` ausführen."
    )


DATABASES = {"default": env.db_url_config(_database_url())}
# Places and borders are PostGIS geometries (karten/): the role needs the extension `postgis`.
DATABASES["default"]["ENGINE"] = "django.contrib.gis.db.backends.postgis"
# Persistent connections, checked before each request's first query (CONN_HEALTH_CHECKS): a new
# connection starts a PostgreSQL backend with cold catalog caches, and its first request took
# 10-16 ms longer (a list 28 -> 44 ms); closed after 60 s, every worker paid that once a minute
# (docs/performance.md). gunicorn's --max-requests renews workers and their connections.
DATABASES["default"]["CONN_MAX_AGE"] = None
# No JIT compilation: it pays off for analytical queries of seconds, but PostgreSQL starts it for
# any plan estimated above jit_above_cost, and the map query of a quartier page spent 36 ms
# compiling for 20 ms of work (docs/performance.md). Set per connection, whatever the server's
# postgresql.conf says; a DATABASE_URL with its own ?options= keeps those.
DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The one explicit cache (quartiersmanagement/shared_cache.py): LocMem in development,
# "redis://host:6379/0" when several app servers share it; "dummycache://" switches it off.
CACHES = {"default": env.cache_url("CACHE_URL")}

AUTH_USER_MODEL = "quartiersmanagement.Benutzer"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "quartiersmanagement.permissions.AdminModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
OTP_TOTP_ISSUER = "Quartiersmanagement"
# Superusers, staff and Leitung must use the second factor (quartiersmanagement/two_factor.py);
# on unless DEBUG, so a production server needs no setting and a developer's machine no phone.
ZWEI_FAKTOR_PFLICHT = env.bool("ZWEI_FAKTOR_PFLICHT", default=not DEBUG)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "arbeitsplatz:heute"
# "Heute" lists open needs without any change for this many weeks.
HEUTE_STILLSTAND_WOCHEN = env("HEUTE_STILLSTAND_WOCHEN")
LOGOUT_REDIRECT_URL = "login"

# Sessions end after SESSION_MINUTEN without a request (renewed at most once a minute,
# quartiersmanagement/http.py).
SESSION_COOKIE_AGE = env("SESSION_MINUTEN") * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# However active, a session ends this many hours after sign-in (quartiersmanagement/http.py).
SESSION_HOECHSTDAUER_STUNDEN = env("SESSION_HOECHSTDAUER_STUNDEN")
CSRF_COOKIE_SAMESITE = "Lax"

# Login lockout: 5 failed attempts per user name and IP lock for one hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/gesperrt.html"
# Addresses (or networks) of the reverse proxies whose X-Forwarded-For is believed; lockout and
# rate limits count the client behind them (quartiersmanagement/http.py, docs/betrieb.md).
TRUSTED_PROXIES = env("TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "quartiersmanagement.http.client_ip"

# Internationalisation: German first; strings are marked so an English catalogue can follow.
# No LocaleMiddleware yet: without an English catalogue a browser asking for English would get
# German text with US dates. Add it together with locale/en.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# Thousands separators on: localized form fields then accept "1.200,50" and numbers read
# "16.400". Ids and years in templates go through |unlocalize (or are strings), so no "2.026".
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["quartiersmanagement.formats"]

STATIC_URL = "static/"
STATIC_ROOT = env("STATIC_ROOT")
NODE_MODULES = BASE_DIR / "node_modules"
# Third-party front-end code comes from npm (package-lock.json) and is served from node_modules.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/chart.js", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/cytoscape", NODE_MODULES / "cytoscape" / "dist"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
    ("vendor/leaflet.markercluster", NODE_MODULES / "leaflet.markercluster" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Map tiles: the city's own tile server or basemap.de/OSM ("https://…/{z}/{x}/{y}.png") with the
# attribution its licence asks for. Empty: no tiles (development, tests, no network).
KARTE_KACHELN_URL = env("KARTE_KACHELN_URL")
KARTE_KACHELN_NAMENSNENNUNG = env("KARTE_KACHELN_NAMENSNENNUNG")
# Address search: a Nominatim URL (own instance or nominatim.openstreetmap.org, mind its usage
# policy) or the city's address service speaking the same protocol. Empty: no address search.
GEOCODER_URL = env("GEOCODER_URL")
GEOCODER_ART = env("GEOCODER_ART")

vars().update(env.email_url("EMAIL_URL"))
# Every mail goes to the database outbox (django-mailer); `manage.py send_mail` (cron, or the
# worker `runmailer_pg`) delivers it through EMAIL_URL's backend and defers it on an SMTP error,
# `retry_deferred` queues it again (docs/betrieb.md). Messages are locked row by row in the
# database, so no lock file is needed and two nodes never send one mail twice.
MAILER_EMAIL_BACKEND = EMAIL_BACKEND  # noqa: F821 (set by the line above)
EMAIL_BACKEND = "mailer.backend.DbBackend"
MAILER_USE_FILE_LOCK = False
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Feedback on barriers without a chosen quartier goes to this one mailbox (not to every quartier).
RUECKMELDUNG_EMAIL = env("RUECKMELDUNG_EMAIL") or DEFAULT_FROM_EMAIL

# Letterhead of every letter (quartiersmanagement/letters.py, docs/briefe.md); "|" separates lines.
BRIEFKOPF = {
    teil: env(f"BRIEFKOPF_{teil.upper()}")
    for teil in ("stadt", "fachbereich", "anschrift", "kontakt", "logo")
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security headers. Production defaults are strict; DEBUG relaxes only what breaks plain HTTP.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The load balancer's health check may use plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
if not DEBUG and env("HTTPS"):
    # HTTPS=false only for `make serve` on a developer's machine (production-like, plain HTTP).
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Bound to this host, HTTPS and path "/": no subdomain can set or shadow it.
    SESSION_COOKIE_NAME = "__Host-sitzung"

# No inline scripts or styles anywhere; every asset is served by the application itself.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

if KARTE_KACHELN_URL:
    # Map tiles are the one kind of asset from another host (the tile server).
    from urllib.parse import urlsplit

    _kacheln = urlsplit(KARTE_KACHELN_URL.replace("{s}.", ""))
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"{_kacheln.scheme}://{_kacheln.netloc.replace('{s}', '*')}"
    )

# JSON lines with request id on stdout in production; readable lines in development.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "quartiersmanagement.request_logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "quartiersmanagement.request_logging.JsonFormatter"},
        "einfach": {
            "format": "{asctime} {levelname} [{request_id}] {name}: {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json" if env("LOG_JSON") else "einfach",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint reports every step of every PDF at INFO; keep its warnings only.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
