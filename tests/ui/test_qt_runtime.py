"""The Qt binding itself must survive a desk's day of signals.

PySide6 6.12.0 loses a reference to ``True`` on every zero-argument signal that
reaches a Python slot and aborts the interpreter after a few thousand; pyproject
excludes it. This test keeps that exclusion honest (run in a child process, since
the failure is an abort, not an exception).
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    fired = Signal()

app = QCoreApplication([])
emitter = Emitter()
hits = []
emitter.fired.connect(lambda: hits.append(1))
before = sys.getrefcount(True)
for _ in range(20_000):
    emitter.fired.emit()
print(len(hits), sys.getrefcount(True) - before)
"""


def test_twenty_thousand_signals_do_not_corrupt_the_interpreter():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    hits, leaked = done.stdout.split()
    assert hits == "20000"
    assert abs(int(leaked)) < 100
