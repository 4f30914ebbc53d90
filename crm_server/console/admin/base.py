"""What the admin pages share: the admin-only dependency, the answer after a
change (back to the page with a notice of what was done: a reload sends nothing
twice), the notices' words and times in Jakarta time."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from complaint_domain.complaint import WIB
from crm_server.console.deps import staff_with_role
from crm_server.console.render import page
from crm_server.console.words import say
from crm_server.core.staff_sign_in import StaffSessionInfo

Admin = Annotated[StaffSessionInfo, Depends(staff_with_role("admin"))]

NOTICES = {
    "saved": say("Perubahan disimpan."),
    "nothing": say("Tidak ada yang berubah."),
    "created": say("Akun dibuat."),
    "password": say("Kata sandi diganti; semua sesi pengguna ini diakhiri."),
    "deactivated": say("Akun dinonaktifkan; semua sesinya diakhiri."),
    "reactivated": say("Akun diaktifkan kembali."),
    "unlocked": say("Kunci akun dibuka."),
    "added": say("Hari libur ditambahkan."),
    "removed": say("Hari libur dihapus."),
    "deleted": say("Templat dihapus."),
}


def wib(value: dt.datetime | None) -> str:
    """``18-11-2026 09:00 WIB``; "" for none."""
    if value is None:
        return ""
    return value.astimezone(WIB).strftime("%d-%m-%Y %H:%M") + " WIB"


def admin_page(
    request: Request,
    template: str,
    staff: StaffSessionInfo,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """An admin page with the notice of the change just made (``?done=``)."""
    notice = NOTICES.get(request.query_params.get("done", ""), "")
    return page(
        request,
        f"admin/{template}",
        staff,
        status_code=status_code,
        notice=notice,
        wib=wib,
        **context,
    )


def done(path: str, what: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?done={what}", status_code=303)
