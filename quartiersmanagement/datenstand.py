"""The data version ("Datenstand"): computed figures and rendered sections are cached under it.

Dashboards, the city overview, feeds and network data aggregate many rows but change only when
somebody writes. Every table of this project's apps carries a statement-level trigger that
advances the sequence `qm_datenstand` on INSERT, UPDATE, DELETE and TRUNCATE, whoever writes:
views, services, bulk updates, imports, the admin, a shell or `lastdaten`. A cached value's key
holds the sequence's current value, so the first read after any write computes afresh; nothing
has to remember to invalidate anything.

The triggers are (re)installed after every `migrate` (`triggers_einrichten`, connected in
`apps.py`), so a new model is covered without a migration of its own.

The sequence advances when the writing statement runs, shortly before its transaction commits;
a read in that moment could cache figures without the write under the new value. `TIMEOUT`
(settings `CACHES`, 5 minutes) bounds that, and any later write ends it at once.

Keys also hold the language and today's date (overdue flags, "next events"), so nothing cached
outlives the day it was computed for. The cache is per process (LocMemCache): correctness rests
on the sequence in the shared database, not on sharing the cache between workers.
"""

from collections.abc import Callable
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone, translation

SEQUENZ = "qm_datenstand"
FUNKTION = "qm_datenstand_erhoehen"
TRIGGER = "qm_datenstand"

_im_aufruf: ContextVar[dict | None] = ContextVar("datenstand_im_aufruf", default=None)


def eigene_tabellen() -> list[str]:
    """The tables of this project's apps (not Django's, not third-party ones)."""
    eigene = set(settings.EIGENE_APPS)
    return sorted(
        m._meta.db_table
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label in eigene and m._meta.managed and not m._meta.proxy
    )


def triggers_einrichten(**kwargs) -> None:
    """Create the sequence, the function and one trigger per own table; idempotent. Tables a
    partial `migrate` has not created (yet) are skipped."""
    vorhanden = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENZ}")
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {FUNKTION}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN PERFORM nextval('{SEQUENZ}'); RETURN NULL; END $$"
        )
        for tabelle in (t for t in eigene_tabellen() if t in vorhanden):
            cursor.execute(
                f"CREATE OR REPLACE TRIGGER {TRIGGER} "
                "AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {connection.ops.quote_name(tabelle)} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNKTION}()"
            )


def stand() -> int:
    """The current data version; read once per GET request (`DatenstandMiddleware`)."""
    gemerkt = _im_aufruf.get()
    if gemerkt is not None and "stand" in gemerkt:
        return gemerkt["stand"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_value FROM {SEQUENZ}")  # noqa: S608  # nosec B608 - constant
        wert = cursor.fetchone()[0]
    if gemerkt is not None:
        gemerkt["stand"] = wert
    return wert


def weiterzaehlen() -> None:
    """Advance the data version without a write: everything cached is recomputed (the
    benchmark's "after a change" measurements)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(%s)", [SEQUENZ])


def zwischengespeichert(schluessel: tuple, berechnen: Callable):
    """`berechnen()`, cached under `schluessel` for the current data version, language and day.

    `schluessel` names what is computed and everything it depends on besides the data (e.g.
    `("uebersicht", jahr, programm_id)`); the value must be picklable."""
    voll = ":".join(
        str(teil)
        for teil in (
            *schluessel,
            stand(),
            translation.get_language(),
            timezone.localdate().isoformat(),
        )
    )
    wert = cache.get(voll)
    if wert is None:
        wert = berechnen()
        cache.set(voll, wert)
    return wert


class DatenstandMiddleware:
    """Reads the data version at most once per GET/HEAD request. Requests that may write (POST
    and the like) read it afresh each time, so a page rendered after a write shows it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _im_aufruf.set({})
        try:
            return self.get_response(request)
        finally:
            _im_aufruf.reset(token)
