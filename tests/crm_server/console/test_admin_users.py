"""Users and units in the console: a new account with its unit checked per role,
a new password and a deactivation that end the user's sessions, unlocking, the
admin who cannot deactivate themselves; every change audited, never a password."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from sqlalchemy import select, update

from crm_server.core.crm import Crm
from crm_server.db.models import AuditEntry, User
from tests.crm_server.console.conftest import Console, new_client, sign_in_with

NEW_PASSWORD = "sandi-baru-panjang"


def new_user(**overrides: str) -> dict[str, str]:
    return {
        "username": "Lurah.Kebon",
        "display_name": "Staf Kelurahan Kebon Kelapa",
        "role": "kelurahan",
        "unit": "31.71.01.1002",
        "password": NEW_PASSWORD,
        "password_again": NEW_PASSWORD,
        **overrides,
    }


def audit(crm: Crm, action: str) -> list[AuditEntry]:
    with crm.sessions() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
            )
        )


def test_an_admin_creates_an_account_that_can_sign_in(
    signed_in: Callable[[str], Console], crm: Crm, app: FastAPI
) -> None:
    admin = signed_in("admin.crm")
    answer = admin.post("/console/admin/users", new_user())
    assert answer.status_code == 303, answer.text  # type: ignore[attr-defined]
    assert answer.headers["location"] == "/console/admin/users/lurah.kebon?done=created"  # type: ignore[attr-defined]
    page = admin.get("/console/admin/users/lurah.kebon?done=created")
    assert "Akun dibuat." in page.text  # type: ignore[attr-defined]
    listing = admin.get("/console/admin/users").text  # type: ignore[attr-defined]
    assert "lurah.kebon" in listing and "31.71.01.1002" in listing
    [entry] = audit(crm, "user_created")
    assert (entry.actor, entry.subject) == ("admin.crm", "lurah.kebon")
    assert entry.detail == {
        "name": "Staf Kelurahan Kebon Kelapa",
        "role": "kelurahan",
        "unit": "31.71.01.1002",
    }
    assert NEW_PASSWORD not in json.dumps(entry.detail)
    with new_client(app) as client:
        assert sign_in_with(client, "lurah.kebon", NEW_PASSWORD).status_code == 303  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"unit": "31.71.01.9999"}, "Kode kelurahan tidak dikenal"),
        ({"unit": ""}, "Peran ini memerlukan unit."),
        ({"role": "dinas", "unit": "BINAMARGAX"}, "Kode Dinas tidak dikenal"),
        ({"role": "suku_dinas", "unit": "BINAMARGA"}, "DINAS@KOTA"),
        ({"role": "suku_dinas", "unit": "BINAMARGA@31.99"}, "Kode kota tidak dikenal"),
        ({"role": "suku_dinas", "unit": "BIRO_PEM@31.71"}, "Kode Dinas tidak dikenal"),
        ({"role": "verifier", "unit": "31.71.01.1002"}, "kosongkan unit"),
        ({"role": "channel_admin", "unit": "FAX"}, "Kode kanal tidak dikenal"),
        ({"role": "raja"}, "Pilih peran."),
        ({"username": "lurah.gambir"}, "Nama pengguna ini sudah dipakai."),
        ({"username": "x"}, "Nama pengguna 2–60 karakter"),
        ({"display_name": "  "}, "Isi nama"),
        ({"password_again": "sandi-lain-panjang"}, "Kedua kata sandi tidak sama."),
        ({"password": "pendek", "password_again": "pendek"}, "Kata sandi minimal 10 karakter."),
    ],
)
def test_a_wrong_account_is_refused_with_its_reason_and_the_values_kept(
    signed_in: Callable[[str], Console], crm: Crm, overrides: dict[str, str], message: str
) -> None:
    admin = signed_in("admin.crm")
    data = new_user(**overrides)
    answer = admin.post("/console/admin/users", data)
    assert answer.status_code == 422  # type: ignore[attr-defined]
    assert message in answer.text  # type: ignore[attr-defined]
    assert 'role="alert"' in answer.text  # type: ignore[attr-defined]
    assert f'value="{data["display_name"]}"' in answer.text  # type: ignore[attr-defined]
    assert f'value="{data["unit"]}"' in answer.text  # type: ignore[attr-defined]
    assert NEW_PASSWORD not in answer.text  # type: ignore[attr-defined]
    assert audit(crm, "user_created") == []


def test_the_right_unit_for_each_role_is_taken(
    signed_in: Callable[[str], Console], crm: Crm
) -> None:
    admin = signed_in("admin.crm")
    cases = [
        ("dinas.sda", "dinas", "SDA"),
        ("sudin.sda.jt", "suku_dinas", "SDA@31.75"),
        ("kanal.jaki", "channel_admin", "JAKI"),
        ("kanal.semua", "channel_admin", ""),
        ("koor.dua", "koordinator", ""),
    ]
    for username, role, unit in cases:
        data = new_user(username=username, role=role, unit=unit, display_name=username)
        assert admin.post("/console/admin/users", data).status_code == 303, username  # type: ignore[attr-defined]
    with crm.sessions() as session:
        made = {u: unit for u, unit in session.execute(select(User.username, User.unit_code))}
    assert {u: made[u] for u, _, _ in cases} == {u: unit for u, _, unit in cases}


def test_a_new_password_ends_the_users_sessions(
    signed_in: Callable[[str], Console], crm: Crm, app: FastAPI
) -> None:
    lurah = signed_in("lurah.gambir")
    assert lurah.get("/console/").status_code == 200  # type: ignore[attr-defined]
    admin = signed_in("admin.crm")
    path = "/console/admin/users/lurah.gambir/password"
    mismatch = admin.post(path, {"password": NEW_PASSWORD, "password_again": "lain-lain-lain"})
    assert mismatch.status_code == 422 and "Kedua kata sandi tidak sama." in mismatch.text  # type: ignore[attr-defined]
    short = admin.post(path, {"password": "pendek", "password_again": "pendek"})
    assert short.status_code == 422 and "minimal 10 karakter" in short.text  # type: ignore[attr-defined]
    assert lurah.get("/console/").status_code == 200  # type: ignore[attr-defined]
    answer = admin.post(path, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert answer.status_code == 303  # type: ignore[attr-defined]
    assert lurah.get("/console/").status_code == 303  # type: ignore[attr-defined]
    [entry] = audit(crm, "password_set")
    assert (entry.actor, entry.subject) == ("admin.crm", "lurah.gambir")
    assert NEW_PASSWORD not in json.dumps(entry.detail)
    with new_client(app) as client:
        assert sign_in_with(client, "lurah.gambir", NEW_PASSWORD).status_code == 303  # type: ignore[attr-defined]


def test_a_deactivated_user_is_signed_out_and_kept_out_until_reactivated(
    signed_in: Callable[[str], Console], crm: Crm, app: FastAPI
) -> None:
    lurah = signed_in("lurah.gambir")
    admin = signed_in("admin.crm")
    path = "/console/admin/users/lurah.gambir/active"
    assert admin.post(path, {"active": "0"}).status_code == 303  # type: ignore[attr-defined]
    assert lurah.get("/console/").status_code == 303  # type: ignore[attr-defined]
    page = admin.get("/console/admin/users/lurah.gambir?done=deactivated").text  # type: ignore[attr-defined]
    assert "Nonaktif" in page and "Aktifkan kembali" in page
    with new_client(app) as client:
        assert sign_in_with(client, "lurah.gambir").status_code == 401  # type: ignore[attr-defined]
    assert admin.post(path, {"active": "1"}).status_code == 303  # type: ignore[attr-defined]
    with new_client(app) as client:
        assert sign_in_with(client, "lurah.gambir").status_code == 303  # type: ignore[attr-defined]
    actions = [(e.action, e.actor, e.subject) for e in audit(crm, "user_deactivated")]
    actions += [(e.action, e.actor, e.subject) for e in audit(crm, "user_reactivated")]
    assert actions == [
        ("user_deactivated", "admin.crm", "lurah.gambir"),
        ("user_reactivated", "admin.crm", "lurah.gambir"),
    ]


def test_an_admin_cannot_deactivate_themselves(
    signed_in: Callable[[str], Console], crm: Crm
) -> None:
    admin = signed_in("admin.crm")
    answer = admin.post("/console/admin/users/admin.crm/active", {"active": "0"})
    assert answer.status_code == 422  # type: ignore[attr-defined]
    assert "Anda tidak dapat menonaktifkan akun Anda sendiri." in answer.text  # type: ignore[attr-defined]
    assert admin.get("/console/admin/").status_code == 200  # type: ignore[attr-defined]
    assert audit(crm, "user_deactivated") == []


def test_an_admin_unlocks_a_locked_account(
    signed_in: Callable[[str], Console], crm: Crm, app: FastAPI
) -> None:
    until = crm.now() + dt.timedelta(minutes=15)
    with crm.sessions.begin() as session:
        session.execute(
            update(User).where(User.username == "verifikator").values(locked_until=until)
        )
    with new_client(app) as client:
        assert sign_in_with(client, "verifikator").status_code == 429  # type: ignore[attr-defined]
    admin = signed_in("admin.crm")
    page = admin.get("/console/admin/users/verifikator").text  # type: ignore[attr-defined]
    assert "Buka kunci akun" in page and "WIB" in page
    assert "WIB" in admin.get("/console/admin/users").text  # type: ignore[attr-defined]
    answer = admin.post("/console/admin/users/verifikator/unlock")
    assert answer.headers["location"].endswith("?done=unlocked")  # type: ignore[attr-defined]
    with new_client(app) as client:
        assert sign_in_with(client, "verifikator").status_code == 303  # type: ignore[attr-defined]
    [entry] = audit(crm, "user_unlocked")
    assert (entry.actor, entry.subject) == ("admin.crm", "verifikator")
    again = admin.post("/console/admin/users/verifikator/unlock")
    assert again.headers["location"].endswith("?done=nothing")  # type: ignore[attr-defined]
    assert len(audit(crm, "user_unlocked")) == 1


def test_an_admin_changes_an_accounts_name_role_and_unit(
    signed_in: Callable[[str], Console], crm: Crm
) -> None:
    lurah = signed_in("lurah.gambir")
    admin = signed_in("admin.crm")
    path = "/console/admin/users/lurah.gambir"
    wrong = admin.post(
        path, {"display_name": "Staf Sudin SDA", "role": "suku_dinas", "unit": "SDA@31.99"}
    )
    assert wrong.status_code == 422  # type: ignore[attr-defined]
    assert "Kode kota tidak dikenal" in wrong.text  # type: ignore[attr-defined]
    assert 'value="SDA@31.99"' in wrong.text and 'value="Staf Sudin SDA"' in wrong.text  # type: ignore[attr-defined]
    assert '<option value="suku_dinas" selected>' in wrong.text  # type: ignore[attr-defined]
    answer = admin.post(
        path, {"display_name": "Staf Sudin SDA", "role": "suku_dinas", "unit": "sda@31.71"}
    )
    assert answer.headers["location"] == f"{path}?done=saved"  # type: ignore[attr-defined]
    with crm.sessions() as session:
        user = session.scalar(select(User).where(User.username == "lurah.gambir"))
    assert user is not None and (user.role, user.unit_code) == ("suku_dinas", "SDA@31.71")
    assert "Suku Dinas" in lurah.get("/console/").text  # type: ignore[attr-defined]
    [entry] = audit(crm, "user_changed")
    assert (entry.actor, entry.subject) == ("admin.crm", "lurah.gambir")
    assert entry.detail == {
        "name_before": "Staf Kelurahan Gambir",
        "role_before": "kelurahan",
        "unit_before": "31.71.01.1001",
        "name": "Staf Sudin SDA",
        "role": "suku_dinas",
        "unit": "SDA@31.71",
    }
    same = admin.post(
        path, {"display_name": "Staf Sudin SDA", "role": "suku_dinas", "unit": "SDA@31.71"}
    )
    assert same.headers["location"] == f"{path}?done=nothing"  # type: ignore[attr-defined]
    own = admin.post(
        "/console/admin/users/admin.crm",
        {"display_name": "Administrator CRM", "role": "verifier", "unit": ""},
    )
    assert own.status_code == 422  # type: ignore[attr-defined]
    assert "Anda tidak dapat mengubah peran akun Anda sendiri." in own.text  # type: ignore[attr-defined]
    assert len(audit(crm, "user_changed")) == 1


def test_an_unknown_user_is_not_found(signed_in: Callable[[str], Console]) -> None:
    admin = signed_in("admin.crm")
    assert admin.get("/console/admin/users/tidak.ada").status_code == 404  # type: ignore[attr-defined]
    assert admin.post("/console/admin/users/tidak.ada/unlock").status_code == 404  # type: ignore[attr-defined]
    change = {"display_name": "X Y", "role": "verifier", "unit": ""}
    assert admin.post("/console/admin/users/tidak.ada", change).status_code == 404  # type: ignore[attr-defined]
    assert admin.post("/console/admin/users/tidak.ada/active", {"active": "0"}).status_code == 404  # type: ignore[attr-defined]
    data = {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    assert admin.post("/console/admin/users/tidak.ada/password", data).status_code == 404  # type: ignore[attr-defined]


def test_the_units_page_counts_the_active_users_of_each_unit(
    signed_in: Callable[[str], Console],
) -> None:
    admin = signed_in("admin.crm")
    page = admin.get("/console/admin/units").text  # type: ignore[attr-defined]
    assert "Suku Dinas Bina Marga Jakarta Pusat" in page
    row = page[page.index("<code>BINAMARGA@31.71</code>") :]
    assert row[: row.index("</tr>")].rstrip().endswith("1</td>")
    gambir = page[page.index("<code>31.71.01.1001</code>") :]
    assert gambir[: gambir.index("</tr>")].rstrip().endswith("1</td>")
    assert "<code>JAKI</code>" in page
