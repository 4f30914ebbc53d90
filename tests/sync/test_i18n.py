"""The sync side in English: the status line, the client's errors and the CRM's
refusals, as the officer reads them in the "Sinkronisasi" panel."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desk_app.services.desk import open_desk
from desk_app.services.sync_control import OutboxLine, SyncControl, SyncStatus
from desk_app.sync.client import CrmClient, SyncError, Transient
from desk_app.sync.refusals import REFUSALS, refusal_reason
from desk_app.ui.i18n import install_language, shown
from desk_app.ui.sync_panel import SyncPanel
from desk_app.ui.sync_worker import SyncWorker

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)"
)
# Words of the Indonesian sentences that no English one holds.
INDONESIAN = re.compile(
    r"\b(tidak|dapat|menunggu|ditolak|terhubung|kelurahan lain|tertua|sinkron|daring|luring"
    r"|menit|dikenal|pilih)\b",
    re.IGNORECASE,
)
NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def english(qapp: QCoreApplication) -> Iterator[None]:
    install_language(qapp, "en")
    yield
    install_language(qapp, "id")


def _offline_error() -> SyncError:
    with pytest.raises(Transient) as raised:
        CrmClient("http://127.0.0.1:9", "t", timeout=(1.0, 1.0)).changes(0, 10)
    return raised.value


def _refused_by_the_crm(status: int, code: str, message: str) -> SyncError:
    """What the client raises when a server on loopback answers the changes feed with
    ``status`` and the CRM's error body (the real client over a real socket)."""
    body = json.dumps({"error": {"code": code, "message": message, "field": None}}).encode()

    class Refusing(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        with pytest.raises(SyncError) as raised:
            CrmClient(url, "t", timeout=(2.0, 2.0)).changes(0, 10)
        return raised.value
    finally:
        server.shutdown()
        server.server_close()


def _rejected_line() -> OutboxLine:
    return OutboxLine(
        "item-1",
        "complaint",
        "PBK1-261201-0001-K",
        NOW,
        "rejected",
        3,
        "unknown_area",
        "Kode kelurahan tidak dikenal.",  # the CRM's own words, in Indonesian
        "location.kelurahan_code",
    )


def test_the_status_line_a_client_error_and_a_refusal_in_english(
    qtbot, tmp_path: Path, english: None, artifacts_dir: Path
) -> None:
    offline = _offline_error()
    assert offline.code == "offline"
    assert shown(offline.message) == "Cannot connect to the CRM (offline)."
    limited = _refused_by_the_crm(429, "rate_limited", "Terlalu banyak percobaan.")
    assert shown(limited.message) == "Too many requests to the CRM; trying again later"
    status = SyncStatus(
        phase="retry_wait",
        online=False,
        pending_count=2,
        oldest_pending_at=NOW - dt.timedelta(minutes=12),
        rejected_count=1,
        last_success_at=NOW - dt.timedelta(hours=1),
        consecutive_failures=6,
        last_error=offline.message,
        last_error_code=offline.code,
        next_retry_at=NOW + dt.timedelta(seconds=30),
        as_of=NOW,
    )
    assert shown(status.text) == (
        "Offline · 2 waiting to be sent · oldest 12 min · 1 refused by the CRM · last sync 09:00"
    )
    line = _rejected_line()
    assert shown(line.reason) == ("The CRM does not know this kelurahan — choose another kelurahan")
    # And in the panel, as the officer sees them.
    desk = open_desk(tmp_path / "desk")
    try:
        worker = SyncWorker(SyncControl(desk))
        run: Callable[..., Any] = lambda op, on_done, on_error=None: on_done(op())  # noqa: E731
        panel = SyncPanel(worker, run)
        qtbot.addWidget(panel)
        panel.on_status(status)
        panel.on_lists(([], [line]))
        reason = panel.rejected_model.index(0, 4).data(Qt.ItemDataRole.DisplayRole)
        texts = [panel.state.text(), panel.error.text(), reason]
        assert "Cannot connect to the CRM (offline)." in panel.error.text()
        assert reason == shown(line.reason)
        for text in texts:
            assert not INDONESIAN.search(text), text
        panel.resize(1000, 520)
        panel.show()
        panel.grab().save(str(artifacts_dir / "sync_panel_english.png"))
    finally:
        desk.close()


def test_in_indonesian_a_refusal_keeps_the_crm_s_words_and_an_unknown_code_shows_them():
    line = _rejected_line()
    assert shown(line.reason) == (
        "Kelurahan tidak dikenal CRM — pilih kelurahan lain (Kode kelurahan tidak dikenal.)"
    )
    assert refusal_reason("unknown_area") == REFUSALS["unknown_area"]
    assert refusal_reason("a_new_code", "Alasan baru dari CRM.") == "Alasan baru dari CRM."
    error = _refused_by_the_crm(422, "a_new_code", "Alasan baru dari CRM.")
    assert error.message == "Alasan baru dari CRM." and error.server_text == error.message


def test_every_refusal_code_has_its_english(english: None):
    untranslated = [code for code, text in REFUSALS.items() if shown(text) == str(text)]
    assert untranslated == []
