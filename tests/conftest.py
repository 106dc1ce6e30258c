"""Project-wide test set-up: fast hashing, mails in memory, media in a temp folder, and the
users every permission test needs (an assigned QM, a QM of another quartier, Leitung, Lesend)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quartiere.models import Zustaendigkeit
from tests import factories


@pytest.fixture(autouse=True)
def _test_einstellungen(settings, tmp_path):
    # Each test starts with an empty cache: content cached from a rolled-back test's data
    # would otherwise outlive it (its writes never committed, so no version advanced).
    # The shipped default has no cache (dummycache://); tests run one process, so a
    # per-process cache stands in for the shared one (Redis in production).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AXES_ENABLED = False
    settings.ZWEI_FAKTOR_PFLICHT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def quartier(db):
    return factories.QuartierFactory(name="Preuswald", slug="preuswald")


@pytest.fixture
def anderes_quartier(db):
    return factories.QuartierFactory(name="Eilendorf", slug="eilendorf")


@pytest.fixture
def qm(quartier):
    """Quartiersmanagement of `quartier`: may edit it."""
    return factories.benutzer_mit_rolle(quartier, username="qm")


@pytest.fixture
def qm_anderes(anderes_quartier):
    """Quartiersmanagement of another quartier: must not see `quartier`."""
    return factories.benutzer_mit_rolle(anderes_quartier, username="qm-anderes")


@pytest.fixture
def lesend(quartier):
    """Reads `quartier`, edits nothing."""
    return factories.benutzer_mit_rolle(
        quartier, rolle=Zustaendigkeit.Rolle.LESEND, username="lesend"
    )


@pytest.fixture
def leitung(db):
    return factories.leitung(username="leitung")


@pytest.fixture
def abfragen():
    """Count the queries of a callable: `abfragen(lambda: client.get(url))` -> int. The shared
    cache is emptied first, so the count is that of building everything: in a test the writes
    never commit, so no version advances and a second request would read the first one's."""

    def zaehlen(aufruf) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as kontext:
            aufruf()
        return len(kontext.captured_queries)

    return zaehlen


def datenbank_url(name: str | None = None) -> str:
    """URL of the test database (or of another database `name` on its server), for tools
    that run outside Django: pg_dump/pg_restore, psycopg, a gunicorn subprocess."""
    s = connection.settings_dict
    return f"postgresql://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{name or s['NAME']}"
