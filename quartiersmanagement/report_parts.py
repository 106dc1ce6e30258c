"""Lists that an app adds to the activity reports (Jahresbericht, Sachbericht) although
`berichte` may not import it: today the news items of `oeffentlichkeit`, a sibling of
`berichte` (see the layers contract in pyproject.toml).

An app registers in its `AppConfig.ready()`:

    report_parts.register(report_parts.ReportPart(
        title=_("Veröffentlichte Beiträge"), columns=[...],
        rows=selectors.beitraege_im_bericht))

`rows(fenster)` gets the report's windows (objects with `quartier_id`, `von`, `bis`) and returns
the table rows with one query; a report prints the parts after its own lists, in the order
registered. Rows hold no personal data.
"""

from collections.abc import Callable
from dataclasses import dataclass


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
