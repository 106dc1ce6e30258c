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
the commit. A write advances the versions of the quartiers its record lives in and the
city-wide one, so a write in Eilendorf keeps Preuswald's cached public page:

- a record with a `quartier_id`: that quartier;
- a record without one: the quartiers of the records its foreign keys name that have one (a
  need's event lives in its need's quartier, an application in its fund's) and those of its
  `quartiere` (an actor's, a project's); a change of such a many-to-many advances the
  quartiers added or removed, a deleted actor or project the quartiers it was in;
- a record that reaches no quartier (a Handlungsfeld renamed, a person's contact): the "all"
  version that every key holds, so it renews everything.

Each quartier and the city also have a version per model, advanced by the writes of that
model's records there. Content that names the models it reads (`cached(..., models=...)`; a
rollup, filled by database triggers, stands for the models in its `filled_by`) holds those
only: a need's status change rebuilds the quartier page's needs part and keeps its network,
projects and reports parts, the network document, the public feeds and the departments'
figures; a comment keeps them all, since none reads the timeline
(tests/quartiersmanagement/test_shared_cache_models.py compares each content's models with the
tables it reads). A write of unknown kind (`changed(quartier_id=…)` without a model) and a
record that moves into or out of a quartier (it takes what hangs on it along) advance the
quartier's version for any model (`ANY`), which all such content holds as well.

City-wide content made of one part per quartier (the overview's rows and charts) is cached
per quartier (`cached_per_quartier`): a write renews that quartier's part only, where one entry
for the whole city would be renewed by every write anywhere. An update's `migrate` renews
everything (an entry may have the shape the old code built).

Signals cover `save()`, `delete()` and M2M changes on every path (forms, admin, imports,
commands). Code that writes with `QuerySet.update()`, `bulk_create()` or raw SQL calls
`changed(quartier_id=…)` itself. A record moved to another quartier or parent advances both:
what it was loaded with is remembered when it is loaded (`post_init`). The receivers are
connected to this project's models only, so Django keeps deleting the rows of other models
(sessions, history tables) without loading them first (`Collector.can_fast_delete`).

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
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_init,
    post_migrate,
    post_save,
    pre_delete,
)
from django.utils import timezone, translation

T = TypeVar("T")

PREFIX = "qm"
CITY = "stadt"
ALL = "alle"
TIMEOUT = 60 * 60

# Writes that never change shared content: one person's own state (the token of a submitted
# form, marks and mail settings of "Heute", group memberships: shared content is the same for
# every right) and rate-limit rows. Without them every new need and every online application
# renewed every cached entry, since none of these rows belongs to a quartier.
IGNORED_MODELS = frozenset(
    {
        "quartiersmanagement.submissiontoken",
        "quartiersmanagement.benutzer_groups",
        "quartiersmanagement.benutzer_user_permissions",
        "arbeitsplatz.vermerk",
        "arbeitsplatz.benachrichtigung",
        "oeffentlichkeit.formularversuch",
    }
)
# A login saves the user's `last_login` only; a changed name may be on a cached page.
LOGIN_FIELDS = frozenset({"last_login"})

QUARTIER = "quartiere.quartier"
# A quartier's version for writes of any model: a write of unknown kind, a record moved.
ANY = "*"

# Where `post_init` keeps the quartier and parents a record was loaded with (`_loaded`).
_LOADED = "_shared_cache_loaded"
# Where `pre_delete` keeps the quartiers of a record's `quartiere` (`_remember_m2m_quartiers`).
_M2M_BEFORE_DELETE = "_shared_cache_m2m_before_delete"
_MISSING = object()


def _version_key(scope: str) -> str:
    return f"{PREFIX}:version:{scope}"


def _quartier_scope(quartier_id: int) -> str:
    return f"quartier-{quartier_id}"


def _model_scope(scope: str, model: str | None) -> str:
    """The version of the city or a quartier for writes of `model` (a label, or ANY); None:
    for writes of any model, the scope itself."""
    return scope if model is None else f"{scope}:{model}"


def _labels(models: Iterable[str]) -> list[str]:
    """The labels of the models whose writes renew content that reads `models` (labels such as
    "bedarfe.bedarf"): a model filled by database triggers (a rollup) stands for the models in
    its `filled_by`. An unknown label raises LookupError."""
    labels = set()
    for label in models:
        labels.update(getattr(apps.get_model(label), "filled_by", None) or (label.lower(),))
    return sorted(labels)


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
    models: Iterable[str] | None = None,
) -> T:
    """`compute()`, cached under `name`, `params` and the versions of what it reads.

    `quartier_ids`: the quartiers the content is built from; None for content of the whole
    city (a few versions, where naming every quartier holds a hundred).
    `models`: the labels of the models whose records it reads (a rollup stands for the models
    it is filled from); then only writes of these in the quartiers renew it. None: any write
    there."""
    if quartier_ids is None:
        bases = [CITY]
    else:
        bases = [_quartier_scope(q) for q in sorted(set(quartier_ids))]
    labels = [None] if models is None else [ANY, *_labels(models)]
    scopes = [ALL, *(_model_scope(b, m) for b in bases for m in labels)]
    key = _key(name, params, _versions(scopes))
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def cached_per_quartier(
    name: str,
    compute: Callable[[list[int]], dict[int, T]],
    *,
    quartier_ids: Iterable[int],
    params: tuple = (),
) -> dict[int, T]:
    """{quartier id: value} with one entry per quartier, each under the versions of its own
    quartier: a write in one quartier renews its entry only, where one entry for all of them
    would be renewed by a write anywhere (the city overview under a working team).

    `compute(ids)` gets the quartiers whose entries are missing, builds them together (a fixed
    number of queries however many) and returns a value for each of them that still exists."""
    ids = sorted(set(quartier_ids))
    alle, *versions = _versions([ALL, *(_quartier_scope(q) for q in ids)])
    keys = {q: _key(name, (params, q), [alle, v]) for q, v in zip(ids, versions, strict=True)}
    found = cache.get_many(list(keys.values()))
    values = {q: found[key] for q, key in keys.items() if key in found}
    if missing := [q for q in ids if q not in values]:
        built = compute(missing)
        cache.set_many({keys[q]: built[q] for q in missing if q in built}, TIMEOUT)
        values.update(built)
    return values


