"""A citizen's rights in the core: a request matched by ticket code and NIK or phone,
its 3 × 24-hour deadline, the export, a correction and a removal, each audited
without the data itself."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from crm_server.core import rights
from crm_server.core.crm import Crm
from crm_server.core.workflow import Workflow
from crm_server.db.models import AuditEntry
from tests.crm_server.conftest import PERSONAL, FakeClock, complaint_item

Push = Callable[..., dict[str, Any]]


def _audit(crm: Crm) -> list[AuditEntry]:
    with crm.sessions() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_a_request_must_match_the_complaint(push: Push, crm: Crm) -> None:
    item = complaint_item()
    push(item)
    code = item["ticket_code"]
    other = complaint_item()["ticket_code"]
    for ticket, given in ((code, "3171014506780004"), (other, "3171014506780003"), (code, "")):
        with pytest.raises(rights.RightsError) as refused:
            rights.record_request(crm, "admin.crm", ticket, given, "see")
        assert refused.value.problem == "no_match"
    # The NIK, or the phone in any written form.
    for given in ("3171014506780003", "0812-3456-7890", "+62 812 3456 7890"):
        assert rights.record_request(crm, "admin.crm", code.lower(), given, "see") > 0


def test_deadline_export_correct_remove_all_audited(push: Push, crm: Crm, clock: FakeClock) -> None:
    item = complaint_item()
    push(item)
    code = item["ticket_code"]
    see = rights.record_request(crm, "admin.crm", code, "081234567890", "see")
    [row] = rights.requests(crm, open_only=True)
    assert row.due_at - row.received_at == rights.DEADLINE and not row.overdue
    clock.advance(hours=73)
    assert rights.requests(crm)[0].overdue
    document = rights.export(crm, "admin.crm", see)
    text = json.dumps(document)
    assert "Sulastri Wijayakusuma" in text and "3171014506780003" in text
    assert [c["complaint"]["ticket_code"] for c in document["complaints"]] == [code]
    assert rights.requests(crm, open_only=True) == []
    fix = rights.record_request(crm, "admin.crm", code, "3171014506780003", "correct")
    changed = rights.correct(
        crm, "admin.crm", fix, {"name": "Sulastri W.", "phone": "0813 1111 2222"}
    )
    assert changed == ["name", "phone"]
    detail = Workflow(crm).detail(code)
    assert detail is not None
    gone = rights.record_request(crm, "admin.crm", code, "3171014506780003", "remove")
    rights.remove(crm, "admin.crm", gone)
    with crm.sessions() as session:
        from crm_server.core.complaints import find_complaint

        complaint = find_complaint(session, code)
        assert complaint is not None
        assert complaint.complainant["nik"] == "" and complaint.complainant["name"] == ""
        assert complaint.category_code == "JALAN.RUSAK"  # the facts stay
    actions = [e.action for e in _audit(crm)]
    assert actions.count("rights.recorded") == 3
    assert {"rights.exported", "rights.corrected", "rights.removed"} <= set(actions)
    audit_text = json.dumps([[e.subject, e.reason, e.detail] for e in _audit(crm)])
    for secret in (*PERSONAL, "Sulastri W.", "81311112222"):
        assert secret not in audit_text
