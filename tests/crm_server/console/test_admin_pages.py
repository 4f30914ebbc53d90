"""The admin pages through the real application: each opens for the admin, in
Indonesian and in English; every other role gets the 403 page for each page and
each form; a form posted without its CSRF token changes nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from crm_server.core.crm import Crm
from crm_server.db.models import AuditEntry, Holiday, User
from tests.crm_server.console.conftest import Console

PAGES = {
    "/console/admin/": "Administrasi",
    "/console/admin/users": "Pengguna",
    "/console/admin/users/lurah.gambir": "Staf Kelurahan Gambir",
    "/console/admin/units": "Unit kerja",
    "/console/admin/routing": "Aturan rute",
    "/console/admin/time-limits": "Batas waktu",
    "/console/admin/holidays": "Hari libur",
    "/console/admin/templates": "Templat tanggapan",
    "/console/admin/desks": "Pendaftaran meja",
    "/console/admin/audit": "Log audit",
}
# Every form of the admin pages, with what a valid post would send.
FORMS = {
    "/console/admin/users": {
        "username": "baru.satu",
        "display_name": "Baru Satu",
        "role": "verifier",
        "unit": "",
        "password": "sandi-baru-panjang",
        "password_again": "sandi-baru-panjang",
    },
    "/console/admin/users/lurah.gambir": {
        "display_name": "Staf Kelurahan Cideng",
        "role": "kelurahan",
        "unit": "31.71.01.1002",
    },
    "/console/admin/users/lurah.gambir/password": {
        "password": "sandi-baru-panjang",
        "password_again": "sandi-baru-panjang",
    },
    "/console/admin/users/lurah.gambir/active": {"active": "0"},
    "/console/admin/users/lurah.gambir/unlock": {},
    "/console/admin/routing": {"route:JALAN.RUSAK": "SDA"},
    "/console/admin/time-limits": {"days:received": "3"},
    "/console/admin/holidays": {"day": "2026-11-19", "name": "Cuti bersama"},
    "/console/admin/holidays/2026-11-19/delete": {},
    "/console/admin/templates": {"title": "T", "action": "", "category": "", "body": "Teks"},
    "/console/admin/desks": {"desk_code": "KBN1", "site": "Kelurahan Gambir"},
}
OTHER_ROLES = (
    "admin.kanal",
    "lurah.gambir",
    "dinas.binamarga",
    "sudin.binamarga.jp",
    "verifikator",
    "koordinator",
)


def audit_count(crm: Crm) -> int:
    with crm.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.mark.parametrize("path", list(PAGES))
def test_each_admin_page_opens_for_the_admin(
    signed_in: Callable[[str], Console], path: str
) -> None:
    admin = signed_in("admin.crm")
    answer = admin.get(path)
    assert answer.status_code == 200, answer.text  # type: ignore[attr-defined]
    assert PAGES[path] in answer.text  # type: ignore[attr-defined]
    assert answer.headers["cache-control"] == "no-store"  # type: ignore[attr-defined]


def test_the_admin_pages_speak_english(signed_in: Callable[[str], Console]) -> None:
    admin = signed_in("admin.crm")
    admin.client.cookies.set("meja_console_lang", "en", path="/console")
    expected = {
        "/console/admin/": "Response templates",
        "/console/admin/users": "New account",
        "/console/admin/routing": "Save routing rules",
        "/console/admin/time-limits": "Working days",
        "/console/admin/holidays": "Add a day off",
        "/console/admin/desks": "Create an enrolment code",
        "/console/admin/audit": "Newest first",
    }
    for path, words in expected.items():
        assert words in admin.get(path).text, path  # type: ignore[attr-defined]


@pytest.mark.parametrize("username", OTHER_ROLES)
def test_other_roles_get_the_forbidden_page_for_every_page_and_form(
    signed_in: Callable[[str], Console], crm: Crm, username: str
) -> None:
    user = signed_in(username)
    before = audit_count(crm)
    for path in PAGES:
        answer = user.get(path)
        assert answer.status_code == 403, path  # type: ignore[attr-defined]
        assert "Tidak diizinkan" in answer.text  # type: ignore[attr-defined]
    for path, data in FORMS.items():
        answer = user.post(path, data)
        assert answer.status_code == 403, path  # type: ignore[attr-defined]
    assert audit_count(crm) == before
    with crm.sessions() as session:
        assert session.scalar(select(User).where(User.username == "baru.satu")) is None
        gambir = session.scalar(select(User).where(User.username == "lurah.gambir"))
        assert gambir is not None and gambir.active and gambir.unit_code == "31.71.01.1001"


def test_a_form_without_its_csrf_token_is_refused(
    signed_in: Callable[[str], Console], crm: Crm
) -> None:
    admin = signed_in("admin.crm")
    before = audit_count(crm)
    for path, data in FORMS.items():
        answer = admin.client.post(path, data=data)
        assert answer.status_code == 400, path
        assert "Formulir kedaluwarsa" in answer.text
        wrong = admin.client.post(path, data={**data, "csrf_token": "palsu"})
        assert wrong.status_code == 400, path
    assert audit_count(crm) == before
    with crm.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Holiday)) == 0


def test_a_visitor_is_sent_to_the_sign_in(signed_in: Callable[[str], Console]) -> None:
    from tests.crm_server.console.conftest import new_client

    admin = signed_in("admin.crm")
    with new_client(admin.client.app) as visitor:  # type: ignore[arg-type]
        answer = visitor.get("/console/admin/users")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/console/login?next=/console/admin/users")


def test_the_frame_shows_the_admin_link_only_to_admins(
    signed_in: Callable[[str], Console],
) -> None:
    assert 'href="/console/admin/"' in signed_in("admin.crm").get("/console/").text  # type: ignore[attr-defined]
    assert 'href="/console/admin/"' not in signed_in("koordinator").get("/console/").text  # type: ignore[attr-defined]
