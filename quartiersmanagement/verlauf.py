"""The audit trail of a record, read from django-simple-history, for a "Verlauf" section.

Shows who changed which field when (old -> new) in the staff's words: choice labels, German
dates, names of related records. Read-only by construction: historical records are written
only by simple-history on save and are neither registered in the admin nor editable anywhere.
"""

import datetime
from dataclasses import dataclass, field
from itertools import pairwise

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

AUSGENOMMEN = {"erstellt", "geaendert", "suchvektor", "version"}
ARTEN = {"+": _("angelegt"), "~": _("geändert"), "-": _("gelöscht")}


@dataclass
class Aenderung:
    feld: str
    alt: str
    neu: str


@dataclass
class Eintrag:
    zeitpunkt: datetime.datetime
    benutzer: object
    art: str
    aenderungen: list[Aenderung] = field(default_factory=list)


def verlauf_fuer(obj, *, anzahl: int = 30) -> list[Eintrag]:
    """The newest `anzahl` history entries of `obj`, newest first, in constant queries."""
    datensaetze = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : anzahl + 1
        ]
    )
    deltas = [
        (neu, neu.diff_against(alt, excluded_fields=_ausgenommen(obj)))
        for neu, alt in pairwise(datensaetze)
    ]
    namen = _namen_verknuepfter(obj, [d for _neu, d in deltas])
    eintraege = [
        Eintrag(
            zeitpunkt=neu.history_date,
            benutzer=neu.history_user,
            art=ARTEN.get(neu.history_type, neu.history_type),
            aenderungen=[
                Aenderung(
                    feld=str(obj._meta.get_field(c.field).verbose_name),
                    alt=_anzeige(obj, c.field, c.old, namen),
                    neu=_anzeige(obj, c.field, c.new, namen),
                )
                for c in delta.changes
            ],
        )
        for neu, delta in deltas
    ]
    if len(datensaetze) <= anzahl and datensaetze:
        erster = datensaetze[-1]
        eintraege.append(
            Eintrag(erster.history_date, erster.history_user, ARTEN.get(erster.history_type, ""))
        )
    return eintraege


def _ausgenommen(obj) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if f.name in AUSGENOMMEN]


def _namen_verknuepfter(obj, deltas) -> dict[tuple[str, object], str]:
    """Names of related records that appear in the changes: one query per foreign key field."""
    ids: dict[str, set] = {}
    for delta in deltas:
        for c in delta.changes:
            f = obj._meta.get_field(c.field)
            if isinstance(f, models.ForeignKey):
                ids.setdefault(c.field, set()).update(v for v in (c.old, c.new) if v is not None)
    namen = {}
    for feldname, werte in ids.items():
        modell = obj._meta.get_field(feldname).related_model
        for rel in modell._default_manager.filter(pk__in=werte):
            namen[(feldname, rel.pk)] = str(rel)
    return namen


def _anzeige(obj, feldname, wert, namen) -> str:
    f = obj._meta.get_field(feldname)
    if wert in (None, ""):
        return "–"
    if isinstance(f, models.ForeignKey):
        return namen.get((feldname, wert), f"#{wert}")
    if f.choices:
        return str(dict(f.flatchoices).get(wert, wert))
    if isinstance(wert, bool):
        return str(_("Ja") if wert else _("Nein"))
    if isinstance(wert, datetime.datetime):
        return date_format(wert, "SHORT_DATETIME_FORMAT")
    if isinstance(wert, datetime.date):
        return date_format(wert, "SHORT_DATE_FORMAT")
    return str(wert)
