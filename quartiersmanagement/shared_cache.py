"""The one explicit cache: content that is identical for everybody allowed to see it.

What may be cached here: aggregates and public content that depend on nothing but the data and
the arguments a caller names — the city overview's figures, a quartier's network data, the
public quartier page, public iCal/Atom feeds. Never a page or fragment that depends on the user
(buttons, CSRF tokens, rights): builders get plain arguments (ids, years), never the request or
the user, so they cannot depend on them by accident.

Invalidation. Every key holds the current *versions* of what it reads: one version per quartier
and one city-wide version. A write to a model of this project's apps advances them in
`transaction.on_commit`, so a reader can never store data of an uncommitted write under a new
version (no stale window): it sees the old version and old data, or the new version only after
the commit. A write whose record has a `quartier_id` advances that quartier's version and the
city-wide one; any other write (e.g. a Handlungsfeld renamed, a project's quartiers changed)
advances the "all" version that every key holds, so a write in Eilendorf keeps Preuswald's
cached public page but a taxonomy change renews everything.

Signals cover `save()`, `delete()` and M2M changes on every path (forms, admin, imports,
commands). Code that writes with `QuerySet.update()`, `bulk_create()` or raw SQL calls
`changed(quartier_id=…)` itself. A record moved to another quartier advances both quartiers:
the quartier it was loaded with is remembered when it is loaded (`post_init`). The receivers
are connected to this project's models only, so Django keeps deleting the rows of other
models (sessions, history tables) without loading them first (`Collector.can_fast_delete`).

Backend: Django's cache API with `CACHE_URL` (settings): off by default (dummy), Redis shared by
several app servers in production (docs/betrieb.md). Versions start at the current time in
nanoseconds, so a version key the backend evicted never comes back with an old value.
"""

import functools
import hashlib
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.utils import timezone, translation

T = TypeVar("T")

PREFIX = "qm"
CITY = "stadt"
ALL = "alle"
TIMEOUT = 60 * 60

# Writes that never change shared content: logins (last_login) and rate-limit rows.
IGNORED_MODELS = frozenset({"quartiersmanagement.benutzer", "oeffentlichkeit.formularversuch"})

# Where `post_init` keeps the quartier a record was loaded with (see `_remember_quartier`).
_LOADED_QUARTIER = "_shared_cache_loaded_quartier_id"
_MISSING = object()


def _version_key(scope: str) -> str:
    return f"{PREFIX}:version:{scope}"


def _quartier_scope(quartier_id: int) -> str:
    return f"quartier-{quartier_id}"


def _versions(scopes: list[str]) -> list[int]:
    keys = [_version_key(s) for s in scopes]
    found = cache.get_many(keys)
    versions = []
    for key in keys:
        if key not in found:
            cache.add(key, time.time_ns(), timeout=None)
            found[key] = cache.get(key) or 0
        versions.append(found[key])
    return versions


def _advance(scopes: Iterable[str]) -> None:
    for scope in scopes:
        key = _version_key(scope)
        try:
            cache.incr(key)
        except ValueError:
            cache.add(key, time.time_ns(), timeout=None)


def cached(
    name: str,
    compute: Callable[[], T],
    *,
    params: tuple = (),
    quartier_ids: Iterable[int] | None = None,
) -> T:
    """`compute()`, cached under `name`, `params` and the versions of what it reads.

    `quartier_ids`: the quartiers the content is built from; None for city-wide content. The
    key also holds the language and today's date (overdue flags, "next events")."""
    if quartier_ids is None:
        scopes = [ALL, CITY]
    else:
        scopes = [ALL, *(_quartier_scope(q) for q in sorted(set(quartier_ids)))]
    versions = _versions(scopes)
    # Hashed: with the versions of many quartiers (the Leitung's network) or an address among
    # the params the plain key passes the 250 characters and the characters backends accept.
    detail = repr((params, versions, translation.get_language(), timezone.localdate()))
    key = f"{PREFIX}:{name}:{hashlib.sha256(detail.encode()).hexdigest()}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def changed(*, quartier_id: int | None = None, using: str = "default") -> None:
    """Advance the versions after the current transaction commits (at once outside one)."""
    scopes = [CITY, _quartier_scope(quartier_id)] if quartier_id else [ALL]
    transaction.on_commit(lambda: _advance(scopes), using=using)


def _is_own(model) -> bool:
    meta = model._meta
    return (
        meta.app_label in settings.EIGENE_APPS
        and meta.label_lower not in IGNORED_MODELS
        and not meta.model_name.startswith("historical")
    )


@functools.cache
def _has_quartier(model) -> bool:
    return any(f.attname == "quartier_id" for f in model._meta.concrete_fields)


def _remember_quartier(sender, instance, **kwargs) -> None:
    instance.__dict__[_LOADED_QUARTIER] = instance.__dict__.get("quartier_id")


def _on_write(sender, instance, using, **kwargs) -> None:
    """Advance the quartier the record is in and the one it was loaded with (a move). Read
    from the instance's loaded values only: a deferred field would cost a query, and after a
    delete that query finds no row. A quartier not loaded is unknown: everything renews."""
    if not _has_quartier(sender):
        changed(using=using)
        return
    now = instance.__dict__.get("quartier_id", _MISSING)
    loaded = instance.__dict__.get(_LOADED_QUARTIER)
    if now is _MISSING:
        now = loaded
    changed(quartier_id=now, using=using)
    if loaded is not None and loaded != now:
        changed(quartier_id=loaded, using=using)
    instance.__dict__[_LOADED_QUARTIER] = now


def _on_m2m(sender, instance, action, using, **kwargs) -> None:
    if action.startswith("post_"):
        changed(using=using)


def connect_signals() -> None:
    """Called once from `QuartiersmanagementConfig.ready()`: receivers for this project's
    models (and their many-to-many tables: `m2m_changed` names the table as sender) only."""
    for model in apps.get_models(include_auto_created=True):
        if not _is_own(model):
            continue
        uid = f"shared_cache:{model._meta.label_lower}"
        post_save.connect(_on_write, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"{uid}:delete")
        if _has_quartier(model):
            post_init.connect(_remember_quartier, sender=model, dispatch_uid=f"{uid}:init")
        m2m_changed.connect(_on_m2m, sender=model, dispatch_uid=f"{uid}:m2m")
