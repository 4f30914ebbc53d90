"""The ``crm-server`` command."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    print("crm-server: not built yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
