"""A desk session that prints on a thermal printer leaves no temporary folder behind
(python-escpos alone leaves one per import), and keeps the printers' capabilities in
the desk's cache folder for the next session. Each session is a process of its own:
python-escpos is imported once per process."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import escpos

from tests.conftest import REPO

PICKLE = f"{platform.python_version()}.capabilities.pickle"  # python-escpos's name for it
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
    cached = list((home / ".cache" / "MejaAduan" / "escpos").rglob("*"))
    assert [p.name for p in cached] == [escpos.__version__, PICKLE]


def test_a_pickle_a_crash_cut_short_does_not_stop_printing(tmp_path: Path) -> None:
    """python-escpos empties its pickle before it writes it: a power cut then leaves
    an empty file, newer than the capabilities, which it would fail to load at every
    session after."""
    tmp, home = tmp_path / "tmp", tmp_path / "home"
    tmp.mkdir()
    folder = home / ".cache" / "MejaAduan" / "escpos" / escpos.__version__
    folder.mkdir(parents=True)
    (folder / PICKLE).write_bytes(b"")
    _session(PRINT_A_TEST_PAGE, tmp, home, str(tmp_path / "lp0"))
    assert (tmp_path / "lp0").stat().st_size > 1000
    assert (folder / PICKLE).stat().st_size > 1000  # written again, whole


def test_python_escpos_alone_would_leave_one(tmp_path: Path) -> None:
    """The premise of the test above: the library's own import makes a folder."""
    tmp, home = tmp_path / "tmp", tmp_path / "home"
    tmp.mkdir()
    home.mkdir()
    _session("import escpos.printer", tmp, home)
    assert len(list(tmp.iterdir())) == 1
