"""CSV and XLSX exports of exactly the list a user filtered.

CSV is streamed row by row (UTF-8 with BOM and semicolons, so German Excel opens it correctly);
XLSX is written by openpyxl in write-only mode into a spooled temporary file. Neither holds all
rows in memory; callers pass `queryset.iterator(chunk_size=...)`.

Every number reaches the spreadsheet as a number with a number format: whole numbers
`#,##0`, money (`Decimal`) `#,##0.00`, and measured values as the small types below, which
round once and carry their format (days with one decimal, shares as %), so no cell shows
`7.13E-05` or `9.000123`.
"""

import csv
import datetime
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

# Characters a spreadsheet does not allow in a sheet's name.
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")
# Cells starting with these run as formulas in spreadsheet programs (CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class Days(float):
    """A duration in days, rounded to one decimal."""

    number_format = "#,##0.0"

    def __new__(cls, value):
        return super().__new__(cls, round(float(value), 1))


class Hours(Days):
    """A number of hours (volunteer hours), rounded to one decimal."""


class Percent(float):
    """A share as a fraction (0.5 is 50 %), shown as a percentage with one decimal."""

    number_format = "0.0 %"

    def __new__(cls, value):
        return super().__new__(cls, round(float(value), 3))


@dataclass(frozen=True)
class Column:
    """One export column: its German header and how to get the value from a row object."""

    title: str
    value: Callable[[Any], Any]


def as_text(value) -> str:
    """A value as German text for CSV: 25.11.2026, 1234,50, Ja/Nein; formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nein"
    # strftime rather than date_format: the same text, a tenth of the time per cell.
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Percent):
        return f"{value * 100:.1f} %".replace(".", ",")
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")  # no thousands separator: Excel reads 1234,50
    text = str(value)
    if text.startswith(_FORMULA_PREFIXES):
        return "'" + text
    return text


class _Echo:
    """csv.writer writes into this; each row is handed on at once instead of collected."""

    def write(self, row):
        return row


def csv_response(*, filename: str, columns: list[Column], rows: Iterable) -> StreamingHttpResponse:
    writer = csv.writer(_Echo(), delimiter=";", quoting=csv.QUOTE_MINIMAL)

    def generate():
        yield "\ufeff"
        yield writer.writerow([s.title for s in columns])
        for obj in rows:
            yield writer.writerow([as_text(s.value(obj)) for s in columns])

    response = StreamingHttpResponse(generate(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _cell(sheet, value):
    """A typed cell: numbers stay numbers, dates get a German date format."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD.MM.YYYY HH:MM"
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD.MM.YYYY"
        return cell
    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "#,##0.00"
        return cell
    if isinstance(value, bool):
        return "Ja" if value else "Nein"
    if isinstance(value, int | float):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = getattr(
            value, "number_format", "#,##0" if isinstance(value, int) else "#,##0.0#"
        )
        return cell
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    # Text needs no cell object: openpyxl writes it untyped-styled, much faster.
    return value


def write_sheet(workbook: Workbook, *, title: str, columns: list[Column], rows: Iterable):
    """Append one sheet with a bold, frozen header row to a write-only workbook."""
    sheet = workbook.create_sheet(title=_SHEET_TITLE_FORBIDDEN.sub("-", title)[:31])
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for obj in rows:
        sheet.append([_cell(sheet, s.value(obj)) for s in columns])
    return sheet


def xlsx_response(
    *, filename: str, columns: list[Column], rows: Iterable, sheet_name: str = "Export"
) -> FileResponse:
    workbook = Workbook(write_only=True)
    write_sheet(workbook, title=sheet_name, columns=columns, rows=rows)
    return workbook_response(workbook, filename=filename)


def workbook_response(workbook: Workbook, *, filename: str) -> FileResponse:
    """Send a finished workbook; spooled to disk beyond a few MB instead of held in memory."""
    file = tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024)  # noqa: SIM115 - FileResponse closes it
    workbook.save(file)
    file.seek(0)
    return FileResponse(
        file,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def export_response(format: str, *, filename: str, columns: list[Column], rows: Iterable):
    """Dispatch `?format=csv|xlsx` of a list view to the right writer."""
    if format == "xlsx":
        return xlsx_response(filename=filename, columns=columns, rows=rows)
    return csv_response(filename=filename, columns=columns, rows=rows)
