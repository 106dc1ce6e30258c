"""The audit trail of a record, read from django-simple-history, for a "Verlauf" section.

Shows who changed which field when (old -> new) in the staff's words: choice labels, German
dates, names of related records. Read-only by construction: historical records are written
only by simple-history on save and are neither registered in the admin nor editable anywhere.
"""

import datetime
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from itertools import pairwise

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

EXCLUDED = {"erstellt", "geaendert", "suchvektor", "version"}
KINDS = {"+": _("angelegt"), "~": _("geändert"), "-": _("gelöscht")}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    when: datetime.datetime
    user: object
    kind: str
    changes: list[Change] = dataclass_field(default_factory=list)


def history_for(obj, *, limit: int = 30) -> list[Entry]:
    """The newest `limit` history entries of `obj`, newest first, in constant queries."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    deltas = [
        (new, new.diff_against(old, excluded_fields=_excluded(obj)))
        for new, old in pairwise(records)
    ]
    names = _related_names(obj, [d for _neu, d in deltas])
    entries = [
        Entry(
            when=new.history_date,
            user=new.history_user,
            kind=KINDS.get(new.history_type, new.history_type),
            changes=[
                Change(
                    field=str(obj._meta.get_field(c.field).verbose_name),
                    old=_display(obj, c.field, c.old, names),
                    new=_display(obj, c.field, c.new, names),
                )
                for c in delta.changes
            ],
        )
        for new, delta in deltas
    ]
    if len(records) <= limit and records:
        first = records[-1]
        entries.append(
            Entry(first.history_date, first.history_user, KINDS.get(first.history_type, ""))
        )
    return entries


def _excluded(obj) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if f.name in EXCLUDED]


def _related_names(obj, deltas) -> dict[tuple[str, object], str]:
    """Names of related records that appear in the changes: one query per foreign key field."""
    ids: dict[str, set] = {}
    for delta in deltas:
        for c in delta.changes:
            f = obj._meta.get_field(c.field)
            if isinstance(f, models.ForeignKey):
                ids.setdefault(c.field, set()).update(v for v in (c.old, c.new) if v is not None)
    names = {}
    for field_name, values in ids.items():
        model = obj._meta.get_field(field_name).related_model
        for rel in model._default_manager.filter(pk__in=values):
            names[(field_name, rel.pk)] = str(rel)
    return names


def _display(obj, field_name, value, names) -> str:
    f = obj._meta.get_field(field_name)
    if value in (None, ""):
        return "–"
    if isinstance(f, models.ForeignKey):
        return names.get((field_name, value), f"#{value}")
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nein"))
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)
