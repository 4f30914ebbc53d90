"""What the complaint page shows, read in one session: the intake fields, the files,
the history (public and internal), and the forms of the actions this user may take
now (``complaint_forms``). No personal data of the citizen
here: their contact is read only behind "Tampilkan kontak" (``contact_of``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from complaint_domain.areas import AreaIndex
from complaint_domain.complaint import WIB
from complaint_domain.reference import CHANNEL_BY_CODE, category_label
from complaint_domain.status import Status, public_status_text
from crm_server.console.complaint_forms import STATE_WORDS, ActionForm, action_form, actions_now
from crm_server.console.words import say
from crm_server.core import timing
from crm_server.core.auth import UserAuth
from crm_server.core.complaints import reporter_counts, shown_unit
from crm_server.core.crm import Crm
from crm_server.core.visibility import AGENCY_ROLES, may_see_contact
from crm_server.db.models import Complaint, CoReporter, Event

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
KIND_WORDS = {
    "citizen_added": say("Tambahan dari warga (meja)"),
    "reporter_added": say("Pelapor tambahan (meja)"),
    "desk_visit": say("Warga datang ke meja (tindak lanjut)"),
    "note": say("Catatan internal"),
}
# A co-reporter added by a channel admin's triage (no desk: the CRM added them).
TRIAGE_REPORTER = say("Pelapor tambahan (triase kanal)")


def when(moment: dt.datetime) -> str:
    local = moment.astimezone(WIB)
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year}, {local:%H.%M} WIB"


def day(value: dt.date | None) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else ""


@dataclass(frozen=True)
class FileView:
    sha256: str
    media_type: str
    name: str
    size_kb: int
    url: str

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/") and self.media_type != "image/tiff"


@dataclass(frozen=True)
class HistoryLine:
    at: str
    label: str
    kind_words: str  # "" for a public status step
    internal: bool
    actor: str
    unit: str
    note: str
    files: list[FileView]


@dataclass
class ComplaintView:
    ticket_code: str
    category_code: str
    state: str
    public_label: str
    fields: list[tuple[str, str]]
    description: str
    references: list[str]
    files: list[FileView]
    history: list[HistoryLine]
    actions: list[ActionForm]
    overdue: bool
    digantung: bool
    due_date: str
    unit: str
    may_see_contact: bool
    private_identity: bool


def file_views(ticket: str, refs: list[dict[str, Any]]) -> list[FileView]:
    return [
        FileView(
            r["sha256"],
            r.get("media_type", ""),
            r.get("original_name") or r["sha256"][:12],
            max(1, int(r.get("size", 0)) // 1024),
            f"/console/c/{ticket}/files/{r['sha256']}",
        )
        for r in refs
        if isinstance(r, dict) and r.get("sha256")
    ]


def history(session: Session, c: Complaint) -> list[HistoryLine]:
    lines = []
    for e in session.scalars(select(Event).where(Event.complaint_pk == c.pk).order_by(Event.seq)):
        kind_words = KIND_WORDS.get(e.kind, "") if e.kind != "status" else ""
        if e.kind == "reporter_added" and e.desk_id is None:
            kind_words = TRIAGE_REPORTER
        note = e.note if e.kind != "reporter_added" else ""  # the reporter is personal data
        lines.append(
            HistoryLine(
                when(e.at),
                e.public_label,
                kind_words,
                not e.public,
                e.actor,
                e.unit_name,
                note,
                file_views(c.ticket_code, e.attachments or []),
            )
        )
    return lines


def complaint_view(
    crm: Crm, session: Session, areas: AreaIndex, user: UserAuth, c: Complaint
) -> ComplaintView:
    """Read in the caller's ``session``, which holds the only connection this
    request may use (SQLite: every transaction is an immediate one), so ``areas``
    are read before it."""
    status = Status(c.status)
    location = c.location or {}
    place = ", ".join(
        p
        for p in (
            location.get("street", ""),
            location.get("rt_rw", "") and "RT/RW " + location["rt_rw"],
        )
        if p
    )
    channel = CHANNEL_BY_CODE.get(c.channel)
    reporters = reporter_counts(session, [c.pk])[c.pk]
    fields = [
        (say("Kategori"), category_label(c.category_code)),
        (say("Kelurahan"), areas.describe(c.kelurahan_code) or c.kelurahan_code),
        (say("Lokasi"), place),
        (say("Patokan"), str(location.get("landmark", ""))),
        (say("Urgensi"), say("Mendesak") if c.urgency == "urgent" else say("Biasa")),
        (say("Kanal"), channel.name if channel else c.channel),
        (say("Dicatat"), when(c.created_at)),
        (say("Diterima CRM"), when(c.received_at)),
        (say("Petugas"), c.officer),
        (say("Jumlah pelapor"), str(reporters)),
    ]
    today = crm.today()
    return ComplaintView(
        ticket_code=c.ticket_code,
        category_code=c.category_code,
        state=STATE_WORDS[status],
        public_label=public_status_text(status, c.reason, c.merged_into),
        fields=[(label, value) for label, value in fields if value],
        description=c.description,
        references=[str(r) for r in c.earlier_references or []],
        files=file_views(c.ticket_code, c.attachments or []),
        history=history(session, c),
        actions=[
            action_form(crm, session, areas, user, c, name, folded=i > 0)
            for i, name in enumerate(actions_now(user, c))
        ],
        overdue=timing.is_overdue(crm, c, today),
        digantung=timing.is_digantung(crm, c, today),
        due_date=day(c.due_date) if not status.is_final else "",
        unit=shown_unit(c),
        may_see_contact=may_see_contact(user, c),
        private_identity=bool((c.complainant or {}).get("keep_identity_private")),
    )


def contact_of(session: Session, c: Complaint, user: UserAuth) -> list[dict[str, str]]:
    """The citizen's name and contact, and each co-reporter's (personal data:
    shown once, after the look is recorded; never logged). A person who asked to keep
    their identity from the agencies is left out for an agency's staff, each by their
    own choice (the first reporter's choice already keeps the whole contact from them)."""
    people = [c.complainant or {}]
    people += [
        r.reporter
        for r in session.scalars(
            select(CoReporter).where(CoReporter.complaint_pk == c.pk).order_by(CoReporter.at)
        )
    ]
    hide_private = user.role in AGENCY_ROLES
    shown = []
    for p in people:
        if not p.get("name"):
            continue
        if hide_private and p.get("keep_identity_private"):
            shown.append({"name": "", "phone": "", "address": "", "private": "1"})
        else:
            shown.append({k: str(p.get(k, "")) for k in ("name", "phone", "address")})
    return shown
