"""Run every benchmark and print its table: ``python -m benchmarks [--big] [name ...]``.

Each module in BENCHMARKS has ``run(big: bool) -> None``. Benchmarks measure; they
never fail because the machine is slow. ``--big`` adds the 1 000 000-row runs.
"""

from __future__ import annotations

import argparse
import importlib
import sys

BENCHMARKS = [
    "benchmarks.bench_store",
    "benchmarks.bench_receipts",
    "benchmarks.bench_crm",
    "benchmarks.bench_console",
    "benchmarks.bench_desk_ui",
    "benchmarks.bench_sync",
    "benchmarks.bench_desk_memory",
    "benchmarks.bench_supervision",
    "benchmarks.bench_sms",
    "benchmarks.bench_queue",
]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--big", action="store_true", help="include the 1 000 000-row runs")
    parser.add_argument("names", nargs="*", help="only these (e.g. bench_store)")
    args = parser.parse_args()
    from benchmarks.common import reset_peak_rss

    for name in BENCHMARKS:
        if args.names and name.rsplit(".", 1)[-1] not in args.names:
            continue
        module = importlib.import_module(name)
        reset_peak_rss()  # the peak a benchmark reports of this process is its own
        module.run(big=args.big)
    return 0


if __name__ == "__main__":
    sys.exit(main())
