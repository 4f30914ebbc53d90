"""The search page sees the other channels, against the real CRM over loopback: the
phone number finds the e-mail complaint beside the desk's own results, off the GUI
thread; the officer opens it and records the visit (the dialog), which reaches the
CRM; offline one quiet line says the CRM could not be asked. Screenshots of the
page and of the dialog at 1366×768 go to test-artifacts/screens/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from crm_server.db.models import Event as CrmEvent
from desk_app.services.desk import Desk
from desk_app.services.remote_lookup import RemoteComplaint
from desk_app.services.root import DeskServices
from desk_app.ui.i18n import install_translator
from desk_app.ui.search_page import SearchPage
from desk_app.ui.tasks import TaskRunner
from desk_app.ui.theme import apply_theme
from desk_app.ui.visit_dialog import VisitDialog
from tests.sync.conftest import OFFICER, form
from tests.sync.crm import CrmProcess
from tests.sync.test_desk_channels import PHONE, counter, email_complaint

__all__ = ["counter"]  # the fixture, shared with the service-level tests
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)"
)
SCREEN = (1366, 768 - 40)  # the offscreen screen less a taskbar


def open_search(qtbot, services: DeskServices, runner: TaskRunner) -> SearchPage:
    """The search page as the officer has it, on a 1366×768 screen."""
    search = SearchPage(
        services.lookup,
        runner,
        services.area_name,
        remote=services.remote_lookup,
        category_name=services.category_name,
    )
    qtbot.addWidget(search)
    search.set_officer(OFFICER)
    search.resize(*SCREEN)
    search.show()
    return search


@pytest.fixture
def page(qtbot, counter: tuple[Desk, DeskServices]) -> Iterator[SearchPage]:
    _desk, services = counter
    apply_theme(QApplication.instance())  # type: ignore[arg-type]
    runner = TaskRunner()
    search = open_search(qtbot, services, runner)
    yield search
    search.stop()
    runner.shutdown()


def shoot(widget: object, folder: Path, name: str) -> Path:
    path = folder / "screens" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(path))  # type: ignore[attr-defined]
    return path


def test_the_page_lists_the_email_complaint_and_the_visit_reaches_the_crm(
    qtbot,
    page: SearchPage,
    counter: tuple[Desk, DeskServices],
    crm_server: CrmProcess,
    artifacts_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    desk, services = counter
    code = email_complaint(crm_server)
    desk.intake.record(OFFICER, form(0))  # the desk's own complaint, another phone
    page.box.setText("+62 812-7777-3131")
    with qtbot.waitSignal(page.remote_shown, timeout=10000) as shown_signal:
        page.on_search()
    assert shown_signal.args == [1]
    qtbot.waitUntil(lambda: page.summary.text() != "Mencari…")
    assert page.remote.isVisible() and page.remote.table.rowCount() == 1
    cells = [page.remote.table.item(0, c).text() for c in range(7)]
    assert cells[0] == code and cells[1] == "E-mail" and cells[2] == "Menunggu"
    assert "1 aduan dari kanal lain" in page.remote.line.text()
    shoot(page, artifacts_dir, "desk-search-remote-1366")

    item = page.remote.item(0)
    dialog = VisitDialog(page, item, services.category_name)
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("Warga datang menanyakan kapan lampu diperbaiki.")
    dialog.resize(640, dialog.sizeHint().height())
    dialog.show()
    shoot(dialog, artifacts_dir, "desk-visit-dialog")
    dialog.close()

    asked: list[RemoteComplaint] = []

    def answer(_parent, opened, _names, note="", problem=""):  # type: ignore[no-untyped-def]
        asked.append(opened)
        return "Warga datang menanyakan kapan lampu diperbaiki."

    monkeypatch.setattr(VisitDialog, "ask", answer)
    page.remote.focus_first()
    with qtbot.waitSignal(page.visit_recorded, timeout=10000):
        qtbot.keyClick(page.remote.table, Qt.Key.Key_Return)  # Enter opens it
    assert asked == [item]
    assert "Kunjungan dicatat pada aduan" in page.remote.line.text()
    assert services.sync.run_once()
    with crm_server.crm.sessions() as s:
        assert s.scalar(select(CrmEvent.note).where(CrmEvent.kind == "desk_visit")) == (
            "Warga datang menanyakan kapan lampu diperbaiki."
        )


def test_a_short_note_is_asked_again_with_the_reason(
    qtbot,
    page: SearchPage,
    crm_server: CrmProcess,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    email_complaint(crm_server)
    page.box.setText(PHONE)
    with qtbot.waitSignal(page.remote_shown, timeout=10000):
        page.on_search()
    calls: list[tuple[str, str]] = []

    def answer(_parent, _opened, _names, note="", problem=""):  # type: ignore[no-untyped-def]
        calls.append((note, problem))
        return "ok" if len(calls) == 1 else None

    monkeypatch.setattr(VisitDialog, "ask", answer)
    page.on_remote_open(page.remote.item(0))
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=5000)
    assert calls[1][0] == "ok" and "paling sedikit 5" in calls[1][1]


def test_offline_one_quiet_line_and_the_local_results(
    qtbot, page: SearchPage, counter: tuple[Desk, DeskServices], crm_server: CrmProcess
) -> None:
    desk, _services = counter
    own = desk.intake.record(OFFICER, form(0)).ticket_code
    crm_server.stop()
    page.box.setText("0812-3456-7890")  # the desk's own citizen's phone
    page.on_search()
    qtbot.waitUntil(lambda: "CRM tidak dapat ditanya" in page.remote.line.text(), timeout=15000)
    qtbot.waitUntil(lambda: page.summary.text() != "Mencari…")
    assert page.model.rowCount() == 1 and page.model.index(0, 1).data() == own
    assert not page.remote.table.isVisible()


def test_in_english(
    qtbot, counter: tuple[Desk, DeskServices], crm_server: CrmProcess, artifacts_dir: Path
) -> None:
    """The page and the dialog in English (the second language, complete)."""
    _desk, services = counter
    app = QApplication.instance()
    translator = install_translator(app, "en")  # type: ignore[arg-type]
    runner = TaskRunner()
    try:
        email_complaint(crm_server)
        search = open_search(qtbot, services, runner)  # built after the translator
        search.box.setText(PHONE)
        with qtbot.waitSignal(search.remote_shown, timeout=10000):
            search.on_search()
        qtbot.waitUntil(lambda: not runner.busy)
        assert search.remote.title.text() == "At the CRM — other channels"
        assert search.remote.line.text() == "1 complaint from another channel at the CRM."
        assert search.remote.table.item(0, 2).text() == "Waiting"
        shoot(search, artifacts_dir, "desk-search-remote-en-1366")
        dialog = VisitDialog(search, search.remote.item(0), services.category_name)
        qtbot.addWidget(dialog)
        dialog.show()
        shoot(dialog, artifacts_dir, "desk-visit-dialog-en")
        assert dialog.windowTitle().startswith("Complaint ")
        search.stop()
    finally:
        runner.shutdown()
        if translator is not None:
            app.removeTranslator(translator)  # type: ignore[union-attr]


def test_a_citizen_with_more_complaints_than_listed_is_asked_for_a_ticket_code(
    qtbot, page: SearchPage, crm_server: CrmProcess, artifacts_dir: Path
) -> None:
    codes = [email_complaint(crm_server, f"<m{i:02d}@mail.example.id>") for i in range(21)]
    page.box.setText(PHONE)
    with qtbot.waitSignal(page.remote_shown, timeout=10000) as shown_signal:
        page.on_search()
    assert shown_signal.args == [20]
    listed = [page.remote.table.item(row, 0).text() for row in range(20)]
    assert listed == codes[:0:-1]  # the newest twenty, newest first
    line = page.remote.line.text()
    assert "20 aduan dari kanal lain" in line
    assert "tanyakan nomor tiketnya" in line
    shoot(page, artifacts_dir, "desk-search-remote-more-1366")


def test_when_the_newest_are_all_on_this_desk_the_line_says_so(qtbot) -> None:
    from desk_app.services.remote_lookup import RemoteResult
    from desk_app.ui.remote_results import RemoteResultsPanel

    panel = RemoteResultsPanel(lambda code: code, lambda code: code)
    qtbot.addWidget(panel)
    panel.show_result(RemoteResult(True, (), more=True))
    line = panel.line.text()
    assert line.startswith("Aduan terbaru warga ini di CRM sudah ada di meja ini.")
    assert "tanyakan nomor tiketnya" in line and "Tidak ada aduan lain" not in line
