"""Settings for the fupin portal, read once from the environment (django-environ).

With nothing set, the portal runs embedded: SQLite in ``var/``, tasks run in-process after
commit, a generated secret key kept in ``var/secret_key``. A deployment sets
``DATABASE_URL``, ``CELERY_BROKER_URL``, ``SECRET_KEY`` and ``ALLOWED_HOSTS``; see README.md.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("FUPIN_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
EMBEDDED = "DATABASE_URL" not in env  # no external database: the self-contained default


def _secret_key() -> str:
    if "SECRET_KEY" in env:
        return env.str("SECRET_KEY")
    if not EMBEDDED:
        # A deployment must never run on a key anybody could read from the code or disk defaults.
        raise ImproperlyConfigured("SECRET_KEY must be set when DATABASE_URL is set.")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(get_random_secret_key())
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "simple_history",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "axes",
    "bulletins",
    "measures",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Database down: 503 + Retry-After. Exception hooks run bottom-up, so this low it is asked first; its
    # answer still passes every middleware above (security headers, CSP; no session save on a 5xx).
    "fupin_portal.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "fupin_portal.urls"
WSGI_APPLICATION = "fupin_portal.wsgi.application"

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

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# Our own catalogue; Chinese is the source language, so only English needs one.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))

# Uploads larger than this are kept but refused for parsing (the Bulletin ends "failed").
FUPIN_MAX_UPLOAD_BYTES = env.int("FUPIN_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
# Requests above this are refused outright by Django before a file is stored.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FILES = env.int("DATA_UPLOAD_MAX_NUMBER_FILES", default=200)

# Celery: without a broker, tasks run in-process (after the upload's transaction commits),
# so the embedded portal needs no Redis; with one, any number of workers consume the queue.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Read by the workers (queued parses carry no limits of their own); a soft limit of 0 turns it off.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("FUPIN_PARSE_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("FUPIN_PARSE_TIME_LIMIT", default=180)
# A child killed at the hard limit gives its message back (as a lost worker does); the bulletin
# counts its attempts and ends failed after FUPIN_MAX_PARSE_ATTEMPTS, so a poison file cannot loop.
CELERY_TASK_ACKS_ON_TIMEOUT = False
FUPIN_MAX_PARSE_ATTEMPTS = env.int("FUPIN_MAX_PARSE_ATTEMPTS", default=3)
# Infrastructure faults are not the document's (bulletins/parse_attempts.py): a parse cut short before
# its time budget (database connection lost, worker killed early) is run again without spending one of
# the attempts above, but a request to parse survives only FUPIN_MAX_PARSE_INTERRUPTIONS of them, so a
# file that crashes its worker every time ends failed. A parse that lost its database connection is
# retried by the task itself after 1, 2, 4 … 30 s, FUPIN_PARSE_DB_RETRIES times; then the sweep below.
FUPIN_MAX_PARSE_INTERRUPTIONS = env.int("FUPIN_MAX_PARSE_INTERRUPTIONS", default=10)
FUPIN_PARSE_DB_RETRIES = env.int("FUPIN_PARSE_DB_RETRIES", default=6)
# An upload while the broker is down must answer at once: a short, bounded publish retry, then the
# bulletin waits as "uploaded" for the sweep below.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("FUPIN_BROKER_CONNECTION_TIMEOUT", default=2.0)
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
# The sweep (run `celery -A fupin_portal beat`): bulletins whose parse was never queued or never
# finished are queued again. "parsing" counts as stalled only once no parse can still be running.
FUPIN_REQUEUE_UPLOADED_AFTER = env.int("FUPIN_REQUEUE_UPLOADED_AFTER", default=300)
FUPIN_REQUEUE_PARSING_AFTER = env.int("FUPIN_REQUEUE_PARSING_AFTER", default=CELERY_TASK_TIME_LIMIT + 60)
CELERY_BEAT_SCHEDULE = {
    "requeue-stalled-bulletins": {
        "task": "bulletins.requeue_stalled",
        "schedule": env.float("FUPIN_SWEEP_INTERVAL", default=60.0),
    },
}
# Further parse limits (the upload size limit is FUPIN_MAX_UPLOAD_BYTES above).
FUPIN_MAX_PDF_PAGES = env.int("FUPIN_MAX_PDF_PAGES", default=200)
FUPIN_MAX_DOCX_UNCOMPRESSED_BYTES = env.int("FUPIN_MAX_DOCX_UNCOMPRESSED_BYTES", default=100 * 1024 * 1024)
# ---- Bounded work per upload ----------------------------------------------------------------------
# Checked before and while parsing (bulletins/pipeline/docx.py, pdf_limits.py): the unpacked size of
# each XML part of a .docx we parse (a real word/document.xml is a few MB), its paragraphs and table
# rows, its XML elements; and all the bytes pdfminer may inflate from one PDF's compressed streams.
FUPIN_MAX_DOCX_PART_BYTES = env.int("FUPIN_MAX_DOCX_PART_BYTES", default=32 * 1024 * 1024)
FUPIN_MAX_DOCX_PARAGRAPHS = env.int("FUPIN_MAX_DOCX_PARAGRAPHS", default=200_000)
FUPIN_MAX_DOCX_ELEMENTS = env.int("FUPIN_MAX_DOCX_ELEMENTS", default=3_000_000)
FUPIN_MAX_PDF_INFLATED_BYTES = env.int("FUPIN_MAX_PDF_INFLATED_BYTES", default=256 * 1024 * 1024)
# A memory ceiling for each parse, in the worker's pool children only (fupin_portal/worker_limits.py):
# RLIMIT_DATA, the child's heap and private memory in MB, the loaded portal's ~200 MB included. Not
# RLIMIT_AS: that counts address space merely reserved (thread stacks, malloc arenas, libraries) and
# refuses threads long before memory runs short. A parse that reaches it fails too_large and the child
# goes on; 0 turns it off.
FUPIN_PARSE_MEMORY_LIMIT_MB = env.int("FUPIN_PARSE_MEMORY_LIMIT_MB", default=1024)
# A child whose peak resident memory passed this is replaced after its task (Celery counts KiB), so a
# parse that came near the ceiling leaves no swollen heap to the next; 0 turns it off.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("FUPIN_WORKER_MAX_MEMORY_PER_CHILD_MB", default=512) * 1024 or None
# ---------------------------------------------------------------------------------------------------

# Throttle counters must be shared by every server process: Redis in production, memory when embedded.
CACHE_URL = env.str("CACHE_URL", default="")
# Short socket timeouts: an unreachable Redis (not one refusing connections) must not hold every API
# request for the system's connect timeout; the throttles then fail open (api/throttling.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CACHE_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# The partner API (/api/v1/): tokens from the admin, published records only, rates from the environment.
FUPIN_API_ANON_RATE = env.str("FUPIN_API_ANON_RATE", default="60/min")
FUPIN_API_PARTNER_RATE = env.str("FUPIN_API_PARTNER_RATE", default="1200/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.PartnerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousThrottle", "api.throttling.PartnerThrottle"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.StableCursorPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "URL_FORMAT_OVERRIDE": None,  # one representation per address; exports have their own addresses
}
SPECTACULAR_SETTINGS = {
    "TITLE": "扶贫简报数据门户 · 合作方接口",
    "DESCRIPTION": (
        "已发布的简报、指标数据、扶贫项目与行政区划。"
        "认证：请求头 `Authorization: Token <密钥>`（令牌由管理员在后台签发）；"
        "匿名访问限速较低。增量同步：列表接口带 `updated_since`，移除的记录见 `/api/v1/removals/`。"
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
}

# Security: on by default outside DEBUG; each can be turned off for a plain-HTTP test server.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe over plain HTTP inside the network; a redirect would read as "down".
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", False) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True  # no script of ours reads it: forms carry the token
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp 4): only our own scripts and styles, never inline ones, so
# markup that slipped into a page could not run. data: images for the API docs' icons only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # The one style attribute of a page we did not write (django-simple-history's history list).
        "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# Login throttling (django-axes): after FUPIN_LOGIN_FAILURE_LIMIT wrong passwords for one user name
# from one address, logins with that name from there are refused for FUPIN_LOGIN_COOLOFF_MINUTES,
# even with the right password. Behind a proxy every client shares its address: it then limits per user name.
AUTHENTICATION_BACKENDS = [
    "fupin_portal.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env.bool("FUPIN_LOGIN_THROTTLE", default=True)
AXES_FAILURE_LIMIT = env.int("FUPIN_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("FUPIN_LOGIN_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
