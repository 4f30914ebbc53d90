"""The visitor queue's figures on the Pantauan page (issues 16 and 17): two desks
share the site's queue at the real CRM over loopback; the koordinator's page shows
the numbers taken, served and missed, the wait, the walk and the service time, per
desk, officer and hour, and its exported workbook holds the same; an officer is
refused by the service itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.accounts import Role
from desk_app.services.errors import PermissionDenied
from desk_app.services.supervision_report import FIRST_ROW, SHEET_NAMES
from desk_app.ui.flows.supervision_flow import ExportDialog
from tests.ui.supervision.conftest import CITIZENS, OFFICER, SUPERVISOR, LiveCrm, run_queue, wib
from tests.ui.supervision.test_pantauan import PASSWORD, open_window, refreshed

DAY = dt.date(2026, 12, 21)


def test_queue_figures_on_the_page_and_in_the_report(
    qtbot: QtBot,
    live_crm: LiveCrm,
    site_desk: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = site_desk("PBK1"), site_desk("PBK2")  # type: ignore[operator]
    admin = a.desk.accounts.create_first_admin("admin", "Admin Meja", "rahasia-admin-1")
    a.desk.accounts.add_account(
        admin, "sari", SUPERVISOR.display_name, PASSWORD, Role.SUPERVISOR,
        must_change_password=False,
    )  # fmt: skip
    services = a.services()
    run_queue(live_crm, services.queue, b.services().queue, DAY)
    live_crm.clock.now = wib(2026, 12, 21, 9, 30)

    # The service: figures for a supervisor, refused to an officer.
    with pytest.raises(PermissionDenied):
        services.queue.figures(OFFICER, DAY, DAY)
    figures = services.queue.figures(SUPERVISOR, DAY, DAY)
    assert figures is not None
    assert (figures.tickets, figures.served, figures.no_shows) == (3, 1, 1)
    assert (figures.wait.mean, figures.walk.mean, figures.service.mean) == (12.5, 2.0, 8.0)

    window = open_window(qtbot, services)
    pantauan = refreshed(
        qtbot,
        window,
        lambda: qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier),
    )
    assert pantauan.queue == figures
    page = window.pantauan
    assert page.cells("queue") == [
        ["Nomor diambil", "3"],
        ["Selesai dilayani", "1"],
        ["Tidak hadir", "1"],
    ]
    assert page.cells("queue_times") == [
        ["Tunggu (ambil → dipanggil)", "12,5", "12,5", "15,0"],
        ["Jalan (dipanggil → dilayani)", "2,0", "2,0", "2,0"],
        ["Layanan (mulai → selesai)", "8,0", "8,0", "8,0"],
    ]
    assert page.cells("queue_per_desk") == [
        ["(belum dipanggil)", "1", "0", "—", "—", "—"],
        ["PBK1", "1", "0", "10,0", "2,0", "8,0"],
        ["PBK2", "1", "1", "15,0", "—", "—"],
    ]
    officers = {row[0]: row[1:3] for row in page.cells("queue_per_officer")}
    assert officers["Ani Petugas"] == ["1", "0"] and officers["Budi Petugas"] == ["1", "1"]
    assert page.cells("queue_per_hour") == [["09.00–09.59", "3", "1", "12,5", "2,0", "8,0"]]
    numbers = [t.number for t in figures.per_ticket]
    assert page.cells("queue_tickets") == [
        [numbers[0], "09.00", "selesai", "PBK1", "Ani Petugas", "10,0", "2,0", "8,0"],
        [numbers[1], "09.00", "tidak hadir", "PBK2", "Budi Petugas", "15,0", "—", "—"],
        [numbers[2], "09.00", "menunggu", "—", "—", "—", "—", "—"],
    ]

    # The report holds the same, minutes as numbers.
    target = tmp_path / "laporan.xlsx"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, parent, name: target))
    with qtbot.waitSignal(window.supervision_flow.exported, timeout=15000):
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    book = load_workbook(target)
    sheet = book[SHEET_NAMES["queue_per_desk"]]
    rows = [r for r in sheet.iter_rows(min_row=FIRST_ROW, values_only=True)]
    assert rows[1] == ("PBK1", 1, 0, 10.0, 2.0, 8.0)
    assert rows[2] == ("PBK2", 1, 1, 15.0, "—", "—")
    times = book[SHEET_NAMES["queue_times"]]
    assert times.cell(FIRST_ROW, 2).value == 12.5
    assert book[SHEET_NAMES["queue"]].cell(FIRST_ROW + 2, 2).value == 1  # no-shows
    tickets = book[SHEET_NAMES["queue_tickets"]]
    assert [c.value for c in tickets[FIRST_ROW]] == [
        numbers[0], "09.00", "selesai", "PBK1", "Ani Petugas", 10.0, 2.0, 8.0
    ]  # fmt: skip
    text = "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row)
    assert not any(secret in text for secret in CITIZENS)  # numbers, never a visitor's data


def test_the_queue_section_stays_hidden_when_the_crm_cannot_be_reached(
    qtbot: QtBot, live_crm: LiveCrm, site_desk: object
) -> None:
    a = site_desk("PBK1")  # type: ignore[operator]
    admin = a.desk.accounts.create_first_admin("admin", "Admin Meja", "rahasia-admin-1")
    a.desk.accounts.add_account(
        admin, "sari", SUPERVISOR.display_name, PASSWORD, Role.SUPERVISOR,
        must_change_password=False,
    )  # fmt: skip
    a.desk.settings.crm_url = "http://127.0.0.1:9"  # nothing listens there
    services = a.services()
    assert services.queue.figures(SUPERVISOR, DAY, DAY) is None
    window = open_window(qtbot, services)
    pantauan = refreshed(qtbot, window, window.supervision_flow.open)
    assert pantauan.queue is None and not pantauan.live
    assert window.pantauan.cells("queue") == []  # no made-up zeros
