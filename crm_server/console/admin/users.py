"""Users and units: the accounts with their role, unit and state; a new account;
one account's page (a new password, deactivate or reactivate, unlock); the units
with their active users."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from crm_server.console.admin.base import Admin, admin_page, done
from crm_server.console.deps import ConsoleRefusal, crm_of
from crm_server.console.words import say
from crm_server.core import admin_users
from crm_server.core.admin_users import AdminRefusal
from crm_server.core.auth import ROLE_LABELS, ROLES
from crm_server.core.staff_sign_in import MIN_PASSWORD_LENGTH, WeakPassword, set_password

router = APIRouter(prefix="/console/admin")

PROBLEMS = {
    "username": say(
        "Nama pengguna 2–60 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung."
    ),
    "username_taken": say("Nama pengguna ini sudah dipakai."),
    "name": say("Isi nama (paling banyak 120 karakter)."),
    "role": say("Pilih peran."),
    "no_unit": say("Peran ini tidak bertugas untuk satu unit: kosongkan unit."),
    "unit_needed": say("Peran ini memerlukan unit."),
    "unknown_kelurahan": say("Kode kelurahan tidak dikenal (lihat Unit kerja)."),
    "unknown_agency": say("Kode Dinas tidak dikenal (lihat Unit kerja)."),
    "unknown_kota": say("Kode kota tidak dikenal (lihat Unit kerja)."),
    "suku_dinas_format": say("Unit Suku Dinas ditulis DINAS@KOTA, misalnya BINAMARGA@31.71."),
    "unknown_channel": say("Kode kanal tidak dikenal (lihat Unit kerja)."),
    "weak": say("Kata sandi minimal {n} karakter."),
    "mismatch": say("Kedua kata sandi tidak sama."),
    "self": say("Anda tidak dapat menonaktifkan akun Anda sendiri."),
    "own_role": say("Anda tidak dapat mengubah peran akun Anda sendiri."),
}
UNIT_KINDS = {
    "kelurahan": say("Kelurahan"),
    "dinas": say("Dinas"),
    "suku_dinas": say("Suku Dinas"),
    "channel": say("Kanal (admin kanal)"),
}


def _roles() -> list[tuple[str, str]]:
    return [(role, ROLE_LABELS[role]) for role in ROLES]


def _list(
    request: Request, staff: Admin, status: int = 200, problem: str = "", **values: str
) -> HTMLResponse:
    crm = crm_of(request)
    return admin_page(
        request,
        "users.html",
        staff,
        status_code=status,
        accounts=admin_users.accounts(crm),
        roles=_roles(),
        role_labels=ROLE_LABELS,
        problem=PROBLEMS.get(problem, ""),
        min_length=MIN_PASSWORD_LENGTH,
        now=crm.now(),
        form={"username": "", "display_name": "", "role": "", "unit": "", **values},
    )


@router.get("/users", response_class=HTMLResponse, include_in_schema=False)
async def users_page(request: Request, staff: Admin) -> HTMLResponse:
    return await run_in_threadpool(_list, request, staff)


@router.post("/users", response_class=HTMLResponse, include_in_schema=False)
async def create_user(
    request: Request,
    staff: Admin,
    username: Annotated[str, Form(max_length=100)] = "",
    display_name: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=20)] = "",
    unit: Annotated[str, Form(max_length=60)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    password_again: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    values = {"username": username, "display_name": display_name, "role": role, "unit": unit}
    problem = ""
    if password != password_again:
        problem = "mismatch"
    else:
        try:
            await run_in_threadpool(
                admin_users.create_account,
                crm_of(request),
                staff.user.username,
                username,
                display_name,
                role,
                unit,
                password,
            )
        except AdminRefusal as refusal:
            problem = refusal.problem
        except WeakPassword:
            problem = "weak"
    if problem:
        return await run_in_threadpool(_list, request, staff, 422, problem, **values)
    return done(f"/console/admin/users/{username.strip().lower()}", "created")


def _one(
    request: Request,
    staff: Admin,
    username: str,
    status: int = 200,
    problem: str = "",
    **entered: str,
) -> HTMLResponse:
    crm = crm_of(request)
    found = admin_users.account(crm, username)
    if found is None:
        raise ConsoleRefusal(404, staff)
    return admin_page(
        request,
        "user.html",
        staff,
        status_code=status,
        account=found,
        form={
            "display_name": found.display_name,
            "role": found.role,
            "unit": found.unit_code,
            **entered,
        },
        roles=_roles(),
        role_labels=ROLE_LABELS,
        problem=PROBLEMS.get(problem, ""),
        min_length=MIN_PASSWORD_LENGTH,
        locked=found.locked_until is not None and found.locked_until > crm.now(),
    )


@router.get("/users/{username}", response_class=HTMLResponse, include_in_schema=False)
async def user_page(request: Request, staff: Admin, username: str) -> HTMLResponse:
    return await run_in_threadpool(_one, request, staff, username)


@router.post("/users/{username}", response_class=HTMLResponse, include_in_schema=False)
async def change_user(
    request: Request,
    staff: Admin,
    username: str,
    display_name: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=20)] = "",
    unit: Annotated[str, Form(max_length=60)] = "",
) -> Response:
    try:
        changed = await run_in_threadpool(
            admin_users.change_account,
            crm_of(request),
            staff.user.username,
            username,
            display_name,
            role,
            unit,
        )
    except KeyError:
        raise ConsoleRefusal(404, staff) from None
    except AdminRefusal as refusal:
        entered = {"display_name": display_name, "role": role, "unit": unit}
        return await run_in_threadpool(
            _one, request, staff, username, 422, refusal.problem, **entered
        )
    return done(f"/console/admin/users/{username}", "saved" if changed else "nothing")


@router.post("/users/{username}/password", response_class=HTMLResponse, include_in_schema=False)
async def new_password(
    request: Request,
    staff: Admin,
    username: str,
    password: Annotated[str, Form(max_length=200)] = "",
    password_again: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    crm = crm_of(request)
    if admin_users.account(crm, username) is None:
        raise ConsoleRefusal(404, staff)
    if password != password_again:
        return await run_in_threadpool(_one, request, staff, username, 422, "mismatch")
    try:
        await run_in_threadpool(set_password, crm, username, password, staff.user.username)
    except WeakPassword:
        return await run_in_threadpool(_one, request, staff, username, 422, "weak")
    return done(f"/console/admin/users/{username}", "password")


@router.post("/users/{username}/active", response_class=HTMLResponse, include_in_schema=False)
async def set_active(
    request: Request,
    staff: Admin,
    username: str,
    active: Annotated[str, Form(max_length=1)] = "",
) -> Response:
    crm = crm_of(request)
    try:
        await run_in_threadpool(
            admin_users.set_active, crm, staff.user.username, username, active == "1"
        )
    except KeyError:
        raise ConsoleRefusal(404, staff) from None
    except AdminRefusal as refusal:
        return await run_in_threadpool(_one, request, staff, username, 422, refusal.problem)
    return done(
        f"/console/admin/users/{username}", "reactivated" if active == "1" else "deactivated"
    )


@router.post("/users/{username}/unlock", response_class=HTMLResponse, include_in_schema=False)
async def unlock(request: Request, staff: Admin, username: str) -> Response:
    try:
        changed = await run_in_threadpool(
            admin_users.unlock, crm_of(request), staff.user.username, username
        )
    except KeyError:
        raise ConsoleRefusal(404, staff) from None
    return done(f"/console/admin/users/{username}", "unlocked" if changed else "nothing")


@router.get("/units", response_class=HTMLResponse, include_in_schema=False)
async def units_page(request: Request, staff: Admin) -> HTMLResponse:
    found = await run_in_threadpool(admin_users.units, crm_of(request))
    groups = {kind: [u for u in found if u.kind == kind] for kind in UNIT_KINDS}
    return admin_page(
        request,
        "units.html",
        staff,
        groups=groups,
        kinds=UNIT_KINDS,
    )
