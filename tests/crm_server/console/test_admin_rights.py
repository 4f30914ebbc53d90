"""Administrasi › Hak warga: a request recorded with its 3 × 24-hour deadline, the
export as a file, a correction and a removal, for admins only, all audited."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from crm_server.core.crm import Crm
from crm_server.core.rights import requests
from tests.crm_server.conftest import FakeClock, complaint_item
from tests.crm_server.console.conftest import Console

Push = Callable[..., dict[str, Any]]


def test_rights_pages(
    push: Push, crm: Crm, clock: FakeClock, signed_in: Callable[[str], Console]
) -> None:
    item = complaint_item()
    push(item)
    code = item["ticket_code"]
    other = signed_in("koordinator")
    assert other.get("/console/admin/rights").status_code == 403  # type: ignore[attr-defined]
    admin = signed_in("admin.crm")
    wrong = admin.post(
        "/console/admin/rights",
        {"ticket_code": code, "identifier": "3171014506780004", "kind": "see"},
    )
    assert wrong.status_code == 422  # type: ignore[attr-defined]
    assert "3171014506780004" not in wrong.text  # type: ignore[attr-defined]
    made = admin.post(
        "/console/admin/rights",
        {"ticket_code": code, "identifier": "0812 3456 7890", "kind": "see"},
    )
    assert made.status_code == 303  # type: ignore[attr-defined]
    page = admin.get("/console/admin/rights").text  # type: ignore[attr-defined]
    assert code in page and "20-11-2026 09:00 WIB" not in page
    [row] = requests(crm)
    assert "21-11-2026" in page  # received 18 Nov 09:00 WIB, answer by 21 Nov
    clock.advance(hours=80)
    admin = signed_in("admin.crm")  # the session of 80 hours ago has expired
    assert "terlambat" in admin.get("/console/admin/rights").text  # type: ignore[attr-defined]
    file = admin.post(f"/console/admin/rights/{row.id}/export")
    assert file.status_code == 200  # type: ignore[attr-defined]
    assert "attachment" in file.headers["content-disposition"]  # type: ignore[attr-defined]
    document = json.loads(file.content)  # type: ignore[attr-defined]
    assert document["complaints"][0]["your_data"]["nik"] == "3171014506780003"
    assert "terlambat" not in admin.get("/console/admin/rights").text  # type: ignore[attr-defined]
    fixed = admin.post(f"/console/admin/rights/{row.id}/correct", {"name": "Sulastri W."})
    assert fixed.status_code == 303  # type: ignore[attr-defined]
    gone = admin.post(f"/console/admin/rights/{row.id}/remove")
    assert gone.status_code == 303  # type: ignore[attr-defined]
    audit = admin.get("/console/admin/audit").text  # type: ignore[attr-defined]
    assert "rights.removed" in audit and "rights.corrected" in audit
    english = admin.get("/console/admin/rights", headers={"Accept-Language": "en"})
    assert english.status_code == 200  # type: ignore[attr-defined]
