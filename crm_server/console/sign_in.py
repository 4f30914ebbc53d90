"""Signing in and out of the console, and choosing its language.

The sign-in form is protected against cross-site posts too: before there is a
session, its token is a random value in a short-lived cookie of its own that the
form must repeat (a "double submit"); a forged post from another site cannot read it.
Every wrong sign-in is answered after a delay (``console_failure_delay_ms``), slowing
a guesser down without holding a worker thread.
"""

from __future__ import annotations

import asyncio
import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from crm_server.console.deps import SESSION_COOKIE, Staff, crm_of, safe_next
from crm_server.console.render import LANG_COOKIE, page
from crm_server.console.words import LANGUAGES, say
from crm_server.core.staff_sign_in import SignInRefused, sign_in, sign_out
from crm_server.web.ratelimit import client_key

router = APIRouter()
PRE_COOKIE = "meja_console_pre"


def _cookie(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    settings = crm_of(request).settings
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/console",
        secure=settings.secure_cookies,
        httponly=True,
        samesite="strict" if name != LANG_COOKIE else "lax",
    )


def _form(
    request: Request,
    error: str = "",
    username: str = "",
    status: int = 200,
    notice: str = "",
    **values: int,
) -> HTMLResponse:
    """The sign-in form; ``error`` and ``notice`` are words for ``t()``, ``values``
    what they name."""
    pre = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
    response = page(
        request,
        "sign_in.html",
        status_code=status,
        pre_token=pre,
        error=error,
        notice=notice,
        values=values,
        username=username,
        next_path=safe_next(request.query_params.get("next")),
    )
    _cookie(response, request, PRE_COOKIE, pre, 3600)
    return response


@router.get("/console/login", response_class=HTMLResponse, include_in_schema=False)
async def sign_in_page(request: Request) -> Response:
    notice = ""
    if request.query_params.get("expired"):
        notice = say("Sesi Anda berakhir karena lama tidak digunakan. Silakan masuk lagi.")
    elif request.query_params.get("out"):
        notice = say("Anda sudah keluar.")
    return _form(request, notice=notice)


@router.post("/console/login", response_class=HTMLResponse, include_in_schema=False)
async def sign_in_post(
    request: Request,
    username: Annotated[str, Form(max_length=60)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    pre_token: Annotated[str, Form(max_length=100)] = "",
    next_path: Annotated[str, Form(alias="next", max_length=500)] = "/console/",
) -> Response:
    cookie = request.cookies.get(PRE_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie.encode(), pre_token.encode()):
        return page(request, "error.html", status_code=400, kind=400)
    if not username.strip() or not password:
        return _form(request, say("Isi nama pengguna dan kata sandi."), username, status=422)
    crm = crm_of(request)
    try:
        token, _ = await run_in_threadpool(
            sign_in,
            crm,
            username,
            password,
            client_key(request),
            request.cookies.get(SESSION_COOKIE),
        )
    except SignInRefused as refused:
        await asyncio.sleep(crm.settings.console_failure_delay_ms / 1000)
        minutes = max(1, (refused.wait_seconds + 59) // 60)
        if refused.reason == "locked":
            message = say(
                "Akun ini dikunci sementara karena terlalu banyak percobaan yang salah. "
                "Coba lagi dalam {minutes} menit."
            )
            return _form(request, message, username, status=429, minutes=minutes)
        if refused.reason == "address_limited":
            message = say(
                "Terlalu banyak percobaan masuk yang salah dari jaringan Anda. "
                "Coba lagi dalam {minutes} menit."
            )
            limited = _form(request, message, username, status=429, minutes=minutes)
            limited.headers["Retry-After"] = str(refused.wait_seconds)
            return limited
        return _form(request, say("Nama pengguna atau kata sandi salah."), username, status=401)
    response = RedirectResponse(safe_next(next_path), status_code=303)
    _cookie(response, request, SESSION_COOKIE, token, crm.settings.console_session_hours * 3600)
    response.delete_cookie(PRE_COOKIE, path="/console")
    return response


@router.post("/console/logout", include_in_schema=False)
async def sign_out_post(request: Request, staff: Staff) -> Response:
    del staff  # the dependency checked the session and the form's CSRF token
    await run_in_threadpool(sign_out, crm_of(request), request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/console/login?out=1", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/console")
    return response


@router.get("/console/lang/{code}", include_in_schema=False)
async def choose_language(request: Request, code: str) -> Response:
    response = RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    if code in LANGUAGES:
        _cookie(response, request, LANG_COOKIE, code, 365 * 24 * 3600)
    return response
