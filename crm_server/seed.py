"""Demo data: staff for every role, an Open311 key and a handful of complaints in
different states, so that a fresh CRM shows something on every screen."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import dataclass

from complaint_domain.complaint import WIB
from complaint_domain.ticket import mint, new_tracking_token
from crm_server.core.auth import add_api_key
from crm_server.core.crm import Crm
from crm_server.core.desks import desk_by_code
from crm_server.core.response_templates import TemplateText, all_templates, save_template
from crm_server.core.schemas import ActionRequest
from crm_server.core.staff_sign_in import set_password
from crm_server.core.workflow import Workflow

DEMO_DESK = ("PBK1", "Pendopo Balai Kota")
DEMO_KELURAHAN = "31.71.01.1001"  # Gambir, in the shipped demo area set


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    role: str
    unit_code: str


DEMO_USERS = (
    DemoUser("admin.kanal", "Admin Kanal Pendopo", "channel_admin", ""),
    DemoUser("lurah.gambir", "Staf Kelurahan Gambir", "kelurahan", DEMO_KELURAHAN),
    DemoUser("dinas.binamarga", "Dinas Bina Marga", "dinas", "BINAMARGA"),
    DemoUser(
        "sudin.binamarga.jp", "Sudin Bina Marga Jakarta Pusat", "suku_dinas", "BINAMARGA@31.71"
    ),
    DemoUser("verifikator", "Verifikator Biro Pemerintahan", "verifier", ""),
    DemoUser("koordinator", "Koordinator Kota", "koordinator", ""),
    DemoUser("admin.crm", "Administrator CRM", "admin", ""),
)
# Ready texts for the console's step forms: (title, action, category, text).
DEMO_TEMPLATES = (
    (
        "Tolak: di luar kewenangan Pemprov",
        "reject",
        "",
        "Aduan ini di luar kewenangan Pemerintah Provinsi DKI Jakarta. Silakan "
        "sampaikan kepada instansi yang berwenang.",
    ),
    (
        "Tolak: data kurang lengkap",
        "reject",
        "",
        "Lokasi dan uraian aduan belum cukup untuk ditindaklanjuti. Silakan datang "
        "kembali ke meja aduan dengan keterangan yang lebih lengkap.",
    ),
    (
        "Teruskan ke Dinas",
        "forward",
        "",
        "Mohon ditindaklanjuti sesuai kewenangan Dinas. Lokasi sudah diperiksa oleh kelurahan.",
    ),
    (
        "Jalan sudah diperbaiki",
        "report",
        "JALAN",
        "Kerusakan jalan sudah diperbaiki. Foto sebelum dan sesudah perbaikan terlampir.",
    ),
    (
        "Sampah sudah diangkut",
        "report",
        "KEBERSIHAN",
        "Sampah sudah diangkut dan lokasi sudah dibersihkan. Foto terlampir.",
    ),
    (
        "Kembalikan: bukti kurang",
        "return",
        "",
        "Foto belum menunjukkan hasil tindak lanjut di lokasi yang diadukan. Mohon "
        "lengkapi bukti sebelum diverifikasi kembali.",
    ),
)
# The console password of every demo account (MEJA_CRM_DEMO_PASSWORD when set).
DEFAULT_DEMO_PASSWORD = "demo-meja-aduan"


def demo_password() -> str:
    return os.environ.get("MEJA_CRM_DEMO_PASSWORD", "").strip() or DEFAULT_DEMO_PASSWORD


def demo_item(
    desk: str, day: dt.date, seq: int, description: str, category: str
) -> dict[str, object]:
    return {
        "type": "complaint",
        "id": str(uuid.uuid4()),
        "ticket_code": str(mint(desk, day, seq)),
        "tracking_token": new_tracking_token(),
        "created_at": dt.datetime.combine(day, dt.time(8, 15), WIB).isoformat(),
        "channel": "PENDOPO",
        "officer": "Petugas Demo",
        "urgency": "normal",
        "category_code": category,
        "description": description,
        "earlier_references": [],
        "complainant": {
            "name": "Warga Demo",
            "consent_given_at": dt.datetime.combine(day, dt.time(8, 10), WIB).isoformat(),
        },
        "location": {"kelurahan_code": DEMO_KELURAHAN, "street": "Jl. Medan Merdeka Selatan"},
        "attachments": [],
    }


def seed_templates(crm: Crm) -> int:
    """The demo response templates that are not there yet (by title); how many."""
    have = {t.title for t in all_templates(crm)}
    added = 0
    for title, action, category, body in DEMO_TEMPLATES:
        if title not in have:
            save_template(crm, "seed-demo", TemplateText(0, title, action, category, body))
            added += 1
    return added


@dataclass(frozen=True)
class DemoSeed:
    """What the CLI prints once: the staff tokens and a new Open311 API key (never a
    fixed one: a demo reachable from a network would take it from anyone)."""

    staff_tokens: dict[str, str]
    open311_api_key: str


def seed_demo(crm: Crm, password: str | None = None) -> DemoSeed:
    """Every demo account gets ``password`` as its console password
    (``demo_password()`` by default)."""
    tokens = {
        u.username: crm.create_user(u.username, u.display_name, u.role, u.unit_code)
        for u in DEMO_USERS
    }
    for u in DEMO_USERS:
        set_password(crm, u.username, password or demo_password(), actor="seed-demo")
    api_key = add_api_key(crm, "demo")
    seed_templates(crm)
    crm.create_enrolment(*DEMO_DESK)  # makes sure the desk exists
    desk = desk_by_code(crm, DEMO_DESK[0])
    assert desk is not None
    today = crm.today()
    day = today - dt.timedelta(days=1)
    base = 9000  # demo tickets use high sequence numbers, away from the desk's own
    specs = [
        ("Jalan berlubang besar di depan halte, membahayakan pengendara motor.", "JALAN.RUSAK", []),
        (
            "Sampah tidak diangkut sejak seminggu, menumpuk di pinggir jalan.",
            "KEBERSIHAN.SAMPAH",
            ["accept"],
        ),
        (
            "Saluran air tersumbat, setiap hujan jalan tergenang.",
            "AIR.SALURAN",
            ["accept", "handle"],
        ),
        (
            "Lubang jalan di depan sekolah makin lebar.",
            "JALAN.RUSAK",
            ["accept", "forward", "assign", "report"],
        ),
        (
            "Lampu jalan mati di gang, rawan di malam hari.",
            "JALAN.PJU",
            ["accept", "forward", "assign", "report", "approve"],
        ),
    ]
    items = [demo_item(desk.code, day, base + i, d, c) for i, (d, c, _) in enumerate(specs)]
    crm.push(desk, items)
    workflow = Workflow(crm)
    actors = {
        "accept": "admin.kanal",
        "handle": "lurah.gambir",
        "forward": "lurah.gambir",
        "assign": "dinas.binamarga",
        "report": "sudin.binamarga.jp",
        "approve": "verifikator",
    }
    for item, (_, _, actions) in zip(items, specs, strict=True):
        for action in actions:
            user = crm.user_for_token(tokens[actors[action]])
            note = "Sudah diperbaiki, foto terlampir." if action == "report" else ""
            workflow.act(user, str(item["ticket_code"]), ActionRequest(action=action, note=note))  # type: ignore[arg-type]
    return DemoSeed(tokens, api_key)
