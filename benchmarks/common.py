"""Helpers every benchmark uses: timing, percentiles, peak memory, table printing."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence


def percentile(samples: Sequence[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def time_each(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock milliseconds of each call."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(samples: Sequence[float]) -> tuple[float, float, float]:
    return percentile(samples, 50), percentile(samples, 95), statistics.fmean(samples)


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB: on Linux its own high-water mark
    (``VmHWM``, since the last :func:`reset_peak_rss`). Not ``ru_maxrss``: on Linux
    that carries the parent's peak into a child across fork and exec, so a small child
    of a large harness reports the harness's size (a 416 MB "desk peak" in make bench)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # not Linux: no /proc
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def reset_peak_rss() -> None:
    """Start this process's high-water mark again from its present size (Linux), so
    that a benchmark run after others in one process reports its own peak."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")  # 5: reset the peak resident set size
    except OSError:
        pass


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(h) for h in headers]] + [
        [f"{c:.2f}" if isinstance(c, float) else str(c) for c in row] for row in rows
    ]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(cells[0], widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


# The desk benchmarks' officer and the complaint they record again and again.
USERNAME, PASSWORD = "bench", "bench-password-1"
FORM_FIELDS = {
    "name": "Siti Nurhaliza",
    "phone": "0812 3456 7890",
    "consent": True,
    "kelurahan_code": "31.71.03.1005",
    "category_code": "JALAN.RUSAK",
    "description": "Jalan berlubang besar di depan pasar, sudah dua bulan.",
}
