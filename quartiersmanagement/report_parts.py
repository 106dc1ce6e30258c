"""Lists that an app adds to the activity reports (Jahresbericht, Sachbericht) although
`berichte` may not import it: today the news items of `oeffentlichkeit`, a sibling of
`berichte` (see the layers contract in pyproject.toml).

An app registers in its `AppConfig.ready()`:

    report_parts.register(report_parts.ReportPart(
        title=_("Veröffentlichte Beiträge"), columns=[...],
        rows=selectors.beitraege_im_bericht))

`rows(fenster)` gets the report's windows (objects with `quartier_id`, `von`, `bis`) and returns
the table rows with one query (`im_fenster` gives its condition, as it does for the reports'
own figures); a report prints the parts after its own lists, in the order registered. Rows
hold no personal data.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone


@dataclass(frozen=True)
class ReportPart:
    title: str
    columns: list[str]
    rows: Callable[[list], list[list]]


_parts: dict[str, ReportPart] = {}


def register(part: ReportPart) -> None:
    """Register (or replace, keyed by title) a list of the reports."""
    _parts[str(part.title)] = part


def parts() -> list[ReportPart]:
    return list(_parts.values())


def _beginn(tag: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(tag, datetime.time(), tzinfo=timezone.get_current_timezone())


def im_fenster(fenster, quartier: str, zeit: str | None, *, zeitpunkt=False) -> Q:
    """Rows whose `quartier` path is a window's quartier and whose `zeit` lies in it; a
    date-time field (`zeitpunkt`) counts up to the end of the last day. No window: nothing."""
    bedingung = Q(pk__isnull=True)
    for f in fenster:
        teil = Q(**{quartier: f.quartier_id})
        if zeit and zeitpunkt:
            teil &= Q(
                **{
                    f"{zeit}__gte": _beginn(f.von),
                    f"{zeit}__lt": _beginn(f.bis + datetime.timedelta(days=1)),
                }
            )
        elif zeit:
            teil &= Q(**{f"{zeit}__gte": f.von, f"{zeit}__lte": f.bis})
        bedingung |= teil
    return bedingung
