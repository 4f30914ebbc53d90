"""The workflow of DESIGN.md as a state machine with role checks.

Each action names the states it starts from, the state it leads to and the role that
may take it; the unit checks make sure a kelurahan acts only on its own complaints,
a Dinas on those forwarded to it, a Suku Dinas on those in its kota. Every step is
an append-only public event with the step's public note (the citizen and Open311
clients read it; a note that looks like it holds a NIK, a phone number or an e-mail
address is refused), and its internal note, when there is one, a separate event for
the staff only (not public, and with no desk: never in a desk's changes feed).
Time limits and *digantung* are counted in ``core.timing``; reading complaints is
``core.complaints``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from complaint_domain.areas import AreaIndex, AreaLevel
from complaint_domain.complaint import WIB
from complaint_domain.public_note import PersonalData, personal_data_in
from complaint_domain.reference import AGENCY_BY_CODE, default_agency
from complaint_domain.status import Status, can_transition, public_status_text
from crm_server.core import complaints, timing
from crm_server.core.auth import UserAuth
from crm_server.core.co_reporters import carry_reporters
from crm_server.core.complaints import find_complaint, shown_unit
from crm_server.core.context import CrmContext
from crm_server.core.errors import ApiError
from crm_server.core.intake import channel_admin_unit
from crm_server.core.schemas import ActionRequest
from crm_server.core.visibility import handles_now, may_see
from crm_server.db.engine import lock_feed, transaction
from crm_server.db.models import Complaint, Event, RoutingRule, StoredAttachment

_PERSONAL_WORDS = {
    PersonalData.NIK: "a NIK",
    PersonalData.PHONE: "a phone number",
    PersonalData.EMAIL: "an e-mail address",
}


class PersonalDataRefused(ApiError):
    """A public text that looks like it holds personal data; ``kinds`` say which."""

    def __init__(self, kinds: tuple[PersonalData, ...], field: str) -> None:
        named = " and ".join(_PERSONAL_WORDS[k] for k in kinds)
        super().__init__(
            422,
            "personal_data_in_public_note",
            f"The public text looks like it holds {named}: it would be published. "
            "Put contact details in the internal note.",
            field,
        )
        self.kinds = kinds


def check_public_text(text: str, field: str) -> None:
    """Refuse a text the citizen would read (a public note, a rejection's reason)
    that looks like it holds personal data."""
    kinds = personal_data_in(text)
    if kinds:
        raise PersonalDataRefused(kinds, field)


@dataclass(frozen=True)
class Action:
    sources: frozenset[Status]
    target: Status
    roles: frozenset[str]


ACTIONS: dict[str, Action] = {
    "accept": Action(
        frozenset({Status.RECEIVED}), Status.COORDINATION, frozenset({"channel_admin"})
    ),
    "reject": Action(frozenset({Status.RECEIVED}), Status.REJECTED, frozenset({"channel_admin"})),
    "merge": Action(frozenset({Status.RECEIVED}), Status.DUPLICATE, frozenset({"channel_admin"})),
    "handle": Action(
        frozenset({Status.COORDINATION}), Status.IN_PROGRESS, frozenset({"kelurahan"})
    ),
    "forward": Action(
        frozenset({Status.COORDINATION}), Status.DISPOSITION, frozenset({"kelurahan"})
    ),
    "assign": Action(frozenset({Status.DISPOSITION}), Status.IN_PROGRESS, frozenset({"dinas"})),
    "report": Action(
        frozenset({Status.IN_PROGRESS, Status.RETURNED}),
        Status.VERIFICATION,
        frozenset({"kelurahan", "suku_dinas"}),
    ),
    "approve": Action(frozenset({Status.VERIFICATION}), Status.DONE, frozenset({"verifier"})),
    "return": Action(frozenset({Status.VERIFICATION}), Status.RETURNED, frozenset({"verifier"})),
}
# Sanity: the table above never allows a step the shared status vocabulary forbids.
assert all(can_transition(s, a.target) for a in ACTIONS.values() for s in a.sources)


def suku_dinas_code(agency_code: str, kota_code: str) -> str:
    return f"{agency_code}@{kota_code}"


class Workflow:
    def __init__(self, crm: CrmContext) -> None:
        self.crm = crm

    # ------------------------------------------------------------------ timing

    def due_date(self, status: Status, since: dt.datetime) -> dt.date | None:
        return timing.due_date(self.crm, status, since)

    def is_overdue(self, complaint: Complaint, today: dt.date | None = None) -> bool:
        return timing.is_overdue(self.crm, complaint, today)

    def quiet_days(self, complaint: Complaint, today: dt.date | None = None) -> int:
        return timing.quiet_days(self.crm, complaint, today)

    def is_digantung(self, complaint: Complaint, today: dt.date | None = None) -> bool:
        """No public update for N working days on a case that is not closed."""
        return timing.is_digantung(self.crm, complaint, today)

    # ------------------------------------------------------------------ queries

    def summary(self, c: Complaint, today: dt.date | None = None) -> dict[str, object]:
        with self.crm.sessions() as session:
            reporters = complaints.reporter_counts(session, [c.pk])[c.pk]
        return complaints.summary(self.crm, c, reporters, today)

    def detail(self, ticket_text: str, user: UserAuth | None = None) -> dict[str, object] | None:
        return complaints.detail(self.crm, ticket_text, user)

    def may_take(self, user: UserAuth, ticket_text: str, action: str) -> bool:
        """``user`` may give the complaint ``action`` now: their role, the complaint's
        state, and in their hands (checked before the console stores evidence files,
        so that a step refused leaves nothing on disk)."""
        rule = ACTIONS.get(action)
        with self.crm.sessions() as session:
            complaint = complaints.find_complaint(session, ticket_text)
            return (
                rule is not None
                and complaint is not None
                and may_see(user, complaint)
                and user.role in rule.roles
                and Status(complaint.status) in rule.sources
                and handles_now(user, complaint)
            )

    def may_see(self, user: UserAuth, ticket_text: str) -> bool:
        """The complaint exists and ``user`` may see it."""
        with self.crm.sessions() as session:
            complaint = complaints.find_complaint(session, ticket_text)
            return complaint is not None and may_see(user, complaint)

    def search(
        self,
        status: str | None = None,
        overdue: bool | None = None,
        digantung: bool | None = None,
        unit: str | None = None,
        limit: int = 100,
        user: UserAuth | None = None,
    ) -> list[dict[str, object]]:
        return complaints.search(self.crm, status, overdue, digantung, unit, limit, user)

    # ------------------------------------------------------------------ actions

    def act(
        self,
        user: UserAuth,
        ticket_text: str,
        request: ActionRequest,
        uploaded: frozenset[str] = frozenset(),
    ) -> Complaint:
        """The step ``request`` on the complaint, by ``user``. ``uploaded``: the files
        the caller stored for this step itself (the console's evidence form); any other
        file the step names must be one of this complaint's already."""
        action = ACTIONS[request.action]
        now = self.crm.now()
        areas = self.crm.areas()  # before the transaction: on SQLite a second one would wait
        with transaction(self.crm.sessions) as session:
            lock_feed(session)
            complaint = find_complaint(session, ticket_text)
            # One answer for a code that does not exist and one the user may not see:
            # a refusal's words (its state, "not your unit") would tell them it exists.
            if complaint is None or not may_see(user, complaint):
                raise ApiError(
                    404, "not_found", "No complaint has this ticket code.", "ticket_code"
                )
            if user.role not in action.roles:
                raise ApiError(
                    403,
                    "forbidden_role",
                    f"The role {user.role} may not {request.action} a complaint.",
                )
            current = Status(complaint.status)
            if current not in action.sources:
                raise ApiError(
                    409,
                    "invalid_transition",
                    f"A complaint in state {current.value} cannot be given {request.action}.",
                    "action",
                )
            note = request.note.strip()
            label_extra = ""
            if request.action == "reject":
                reason = request.reason.strip() or note
                if not reason:
                    raise ApiError(422, "reason_required", "A rejection needs a reason.", "reason")
                complaint.reason = reason
                note = reason
            elif request.action == "merge":
                target = find_complaint(session, request.target_ticket)
                # Merged only into another open complaint the user may see (the same
                # words for every refusal: an unseen code is not told from a missing one).
                if (
                    target is None
                    or target.pk == complaint.pk
                    or Status(target.status).is_final
                    or not may_see(user, target)
                ):
                    raise ApiError(
                        422,
                        "target_required",
                        "A duplicate needs the ticket code of another open complaint you can see.",
                        "target_ticket",
                    )
                complaint.merged_into = target.ticket_code
                # Its citizens hear of the complaint that is handled from now on.
                carry_reporters(session, complaint, target, (user.display_name, user.role), now)
                label_extra = target.ticket_code
                note = note or f"Digabung dengan {target.ticket_code}."
            elif request.action in ("report", "return") and not note:
                raise ApiError(
                    422, "note_required", f"The action {request.action} needs a note.", "note"
                )
            check_public_text(note, "reason" if request.action == "reject" else "note")
            self._check_files(session, request, complaint, uploaded)
            self._check_unit(session, user, complaint, request)
            self._route(session, complaint, request, areas)
            if timing.is_overdue(self.crm, complaint, now.astimezone(WIB).date()):
                complaint.late_steps = (complaint.late_steps or 0) + 1
            complaint.status = action.target.value
            complaint.status_since = now
            complaint.last_public_update_at = now
            complaint.due_date = self.due_date(action.target, now)
            label = public_status_text(
                action.target, reason=complaint.reason, merged_into=label_extra
            )
            session.add(
                Event(
                    id=uuid.uuid4(),
                    complaint_pk=complaint.pk,
                    desk_id=complaint.desk_id,
                    kind="status",
                    status=action.target.value,
                    actor=user.display_name,
                    actor_role=user.role,
                    note=note,
                    unit_name=shown_unit(complaint),
                    public_label=label,
                    at=now,
                    recorded_at=now,
                    public=True,
                    attachments=[a.model_dump(mode="json") for a in request.attachments],
                )
            )
            internal = request.internal_note.strip()
            if internal:
                session.add(
                    Event(
                        id=uuid.uuid4(),
                        complaint_pk=complaint.pk,
                        desk_id=None,  # never in a desk's changes feed
                        kind="note",
                        status=action.target.value,
                        actor=user.display_name,
                        actor_role=user.role,
                        note=internal,
                        unit_name=shown_unit(complaint),
                        public_label=label,
                        at=now,
                        recorded_at=now,
                        public=False,
                        attachments=[],
                    )
                )
            session.flush()
            return complaint

    @staticmethod
    def _check_files(
        session: Session, request: ActionRequest, complaint: Complaint, uploaded: frozenset[str]
    ) -> None:
        """A step's evidence names only files the CRM holds, and either stored for this
        step or already this complaint's: knowing another complaint's file's SHA-256
        (a desk's scan of an identity card) is no right to show it here."""
        if not request.attachments:
            return
        own = {a.get("sha256") for a in complaint.attachments or []}
        for (listed,) in session.execute(
            select(Event.attachments).where(Event.complaint_pk == complaint.pk)
        ):
            own.update(a.get("sha256") for a in listed or [])
        for ref in request.attachments:
            stored = session.get(StoredAttachment, ref.sha256)
            if (
                stored is None
                or stored.media_type != ref.media_type
                or (ref.sha256 not in uploaded and ref.sha256 not in own)
            ):
                raise ApiError(
                    422,
                    "attachment_missing",
                    "Upload the attachment before the step that names it.",
                    "attachments",
                )

    def _check_unit(
        self, session: Session, user: UserAuth, complaint: Complaint, request: ActionRequest
    ) -> None:
        """A kelurahan, Dinas or Suku Dinas (and the admin of one channel) acts only
        on what is in its hands."""
        if user.role == "kelurahan" and request.action in ("handle", "forward"):
            mine = user.unit_code == complaint.kelurahan_code
        elif user.role == "dinas":
            mine = user.unit_code == complaint.agency_code
        elif user.role == "channel_admin":  # an admin of one channel acts on its own
            mine = may_see(user, complaint)
        elif request.action == "report":
            mine = user.unit_code == complaint.unit_code
        else:
            return
        if not mine:
            raise ApiError(403, "not_your_unit", "This complaint is not handled by your unit.")

    @staticmethod
    def _place(complaint: Complaint, kelurahan_code: str, areas: AreaIndex) -> None:
        """The kelurahan named at acceptance, and its kota (the Suku Dinas follows it)."""
        chosen = areas.get(kelurahan_code)
        if chosen is None or chosen.level is not AreaLevel.KELURAHAN:
            raise ApiError(422, "unknown_kelurahan", "Unknown kelurahan code.", "kelurahan_code")
        complaint.kelurahan_code = chosen.code
        kota = areas.kota_of(chosen.code)
        complaint.kota_code = kota.code if kota else complaint.kota_code

    def _route(
        self, session: Session, complaint: Complaint, request: ActionRequest, areas: AreaIndex
    ) -> None:
        if request.action == "accept":
            if request.kelurahan_code:
                self._place(complaint, request.kelurahan_code, areas)
            kelurahan = areas.get(complaint.kelurahan_code)
            if kelurahan is None or kelurahan.level is not AreaLevel.KELURAHAN:
                raise ApiError(
                    422,
                    "kelurahan_required",
                    "This complaint's kelurahan is not known: name it to accept the complaint.",
                    "kelurahan_code",
                )
            complaint.unit_code = complaint.kelurahan_code
            complaint.unit_name = f"Kelurahan {kelurahan.name}" if kelurahan else "Kelurahan"
        elif request.action == "handle":
            pass  # the kelurahan keeps it
        elif request.action == "forward":
            agency_code = request.agency_code or self.agency_for(session, complaint.category_code)
            if not agency_code:  # Lainnya, or a category the CRM does not know: triage
                raise ApiError(
                    422,
                    "agency_required",
                    "This category has no default agency: name the agency.",
                    "agency_code",
                )
            agency = AGENCY_BY_CODE.get(agency_code)
            if agency is None:
                raise ApiError(422, "unknown_agency", "Unknown agency code.", "agency_code")
            complaint.agency_code = agency.code
            complaint.unit_code = agency.code
            complaint.unit_name = agency.name
        elif request.action == "assign":
            agency = AGENCY_BY_CODE[complaint.agency_code]
            kota = areas.get(complaint.kota_code)
            complaint.unit_code = suku_dinas_code(agency.code, complaint.kota_code)
            complaint.unit_name = agency.unit_name(kota.short_name if kota else complaint.kota_code)
        elif request.action in ("reject", "merge"):
            complaint.unit_name = channel_admin_unit(complaint.channel)

    def agency_for(self, session: Session, category_code: str) -> str:
        """The routing rules table first, then the shared default; "" when the
        category has none (Lainnya, a category not known here): a person chooses."""
        code = category_code
        while code:
            rule = session.get(RoutingRule, code)
            if rule is not None:
                return rule.agency_code
            code = code.rpartition(".")[0]
        agency = default_agency(category_code)
        return agency.code if agency else ""
