"""The koordinator's report upward: the Pantauan page's tables, for a day or a
week, as an ``.xlsx`` workbook (openpyxl), one sheet per table, in Indonesian (the
language of the report upward, like the receipt)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from complaint_domain.complaint import WIB
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.supervision import Pantauan
from desk_app.services.supervision_tables import Namer, Table, freshness, page_tables

SHEET_NAMES = {
    "own": "Meja ini",
    "desks": "Meja",
    "per_desk": "Per meja",
    "per_officer": "Per petugas",
    "per_hour": "Per jam",
    "per_day": "Per hari",
    "per_state": "Per status",
    "overdue": "Terlambat",
    "digantung": "Digantung",
    "queue": "Antrean",
    "queue_times": "Antrean waktu",
    "queue_per_desk": "Antrean per meja",
    "queue_per_officer": "Antrean per petugas",
    "queue_per_hour": "Antrean per jam",
    "queue_tickets": "Antrean per nomor",
}
FIRST_ROW = 4  # title, freshness, headers, then the rows


def write_report(
    officer: Officer | None,
    pantauan: Pantauan,
    path: Path,
    unsent_minutes: int,
    category: Namer,
    area: Namer,
) -> list[Table]:
    """Write the workbook to ``path`` (whole, then moved into place); the tables written."""
    who = require(officer, Role.SUPERVISOR)
    tables = page_tables(pantauan, unsent_minutes, category, area)
    recorded = pantauan.own.recorded
    period = recorded.first_day.strftime("%d-%m-%Y")
    if recorded.days > 1:
        last = recorded.first_day.toordinal() + recorded.days - 1
        period += " s.d. " + type(recorded.first_day).fromordinal(last).strftime("%d-%m-%Y")
    made = pantauan.own.as_of.astimezone(WIB).strftime("%d-%m-%Y %H.%M")
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(SHEET_NAMES.get(table.key, table.key)[:31])
        sheet.append([str(table.title)])
        sheet["A1"].font = Font(bold=True, size=13)
        site = pantauan.crm.site if pantauan.crm else ""
        sheet.append(
            [f"{site} · {period} · {freshness(pantauan)} · dibuat {made} oleh {who.display_name}"]
        )
        sheet.append([str(h) for h in table.headers])
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_value(v) for v in row])
        if table.note:
            sheet.append([str(table.note)])
        for i, header in enumerate(table.headers):
            width = max([len(str(header))] + [len(str(r[i])) for r in table.rows])
            sheet.column_dimensions[chr(ord("A") + i)].width = min(60, width + 2)
    part = path.with_name(path.name + ".part")
    book.save(part)
    part.replace(path)
    return tables


def _value(cell: str) -> str | int | float:
    """Counts and minutes ("4,5") as numbers (the koordinator sums them); everything
    else as text."""
    text = str(cell)
    if text.isdigit():
        return int(text)
    whole, comma, tenths = text.partition(",")
    if comma and whole.isdigit() and tenths.isdigit():
        return float(f"{whole}.{tenths}")
    return text
