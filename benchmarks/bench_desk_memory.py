"""Desk app memory with many stored complaints (DESIGN: old office PCs with 4 GB; the
desk app stays under 300 MB resident with a million stored complaints).

A child process opens the real window offscreen on a desk holding N complaints
(100 000; 1 000 000 with --big), signs in, shows today's list, searches by word and
by code, opens details, and records and previews 30 receipts; the table gives its
resident memory after each step and its peak, which the child reads itself at the end:
its own high-water mark (``VmHWM``), not ``ru_maxrss``, which would carry the harness's
peak across fork and exec (see ``benchmarks.common.peak_rss_mb``).

    python -m benchmarks bench_desk_memory [--big]
    python -m benchmarks.bench_desk_memory --count 5000   # one run, any size
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_store import _fill
from benchmarks.common import FORM_FIELDS, PASSWORD, USERNAME, print_table

TARGET_MB = 300


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1048576


def _session(data_dir: Path) -> list[list[object]]:
    """Runs in the child: the officer's morning, measured."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    # Right after PySide6, as in the desk-app command: it stops PySide6's source scan
    # of what is imported next (the store itself came earlier, with bench_store).
    import desk_app.ui  # noqa: F401
    from benchmarks.common import peak_rss_mb
    from desk_app.services.desk import open_desk
    from desk_app.services.root import build_services
    from desk_app.ui.app import prepare_application
    from desk_app.ui.main_window import MainWindow

    class NullPrinter:
        def print_document(self, document: object) -> None:
            pass

    rows: list[list[object]] = []
    desk = open_desk(data_dir)
    app = prepare_application(desk.settings)
    window = MainWindow(build_services(desk, printer=NullPrinter()))
    window.show()
    app.processEvents()
    rows.append(["window open", _rss_mb()])

    def wait_for(signal: object, action: object) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(30000, loop.quit)
        action()  # type: ignore[operator]
        loop.exec()
        signal.disconnect(loop.quit)  # type: ignore[attr-defined]

    wait_for(window.signed_in, lambda: window.on_sign_in_requested(USERNAME, PASSWORD))
    wait_for(window.home_refreshed, window.refresh_home)
    rows.append(["signed in, today's list shown", _rss_mb()])

    officer = window.officer
    assert officer is not None
    for word in ("jalan", "sampah menumpuk", "warga 4242", "trotoar rusak"):
        window.on_find()
        window.search.box.setText(word)
        QTest.keyClick(window.search.box, Qt.Key.Key_Return)
        for _ in range(50):
            app.processEvents()
            if not window.runner.busy:
                break
            QTest.qWait(20)
    rows.append(["after 4 word searches", _rss_mb()])
    hits = desk.lookup.search(officer, "jalan").items[:10]
    for item in hits:
        wait_for(window.detail_shown, lambda i=item: window.on_open_complaint(i.id))
    rows.append(["after 10 detail views", _rss_mb()])

    for _ in range(30):
        window.on_new_complaint()
        window.intake.set_fields(FORM_FIELDS)
        app.processEvents()
        wait_for(
            window.receipt_shown,
            lambda: QTest.keyClick(
                window.intake.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
            ),
        )
        assert window.preview is not None
        window.preview.reject()
        app.processEvents()
    rows.append(["after 30 complaints with receipt previews", _rss_mb()])
    rows.append(["peak", peak_rss_mb()])  # this child's own (VmHWM)
    # The complaints recorded here are unsent (no CRM): closing asks; answer "close".
    from desk_app.ui.sync_worker import UnsentOnCloseDialog

    UnsentOnCloseDialog.ask = classmethod(lambda cls, parent, message: True)  # type: ignore[method-assign, assignment]
    window.close()
    desk.close()
    return rows


def measure(count: int) -> list[list[object]]:
    from desk_app.services.desk import open_desk

    with tempfile.TemporaryDirectory(prefix="bench-desk-mem-") as tmp:
        data_dir = Path(tmp) / "desk"
        desk = open_desk(data_dir)
        desk.accounts.create_first_admin(USERNAME, "Bench Petugas", PASSWORD)
        desk.close()
        _fill(desk.database, count, random.Random(count))
        code = (
            "import json, os, sys; from pathlib import Path; "
            "from benchmarks.bench_desk_memory import _session; "
            "print('ROWS', json.dumps(_session(Path(sys.argv[1]))), flush=True); os._exit(0)"
        )
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        out = subprocess.run(
            [sys.executable, "-c", code, str(data_dir)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=Path(__file__).resolve().parents[1],
        ).stdout
        line = next(x for x in out.splitlines() if x.startswith("ROWS "))
        steps: list[list[object]] = json.loads(line[5:])
    return [
        [f"{count:,}", step, mb, "yes" if float(str(mb)) < TARGET_MB else "NO"]
        for step, mb in steps
    ]


def run(big: bool = False) -> None:
    rows = measure(100_000)
    if big:
        rows += measure(1_000_000)
    print_table(
        f"Desk app resident memory (MB; target < {TARGET_MB} MB)",
        ["complaints", "after", "RSS MB", "under target"],
        rows,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--big", action="store_true", help="also 1 000 000 complaints")
    parser.add_argument("--count", type=int, help="one run with this many complaints")
    args = parser.parse_args(argv)
    if args.count is None:
        run(big=args.big)
        return 0
    print_table(
        f"Desk app resident memory (MB; target < {TARGET_MB} MB)",
        ["complaints", "after", "RSS MB", "under target"],
        measure(args.count),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
