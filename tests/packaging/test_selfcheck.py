"""``desk-app self-check``, run as the bundle runs it (a child process, the real
composition root and window), here from the virtual environment; ``make package`` runs
the same commands from the frozen bundle (packaging/smoke.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from desk_app.services.desk import open_desk
from tests.packaging.recipe_files import load
from tests.sync.crm import CrmProcess

PASSWORD = "rahasia-sekali-1"


def load_smoke() -> ModuleType:
    return load("smoke")


def desk_app(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desk_app.cli", "--data-dir", str(data), *args],
        input=stdin, capture_output=True, text=True, timeout=180, check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip


def report(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture
def desk_dir(tmp_path: Path) -> Path:
    data = tmp_path / "desk"
    desk = open_desk(data)
    desk.accounts.create_first_admin("admin", "Admin Uji", PASSWORD)
    desk.close()
    return data


@pytest.fixture
def announcing(tmp_path: Path) -> Iterator[CrmProcess]:
    server = CrmProcess(tmp_path / "crm")
    server.env |= {"MEJA_CRM_DESK_RELEASE": "99.0.0", "MEJA_CRM_PUBLIC_HOST": "lacak.uji.test"}
    server.start()
    yield server
    server.close()


def test_receipt_records_a_complaint_and_its_pdf_scans_back(desk_dir: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "receipt.pdf"
    done = desk_app(desk_dir, "self-check", "receipt", "--username", "admin", "--pdf", str(pdf),
                    stdin=PASSWORD + "\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    got = report(done)
    assert got["ok"] and got["qtpdf_pages"] == 1 and not got["frozen"]
    assert got["translations"] == {"meja_aduan_en": True, "qtbase_en": True, "qtbase_id": True}
    assert all(got["trimmed"].values()) and got["trimmed"]["pillow"] == "JPEG PNG WEBP TIFF"
    assert got["trimmed"]["qt_collation"] == "abdul Ádi budi Zaenal"
    assert got["trimmed"]["file_seal"] == "AES-GCM"
    assert got["trimmed"]["pdf_thumbnail"] == "QtPdf"
    assert load_smoke().decode_qr(pdf) == got["tracking_url"]
    assert got["tracking_url"].endswith(f"/T/{got['ticket_code']}/" + got["tracking_url"][-6:])
    desk = open_desk(desk_dir)  # recorded for real: waiting for the CRM
    try:
        assert desk.lookup.pending_summary()[0] == 1
    finally:
        desk.close()


def test_receipt_refuses_a_wrong_password(desk_dir: Path, tmp_path: Path) -> None:
    done = desk_app(desk_dir, "self-check", "receipt", "--username", "admin", "--pdf",
                    str(tmp_path / "r.pdf"), stdin="salah-sekali-1\n")  # fmt: skip
    assert done.returncode == 2 and not (tmp_path / "r.pdf").exists()


def test_window_starts_signs_in_and_quits(desk_dir: Path) -> None:
    done = desk_app(desk_dir, "self-check", "window", "--username", "admin", stdin=PASSWORD + "\n")
    marks = [line for line in done.stdout.splitlines() if line.startswith(("MARK", "FAILED"))]
    assert marks == ["MARK sign_in", "MARK home"] and done.returncode == 0, done.stderr
    wrong = desk_app(desk_dir, "self-check", "window", "--username", "admin", stdin="salah-1\n")
    assert "FAILED sign_in refused" in wrong.stdout and wrong.returncode == 1


def test_sync_sends_and_hears_of_a_newer_release(
    desk_dir: Path, tmp_path: Path, announcing: CrmProcess
) -> None:
    unenrolled = desk_app(desk_dir, "self-check", "sync")
    assert unenrolled.returncode == 1 and not report(unenrolled)["ok"]
    code = announcing.enrolment_code("UJA1")
    assert desk_app(desk_dir, "enrol", "--crm", announcing.url, "--code", code).returncode == 0
    pdf = tmp_path / "receipt.pdf"
    receipt = report(desk_app(desk_dir, "self-check", "receipt", "--username", "admin",
                              "--pdf", str(pdf), stdin=PASSWORD + "\n"))  # fmt: skip
    assert receipt["tracking_url"].startswith("HTTPS://LACAK.UJI.TEST/T/")
    done = desk_app(desk_dir, "self-check", "sync")
    got = report(done)
    assert done.returncode == 0 and got["ok"] and got["pending"] == 0
    assert got["newer_release"] == "99.0.0" and got["installed"] == receipt["version"]
    (row,) = announcing.crm.desk_statuses()
    assert row.app_version == receipt["version"]
