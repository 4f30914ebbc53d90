"""Run every benchmark and print its table: ``python -m benchmarks [--big]``."""

from __future__ import annotations

import sys


def main() -> int:
    print("no benchmarks yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
