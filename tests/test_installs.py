"""Installs that carry only their own side (issue 13, item 4): a wheel built from the
repository, installed into two fresh virtual environments outside the checkout, one
with only the CRM's side and one with only the desk's, each side's commands run from
outside the checkout. The work is ``scripts/install-check.sh`` (also ``make
install-check``); this test runs it so that ``make test`` shows it (~15 s with uv's
cache warm, as it is after ``scripts/bootstrap.sh``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "install-check.sh"


@pytest.mark.slow
def test_the_desk_and_the_crm_each_install_and_run_with_only_their_own_side() -> None:
    if not (ROOT / ".venv" / "bin" / "uv").exists():
        pytest.skip("needs .venv/bin/uv (scripts/bootstrap.sh)")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout (the wheel is built from its files)")
    done = subprocess.run([str(SCRIPT)], capture_output=True, text=True, timeout=240, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "install check: passed" in done.stdout, output
