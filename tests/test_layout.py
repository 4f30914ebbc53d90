"""The code stays in rooms: no product file over 400 lines (migrations aside), in the
shared domain, the desk or the CRM. A file that grows past it is holding two things."""

from __future__ import annotations

from pathlib import Path

import pytest

import complaint_domain
import crm_server
import desk_app

LIMIT = 400


@pytest.mark.parametrize("package", [complaint_domain, desk_app, crm_server])
def test_no_product_file_over_400_lines(package: object) -> None:
    root = Path(package.__file__).parent  # type: ignore[attr-defined]
    too_long = {
        str(path.relative_to(root)): n
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert not too_long, f"split these: {too_long}"
