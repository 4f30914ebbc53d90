"""A desk session that prints on a thermal printer leaves no temporary folder behind
(python-escpos alone leaves one per import), and keeps the printers' capabilities in
the desk's cache folder for the next session. Each session is a process of its own:
python-escpos is imported once per process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PRINT_A_TEST_PAGE = """
import sys
from desk_app.printing import ROLL_58, PrinterKind, PrinterSettings, create_printer
settings = PrinterSettings(PrinterKind.ESCPOS_FILE, sys.argv[1], paper=ROLL_58.key)
create_printer(settings).print_test_page()
"""


def _session(code: str, tmp: Path, home: Path, *args: str) -> None:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "TMPDIR": str(tmp),  # where tempfile makes its folders
        "XDG_CACHE_HOME": str(home / ".cache"),  # platformdirs' cache folder on Linux
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO),
    }
    subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, timeout=120)


def test_thermal_prints_leave_no_temporary_folder(tmp_path: Path) -> None:
    tmp, home = tmp_path / "tmp", tmp_path / "home"
    tmp.mkdir()
    home.mkdir()
    for session in range(2):
        device = tmp_path / f"lp{session}"
        _session(PRINT_A_TEST_PAGE, tmp, home, str(device))
        assert device.stat().st_size > 1000  # the page was printed
    assert list(tmp.iterdir()) == []
    cached = list((home / ".cache" / "MejaAduan" / "escpos").iterdir())
    assert [p.suffix for p in cached] == [".pickle"]


def test_python_escpos_alone_would_leave_one(tmp_path: Path) -> None:
    """The premise of the test above: the library's own import makes a folder."""
    tmp, home = tmp_path / "tmp", tmp_path / "home"
    tmp.mkdir()
    home.mkdir()
    _session("import escpos.printer", tmp, home)
    assert len(list(tmp.iterdir())) == 1
