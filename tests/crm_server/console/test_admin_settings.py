"""Routing rules, time limits and days off in the console, and what the core makes
of them: the forward's suggested Dinas, a new complaint's due date, the next
state's due date and the reference data the desks promise from. Every change in
the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from crm_server.core.auth import user_by_name
from crm_server.core.crm import Crm
from crm_server.core.schemas import ActionRequest
from crm_server.core.workflow import Workflow
from crm_server.db.models import AuditEntry, Complaint, Holiday, TimeLimit
from tests.crm_server.conftest import complaint_item
from tests.crm_server.console.conftest import Console

# The fixtures' clock: Wednesday 18 November 2026, 09:00 WIB.
WEDNESDAY = dt.date(2026, 11, 18)
THURSDAY, FRIDAY, MONDAY = (WEDNESDAY + dt.timedelta(days=d) for d in (1, 2, 5))


def audit(crm: Crm, action: str) -> list[AuditEntry]:
    with crm.sessions() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
            )
        )


def due_of(crm: Crm, ticket: str) -> dt.date | None:
    with crm.sessions() as session:
        return session.scalar(select(Complaint.due_date).where(Complaint.ticket_code == ticket))


def new_complaint(push: Callable[..., dict[str, Any]]) -> str:
    item = complaint_item()
    push(item)
    return str(item["ticket_code"])


def test_a_routing_rule_changes_the_forwards_suggestion(
    signed_in: Callable[[str], Console], crm: Crm
) -> None:
    workflow = Workflow(crm)
    with crm.sessions() as session:
        assert workflow.agency_for(session, "JALAN.RUSAK") == "BINAMARGA"
    admin = signed_in("admin.crm")
    page = admin.get("/console/admin/routing").text  # type: ignore[attr-defined]
    assert 'name="route:JALAN.RUSAK"' in page and 'name="route:LAINNYA.LAIN"' in page
    answer = admin.post(
        "/console/admin/routing",
        {"route:JALAN.RUSAK": "SDA", "route:JALAN.PJU": "BINAMARGA", "route:POHON.TAMAN": ""},
    )
    assert answer.headers["location"] == "/console/admin/routing?done=saved"  # type: ignore[attr-defined]
    with crm.sessions() as session:
        assert workflow.agency_for(session, "JALAN.RUSAK") == "SDA"
        assert workflow.agency_for(session, "JALAN.PJU") == "BINAMARGA"
        assert workflow.agency_for(session, "POHON.TAMAN") == ""  # the channel admin's triage
    entries = [(e.actor, e.subject, e.detail) for e in audit(crm, "routing_rule_changed")]
    assert entries == [
        ("admin.crm", "category:JALAN.RUSAK", {"before": "BINAMARGA", "after": "SDA"}),
        ("admin.crm", "category:POHON.TAMAN", {"before": "PERTAMANAN", "after": ""}),
    ]
    page = admin.get("/console/admin/routing?done=saved").text  # type: ignore[attr-defined]
    assert "Perubahan disimpan." in page and "diubah" in page
    reference, _ = crm.reference()
    by_code = {c["code"]: c["agency"] for c in reference["categories"]}
    assert by_code["JALAN.RUSAK"] == "SDA"


def test_an_unknown_agency_is_refused_and_nothing_is_saved(
    signed_in: Callable[[str], Console], crm: Crm
) -> None:
    admin = signed_in("admin.crm")
    answer = admin.post(
        "/console/admin/routing", {"route:JALAN.RUSAK": "SDA", "route:JALAN.PJU": "NASA"}
    )
    assert answer.status_code == 422  # type: ignore[attr-defined]
    assert "Dinas yang tidak dikenal" in answer.text  # type: ignore[attr-defined]
    unknown = admin.post("/console/admin/routing", {"route:TIDAK.ADA": "SDA"})
    assert unknown.status_code == 422  # type: ignore[attr-defined]
    assert audit(crm, "routing_rule_changed") == []
    unchanged = admin.post("/console/admin/routing", {"route:JALAN.RUSAK": "BINAMARGA"})
    assert unchanged.headers["location"].endswith("?done=nothing")  # type: ignore[attr-defined]


def test_a_cuti_bersama_day_moves_a_new_complaints_due_date(
    signed_in: Callable[[str], Console], crm: Crm, push: Callable[..., dict[str, Any]]
) -> None:
    assert due_of(crm, new_complaint(push)) == THURSDAY
    admin = signed_in("admin.crm")
    answer = admin.post(
        "/console/admin/holidays", {"day": THURSDAY.isoformat(), "name": "Cuti bersama uji"}
    )
    assert answer.headers["location"] == "/console/admin/holidays?done=added"  # type: ignore[attr-defined]
    assert due_of(crm, new_complaint(push)) == FRIDAY
    page = admin.get("/console/admin/holidays").text  # type: ignore[attr-defined]
    assert "Cuti bersama uji" in page and "19-11-2026" in page
    reference, _ = crm.reference()
    assert THURSDAY.isoformat() in reference["cuti_bersama"]
    [entry] = audit(crm, "holiday_added")
    assert (entry.actor, entry.subject, entry.detail) == (
        "admin.crm",
        "day:2026-11-19",
        {"name": "Cuti bersama uji"},
    )
    removed = admin.post(f"/console/admin/holidays/{THURSDAY.isoformat()}/delete")
    assert removed.headers["location"] == "/console/admin/holidays?done=removed"  # type: ignore[attr-defined]
    assert due_of(crm, new_complaint(push)) == THURSDAY
    assert [e.subject for e in audit(crm, "holiday_removed")] == ["day:2026-11-19"]
    again = admin.post(f"/console/admin/holidays/{THURSDAY.isoformat()}/delete")
    assert again.status_code == 404  # type: ignore[attr-defined]


def test_a_wrong_day_off_is_refused_with_the_values_kept(
    signed_in: Callable[[str], Console], crm: Crm
) -> None:
    admin = signed_in("admin.crm")
    bad_day = admin.post("/console/admin/holidays", {"day": "19-11-2026", "name": "Cuti X"})
    assert bad_day.status_code == 422  # type: ignore[attr-defined]
    assert "Isi tanggal yang benar" in bad_day.text and 'value="Cuti X"' in bad_day.text  # type: ignore[attr-defined]
    no_name = admin.post("/console/admin/holidays", {"day": "2026-11-19", "name": "  "})
    assert no_name.status_code == 422  # type: ignore[attr-defined]
    assert "Isi nama hari libur" in no_name.text and 'value="2026-11-19"' in no_name.text  # type: ignore[attr-defined]
    with crm.sessions() as session:
        assert session.scalars(select(Holiday)).all() == []
    assert audit(crm, "holiday_added") == []


def test_a_changed_time_limit_changes_the_next_due_date(
    signed_in: Callable[[str], Console], crm: Crm, push: Callable[..., dict[str, Any]]
) -> None:
    admin = signed_in("admin.crm")
    page = admin.get("/console/admin/time-limits").text  # type: ignore[attr-defined]
    assert 'name="days:received" value="1"' in page
    answer = admin.post(
        "/console/admin/time-limits",
        {f"days:{s}": str(d) for s, d in {**crm.settings.time_limits, "received": 3}.items()}
        | {"days:coordination": "4"},
    )
    assert answer.headers["location"] == "/console/admin/time-limits?done=saved"  # type: ignore[attr-defined]
    ticket = new_complaint(push)
    assert due_of(crm, ticket) == MONDAY  # 3 working days after Wednesday
    # The next state's due date is counted inside the workflow's transaction, and the
    # limits are read there when nothing is cached (on SQLite, without waiting for
    # the transaction's own lock).
    crm.forget_calendar()
    channel_admin = user_by_name(crm, "admin.kanal")
    assert channel_admin is not None
    Workflow(crm).act(channel_admin, ticket, ActionRequest(action="accept"))
    assert due_of(crm, ticket) == WEDNESDAY + dt.timedelta(days=6)  # 4 working days: Tuesday
    entries = [(e.subject, e.detail) for e in audit(crm, "time_limit_changed")]
    assert entries == [
        ("status:received", {"before": 1, "after": 3, "default": 1}),
        ("status:coordination", {"before": 2, "after": 4, "default": 2}),
    ]
    assert crm.reference()[0]["time_limits"]["received"] == 3
    back = {f"days:{s}": str(d) for s, d in crm.settings.time_limits.items()}
    admin.post("/console/admin/time-limits", back)
    with crm.sessions() as session:
        assert session.scalars(select(TimeLimit)).all() == []  # the defaults again
    assert due_of(crm, new_complaint(push)) == THURSDAY


def test_a_wrong_time_limit_is_refused_with_the_values_kept(
    signed_in: Callable[[str], Console], crm: Crm
) -> None:
    admin = signed_in("admin.crm")
    data = {f"days:{s}": str(d) for s, d in crm.settings.time_limits.items()}
    for wrong in ("0", "dua", "400", ""):
        answer = admin.post(
            "/console/admin/time-limits", {**data, "days:received": "7", "days:verification": wrong}
        )
        assert answer.status_code == 422, wrong  # type: ignore[attr-defined]
        assert "1 sampai 365 hari kerja" in answer.text  # type: ignore[attr-defined]
        assert 'name="days:received" value="7"' in answer.text  # type: ignore[attr-defined]
        assert 'aria-invalid="true"' in answer.text  # type: ignore[attr-defined]
    assert audit(crm, "time_limit_changed") == []
    assert crm.time_limits()["received"] == 1
