"""The complaint page through its forms, on the real application (SQLite and
PostgreSQL): every workflow action, what is refused and said in words, who gets
not-found, the contact behind a recorded reason, and the complaint's files."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from crm_server.core.audit import entries
from crm_server.core.crm import Crm
from crm_server.core.response_templates import TemplateText, save_template
from crm_server.db.models import Complaint, User
from tests.crm_server.conftest import PNG, auth, complaint_item, sha
from tests.crm_server.console.conftest import Console

OTHER_KELURAHAN = "31.71.01.1002"
PUBLIC = "Jalan sudah ditambal dan dipadatkan."
INTERNAL = "Internal: warga minta ditelepon sore hari, mandor Pak Joko."


def receive(push: Callable[..., dict[str, Any]], **overrides: Any) -> str:
    item = complaint_item(**overrides)
    assert push(item)["results"][0]["outcome"] == "accepted"
    return str(item["ticket_code"])


def status_of(crm: Crm, ticket: str) -> str:
    with crm.sessions() as session:
        return str(session.scalar(select(Complaint.status).where(Complaint.ticket_code == ticket)))


def act(console: Console, ticket: str, action: str, **fields: Any) -> Any:
    files = fields.pop("files", None)
    return console.post(f"/console/c/{ticket}/act", {"action": action, **fields}, files=files)


def done(console: Console, ticket: str, action: str, **fields: Any) -> str:
    """The action taken; the page it leads to (Post/Redirect/Get)."""
    answer = act(console, ticket, action, **fields)
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == f"/console/c/{ticket}?done={action}"
    page = console.get(answer.headers["location"])
    assert page.status_code == 200
    return str(page.text)


def add_account(crm: Crm, password_hash: str, username: str, role: str, unit: str) -> None:
    crm.create_user(username, username, role, unit)
    with crm.sessions.begin() as session:
        session.execute(
            update(User).where(User.username == username).values(password_hash=password_hash)
        )


def test_the_whole_loop_through_the_forms(
    crm: Crm, push: Callable[..., dict[str, Any]], signed_in: Callable[[str], Console]
) -> None:
    ticket = receive(push)
    save_template(crm, "admin.crm", TemplateText(0, "Diterima", "accept", "", "Terima kasih."))
    admin = signed_in("admin.kanal")
    page = admin.get(f"/console/c/{ticket}").text
    assert "Terima dan teruskan ke kelurahan" in page and "Tolak aduan" in page
    assert 'data-fill="accept-public"' in page and 'data-text="Terima kasih."' in page
    assert "Jalan berlubang" in page and "Gambir" in page and "JAKI-123" in page
    assert "Wijayakusuma" not in page and "6281234567890" not in page  # behind "Tampilkan kontak"
    admin.get(f"/console/lang/en?next=/console/c/{ticket}")
    english = admin.get(f"/console/c/{ticket}").text
    assert "Accept and pass to the kelurahan" in english and "Internal note (for the" in english
    admin.get(f"/console/lang/id?next=/console/c/{ticket}")
    page = done(admin, ticket, "accept", public_note="Aduan diterima.", internal_note=INTERNAL)
    assert "Aduan diterima dan diteruskan ke kelurahan." in page
    assert "Catatan internal" in page and INTERNAL in page

    lurah = signed_in("lurah.gambir")
    page = lurah.get(f"/console/c/{ticket}").text
    assert re.search(r'<option value="BINAMARGA" selected>Dinas Bina Marga \(saran', page)
    assert "Tangani sendiri" in page
    done(lurah, ticket, "forward", agency_code="BINAMARGA", public_note="Diteruskan.")
    assert status_of(crm, ticket) == "disposition"

    dinas = signed_in("dinas.binamarga")
    assert "Suku Dinas Bina Marga Jakarta Pusat" in dinas.get(f"/console/c/{ticket}").text
    done(dinas, ticket, "assign")
    assert status_of(crm, ticket) == "in_progress"

    sudin = signed_in("sudin.binamarga.jp")
    assert 'name="evidence"' in sudin.get(f"/console/c/{ticket}").text
    missing = act(sudin, ticket, "report", internal_note="catatan saya")
    assert missing.status_code == 422 and "Tulis catatan publik untuk langkah ini." in missing.text
    assert "catatan saya" in missing.text  # the user's text is kept
    files = [("evidence", ("bukti.png", PNG, "image/png"))]
    page = done(sudin, ticket, "report", public_note=PUBLIC, files=files)
    assert f"/console/c/{ticket}/files/{sha(PNG)}" in page
    assert sudin.get(f"/console/c/{ticket}/files/{sha(PNG)}").status_code == 200

    verifier = signed_in("verifikator")
    page = done(verifier, ticket, "return", public_note="Foto belum menunjukkan hasil.")
    assert status_of(crm, ticket) == "returned"
    done(sudin, ticket, "report", public_note=PUBLIC + " Foto baru.", files=files)
    page = done(verifier, ticket, "approve", public_note="Terverifikasi.")
    assert "Penanganan diverifikasi: aduan selesai." in page
    assert status_of(crm, ticket) == "done"
    assert "Tidak ada langkah untuk akun Anda pada tahap ini." in page


def test_reject_merge_and_handle(
    crm: Crm, push: Callable[..., dict[str, Any]], signed_in: Callable[[str], Console]
) -> None:
    first = receive(push)
    second = receive(push, description="Jalan berlubang di depan rumah, sudah dua bulan lebih.")
    third = receive(push, category_code="KEBERSIHAN.SAMPAH", description="Sampah menumpuk.")
    admin = signed_in("admin.kanal")
    page = admin.get(f"/console/c/{second}").text
    assert re.search(rf'value="{first}"\s+checked', page), "the similar complaint is suggested"
    no_reason = act(admin, third, "reject", internal_note="dicek di lapangan")
    assert no_reason.status_code == 422
    assert "Tulis alasan penolakan; warga akan membacanya." in no_reason.text
    assert "dicek di lapangan" in no_reason.text
    done(admin, third, "reject", reason="Bukan wewenang Pemprov DKI.")
    assert status_of(crm, third) == "rejected"
    done(admin, second, "merge", target_ticket=first)
    assert status_of(crm, second) == "duplicate"
    done(admin, first, "accept")
    done(signed_in("lurah.gambir"), first, "handle", public_note="Ditangani kelurahan.")
    assert status_of(crm, first) == "in_progress"
    # A step the user may not take now is refused in words; nothing changes.
    late = act(admin, first, "accept")
    assert late.status_code == 422 and "sudah berpindah tahap" in late.text
    assert status_of(crm, first) == "in_progress"


def test_a_form_without_its_csrf_token_is_refused(
    crm: Crm, push: Callable[..., dict[str, Any]], signed_in: Callable[[str], Console]
) -> None:
    ticket = receive(push)
    admin = signed_in("admin.kanal")
    for path, data in (
        (f"/console/c/{ticket}/act", {"action": "accept"}),
        (f"/console/c/{ticket}/contact", {"reason": "menelepon warga"}),
    ):
        answer = admin.client.post(path, data=data)
        assert answer.status_code == 400 and "Formulir kedaluwarsa" in answer.text
        forged = admin.client.post(path, data={**data, "csrf_token": "x" * 43})
        assert forged.status_code == 400
    assert status_of(crm, ticket) == "received"
    assert entries(crm, action="contact_viewed") == []


def test_another_unit_gets_not_found_for_the_page_its_forms_and_files(
    crm: Crm,
    client: TestClient,
    desk: dict[str, str],
    push: Callable[..., dict[str, Any]],
    signed_in: Callable[[str], Console],
    password_hash: str,
) -> None:
    client.put(
        f"/api/v1/attachments/{sha(PNG)}",
        content=PNG,
        headers={**auth(desk), "Content-Type": "image/png"},
    )
    ticket = receive(
        push, attachments=[{"sha256": sha(PNG), "size": len(PNG), "media_type": "image/png"}]
    )
    add_account(crm, password_hash, "lurah.cideng", "kelurahan", OTHER_KELURAHAN)
    add_account(crm, password_hash, "dinas.lh", "dinas", "LH")
    add_account(crm, password_hash, "sudin.binamarga.jb", "suku_dinas", "BINAMARGA@31.73")
    done(signed_in("admin.kanal"), ticket, "accept")
    done(signed_in("lurah.gambir"), ticket, "forward", agency_code="BINAMARGA")
    own = signed_in("dinas.binamarga")
    assert own.get(f"/console/c/{ticket}/files/{sha(PNG)}").status_code == 200
    nobody = own.get("/console/c/PBK1-261118-9999-X")
    assert nobody.status_code == 404
    for username in ("lurah.cideng", "dinas.lh", "sudin.binamarga.jb", "verifikator"):
        other = signed_in(username)
        answers = [
            other.get(f"/console/c/{ticket}"),
            other.post(f"/console/c/{ticket}/act", {"action": "assign"}),
            other.post(f"/console/c/{ticket}/contact", {"reason": "ingin tahu saja"}),
            other.get(f"/console/c/{ticket}/files/{sha(PNG)}"),
        ]
        for answer in answers:
            assert answer.status_code == 404, (username, answer.status_code)
            assert "Halaman tidak ditemukan" in answer.text and "berlubang" not in answer.text
    assert status_of(crm, ticket) == "disposition"
    assert entries(crm, action="contact_viewed") == []


def test_a_file_is_served_inline_only_when_it_belongs_to_the_complaint(
    crm: Crm,
    client: TestClient,
    desk: dict[str, str],
    push: Callable[..., dict[str, Any]],
    signed_in: Callable[[str], Console],
) -> None:
    headers = {**auth(desk), "Content-Type": "image/png"}
    client.put(f"/api/v1/attachments/{sha(PNG)}", content=PNG, headers=headers)
    other_png = PNG + b"\x00"
    client.put(f"/api/v1/attachments/{sha(other_png)}", content=other_png, headers=headers)
    ref = {"sha256": sha(PNG), "size": len(PNG), "media_type": "image/png"}
    ticket = receive(push, attachments=[ref])
    admin = signed_in("admin.kanal")
    page = admin.get(f"/console/c/{ticket}").text
    assert f'<img src="/console/c/{ticket}/files/{sha(PNG)}"' in page
    answer = admin.get(f"/console/c/{ticket}/files/{sha(PNG)}")
    assert answer.status_code == 200 and answer.content == PNG
    assert answer.headers["content-type"] == "image/png"
    assert answer.headers["content-disposition"] == "inline"
    assert answer.headers["x-content-type-options"] == "nosniff"
    # stored, but not this complaint's: not found; nor a malformed name
    for name in (sha(other_png), "../../etc/passwd", "x" * 64):
        assert admin.get(f"/console/c/{ticket}/files/{name}").status_code == 404


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("Sudah dihubungi, NIK 3171 0145 0678 0003.", "tampak berisi NIK"),
        ("Hubungi Bu Sulastri di 0812-3456-7890.", "tampak berisi nomor telepon"),
        ("Balasan dikirim ke sulastri@example.com.", "tampak berisi alamat e-mail"),
    ],
)
def test_personal_data_in_a_public_note_is_refused_and_said(
    crm: Crm,
    push: Callable[..., dict[str, Any]],
    signed_in: Callable[[str], Console],
    note: str,
    said: str,
) -> None:
    ticket = receive(push)
    admin = signed_in("admin.kanal")
    answer = act(admin, ticket, "accept", public_note=note, internal_note="boleh di sini 0812")
    assert answer.status_code == 422
    assert said in answer.text and 'aria-invalid="true"' in answer.text
    assert note.replace("@", "&#64;") in answer.text or note in answer.text  # kept
    rejected = act(admin, ticket, "reject", reason=note)
    assert rejected.status_code == 422 and said in rejected.text
    assert status_of(crm, ticket) == "received"
    # The same note in the internal field is fine.
    done(admin, ticket, "accept", public_note="Diterima.", internal_note=note)


def test_the_workflow_api_refuses_personal_data_in_a_note_too(
    client: TestClient, push: Callable[..., dict[str, Any]], staff: dict[str, dict[str, str]]
) -> None:
    ticket = receive(push)
    url = f"/api/v1/workflow/complaints/{ticket}/actions"
    body = {"action": "accept", "note": "Telepon +62 812 3456 7890."}
    answer = client.post(url, json=body, headers=staff["admin.kanal"])
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "personal_data_in_public_note"
    assert "7890" not in answer.text  # the message never echoes the note
    body = {"action": "accept", "note": "Diterima.", "internal_note": INTERNAL}
    detail = client.post(url, json=body, headers=staff["admin.kanal"]).json()
    assert [(e["kind"], e["public"]) for e in detail["events"][-2:]] == [
        ("status", True),
        ("note", False),
    ]


def test_the_contact_is_shown_after_a_reason_and_every_look_is_audited(
    crm: Crm, push: Callable[..., dict[str, Any]], signed_in: Callable[[str], Console]
) -> None:
    ticket = receive(push)
    admin = signed_in("admin.kanal")
    page = admin.get(f"/console/c/{ticket}").text
    assert "Tampilkan kontak" in page and "Wijayakusuma" not in page
    empty = admin.post(f"/console/c/{ticket}/contact", {"reason": " "})
    assert empty.status_code == 422 and "Tulis alasan Anda perlu melihat" in empty.text
    assert "Wijayakusuma" not in empty.text
    shown = admin.post(f"/console/c/{ticket}/contact", {"reason": "Menanyakan lokasi persis"})
    assert shown.status_code == 200
    assert "Sulastri Wijayakusuma" in shown.text and "+6281234567890" in shown.text
    assert "3171014506780003" not in shown.text  # the NIK is not contact
    assert "Wijayakusuma" not in admin.get(f"/console/c/{ticket}").text  # that response only
    (entry,) = entries(crm, action="contact_viewed")
    assert (entry.actor, entry.subject) == ("admin.kanal", ticket)
    assert entry.reason == "Menanyakan lokasi persis" and entry.at == crm.now()
    assert "Wijayakusuma" not in str(entry.detail)
    # the koordinator sees the complaint, not the contact
    koordinator = signed_in("koordinator")
    page = koordinator.get(f"/console/c/{ticket}").text
    assert "Tampilkan kontak" not in page
    refused = koordinator.post(f"/console/c/{ticket}/contact", {"reason": "ingin tahu saja"})
    assert refused.status_code == 403 and "Wijayakusuma" not in refused.text


def test_a_citizen_who_asked_stays_anonymous_to_the_agencies(
    crm: Crm, push: Callable[..., dict[str, Any]], signed_in: Callable[[str], Console]
) -> None:
    item = complaint_item()
    item["complainant"]["keep_identity_private"] = True
    push(item)
    ticket = item["ticket_code"]
    done(signed_in("admin.kanal"), ticket, "accept")
    lurah = signed_in("lurah.gambir")
    page = lurah.get(f"/console/c/{ticket}").text
    assert "Warga meminta identitasnya dirahasiakan dari instansi." in page
    answer = lurah.post(f"/console/c/{ticket}/contact", {"reason": "mengecek lokasi"})
    assert answer.status_code == 403 and "Wijayakusuma" not in answer.text
    shown = signed_in("admin.crm").post(f"/console/c/{ticket}/contact", {"reason": "permintaan"})
    assert "Sulastri Wijayakusuma" in shown.text


def test_evidence_that_is_not_a_photo_or_pdf_is_refused_in_words(
    crm: Crm, push: Callable[..., dict[str, Any]], signed_in: Callable[[str], Console]
) -> None:
    ticket = receive(push)
    done(signed_in("admin.kanal"), ticket, "accept")
    lurah = signed_in("lurah.gambir")
    done(lurah, ticket, "handle")
    fake = [("evidence", ("foto.png", b"<script>alert(1)</script>", "image/png"))]
    answer = act(lurah, ticket, "report", public_note="Sudah ditangani.", files=fake)
    assert answer.status_code == 422
    assert "Hanya foto JPEG, PNG, WebP, TIFF atau berkas PDF yang diterima." in answer.text
    assert "Pilih lagi foto buktinya sebelum mengirim." in answer.text
    assert "Sudah ditangani." in answer.text
    assert status_of(crm, ticket) == "in_progress"
    six = [("evidence", (f"f{i}.png", PNG + bytes([i]), "image/png")) for i in range(6)]
    answer = act(lurah, ticket, "report", public_note="Sudah ditangani.", files=six)
    assert answer.status_code == 422 and "Paling banyak 5 foto bukti sekali kirim." in answer.text
