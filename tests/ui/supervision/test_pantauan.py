"""The koordinator's Pantauan page against the real CRM over loopback: desk B's
receipts stay unsent behind the fault proxy and desk A's supervisor sees B silent,
with the right counts and ages; the CRM's clock moves on over Christmas and the
site's complaints land in the overdue and *digantung* lists with the right working
days late; an officer is refused by the service; another site's token sees none of
it; the exported workbook holds the page's rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget
from pytestqt.qtbot import QtBot

from desk_app.services.accounts import Role
from desk_app.services.errors import PermissionDenied
from desk_app.services.supervision import Pantauan
from desk_app.services.supervision_report import FIRST_ROW, SHEET_NAMES
from desk_app.ui.flows.supervision_flow import ExportDialog
from desk_app.ui.main_window import MainWindow
from tests.sync.faultproxy import FaultProxy
from tests.ui.supervision.conftest import CITIZENS, OFFICER, SUPERVISOR, LiveCrm, wib

PASSWORD = "rahasia-sari-1"


def open_window(qtbot: QtBot, services: object, username: str = "sari") -> MainWindow:
    window = MainWindow(services)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.signed_in, timeout=15000):
        window.start((username, PASSWORD))
    return window


def refreshed(qtbot: QtBot, window: MainWindow, action: object) -> Pantauan:
    with qtbot.waitSignal(window.supervision_flow.refreshed, timeout=15000) as got:
        action()  # type: ignore[operator]
    pantauan = got.args[0]
    assert isinstance(pantauan, Pantauan)
    return pantauan


def page_text(window: MainWindow) -> str:
    keys = window.pantauan.models
    return "\n".join(str(window.pantauan.cells(k)) for k in keys)


def test_supervisor_sees_the_silent_desk_and_the_late_lists(
    qtbot: QtBot,
    qtmodeltester: object,
    live_crm: LiveCrm,
    site_desk: object,
    proxy: FaultProxy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = site_desk("PBK1")  # type: ignore[operator]
    b = site_desk("PBK2", via=proxy, offset_s=95)  # type: ignore[operator]
    admin = a.desk.accounts.create_first_admin("admin", "Admin Meja", "rahasia-admin-1")
    for username, name, role in (("sari", SUPERVISOR.display_name, Role.SUPERVISOR),
                                 ("ani", OFFICER.display_name, Role.OFFICER)):  # fmt: skip
        a.desk.accounts.add_account(
            admin, username, name, PASSWORD, role, must_change_password=False
        )
    b.control.set_officer("Budi Petugas")

    # Monday 21 December, 09.00: A records three complaints, B one; both send.
    a1, a2, a3 = a.record(OFFICER, 3)
    (b1,) = b.record(OFFICER, 1, start=10)
    assert a.engine.run_once().ok and b.engine.run_once().ok
    live_crm.clock.advance(minutes=1)
    live_crm.act(a2, "accept")  # coordination: due two working days on, the 23rd
    # 09.05: B records two more; the proxy refuses its pushes (the heartbeat still
    # tells the CRM what waits), then goes down altogether.
    live_crm.clock.now = wib(2026, 12, 21, 9, 5)
    b.record(OFFICER, 2, start=11)
    proxy.set("http503", only="/api/v1/sync/complaints")
    assert not b.engine.run_once().ok
    proxy.set("down")
    live_crm.clock.now = wib(2026, 12, 21, 11, 30)
    assert not b.engine.run_once().ok
    assert b.engine.state.pending_count == 2

    # The officer is refused by the service itself, not only by the missing button.
    with pytest.raises(PermissionDenied):
        a.services().supervision.refresh(OFFICER)

    window = open_window(qtbot, a.services())
    assert window.home.pantauan_button.isVisible()
    assert a.engine.run_once().ok  # A's heartbeat now names who signed in
    ctrl = Qt.KeyboardModifier.ControlModifier
    pantauan = refreshed(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_P, ctrl))
    assert window.stack.currentWidget() is window.pantauan
    assert pantauan.live and not pantauan.problem
    for model in window.pantauan.models.values():
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    desks = {row[0]: row for row in window.pantauan.cells("desks")}
    assert list(desks) == ["PBK1 (meja ini)", "PBK2"]
    _code, state, waiting, oldest, heartbeat, last_push, officer, _version, clock = desks["PBK2"]
    assert state == "⚠ DIAM: struk tertahan > 2 jam; tanpa kabar di jam buka (luring)"
    assert (officer, waiting, oldest, heartbeat) == ("Budi Petugas", "2", "2 jam", "2 jam lalu")
    assert last_push == "09.00" and clock == "1 menit lebih cepat"  # B's clock: +95 s
    silent_row = list(desks).index("PBK2")
    assert window.pantauan.models["desks"].mark(silent_row) == "silent"
    index = window.pantauan.models["desks"].index(silent_row, 0)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None  # an icon, and words
    assert [desks["PBK1 (meja ini)"][i] for i in (1, 6)] == ["daring", "Sari Koordinator"]
    assert window.pantauan.cells("per_desk") == [["PBK1", "3"], ["PBK2", "1"]]
    assert window.pantauan.cells("per_officer") == [  # as the CRM knows them: user names
        ["PBK1", "ani", "3"],
        ["PBK2", "ani", "1"],
    ]
    assert ["09.00–09.59", "4"] in window.pantauan.cells("per_hour")
    assert "Data CRM per 11.30" in window.pantauan.freshness.text()

    # Thursday 24th: a3 is taken up (due the 29th); then Tuesday 29th, after Christmas.
    live_crm.clock.now = wib(2026, 12, 24, 10, 0)
    live_crm.act(a3, "accept")
    live_crm.clock.now = wib(2026, 12, 29, 9, 30)
    refreshed(qtbot, window, lambda: qtbot.keyClick(window.pantauan, Qt.Key.Key_F5))
    overdue = [(r[0], r[8], r[4], r[3], r[1], r[2]) for r in window.pantauan.cells("overdue")]
    # Due the 22nd: 23, 24, 28, 29 (Christmas and the weekend out) = 4 working days late.
    assert overdue == [
        (a1, "PBK1", "Menunggu", "22-12-2026", "4", "5"),
        (b1, "PBK2", "Menunggu", "22-12-2026", "4", "5"),
        (a2, "PBK1", "Koordinasi", "23-12-2026", "3", "5"),
    ]
    hanging = [r[0] for r in window.pantauan.cells("digantung")]
    assert hanging == [a1, b1, a2]  # oldest public update first; a3 spoke on the 24th
    assert a3 not in page_text(window)
    for secret in CITIZENS:
        assert secret not in page_text(window)

    # Another desk's complaint: its public history from the CRM, nothing personal.
    view = window.pantauan.views["digantung"]
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    flow = window.supervision_flow
    qtbot.waitUntil(lambda: flow.history_dialog is not None, timeout=10000)
    dialog = flow.history_dialog
    assert dialog is not None
    steps = dialog.findChild(QListWidget)
    assert steps is not None and "Menunggu" in steps.item(0).text()
    texts = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert b1 in texts and not any(s in texts for s in CITIZENS)
    dialog.close()
    # This desk's own complaint: its own detail view.
    with qtbot.waitSignal(window.detail_shown, timeout=10000) as shown_detail:
        view.setCurrentIndex(view.model().index(0, 0))
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert shown_detail.args[0].ticket_code == a1

    # The report: the same rows as the page, table by table.
    target = tmp_path / "laporan.xlsx"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, parent, name: target))
    window.stack.setCurrentWidget(window.pantauan)
    refused: list[str] = []
    flow.refused.connect(refused.append)
    window.activateWindow()  # the history dialog had it
    qtbot.waitUntil(window.isActiveWindow)
    window.pantauan.refresh_button.setFocus()
    with qtbot.waitSignal(flow.exported, timeout=10000):
        qtbot.keyClick(
            window.pantauan.refresh_button, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
        )
    assert not refused
    book = load_workbook(target)
    page = window.pantauan
    on_page = [k for k, card in page.cards.items() if card.isVisibleTo(page)]
    assert sorted(book.sheetnames) == sorted(SHEET_NAMES[k] for k in on_page)
    for key in on_page:
        sheet = book[SHEET_NAMES[key]]
        rows = [
            [str(v) for v in row]
            for row in sheet.iter_rows(min_row=FIRST_ROW, values_only=True)
            if row[0] is not None
        ]
        assert rows[: len(window.pantauan.cells(key))] == window.pantauan.cells(key), key
    assert book[SHEET_NAMES["overdue"]].cell(FIRST_ROW, 1).value == a1

    # Another site's desk token gets none of this site's rows.
    other = live_crm.enrol("KGR1", "Kelurahan Gambir")
    answer = requests.get(
        live_crm.url + "/api/v1/supervision",
        headers={"Authorization": f"Bearer {other}"},
        timeout=5,
    )
    assert answer.status_code == 200
    assert [d["code"] for d in answer.json()["desks"]] == ["KGR1"]
    assert not any(t in answer.text for t in (a1, a2, a3, b1))


def test_offline_shows_own_counts_and_the_kept_answer(
    qtbot: QtBot, live_crm: LiveCrm, site_desk: object, proxy: FaultProxy
) -> None:
    a = site_desk("PBK1", via=proxy)  # type: ignore[operator]
    admin = a.desk.accounts.create_first_admin("sari", "Sari Koordinator", PASSWORD)
    a.record(admin, 2)
    assert a.engine.run_once().ok
    window = open_window(qtbot, a.services())
    refreshed(qtbot, window, window.supervision_flow.open)
    assert window.pantauan.cells("per_desk") == [["PBK1", "2"]]
    # The CRM goes away; one more complaint waits at the desk.
    proxy.set("down")
    a.record(admin, 1, start=5)
    live_crm.clock.advance(minutes=20)
    pantauan = refreshed(qtbot, window, window.supervision_flow.refresh)
    assert not pantauan.live and pantauan.crm is not None
    text = window.pantauan.freshness.text()
    assert text.startswith("Data CRM per 09.00 — CRM tidak dapat dihubungi"), text
    own = dict(tuple(r) for r in window.pantauan.cells("own"))  # type: ignore[misc]
    assert (own["Aduan tercatat"], own["Belum terkirim ke CRM"]) == ("3", "1")
    assert own["Tertua belum terkirim"] == "20 menit"
    assert window.pantauan.cells("per_desk") == [["PBK1", "2"]]  # the kept answer
    # It refreshes by itself every minute while shown, and not once it is left.
    assert window.supervision_flow.timer.isActive()
    assert window.supervision_flow.timer.interval() == 60_000
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.pantauan.refresh_button.setFocus()
    qtbot.keyClick(window.pantauan.refresh_button, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.home
    assert not window.supervision_flow.timer.isActive()


def test_officer_has_no_pantauan(qtbot: QtBot, live_crm: LiveCrm, site_desk: object) -> None:
    a = site_desk("PBK1")  # type: ignore[operator]
    admin = a.desk.accounts.create_first_admin("admin", "Admin Meja", "rahasia-admin-1")
    a.desk.accounts.add_account(
        admin, "ani", "Ani Petugas", PASSWORD, Role.OFFICER, must_change_password=False
    )
    window = open_window(qtbot, a.services(), "ani")
    assert not window.home.pantauan_button.isVisible()
    with qtbot.waitSignal(window.supervision_flow.refused, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is not window.pantauan
    assert window.supervision_flow.pantauan is None  # nothing was fetched
