"""The CRM stays organised by feature: no product file over 400 lines (migrations
aside). A file that grows past it is holding two things."""

from __future__ import annotations

from pathlib import Path

import crm_server

LIMIT = 400


def test_no_crm_file_over_400_lines() -> None:
    root = Path(crm_server.__file__).parent
    too_long = {
        str(path.relative_to(root)): n
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert not too_long, f"split these: {too_long}"
