"""The desk side of ``bench_supervision``, run in its own process: a desk window
signed in as its admin, the Pantauan page open, refreshed N times against the CRM
at URL, while a 5 ms timer on the GUI thread notes every gap between its ticks.

    python benchmarks/supervision_gui.py URL DATA_DIR REFRESHES ENROLMENT_CODE

Prints ``max_gap_ms=… p99_gap_ms=… refresh_ms=…``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.common import percentile
from desk_app.services.desk import open_desk
from desk_app.services.enrolment import TokenStore
from desk_app.services.root import DeskServices
from desk_app.services.sync_control import SyncControl
from desk_app.sync.client import CrmClient
from desk_app.ui.main_window import MainWindow


def wait_for(signal: object, timeout_ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]


def main() -> int:
    url, data, refreshes, code = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    app = QApplication([])
    desk = open_desk(data)
    enrolment = CrmClient(url).enrol(code)
    desk.settings.crm_url = url
    desk.settings.desk_code = enrolment.desk_code
    tokens = TokenStore(desk.data_dir, keyring=None)
    tokens.save(enrolment.token)
    desk.accounts.create_first_admin("bench", "Bench Koordinator", "bench-password-1")
    window = MainWindow(DeskServices(desk, sync=SyncControl(desk, token_store=tokens)))
    window.resize(1366, 728)
    window.show()
    window.start(("bench", "bench-password-1"))
    if window.officer is None:
        wait_for(window.signed_in)
    flow = window.supervision_flow
    flow.open()
    wait_for(flow.refreshed)  # the first (builds the client, reads the token)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    # Our own work on the GUI thread: taking a finished fetch…
    on_data = flow.on_data
    filled: list[float] = []

    def timed_on_data(result: object) -> None:
        start = time.perf_counter()
        on_data(result)  # type: ignore[arg-type]
        filled.append((time.perf_counter() - start) * 1000)

    flow.on_data = timed_on_data  # type: ignore[method-assign]
    # …and each step of filling the page that follows (one table per event-loop turn).
    page = window.pantauan
    fill_next = page._fill_next

    def timed_fill_next() -> None:
        start = time.perf_counter()
        fill_next()
        filled.append((time.perf_counter() - start) * 1000)

    page._fill_next = timed_fill_next  # type: ignore[method-assign]
    took = []
    ticker.start()
    for i in range(refreshes):
        start = time.perf_counter()
        last[0] = start
        if i % 2:
            flow.pantauan = None  # every other time the tables change (worst case)
            for model in window.pantauan.models.values():
                model._cells = []
        flow.refresh()
        wait_for(flow.refreshed)
        took.append((time.perf_counter() - start) * 1000)
    during = [g - 5 for g in gaps]  # a tick is due every 5 ms: held beyond that
    # The same time with nothing to do: what the machine itself does to the thread.
    gaps.clear()
    last[0] = time.perf_counter()
    idle = QTimer()
    idle.setSingleShot(True)
    idle.start(int(sum(took)))
    wait_for(idle.timeout)
    ticker.stop()
    baseline = [g - 5 for g in gaps]
    print(
        f"max_gap_ms={max(during):.1f} p99_gap_ms={percentile(during, 99):.1f} "
        f"idle_max_gap_ms={max(baseline):.1f} idle_p99_gap_ms={percentile(baseline, 99):.1f} "
        f"fill_max_ms={max(filled):.1f} fill_median_ms={statistics.median(filled):.1f} "
        f"refresh_ms={statistics.median(took):.1f}"
    )
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