def _key(name: str, params: tuple, versions: list[int]) -> str:
    """The key also holds the language and today's date (overdue flags, "next events").
    Hashed: with the versions of many quartiers (the Leitung's network) or an address among
    the params the plain key passes the 250 characters and the characters backends accept."""
    detail = repr((params, versions, translation.get_language(), timezone.localdate()))
    return f"{PREFIX}:{name}:{hashlib.sha256(detail.encode()).hexdigest()}"


def changed(
    *, quartier_id: int | None = None, model: str | None = None, using: str = "default"
) -> None:
    """Advance the versions after the current transaction commits (at once outside one):
    the quartier's and the city's, and theirs for `model` (the label of the written record's
    model; None: a write of unknown kind or a moved record, which renews all of the quartier)."""
    if quartier_id:
        scopes = [
            scope
            for base in (CITY, _quartier_scope(quartier_id))
            for scope in (base, _model_scope(base, model or ANY))
        ]
    else:
        scopes = [ALL]
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


@functools.cache
def _parent_keys(model) -> tuple:
    """The foreign keys of a model without a `quartier_id` to models with one."""
    if _has_quartier(model):
        return ()
    return tuple(
        f
        for f in model._meta.concrete_fields
        if f.many_to_one and f.related_model is not None and _has_quartier(f.related_model)
    )


@functools.cache
def _quartier_m2m(model) -> tuple:
    """The many-to-many fields of a model without a `quartier_id` to the quartiers."""
    if _has_quartier(model):
        return ()
    return tuple(
        f for f in model._meta.many_to_many if f.related_model._meta.label_lower == QUARTIER
    )


def _loaded(instance) -> dict:
    """The values that place a record in quartiers, as loaded: its quartier and parents."""
    return {
        name: instance.__dict__.get(name)
        for name in ("quartier_id", *(f.attname for f in _parent_keys(type(instance))))
    }


def _remember_quartier(sender, instance, **kwargs) -> None:
    instance.__dict__[_LOADED] = _loaded(instance)


def _parent_quartier(field, instance, parent_id) -> int | None:
    """The quartier of the parent `parent_id` names: from the parent object the record holds,
    else read (one small query by primary key). None when the parent row is gone."""
    parent = instance._state.fields_cache.get(field.name)
    if parent is not None and parent.pk == parent_id and "quartier_id" in parent.__dict__:
        return parent.quartier_id
    return (
        field.related_model._base_manager.using(instance._state.db)
        .filter(pk=parent_id)
        .values_list("quartier_id", flat=True)
        .first()
    )


def _m2m_quartiers(sender, instance) -> set[int]:
    """The quartiers of a record's `quartiere` many-to-many (an actor's, a project's)."""
    quartiere = set()
    if instance.pk is not None:
        for field in _quartier_m2m(sender):
            through = field.remote_field.through
            quartiere.update(
                through._base_manager.using(instance._state.db)
                .filter(**{field.m2m_field_name(): instance.pk})
                .values_list(field.m2m_reverse_field_name(), flat=True)
            )
    return quartiere


