"""Rendering a console page: the Jinja2 templates shipped in this package, the
translator of the user's language, the frame's navigation for their role, and the
headers every page carries (no caching of staff pages, no framing, a strict CSP:
the one script and style sheet come from ``/console/static/``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from crm_server.console.words import LANGUAGES, say, translator
from crm_server.core.auth import ROLE_LABELS
from crm_server.core.staff_sign_in import StaffSessionInfo

TEMPLATES = Environment(
    loader=PackageLoader("crm_server.console", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
LANG_COOKIE = "meja_console_lang"
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


@dataclass(frozen=True)
class NavItem:
    path: str
    label: str
    roles: frozenset[str]  # empty: every role
    channel: str = ""  # a channel's page: for its admins and those of no channel

    def shown_to(self, role: str, unit_code: str) -> bool:
        if self.roles and role not in self.roles:
            return False
        return not self.channel or unit_code in ("", self.channel)


NAV = (
    NavItem("/console/", say("Kotak masuk"), frozenset()),
    NavItem("/console/kanal/catat", say("Catat dari kanal"), frozenset({"channel_admin"})),
    NavItem("/console/kanal/email", say("Triase e-mail"), frozenset({"channel_admin"}), "EMAIL"),
    NavItem("/console/kanal/sms", say("Triase SMS"), frozenset({"channel_admin"}), "SMS"),
    NavItem("/console/dashboard", say("Dasbor kota"), frozenset({"koordinator", "admin"})),
    NavItem("/console/admin/", say("Administrasi"), frozenset({"admin"})),
)


def language(request: Request) -> str:
    lang = request.cookies.get(LANG_COOKIE, "id")
    return lang if lang in LANGUAGES else "id"


def page(
    request: Request,
    template: str,
    staff: StaffSessionInfo | None = None,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """The page ``template`` for this request's user (``staff``; None on the
    sign-in and error pages of a visitor)."""
    lang = language(request)
    default_here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    here = context.pop("here", default_here)
    nav = []
    if staff is not None:
        nav = [item for item in NAV if item.shown_to(staff.user.role, staff.user.unit_code)]
    body = TEMPLATES.get_template(template).render(
        t=translator(lang),
        lang=lang,
        staff=staff,
        user=staff.user if staff else None,
        role_label=ROLE_LABELS.get(staff.user.role, "") if staff else "",
        csrf_token=staff.csrf_token if staff else "",
        nav=nav,
        path=request.url.path,
        here=here,
        **context,
    )
    return HTMLResponse(body, status_code=status_code, headers={**HEADERS, **(headers or {})})


def error_page(request: Request, staff: StaffSessionInfo | None, status_code: int) -> HTMLResponse:
    """Not found (also for what this user may not see: the same page, so that
    nobody learns what exists), forbidden, or an expired form."""
    # The language link leads back to the inbox, not to the path asked for: an error
    # page repeats nothing a client put in the address (a NIK, a name).
    return page(
        request, "error.html", staff, status_code=status_code, kind=status_code, here="/console/"
    )
