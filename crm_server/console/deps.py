"""Who is asking, in the console: the session behind the cookie, and the CSRF
check every form post passes.

A page of a visitor with no (or an expired) session answers with the sign-in page's
address; a form post without its session's CSRF token is refused. Handlers take
``Staff`` (any signed-in user) or ``staff_with_role(...)``.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Path, Request
from fastapi.concurrency import run_in_threadpool

from crm_server.core.bounds import MAX_ROW_ID
from crm_server.core.crm import Crm
from crm_server.core.staff_sign_in import StaffSessionInfo, session_for

SESSION_COOKIE = "meja_console"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class SignInNeeded(Exception):
    """Answered with a redirect to the sign-in page (see ``console.routes``)."""

    def __init__(self, next_path: str, expired: bool) -> None:
        super().__init__(next_path)
        self.next_path = next_path
        self.expired = expired


class ConsoleRefusal(Exception):
    """Answered with the console's error page: 404 (also for what this user may
    not see), 403 (a role that may not open the page) or 400 (a bad CSRF token)."""

    def __init__(self, status_code: int, staff: StaffSessionInfo | None = None) -> None:
        super().__init__(status_code)
        self.status_code = status_code
        self.staff = staff


def crm_of(request: Request) -> Crm:
    crm: Crm = request.app.state.crm
    return crm


def login_url(next_path: str = "/console/", expired: bool = False) -> str:
    url = "/console/login?next=" + quote(next_path, safe="/")
    return url + "&expired=1" if expired else url


def safe_next(next_path: str | None) -> str:
    """Only a console page of this site: never an address elsewhere."""
    if not next_path or not next_path.startswith("/console/") or "//" in next_path:
        return "/console/"
    if "\\" in next_path or any(ord(ch) < 32 for ch in next_path):
        return "/console/"
    return next_path


async def csrf_ok(request: Request, expected: str) -> bool:
    """The form's ``csrf_token`` (or the ``X-CSRF-Token`` header of a script's
    request) equals the session's."""
    sent = request.headers.get("x-csrf-token", "")
    if not sent:
        form = await request.form()
        value = form.get("csrf_token", "")
        sent = value if isinstance(value, str) else ""
    return bool(sent) and hmac.compare_digest(sent.encode(), expected.encode())


async def current_staff(request: Request) -> StaffSessionInfo:
    token = request.cookies.get(SESSION_COOKIE, "")
    staff = await run_in_threadpool(session_for, crm_of(request), token)
    if staff is None:
        target = request.url.path if request.method == "GET" else "/console/"
        raise SignInNeeded(target, expired=bool(token))
    if request.method in UNSAFE and not await csrf_ok(request, staff.csrf_token):
        raise ConsoleRefusal(400, staff)
    return staff


Staff = Annotated[StaffSessionInfo, Depends(current_staff)]
# A row's id in a console path: beyond a 64-bit integer the database's look-up overflowed.
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]


def staff_with_role(*roles: str) -> Callable[..., object]:
    """A dependency: a signed-in user of one of ``roles``, or the 403 page."""

    async def dependency(staff: Staff) -> StaffSessionInfo:
        if staff.user.role not in roles:
            raise ConsoleRefusal(403, staff)
        return staff

    return dependency
