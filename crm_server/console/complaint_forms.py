"""The forms of the actions a user may take now on a complaint: which ones (the
usual step first, its form open), their choices (the routing rule's agency, the
Suku Dinas of the area, similar earlier complaints to merge into) and their
response templates."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from complaint_domain.areas import AreaIndex, AreaLevel
from complaint_domain.reference import AGENCIES, AGENCY_BY_CODE
from complaint_domain.status import Status
from crm_server.console.words import say
from crm_server.core.auth import UserAuth
from crm_server.core.crm import Crm
from crm_server.core.response_templates import TemplateText, for_step
from crm_server.core.visibility import handles_now, visible
from crm_server.core.workflow import ACTIONS, Workflow
from crm_server.db.models import Complaint

SUGGESTION_LIMIT = 5
SIMILAR_ENOUGH = 0.3
# What each state means for the staff (the public label is the citizen's).
STATE_WORDS = {
    Status.RECEIVED: say("Menunggu pemeriksaan admin kanal"),
    Status.COORDINATION: say("Koordinasi di kelurahan"),
    Status.DISPOSITION: say("Disposisi: menunggu dinas menunjuk suku dinas"),
    Status.IN_PROGRESS: say("Dalam penanganan"),
    Status.VERIFICATION: say("Menunggu verifikasi Biro Pemerintahan"),
    Status.RETURNED: say("Dikembalikan verifikator: perlu penanganan lagi"),
    Status.DONE: say("Selesai"),
    Status.REJECTED: say("Ditolak"),
    Status.DUPLICATE: say("Digabung dengan aduan lain"),
}
# Each action's heading and its button.
ACTION_WORDS = {
    "accept": (say("Terima dan teruskan ke kelurahan"), say("Terima aduan")),
    "reject": (say("Tolak aduan"), say("Tolak aduan")),
    "merge": (say("Gabungkan dengan aduan yang lebih dulu"), say("Gabungkan")),
    "handle": (say("Tangani sendiri oleh kelurahan"), say("Tangani sendiri")),
    "forward": (say("Teruskan ke dinas"), say("Teruskan ke dinas")),
    "assign": (say("Tunjuk suku dinas"), say("Tunjuk suku dinas")),
    "report": (say("Laporkan hasil penanganan"), say("Kirim laporan")),
    "approve": (say("Verifikasi: aduan selesai"), say("Verifikasi selesai")),
    "return": (say("Kembalikan ke penangan"), say("Kembalikan")),
}
# The usual step first (its form open), the others folded below it.
FIRST_SHOWN = (
    "accept",
    "forward",
    "assign",
    "report",
    "approve",
    "handle",
    "return",
    "merge",
    "reject",
)
NOTE_REQUIRED = frozenset({"report", "return"})


@dataclass(frozen=True)
class Suggestion:
    ticket_code: str
    excerpt: str
    similarity: int  # percent
    state: str


@dataclass
class ActionForm:
    """One action's form; ``values`` and ``error`` are the user's text and the
    refusal when the form comes back."""

    name: str
    templates: list[TemplateText]
    values: dict[str, str] = field(default_factory=dict)
    error: str = ""
    error_values: dict[str, Any] = field(default_factory=dict)
    agencies: list[tuple[str, str]] = field(default_factory=list)
    suggested_agency: str = ""
    suggestions: list[Suggestion] = field(default_factory=list)
    unit_name: str = ""
    kelurahans: list[tuple[str, str]] = field(default_factory=list)  # when it must be named
    folded: bool = False  # shown closed below the usual step


def actions_now(user: UserAuth, c: Complaint) -> list[str]:
    """The actions this user may take on the complaint now (the workflow checks
    them again when one is sent)."""
    if not handles_now(user, c):
        return []
    status = Status(c.status)
    return sorted(
        (
            name
            for name, action in ACTIONS.items()
            if user.role in action.roles and status in action.sources
        ),
        key=FIRST_SHOWN.index,
    )


def merge_suggestions(session: Session, user: UserAuth, c: Complaint) -> list[Suggestion]:
    """Open complaints received before this one, of the same category in the same
    kelurahan, that this user may see, the most similar descriptions first."""
    finals = [s.value for s in Status if s.is_final]
    rows = session.execute(
        select(Complaint.ticket_code, Complaint.description, Complaint.status)
        .where(
            visible(user),
            Complaint.category_code == c.category_code,
            Complaint.kelurahan_code == c.kelurahan_code,
            Complaint.pk < c.pk,
            Complaint.status.not_in(finals),
        )
        .order_by(Complaint.pk.desc())
        .limit(200)
    ).all()
    mine = c.description.casefold()
    scored = []
    for code, text, status in rows:
        ratio = difflib.SequenceMatcher(None, mine, text.casefold()).ratio()
        if ratio >= SIMILAR_ENOUGH:
            excerpt = text if len(text) <= 140 else text[:139] + "…"
            scored.append(
                Suggestion(code, excerpt, round(ratio * 100), STATE_WORDS[Status(status)])
            )
    scored.sort(key=lambda s: -s.similarity)
    return scored[:SUGGESTION_LIMIT]


def action_form(
    crm: Crm,
    session: Session,
    areas: AreaIndex,
    user: UserAuth,
    c: Complaint,
    name: str,
    folded: bool = False,
) -> ActionForm:
    """The form's choices (its templates follow: ``add_templates``)."""
    form = ActionForm(name, [], folded=folded)
    if name == "forward":
        form.agencies = [(a.code, a.name) for a in AGENCIES]
        form.suggested_agency = c.agency_code or Workflow(crm).agency_for(session, c.category_code)
    elif name == "accept" and areas.get(c.kelurahan_code) is None:
        form.kelurahans = [
            (a.code, areas.describe(a.code)) for a in areas.at_level(AreaLevel.KELURAHAN)
        ]
    elif name == "merge":
        form.suggestions = merge_suggestions(session, user, c)
    elif name == "assign":
        agency = AGENCY_BY_CODE.get(c.agency_code)
        kota = areas.get(c.kota_code)
        if agency is not None:
            form.unit_name = agency.unit_name(kota.short_name if kota else c.kota_code)
    return form


def add_templates(crm: Crm, forms: list[ActionForm], category_code: str) -> None:
    """Each form's response templates (a session of their own: after the view's)."""
    for form in forms:
        form.templates = for_step(crm, form.name, category_code)
