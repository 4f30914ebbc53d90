"""The Qt adapter and the "Sinkronisasi" panel, against the real CRM."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk, open_desk
from desk_app.services.enrolment import TokenStore
from desk_app.services.sync_control import SyncControl, SyncStatus
from desk_app.store import complaints
from desk_app.store.models import ComplaintRow
from desk_app.sync.client import CrmClient
from desk_app.ui.status_bar import Connection
from desk_app.ui.sync_panel import SyncPanel
from desk_app.ui.sync_worker import (
    SyncWorker,
    UnsentOnCloseDialog,
    confirm_close,
    status_bar_values,
)
from desk_app.ui.tasks import TaskRunner
from tests.sync.conftest import OFFICER, form
from tests.sync.crm import CrmProcess, assert_converged

ADMIN = Officer("admin", "Admin", Role.ADMIN)
# The offscreen platform's own noise, as in tests/ui/conftest.py.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)"
)


@pytest.fixture
def enrolled(tmp_path: Path, crm_server: CrmProcess):
    desk = open_desk(tmp_path / "desk")
    desk.settings.desk_code = "PBK1"
    desk.settings.crm_url = crm_server.url
    tokens = TokenStore(desk.data_dir, keyring=None)
    tokens.save(CrmClient(crm_server.url).enrol(crm_server.enrolment_code("PBK1")).token)
    control = SyncControl(desk, token_store=tokens, timeout=(1.0, 5.0))
    control.set_interval(3600)
    yield desk, control
    control.stop()
    desk.close()


def _break_channel(desk: Desk, pk: int) -> None:
    with desk.database.write() as s:
        row = s.get(ComplaintRow, pk)
        assert row is not None
        row.channel = "NOPE"  # (an unknown area is no refusal: it goes to triage)


def test_worker_and_panel_show_waiting_rejected_and_resend(
    qtbot, qtmodeltester, enrolled, crm_server: CrmProcess, artifacts_dir: Path
):
    desk, control = enrolled
    ids = [str(desk.intake.record(OFFICER, form(i)).complaint.id) for i in range(4)]
    _break_channel(desk, 3)
    runner = TaskRunner()
    worker = SyncWorker(control)
    panel = SyncPanel(worker, runner.run)
    panel.set_officer(OFFICER)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    panel.reload()
    qtbot.waitUntil(lambda: panel.waiting_model.rowCount() == 4, timeout=5000)
    qtmodeltester.check(panel.waiting_model)
    panel.grab().save(str(artifacts_dir / "sync_panel_waiting.png"))
    changed: list[str] = []
    worker.complaints_changed.connect(changed.extend)
    statuses: list[SyncStatus] = []
    worker.status_changed.connect(statuses.append)
    worker.start()
    qtbot.waitUntil(lambda: set(changed) == set(ids) - {ids[2]}, timeout=20000)
    qtbot.waitUntil(lambda: panel.rejected_model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: panel.waiting_model.rowCount() == 0, timeout=5000)
    qtmodeltester.check(panel.rejected_model)
    rejected = panel.rejected_model.row_at(0)
    assert rejected is not None and rejected.error_code == "unknown_channel"
    assert "1 ditolak CRM" in panel.state.text()
    panel.grab().save(str(artifacts_dir / "sync_panel_rejected.png"))
    last = statuses[-1]
    assert last.online and last.waiting == 0 and last.rejected == 1
    assert status_bar_values(last)[0] is Connection.ONLINE
    # The officer corrects the complaint, selects the row, "Kirim ulang".
    with desk.database.write() as s:
        row = s.get(ComplaintRow, 3)
        assert row is not None
        row.channel = "PENDOPO"
    panel.rejected_view.selectRow(0)
    assert panel.resend.isEnabled()
    with qtbot.waitSignal(panel.resend_done, timeout=5000):
        panel.resend.click()
    qtbot.waitUntil(lambda: ids[2] in changed, timeout=20000)
    qtbot.waitUntil(lambda: panel.rejected_model.rowCount() == 0, timeout=5000)
    worker.stop()
    runner.shutdown()
    assert_converged(crm_server, desk)


def test_offline_status_and_close_warning(qtbot, enrolled, monkeypatch):
    desk, control = enrolled
    control.engine.client.base_url = "http://127.0.0.1:9"  # nothing listens there
    desk.intake.record(OFFICER, form(1))
    worker = SyncWorker(control)
    seen: list[SyncStatus] = []
    worker.status_changed.connect(seen.append)
    worker.sync_now()
    qtbot.waitUntil(lambda: any(s.phase == "retry_wait" for s in seen), timeout=10000)
    status = next(s for s in seen if s.phase == "retry_wait")
    assert status.online is False and status.waiting == 1 and status.failures_in_a_row == 1
    state, detail = status_bar_values(status)
    assert state is Connection.OFFLINE and "tertua menunggu" in detail
    asked: list[str] = []

    def ask(_parent: object, message: str) -> bool:
        asked.append(message)
        return False

    monkeypatch.setattr(UnsentOnCloseDialog, "ask", classmethod(lambda cls, p, m: ask(p, m)))
    assert confirm_close(None, worker) is False
    assert asked and asked[0].startswith("1 aduan/tambahan belum terkirim")
    worker.stop()


def test_needs_enrolment_signal(qtbot, enrolled):
    """The CRM refuses the desk's token: the window is told once, and the officer
    still records complaints — saved on the desk and queued for after enrolment."""
    desk, control = enrolled
    control.engine.client.token = "mdt_revoked"
    worker = SyncWorker(control)
    statuses: list[SyncStatus] = []
    worker.status_changed.connect(statuses.append)
    with qtbot.waitSignal(worker.needs_enrolment, timeout=10000):
        worker.start()  # one cycle; then asleep until enrolled (or "Kirim sekarang")
    status = worker.status()
    assert status.needs_enrolment and status.phase == "needs_enrolment"
    assert status_bar_values(status)[0] is Connection.NOT_CONNECTED
    # The desk keeps working: intake records, the complaint is saved and waits.
    recorded = desk.intake.record(OFFICER, form(5))
    complaint_id = str(recorded.complaint.id)
    with desk.database.read() as s:
        saved = complaints.get(s, complaint_id)
    assert saved is not None and saved.ticket_code == recorded.complaint.ticket_code
    assert [line.item_id for line in control.waiting()] == [complaint_id]
    # The window hears of it (the count it shows), and is not asked to enrol again.
    with qtbot.assertNotEmitted(worker.needs_enrolment, wait=300):
        worker.refresh()
        qtbot.waitUntil(lambda: bool(statuses) and statuses[-1].waiting == 1, timeout=5000)
    assert statuses[-1].needs_enrolment
    worker.stop()