def _remember_m2m_quartiers(sender, instance, **kwargs) -> None:
    """Before a delete: the delete removes the many-to-many rows before the record, so after
    it the record's quartiers are unknown, and everything renewed."""
    instance.__dict__[_M2M_BEFORE_DELETE] = _m2m_quartiers(sender, instance)


def _quartiers_via_relations(sender, instance) -> set[int]:
    """The quartiers a record without a `quartier_id` lives in (module doc): those of its
    parents, now and as loaded, and of its `quartiere` many-to-many (as before a delete)."""
    loaded = instance.__dict__.get(_LOADED, {})
    quartiere = set()
    for field in _parent_keys(sender):
        for parent_id in {instance.__dict__.get(field.attname), loaded.get(field.attname)}:
            if parent_id is not None:
                quartiere.add(_parent_quartier(field, instance, parent_id))
    vor_dem_loeschen = instance.__dict__.pop(_M2M_BEFORE_DELETE, None)
    # after a delete its many-to-many rows are gone: what `pre_delete` read, not a new query
    quartiere |= _m2m_quartiers(sender, instance) if vor_dem_loeschen is None else vor_dem_loeschen
    quartiere.discard(None)
    return quartiere


def _moved(instance, created: bool) -> bool:
    """Whether a stored record's quartier or a parent changed since it was loaded."""
    loaded = instance.__dict__.get(_LOADED, {})
    return not created and any(
        instance.__dict__.get(name, was) != was for name, was in loaded.items()
    )


def _changed_in(quartiere: set[int], model: str | None, using: str) -> None:
    """Advance these quartiers for a write of `model` (None: of any); none known: everything."""
    for quartier_id in quartiere:
        changed(quartier_id=quartier_id, model=model, using=using)
    if not quartiere:
        changed(using=using)


def _on_write(sender, instance, using, **kwargs) -> None:
    """Advance the quartiers the record is in and was loaded in. A record with a `quartier_id`
    is read from its loaded values only: a deferred field would cost a query, and after a
    delete that query finds no row. A quartier not known: everything renews. A moved record
    takes what hangs on it along (a need its forwards): all content of both quartiers renews."""
    if kwargs.get("update_fields") == LOGIN_FIELDS:
        return
    model = None if _moved(instance, kwargs.get("created", False)) else sender._meta.label_lower
    if _has_quartier(sender):
        loaded = instance.__dict__.get(_LOADED, {}).get("quartier_id")
        quartiere = {instance.__dict__.get("quartier_id", loaded), loaded} - {None}
    else:
        quartiere = _quartiers_via_relations(sender, instance)
    _changed_in(quartiere, model, using)
    instance.__dict__[_LOADED] = _loaded(instance)


def _on_m2m(sender, instance, action, model, pk_set, using, **kwargs) -> None:
    """A record entered or left quartiers: all content of those renews (it takes what hangs
    on it along). Any other many-to-many: the quartiers of the record, for writes of the
    table (`sender`). Unknown: everything."""
    if not action.startswith("post_"):
        return
    written = sender._meta.label_lower
    if pk_set and model._meta.label_lower == QUARTIER:
        quartiere, written = set(pk_set), None
    elif pk_set and instance._meta.label_lower == QUARTIER:
        quartiere, written = {instance.pk}, None
    elif _has_quartier(type(instance)) and instance.__dict__.get("quartier_id"):
        quartiere = {instance.quartier_id}
    elif _is_own(type(instance)) and not _has_quartier(type(instance)):
        quartiere = _quartiers_via_relations(type(instance), instance)
    else:
        quartiere = set()
    _changed_in(quartiere, written, using)


def _on_migrate(**kwargs) -> None:
    """An update runs `migrate` (docs/betrieb.md): everything renews, since an entry the old
    code built may have another shape than the new code reads."""
    _advance([ALL])


def connect_signals() -> None:
    """Called once from `QuartiersmanagementConfig.ready()`: receivers for this project's
    models (and their many-to-many tables: `m2m_changed` names the table as sender) only,
    and the renewal after `migrate`."""
    post_migrate.connect(_on_migrate, dispatch_uid="shared_cache:migrate")
    for model in apps.get_models(include_auto_created=True):
        if not _is_own(model):
            continue
        uid = f"shared_cache:{model._meta.label_lower}"
        post_save.connect(_on_write, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"{uid}:delete")
        if _has_quartier(model) or _parent_keys(model):
            post_init.connect(_remember_quartier, sender=model, dispatch_uid=f"{uid}:init")
        if _quartier_m2m(model):
            pre_delete.connect(
                _remember_m2m_quartiers, sender=model, dispatch_uid=f"{uid}:pre_delete"
            )
        m2m_changed.connect(_on_m2m, sender=model, dispatch_uid=f"{uid}:m2m")
