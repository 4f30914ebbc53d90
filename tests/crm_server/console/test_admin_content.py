"""Response templates, desk enrolment codes and the audit log in the console: each
change audited (never the enrolment code itself), wrong input refused with its
reason and the values kept."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from crm_server.core.crm import Crm
from crm_server.core.response_templates import all_templates, for_step
from crm_server.db.models import AuditEntry
from tests.crm_server.console.conftest import Console

_CODE = re.compile(r'<p class="enrolment-code"><code>([0-9A-Z-]+)</code></p>')


def audit(crm: Crm, action: str) -> list[AuditEntry]:
    with crm.sessions() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
            )
        )


def test_an_admin_adds_changes_and_deletes_a_response_template(
    signed_in: Callable[[str], Console], crm: Crm
) -> None:
    admin = signed_in("admin.crm")
    answer = admin.post(
        "/console/admin/templates",
        {
            "title": "Jalan sudah ditambal",
            "action": "report",
            "category": "JALAN.RUSAK",
            "body": "Lubang sudah ditambal; foto sesudah perbaikan terlampir.",
        },
    )
    assert answer.headers["location"] == "/console/admin/templates?done=saved"  # type: ignore[attr-defined]
    [text] = all_templates(crm)
    assert (text.action, text.category_code) == ("report", "JALAN.RUSAK")
    assert [t.id for t in for_step(crm, "report", "JALAN.RUSAK")] == [text.id]
    listing = admin.get("/console/admin/templates").text  # type: ignore[attr-defined]
    assert "Jalan sudah ditambal" in listing and "Laporkan tindak lanjut" in listing
    edit = admin.get(f"/console/admin/templates/{text.id}").text  # type: ignore[attr-defined]
    assert '<option value="report" selected>' in edit
    changed = admin.post(
        f"/console/admin/templates/{text.id}",
        {"title": "Jalan ditambal", "action": "", "category": "", "body": "Sudah ditambal."},
    )
    assert changed.status_code == 303  # type: ignore[attr-defined]
    [text] = all_templates(crm)
    assert (text.title, text.action, text.category_code) == ("Jalan ditambal", "", "")
    deleted = admin.post(f"/console/admin/templates/{text.id}/delete")
    assert deleted.headers["location"] == "/console/admin/templates?done=deleted"  # type: ignore[attr-defined]
    assert all_templates(crm) == []
    saved = [(e.actor, e.subject) for e in audit(crm, "template_saved")]
    assert saved == [("admin.crm", f"template:{text.id}")] * 2
    assert [e.subject for e in audit(crm, "template_deleted")] == [f"template:{text.id}"]
    assert admin.get(f"/console/admin/templates/{text.id}").status_code == 404  # type: ignore[attr-defined]
    assert admin.post(f"/console/admin/templates/{text.id}/delete").status_code == 404  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": " "}, "Isi judul"),
        ({"body": "  "}, "Isi teks templat"),
        ({"action": "bakar"}, "Pilih tindakan dari daftar."),
        ({"category": "TIDAK.ADA"}, "Pilih kategori dari daftar."),
    ],
)
def test_a_wrong_template_is_refused_with_the_values_kept(
    signed_in: Callable[[str], Console], crm: Crm, overrides: dict[str, str], message: str
) -> None:
    admin = signed_in("admin.crm")
    data = {
        "title": "Catatan pengembalian",
        "action": "return",
        "category": "",
        "body": "Foto belum menunjukkan hasil.",
        **overrides,
    }
    answer = admin.post("/console/admin/templates", data)
    assert answer.status_code == 422  # type: ignore[attr-defined]
    assert message in answer.text  # type: ignore[attr-defined]
    if data["title"].strip():
        assert f'value="{data["title"]}"' in answer.text  # type: ignore[attr-defined]
    if data["body"].strip():
        assert data["body"] in answer.text  # type: ignore[attr-defined]
    assert all_templates(crm) == []
    assert audit(crm, "template_saved") == []


def test_an_enrolment_code_is_shown_once_and_enrols_the_desk(
    signed_in: Callable[[str], Console], crm: Crm, client: TestClient
) -> None:
    admin = signed_in("admin.crm")
    answer = admin.post("/console/admin/desks", {"desk_code": "kbn1", "site": "Kelurahan Gambir"})
    assert answer.status_code == 200  # type: ignore[attr-defined]
    match = _CODE.search(answer.text)  # type: ignore[attr-defined]
    assert match, answer.text  # type: ignore[attr-defined]
    code = match.group(1)
    assert "tidak akan ditampilkan lagi" in answer.text and "WIB" in answer.text  # type: ignore[attr-defined]
    assert "Menunggu pendaftaran" in answer.text  # type: ignore[attr-defined]
    page = admin.get("/console/admin/desks").text  # type: ignore[attr-defined]
    assert code not in page and "KBN1" in page
    [entry] = audit(crm, "enrolment_code_created")
    assert (entry.actor, entry.subject) == ("admin.crm", "desk:KBN1")
    assert code not in json.dumps(entry.detail) + entry.reason
    enrolled = client.post("/api/v1/enrol", json={"enrolment_code": code})
    assert enrolled.status_code == 200, enrolled.text
    assert "Terdaftar" in admin.get("/console/admin/desks").text  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"desk_code": "PBKLO1X", "site": "Pendopo"}, "Kode meja 1–6 huruf"),
        ({"desk_code": "WEB", "site": "Pendopo"}, "dipakai CRM sendiri"),
        ({"desk_code": "PBK2", "site": "  "}, "Isi nama lokasi meja"),
    ],
)
def test_a_wrong_desk_is_refused_with_the_values_kept(
    signed_in: Callable[[str], Console], crm: Crm, data: dict[str, str], message: str
) -> None:
    admin = signed_in("admin.crm")
    answer = admin.post("/console/admin/desks", data)
    assert answer.status_code == 422  # type: ignore[attr-defined]
    assert message in answer.text  # type: ignore[attr-defined]
    assert f'value="{data["desk_code"]}"' in answer.text  # type: ignore[attr-defined]
    assert 'class="enrolment-code"' not in answer.text  # type: ignore[attr-defined]
    assert audit(crm, "enrolment_code_created") == []


def test_the_audit_log_shows_the_newest_first_and_filters_by_action(
    signed_in: Callable[[str], Console],
) -> None:
    admin = signed_in("admin.crm")
    admin.post("/console/admin/holidays", {"day": "2026-12-24", "name": "Cuti bersama Natal"})
    admin.post("/console/admin/routing", {"route:JALAN.RUSAK": "SDA"})
    page = admin.get("/console/admin/audit").text  # type: ignore[attr-defined]
    rows = page[page.index("<tbody>") :]
    assert rows.index("Aturan rute diubah") < rows.index("Hari libur ditambahkan")
    assert rows.index("Hari libur ditambahkan") < rows.index("Masuk ke konsol")
    assert "category:JALAN.RUSAK" in page and "day:2026-12-24" in page
    assert "18-11-2026 09:00 WIB" in page
    filtered = admin.get("/console/admin/audit?action=holiday_added").text  # type: ignore[attr-defined]
    assert "day:2026-12-24" in filtered and "category:JALAN.RUSAK" not in filtered
    assert '<option value="holiday_added" selected>' in filtered
    nonsense = admin.get("/console/admin/audit?action=tidak_ada").text  # type: ignore[attr-defined]
    assert "category:JALAN.RUSAK" in nonsense  # an unknown action filters nothing


def test_the_demo_seed_brings_response_templates_once(crm: Crm) -> None:
    from crm_server.seed import seed_demo, seed_templates

    seed_demo(crm, password="demo-sandi-panjang")
    actions = {t.action for t in all_templates(crm)}
    assert {"reject", "forward", "report", "return"} <= actions
    assert for_step(crm, "report", "JALAN.RUSAK")[0].title == "Jalan sudah diperbaiki"
    count = len(all_templates(crm))
    assert seed_templates(crm) == 0
    assert len(all_templates(crm)) == count
