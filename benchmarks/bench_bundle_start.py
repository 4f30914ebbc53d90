"""The frozen desk against the virtual environment (issue 20): its size, and its start
to the sign-in ready for typing.

Both start the same way, through the real entry point: ``desk-app --data-dir D
self-check window`` (desk_app/selfcheck.py), which runs the window as ``desk-app``
does (the sign-in on screen at once, the desk loading behind it) and prints
``MARK sign_in`` when the user-name field has the focus; the time is from spawning
the process to that line, as ``bench_desk_ui`` counts its "sign-in on screen". The
two sides alternate, after a warm-up run of each (the OS file cache), with the same
data folder and the same clean environment (offscreen, no PYTHONPATH).

``python -m benchmarks.bench_bundle_start [--bundle dist/meja-aduan] [--runs 9]``
(after ``make package``; not part of ``make bench``, which needs no bundle).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import PASSWORD, USERNAME, print_table, summary

ROOT = Path(__file__).resolve().parents[1]


def size_mb(folder: Path) -> float:
    """Megabytes of the files (a symbolic link to a library counts once, as the library)."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def to_sign_in(program: Path, data: Path, env: dict[str, str]) -> float:
    """Milliseconds from spawning ``program`` to its sign-in ready for typing."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(program), "--data-dir", str(data), "self-check", "window"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    elapsed = None
    for line in proc.stdout:
        if line.startswith("MARK sign_in"):
            elapsed = (time.perf_counter() - start) * 1000
    if proc.wait(timeout=120) != 0 or elapsed is None:
        raise RuntimeError(f"{program} did not reach the sign-in ({proc.returncode})")
    return elapsed


def report(bundle: Path, runs: int) -> None:
    venv_program = Path(sys.executable).parent / "desk-app"
    bundle_program = bundle / "desk-app"
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        from desk_app.services.desk import open_desk

        data = Path(tmp) / "desk"
        desk = open_desk(data)
        desk.accounts.create_first_admin(USERNAME, "Bench Petugas", PASSWORD)
        desk.close()
        home = Path(tmp) / "home"
        home.mkdir()
        env = {"PATH": os.defpath, "HOME": str(home), "LANG": "C.UTF-8"}
        env["QT_QPA_PLATFORM"] = "offscreen"
        samples: dict[str, list[float]] = {"venv": [], "bundle": []}
        programs = {"venv": venv_program, "bundle": bundle_program}
        for program in programs.values():  # warm the OS file cache for both
            to_sign_in(program, data, env)
        for _ in range(runs):
            for side, program in programs.items():
                samples[side].append(to_sign_in(program, data, env))
    venv50, venv95, _ = summary(samples["venv"])
    rows: list[list[object]] = [["virtual environment (.venv/bin/desk-app)", runs, venv50, venv95,
                                 min(samples["venv"]), "1.00x", "", ""]]  # fmt: skip
    b50, b95, _ = summary(samples["bundle"])
    # Each bundle run against the venv run just before it (the machine's speed drifts):
    # the median of those ratios, as bench_desk_ui pairs its runs.
    paired, _, _ = summary([b / v for b, v in zip(samples["bundle"], samples["venv"], strict=True)])
    rows.append(["bundle (dist/meja-aduan/desk-app)", runs, b50, b95, min(samples["bundle"]),
                 f"{b50 / venv50:.2f}x", f"{paired:.2f}x", f"{size_mb(bundle):.1f}"])  # fmt: skip
    print_table(
        "Desk start to the sign-in ready for typing, offscreen (ms from process start)",
        ["what", "runs", "p50 ms", "p95 ms", "min ms", "vs venv p50", "paired p50", "size MB"],
        rows,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "meja-aduan")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    if not (args.bundle / "desk-app").is_file():
        parser.error(f"no bundle at {args.bundle}: run make package first")
    report(args.bundle.resolve(), args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
