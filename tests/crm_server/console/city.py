"""A small city for the inbox and dashboard tests: complaints in every state, in
two kelurahan of two kota, for two Dinas, each moved through the real workflow by
the demo users (one of each role, ``accounts``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from crm_server.core.auth import UserAuth
from crm_server.core.crm import Crm
from crm_server.core.schemas import ActionRequest
from crm_server.core.workflow import Workflow
from crm_server.db.models import User
from tests.crm_server.conftest import complaint_item

GAMBIR = "31.71.01.1001"  # Jakarta Pusat
TEBET_TIMUR = "31.74.01.1001"  # Jakarta Selatan
_TICKET = re.compile(r'class="ticket" href="/console/c/([A-Z0-9-]+)"')

# name: (kelurahan, category, the steps: (user, action, note))
CASES: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "received": (GAMBIR, "JALAN.RUSAK", []),
    "coordination": (GAMBIR, "JALAN.RUSAK", [("admin.kanal", "accept")]),
    "disposition": (
        GAMBIR,
        "JALAN.RUSAK",
        [("admin.kanal", "accept"), ("lurah.gambir", "forward")],
    ),
    "in_progress": (
        GAMBIR,
        "JALAN.RUSAK",
        [("admin.kanal", "accept"), ("lurah.gambir", "forward"), ("dinas.binamarga", "assign")],
    ),
    "verification": (
        GAMBIR,
        "JALAN.RUSAK",
        [
            ("admin.kanal", "accept"),
            ("lurah.gambir", "forward"),
            ("dinas.binamarga", "assign"),
            ("sudin.binamarga.jp", "report"),
        ],
    ),
    "handled_by_kelurahan": (
        GAMBIR,
        "KEBERSIHAN.SAMPAH",
        [("admin.kanal", "accept"), ("lurah.gambir", "handle")],
    ),
    "other_dinas": (
        GAMBIR,
        "KEBERSIHAN.SAMPAH",
        [("admin.kanal", "accept"), ("lurah.gambir", "forward")],
    ),
    "other_kota_coordination": (TEBET_TIMUR, "JALAN.RUSAK", [("admin.kanal", "accept")]),
    "other_kota_in_progress": (
        TEBET_TIMUR,
        "JALAN.RUSAK",
        [("admin.kanal", "accept"), ("lurah.gambir", "forward"), ("dinas.binamarga", "assign")],
    ),
    "done": (
        GAMBIR,
        "JALAN.PJU",
        [
            ("admin.kanal", "accept"),
            ("lurah.gambir", "handle"),
            ("lurah.gambir", "report"),
            ("verifikator", "approve"),
        ],
    ),
}
# What waits for whom (the demo users).
WAITING = {
    "admin.kanal": {"received"},
    "lurah.gambir": {"coordination", "handled_by_kelurahan"},
    "dinas.binamarga": {"disposition"},
    "sudin.binamarga.jp": {"in_progress"},
    "verifikator": {"verification"},
}


def user(crm: Crm, username: str) -> UserAuth:
    with crm.sessions() as session:
        u = session.scalars(select(User).where(User.username == username)).one()
        return UserAuth(u.id, u.username, u.display_name, u.role, u.unit_code)


def act(crm: Crm, username: str, ticket: str, action: str, **extra: Any) -> None:
    note = "Sudah ditindaklanjuti." if action in ("report", "return") else ""
    request = ActionRequest(action=action, note=note, **extra)  # type: ignore[arg-type]
    Workflow(crm).act(user(crm, username), ticket, request)


def build_city(crm: Crm, push: Callable[..., dict[str, Any]]) -> dict[str, str]:
    """The cases above, as complaints; their ticket codes by name. A complaint of
    Tebet Timur is forwarded by a kelurahan user of its own (``lurah.tebettimur``)."""
    crm.create_user("lurah.tebettimur", "Staf Kelurahan Tebet Timur", "kelurahan", TEBET_TIMUR)
    tickets = {}
    for name, (kelurahan, category, steps) in CASES.items():
        item = complaint_item(category_code=category)
        item["location"]["kelurahan_code"] = kelurahan
        push(item)
        tickets[name] = item["ticket_code"]
        for who, action in steps:
            if kelurahan == TEBET_TIMUR and who == "lurah.gambir":
                who = "lurah.tebettimur"
            act(crm, who, item["ticket_code"], action)
    return tickets


def tickets_on(html: str) -> list[str]:
    return _TICKET.findall(html)
