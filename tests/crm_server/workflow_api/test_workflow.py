"""The workflow state machine, role and unit checks, time limits and digantung."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from crm_server.cli import main as cli_main
from tests.crm_server.conftest import FakeClock, auth, complaint_item

Push = Callable[..., dict[str, Any]]
Staff = dict[str, dict[str, str]]


def act(client: TestClient, staff: Staff, who: str, ticket: str, action: str, **extra: Any) -> Any:
    return client.post(
        f"/api/v1/workflow/complaints/{ticket}/actions",
        json={"action": action, **extra},
        headers=staff[who],
    )


def test_full_path_through_a_suku_dinas(
    push: Push, client: TestClient, staff: Staff, desk: dict[str, str]
) -> None:
    item = complaint_item()
    push(item)
    ticket = item["ticket_code"]
    steps = [
        ("admin.kanal", "accept", {}, "coordination", "Kelurahan Gambir"),
        ("lurah.gambir", "forward", {}, "disposition", "Dinas Bina Marga"),
        ("dinas.binamarga", "assign", {}, "in_progress", "Suku Dinas Bina Marga Jakarta Pusat"),
        (
            "sudin.binamarga.jp",
            "report",
            {"note": "Sudah ditambal."},
            "verification",
            "Biro Pemerintahan",
        ),
        (
            "verifikator",
            "return",
            {"note": "Foto belum ada."},
            "returned",
            "Suku Dinas Bina Marga Jakarta Pusat",
        ),
        (
            "sudin.binamarga.jp",
            "report",
            {"note": "Foto terlampir."},
            "verification",
            "Biro Pemerintahan",
        ),
        ("verifikator", "approve", {}, "done", "Suku Dinas Bina Marga Jakarta Pusat"),
    ]
    for who, action, extra, status, unit in steps:
        answer = act(client, staff, who, ticket, action, **extra)
        assert answer.status_code == 200, (action, answer.text)
        assert answer.json()["status"] == status
        assert answer.json()["unit"] == unit
    detail = client.get(
        f"/api/v1/workflow/complaints/{ticket}", headers=staff["verifikator"]
    ).json()
    events = detail["events"]
    assert [e["status"] for e in events] == ["received"] + [s[3] for s in steps]
    assert events[4]["actor"] == "Sudin Bina Marga Jakarta Pusat"
    assert events[4]["note"] == "Sudah ditambal."
    feed = client.get("/api/v1/sync/changes", headers=auth(desk)).json()["changes"]
    assert [c["public_label"] for c in feed][-1] == "Selesai"
    assert [c["seq"] for c in feed] == sorted(c["seq"] for c in feed)


def test_roles_and_units_are_checked(
    push: Push, client: TestClient, staff: Staff, crm: Any
) -> None:
    item = complaint_item()
    push(item)
    ticket = item["ticket_code"]
    assert act(client, staff, "lurah.gambir", ticket, "accept").json()["error"]["code"] == (
        "forbidden_role"
    )
    assert act(client, staff, "admin.kanal", ticket, "handle").status_code == 403
    act(client, staff, "admin.kanal", ticket, "accept")
    other_lurah = {
        "Authorization": "Bearer "
        + crm.create_user("lurah.cideng", "Kelurahan Cideng", "kelurahan", "31.71.01.1002")
    }
    staff["lurah.cideng"] = other_lurah
    # Another kelurahan's complaint is not found for them (its existence is not told).
    answer = act(client, staff, "lurah.cideng", ticket, "handle")
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
    answer = act(client, staff, "admin.kanal", ticket, "accept")
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "invalid_transition"
    assert (
        client.post(
            f"/api/v1/workflow/complaints/{ticket}/actions", json={"action": "accept"}
        ).status_code
        == 401
    )


def test_reject_needs_a_reason_and_merge_a_target(
    push: Push, client: TestClient, staff: Staff
) -> None:
    first, second, third = complaint_item(), complaint_item(), complaint_item()
    push(first, second, third)
    answer = act(client, staff, "admin.kanal", second["ticket_code"], "reject")
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "reason"
    answer = act(client, staff, "admin.kanal", second["ticket_code"], "merge", target_ticket="X")
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "target_ticket"
    merged = act(
        client,
        staff,
        "admin.kanal",
        second["ticket_code"],
        "merge",
        target_ticket=first["ticket_code"].lower(),
    )
    assert merged.json()["public_label"] == f"Digabung dengan {first['ticket_code']}"
    rejected = act(
        client,
        staff,
        "admin.kanal",
        third["ticket_code"],
        "reject",
        reason="Bukan kewenangan Pemprov DKI",
    )
    assert rejected.json()["public_label"] == "Ditolak — Bukan kewenangan Pemprov DKI"


def test_routing_rules_and_kota(push: Push, client: TestClient, staff: Staff, crm: Any) -> None:
    item = complaint_item(category_code="POHON.TUMBANG")
    push(item)
    ticket = item["ticket_code"]
    act(client, staff, "admin.kanal", ticket, "accept")
    answer = act(client, staff, "lurah.gambir", ticket, "forward")
    assert answer.json()["agency_code"] == "PERTAMANAN"
    staff["dinas.taman"] = {
        "Authorization": "Bearer "
        + crm.create_user("dinas.taman", "Distamhut", "dinas", "PERTAMANAN")
    }
    answer = act(client, staff, "dinas.taman", ticket, "assign")
    assert answer.json()["unit"] == "Suku Dinas Pertamanan dan Hutan Kota Jakarta Pusat"


@pytest.mark.parametrize(
    ("category", "agency"),
    [
        ("ADMINISTRASI.SURAT", "PEMKOT"),
        ("PERTANAHAN.SERTIFIKAT", "CITATA"),
        ("PERTANAHAN.PUNGUTAN", "INSPEKTORAT"),
        ("PETUGAS.TIDAK_HADIR", "INSPEKTORAT"),
        ("BANSOS.TIDAK_DITERIMA", "DINSOS"),
        ("KESEHATAN.PUSKESMAS", "DINKES"),
        ("PENDIDIKAN.KJP", "DISDIK"),
    ],
)
def test_the_kelurahan_counters_categories_are_forwarded_to_their_agency(
    push: Push, client: TestClient, staff: Staff, category: str, agency: str
) -> None:
    item = complaint_item(category_code=category)
    push(item)
    act(client, staff, "admin.kanal", item["ticket_code"], "accept")
    answer = act(client, staff, "lurah.gambir", item["ticket_code"], "forward")
    assert answer.status_code == 200, answer.text
    assert answer.json()["agency_code"] == agency


def test_lainnya_and_an_unknown_category_need_a_person_to_name_the_agency(
    push: Push, client: TestClient, staff: Staff
) -> None:
    for category in ("LAINNYA.LAIN", "BARU.SEKALI"):
        item = complaint_item(category_code=category)
        push(item)
        ticket = item["ticket_code"]
        act(client, staff, "admin.kanal", ticket, "accept")
        refused = act(client, staff, "lurah.gambir", ticket, "forward")
        assert refused.status_code == 422
        assert refused.json()["error"]["code"] == "agency_required"
        named = act(client, staff, "lurah.gambir", ticket, "forward", agency_code="DINSOS")
        assert named.status_code == 200 and named.json()["agency_code"] == "DINSOS"


def test_overdue_and_digantung(
    push: Push, client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    item = complaint_item()
    push(item)  # Wednesday 18 Nov 2026; received has 1 working day
    headers = staff["koordinator"]
    row = client.get("/api/v1/workflow/complaints", headers=headers).json()["complaints"][0]
    assert row["due_date"] == "2026-11-19" and not row["overdue"] and not row["digantung"]
    clock.advance(days=2)  # Friday
    overdue = client.get("/api/v1/workflow/complaints?overdue=true", headers=headers).json()
    assert [c["ticket_code"] for c in overdue["complaints"]] == [item["ticket_code"]]
    # 5 working days without a public update: Wed 18 → Wed 25 November.
    clock.advance(days=4)  # Tuesday 24: 4 working days
    assert (
        client.get("/api/v1/workflow/complaints?digantung=true", headers=headers).json()[
            "complaints"
        ]
        == []
    )
    clock.advance(days=1)
    hanging = client.get("/api/v1/workflow/complaints?digantung=true", headers=headers).json()
    assert [c["ticket_code"] for c in hanging["complaints"]] == [item["ticket_code"]]
    page = client.get(f"/T/{item['ticket_code']}/{item['tracking_token']}")
    assert "terlambat" in page.text and "ditandai" in page.text
    # A public step resets the clock.
    act(client, staff, "admin.kanal", item["ticket_code"], "accept")
    assert (
        client.get("/api/v1/workflow/complaints?digantung=true", headers=headers).json()[
            "complaints"
        ]
        == []
    )


def test_time_limits_skip_holidays(
    push: Push, client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    # Thursday 24 Dec 2026 08:00 WIB; 25 Dec is Christmas, then a weekend.
    clock.now = dt.datetime(2026, 12, 24, 1, 0, tzinfo=dt.UTC)
    item = complaint_item(day=dt.date(2026, 12, 24))
    push(item)
    row = client.get(
        f"/api/v1/workflow/complaints/{item['ticket_code']}", headers=staff["koordinator"]
    )
    assert row.json()["due_date"] == "2026-12-28"


def crm_detail(crm: Any, ticket: str) -> dict[str, Any]:
    from crm_server.core.workflow import Workflow

    detail = Workflow(crm).detail(ticket)
    assert detail is not None
    return detail


def test_cli_act(
    push: Push,
    crm: Any,
    staff: Staff,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("MEJA_CRM_DATABASE_URL", crm.settings.database_url)
    monkeypatch.setenv("MEJA_CRM_DATA_DIR", str(crm.settings.data_dir))
    item = complaint_item()
    push(item)
    assert cli_main(["act", item["ticket_code"], "accept", "--as", "admin.kanal"]) == 0
    assert "coordination" in capsys.readouterr().out
    assert cli_main(["act", item["ticket_code"], "approve", "--as", "verifikator"]) == 1
    assert cli_main(["act", item["ticket_code"], "handle", "--as", "nobody"]) == 2
    # The note is the public one (checked); --internal-note is for the staff only.
    leaky = ["--note", "Sudah ditelepon ke 0812-3456-7890", "--internal-note", "RW 07 dihubungi"]
    assert cli_main(["act", item["ticket_code"], "forward", "--as", "lurah.gambir", *leaky]) == 1
    assert "phone number" in capsys.readouterr().err
    good = ["--note", "Diteruskan ke dinas.", "--internal-note", "RW 07 dihubungi"]
    assert cli_main(["act", item["ticket_code"], "forward", "--as", "lurah.gambir", *good]) == 0
    detail = crm_detail(crm, item["ticket_code"])
    assert [(e["note"], e["public"]) for e in detail["events"][-2:]] == [
        ("Diteruskan ke dinas.", True),
        ("RW 07 dihubungi", False),
    ]


def test_a_staff_member_reads_only_the_complaints_of_their_unit(
    push: Push, client: TestClient, staff: Staff, crm: Any
) -> None:
    """The JSON API answers as the console does: a complaint outside the user's unit
    is 'not found', in the same words as a code that does not exist, and is not listed."""
    item = complaint_item()
    push(item)
    ticket = item["ticket_code"]
    elsewhere = {
        "Authorization": "Bearer "
        + crm.create_user("lurah.lain", "Staf Kelurahan Lain", "kelurahan", "31.71.01.1002")
    }
    url = f"/api/v1/workflow/complaints/{ticket}"
    assert client.get(url, headers=staff["lurah.gambir"]).status_code == 200
    assert client.get(url, headers=staff["koordinator"]).status_code == 200
    missing = client.get("/api/v1/workflow/complaints/PBK1-261118-9999-X", headers=elsewhere).json()
    for who in (elsewhere, staff["verifikator"]):  # a verifier sees only what reaches them
        for path in (url, url + "/sms"):
            answer = client.get(path, headers=who)
            assert answer.status_code == 404
            assert answer.json()["error"]["code"] == missing["error"]["code"]
            assert item["description"] not in answer.text
    listed = client.get("/api/v1/workflow/complaints", headers=elsewhere).json()
    assert ticket not in {row["ticket_code"] for row in listed["complaints"]}
    mine = client.get("/api/v1/workflow/complaints", headers=staff["lurah.gambir"]).json()
    assert ticket in {row["ticket_code"] for row in mine["complaints"]}
