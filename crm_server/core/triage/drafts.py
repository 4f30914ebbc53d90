"""A channel admin's decision on a draft, whatever its channel: each draft is decided
once (``state`` moves from ``draft`` in the transaction that checks it); a merge adds
the draft's sender to the complaint as a co-reporter (a ``reporter_added`` event with
its ``co_reporters`` row, as a desk records one), so that the complaint's news reaches
them per their consent, and the count of reporters shows it."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from complaint_domain.status import FINAL_STATES, Status
from crm_server.core.co_reporters import add_co_reporter
from crm_server.core.complaints import find_complaint
from crm_server.core.context import CrmContext
from crm_server.db.channel_models import DraftDecision
from crm_server.db.engine import lock_feed, transaction
from crm_server.db.models import Complaint

DISMISS_REASONS = ("spam", "not_a_complaint", "other")
Draft = TypeVar("Draft", bound=DraftDecision)


class DraftRefused(Exception):
    """Not possible: ``code`` says why (the draft was decided already, an unknown
    ticket, a missing reason, or a ``RecordRefused`` code)."""

    def __init__(self, code: str, ticket_code: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.ticket_code = ticket_code


def waiting(crm: CrmContext, model: type[Draft], draft_id: int) -> Draft:
    """The draft, detached, while it waits for a decision."""
    with crm.sessions() as session:
        draft = session.get(model, draft_id)
        if draft is None or draft.state != "draft":
            raise DraftRefused("decided")
        session.expunge(draft)
    return draft


def waiting_list(crm: CrmContext, model: type[Draft], limit: int | None = None) -> list[Draft]:
    """The drafts waiting for a decision, oldest first (the first ``limit``)."""
    state = model.state
    with crm.sessions() as session:
        query = select(model).where(state == "draft").order_by(model.id)  # type: ignore[attr-defined]
        found = list(session.scalars(query.limit(limit)))
        session.expunge_all()
    return found


def waiting_count(crm: CrmContext, model: type[Draft]) -> int:
    with crm.sessions() as session:
        state = model.state
        return int(session.scalar(select(func.count()).where(state == "draft")) or 0)


def _decided(
    session: Session,
    model: type[Draft],
    draft_id: int,
    user_id: int,
    now: dt.datetime,
    **values: str,
) -> None:
    draft = session.get(model, draft_id, with_for_update=True)
    if draft is None or draft.state != "draft":
        raise DraftRefused("decided")
    for name, value in values.items():
        setattr(draft, name, value)
    draft.decided_by = user_id
    draft.decided_at = now


def decide(crm: CrmContext, model: type[Draft], draft_id: int, user_id: int, **values: str) -> None:
    with transaction(crm.sessions) as session:
        _decided(session, model, draft_id, user_id, crm.now(), **values)


def dismiss(
    crm: CrmContext, model: type[Draft], draft_id: int, user_id: int, reason: str, note: str = ""
) -> None:
    """Not a complaint (spam, something else): nothing is sent back."""
    if reason not in DISMISS_REASONS or (reason == "other" and not note.strip()):
        raise DraftRefused("reason")
    text = reason if reason != "other" else f"other: {' '.join(note.split())}"
    decide(crm, model, draft_id, user_id, state="dismissed", reason=text[:500])


def merge(
    crm: CrmContext,
    model: type[Draft],
    draft_id: int,
    user: tuple[int, str, str],
    ticket_text: str,
    reporter: dict[str, Any],
) -> Complaint:
    """The draft joined to the open complaint ``ticket_text`` (one merged as a
    duplicate leads to the one it joined), its sender ``reporter`` a co-reporter of
    it; the complaint (detached). ``user`` is (id, name, role)."""
    now = crm.now()
    user_id, name, role = user
    with transaction(crm.sessions) as session:
        lock_feed(session)  # an event is appended: seq order is commit order
        complaint = find_complaint(session, ticket_text)
        if complaint is not None and complaint.status == Status.DUPLICATE.value:
            complaint = find_complaint(session, complaint.merged_into) or complaint
        if complaint is None:
            raise DraftRefused("unknown_ticket")
        if Status(complaint.status) in FINAL_STATES:
            # Nobody acts on a closed complaint any more: the problem is new again.
            raise DraftRefused("closed_ticket", complaint.ticket_code)
        _decided(
            session,
            model,
            draft_id,
            user_id,
            now,
            state="merged",
            ticket_code=complaint.ticket_code,
        )
        add_co_reporter(session, complaint, reporter, (name, role), now)
        session.flush()
        session.expunge(complaint)
    return complaint
