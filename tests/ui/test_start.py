"""Start-up: the window's entry point shows a splash before the store loads, then the
desk window with its sign-in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desk_app.services.desk import open_desk

_RUN = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
seen = {"splash": False}
def watch():
    tops = [w for w in app.topLevelWidgets() if w.isVisible()]
    if any(w.accessibleName() == "Meja Aduan" and type(w).__name__ == "QLabel" for w in tops):
        seen["splash"] = True
    windows = [w for w in tops if type(w).__name__ == "MainWindow"]
    if not windows:
        return
    timer.stop()
    print("SPLASH", seen["splash"], "VISIBLE", sorted(type(w).__name__ for w in tops), flush=True)
    print("PAGE", type(windows[0].stack.currentWidget()).__name__, flush=True)
    windows[0].close()  # as the officer does: sync stops, the last window closing quits
timer = QTimer()
timer.timeout.connect(watch)
timer.start(5)  # also fires in the processEvents that paints the splash
from desk_app.ui.app import run_app
sys.exit(run_app(Path(sys.argv[1])))
"""


def _run(code: str, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_window_entry_imports_no_store_http_or_printing_before_the_splash():
    out = _run(
        "import sys, desk_app.cli, desk_app.ui.app; "
        "print(sorted({m.split('.')[0] for m in sys.modules} "
        "& {'sqlalchemy', 'requests', 'reportlab', 'rapidfuzz', 'alembic'}))"
    )
    assert out.strip() == "[]"


def test_run_app_shows_the_splash_then_the_window_on_its_sign_in(data_dir: Path):
    desk = open_desk(data_dir)  # with an account, so no first-admin dialog
    desk.accounts.create_first_admin("admin", "Admin", "rahasia-sekali")
    desk.close()
    out = _run(_RUN, str(data_dir))
    assert "SPLASH True" in out
    assert "VISIBLE ['MainWindow']" in out  # the splash is gone
    assert "PAGE SignInPage" in out
