"""The ``desk-app`` command: run the desk, or administer it from a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desk-app", description="Meja Aduan — desk app")
    parser.add_argument("--data-dir", help="folder for this desk's database, files and settings")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    print(f"Meja Aduan desk app (data: {args.data_dir or 'default'}) — UI not built yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
