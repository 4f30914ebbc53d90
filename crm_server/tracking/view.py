"""The public tracking page the receipt QR opens: ``/T/{code}/{token}``.

Shows only what is safe for anyone holding the receipt: the ticket code, the steps
with dates, the state in words, the next due date, the handling unit and how many
citizens reported the problem (a count). Never a
name, NIK, phone, address or the description. Any wrong input (malformed code,
unknown code, wrong token) gives the very same not-found page, so the page cannot
be used to probe which codes exist.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass, field

from sqlalchemy import select

from complaint_domain.complaint import WIB
from complaint_domain.status import Status, public_status_text
from complaint_domain.ticket import TicketCodeError, normalise_tracking_token, parse_ticket_code
from crm_server.core.complaints import reporter_counts, shown_unit
from crm_server.core.schemas import holds_nul
from crm_server.core.workflow import Workflow
from crm_server.db.models import Complaint, Event

_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

RETURNED_LABEL = "Dikembalikan oleh verifikator untuk diperbaiki"
STEPS = ("Diterima", "Diproses", "Verifikasi", "Selesai")
_STEP_OF = {
    Status.RECEIVED: 0,
    Status.COORDINATION: 1,
    Status.DISPOSITION: 1,
    Status.IN_PROGRESS: 1,
    Status.RETURNED: 1,
    Status.VERIFICATION: 2,
    Status.DONE: 3,
}
EXPLANATIONS = {
    Status.RECEIVED: "Aduan Anda sudah kami terima dan sedang diperiksa kelengkapannya.",
    Status.COORDINATION: "Aduan Anda sedang dipelajari oleh kelurahan.",
    Status.DISPOSITION: "Aduan Anda sudah diteruskan ke dinas yang berwenang.",
    Status.IN_PROGRESS: "Petugas sedang menangani aduan Anda.",
    Status.RETURNED: "Hasil penanganan diminta diperbaiki. Petugas sedang menanganinya lagi.",
    Status.VERIFICATION: "Petugas sudah melaporkan hasilnya. Biro Pemerintahan sedang memeriksa.",
    Status.DONE: "Aduan Anda sudah selesai ditangani dan diperiksa.",
    Status.REJECTED: "Aduan Anda tidak dapat ditindaklanjuti.",
    Status.DUPLICATE: "Aduan Anda digabung dengan aduan lain tentang masalah yang sama.",
}


def tanggal(day: dt.date | dt.datetime | None) -> str:
    """ "Senin, 24 November 2026"."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = day.astimezone(WIB).date()
    return f"{_DAYS[day.weekday()]}, {day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass
class Step:
    name: str
    date: str = ""
    done: bool = False
    current: bool = False


@dataclass(frozen=True)
class HistoryLine:
    """A public step: its date, its label and the staff's public note (never an
    internal note: those events are not public)."""

    date: str
    label: str
    unit: str
    note: str


@dataclass
class TrackingView:
    ticket_code: str
    status: str
    public_label: str
    explanation: str
    unit: str
    steps: list[Step] = field(default_factory=list)
    due_date: str = ""
    due_date_iso: str | None = None
    last_update: str = ""
    digantung: bool = False
    overdue: bool = False  # the due date has passed (digantung or not)
    quiet_days: int = 0
    closed: bool = False
    merged_into: str = ""
    reporter_count: int = 1  # "dilaporkan oleh N warga": a count, never a name
    history: list[HistoryLine] = field(default_factory=list)  # the public steps, oldest first

    def as_json(self) -> dict[str, object]:
        return {
            "ticket_code": self.ticket_code,
            "status": self.status,
            "public_label": self.public_label,
            "explanation": self.explanation,
            "unit": self.unit,
            "steps": [{"name": s.name, "date": s.date, "done": s.done} for s in self.steps],
            "due_date": self.due_date_iso,
            "last_update": self.last_update,
            "digantung": self.digantung,
            "overdue": self.overdue,
            "quiet_working_days": self.quiet_days,
            "reporter_count": self.reporter_count,
            "history": [
                {"date": h.date, "label": h.label, "unit": h.unit, "note": h.note}
                for h in self.history
            ],
        }


def lookup(workflow: Workflow, code_text: str, token_text: str) -> TrackingView | None:
    # The forgiving reading takes any run of other characters for a dash; a NUL,
    # refused in every other input (schemas.Text), is a wrong input here too.
    if holds_nul(code_text) or holds_nul(token_text):
        return None
    try:
        code = str(parse_ticket_code(code_text))
    except TicketCodeError:
        code = None
    token = normalise_tracking_token(token_text)
    crm = workflow.crm
    with crm.sessions() as session:
        complaint = (
            session.scalar(select(Complaint).where(Complaint.ticket_code == code))
            if code and token
            else None
        )
        # compare_digest even on a miss, so timing tells nothing about which part failed
        expected = complaint.tracking_token if complaint else "000000"
        if not hmac.compare_digest(expected, token or "") or complaint is None:
            return None
        firsts: dict[int, dt.datetime] = {}
        history = []
        for status_text, at, label, unit, note in session.execute(
            select(Event.status, Event.at, Event.public_label, Event.unit_name, Event.note)
            .where(
                Event.complaint_pk == complaint.pk,
                Event.kind == "status",
                Event.public.is_(True),
            )
            .order_by(Event.seq)
        ):
            step = _STEP_OF.get(Status(status_text))
            if step is not None and step not in firsts:
                firsts[step] = at
            if status_text == Status.RETURNED.value:
                # Its status label ("Proses") would hide that the verifier sent the
                # work back: the citizen reads it in words.
                label = RETURNED_LABEL
            history.append(HistoryLine(tanggal(at), label, unit, note))
        reporters = reporter_counts(session, [complaint.pk])[complaint.pk]
        view = _view(workflow, complaint, firsts, reporters)
        view.history = history
        return view


def _view(
    workflow: Workflow, c: Complaint, firsts: dict[int, dt.datetime], reporters: int
) -> TrackingView:
    status = Status(c.status)
    current = _STEP_OF.get(status)
    steps = []
    for i, name in enumerate(STEPS):
        reached = current is not None and i <= current
        steps.append(
            Step(
                name,
                date=tanggal(firsts.get(i)) if reached else "",
                done=reached,
                current=i == current,
            )
        )
    if current is None:  # rejected or merged: only "Diterima" happened
        steps[0] = Step(STEPS[0], tanggal(c.received_at), done=True)
    today = workflow.crm.today()
    return TrackingView(
        ticket_code=c.ticket_code,
        status=status.value,
        public_label=public_status_text(status, c.reason, c.merged_into),
        explanation=EXPLANATIONS.get(status, ""),
        unit=shown_unit(c),
        steps=steps,
        due_date=tanggal(c.due_date),
        due_date_iso=c.due_date.isoformat() if c.due_date else None,
        last_update=tanggal(c.last_public_update_at),
        digantung=workflow.is_digantung(c, today),
        overdue=workflow.is_overdue(c, today),
        quiet_days=workflow.quiet_days(c, today),
        closed=status.is_final,
        merged_into=c.merged_into,
        reporter_count=reporters,
    )
