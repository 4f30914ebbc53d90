"""The tracking page in headless Chromium at 360×640 (an old phone): screenshots a
person looks at, and an axe-core accessibility check with no serious violations.

Chromium comes from Debian (scripts/system-deps.sh); axe-core from npm into
.cache/node (scripts/system-deps.sh, or this test installs it when npm exists).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2
import pytest

from tests.conftest import REPO
from tests.crm_server.conftest import FakeClock, complaint_item

Push = Callable[..., dict[str, Any]]
AXE = REPO / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--window-size=360,640",
]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("chromium is not installed (scripts/system-deps.sh installs it as root)")
    return path


def axe_script() -> Path:
    if not AXE.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(AXE.parents[2]), "axe-core@4"],
            check=False,
            capture_output=True,
            timeout=300,
        )
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm install --prefix .cache/node axe-core)")
    return AXE


def run_chromium(args: list[str], tmp_path: Path) -> str:
    profile = tmp_path / "chromium-profile"
    result = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture
def pages(
    sqlite_only: None,
    push: Push,
    live_server: str,
    staff: dict[str, dict[str, str]],
    clock: FakeClock,
) -> dict[str, str]:
    """URLs of the page in three states, and of the not-found page."""
    waiting, late, done = complaint_item(), complaint_item(), complaint_item()
    push(waiting, late, done)
    with httpx2.Client(base_url=live_server) as http:
        for who, action, note in (
            ("admin.kanal", "accept", ""),
            ("lurah.gambir", "handle", ""),
            ("lurah.gambir", "report", "Saluran sudah dibersihkan."),
            ("verifikator", "approve", ""),
        ):
            http.post(
                f"/api/v1/workflow/complaints/{done['ticket_code']}/actions",
                json={"action": action, "note": note},
                headers=staff[who],
            ).raise_for_status()
        http.post(
            f"/api/v1/workflow/complaints/{waiting['ticket_code']}/actions",
            json={"action": "accept"},
            headers=staff["admin.kanal"],
        ).raise_for_status()
    clock.advance(days=9)  # "late" hears nothing for 7 working days
    return {
        name: f"{live_server}/T/{item['ticket_code']}/{item['tracking_token']}"
        for name, item in (("proses", waiting), ("digantung", late), ("selesai", done))
    } | {"tidak-ditemukan": f"{live_server}/T/PBK1-000000-0000-0/AAAAAA"}


def test_screenshots_at_360x640(pages: dict[str, str], tmp_path: Path, artifacts_dir: Path) -> None:
    out = artifacts_dir / "crm"
    out.mkdir(exist_ok=True)
    for name, url in pages.items():
        target = out / f"tracking-{name}-360x640.png"
        target.unlink(missing_ok=True)
        run_chromium([f"--screenshot={target}", url], tmp_path)
        assert target.exists() and target.stat().st_size > 5000


def test_axe_finds_no_serious_violations(
    pages: dict[str, str], tmp_path: Path, artifacts_dir: Path
) -> None:
    axe = axe_script().read_text(encoding="utf-8")
    runner = (
        "<script>" + axe + "</script><script>"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        " var pre = document.createElement('pre'); pre.id = 'axe-results';"
        " pre.textContent = JSON.stringify(r.violations.map(function (v) {"
        "  return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}; }));"
        " document.body.appendChild(pre); });"
        "</script>"
    )
    report = {}
    for name, url in pages.items():
        page = httpx2.get(url).text
        assert "<script" not in page  # the real page has none; axe is added to a copy
        copy = tmp_path / f"{name}.html"
        copy.write_text(page.replace("</body>", runner + "</body>"), encoding="utf-8")
        dom = run_chromium(["--virtual-time-budget=15000", "--dump-dom", copy.as_uri()], tmp_path)
        found = re.search(r'<pre id="axe-results">(.*?)</pre>', dom, re.S)
        assert found, f"axe did not report for {name}"
        violations = json.loads(html.unescape(found.group(1)))
        report[name] = violations
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{name}: {serious}"
    (artifacts_dir / "crm").mkdir(exist_ok=True)
    (artifacts_dir / "crm" / "axe-report.json").write_text(json.dumps(report, indent=2))
