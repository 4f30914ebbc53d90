"""Retention on the desk: the personal data of complaints closed long ago removed.

A complaint whose final state the CRM sent (done, rejected, duplicate) before the
cut-off, with nothing of it still waiting in the outbox, keeps its facts (ticket
code, area, category, description, states, dates: the statistics) and loses the
citizen's: name, NIK, phone, address, street, RT/RW, landmark, position, its
co-reporters' too, and its attachment files on this desk (the CRM keeps its own).
The full-text index follows the name (its triggers), and is merged afterwards so
no old segment keeps it; freed pages are overwritten (``secure_delete``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from complaint_domain.public_note import redacted
from complaint_domain.status import FINAL_STATES
from desk_app.store.models import (
    AttachmentRow,
    ComplaintAttachmentRow,
    ComplaintRow,
    CoReporterRow,
    DraftRow,
    EventRow,
    OutboxRow,
)


@dataclass(frozen=True)
class Expired:
    """A complaint whose personal data is past its time (no personal data here)."""

    complaint_id: str
    ticket_code: str
    status: str
    category_code: str
    closed_at: dt.datetime


def expired(session: Session, cutoff: dt.datetime, limit: int | None = None) -> list[Expired]:
    c = ComplaintRow
    waiting = exists().where(OutboxRow.complaint_id == c.id, OutboxRow.state != "sent")
    query = (
        select(c.id, c.ticket_code, c.status, c.category_code, c.status_at)
        .where(
            c.status.in_([s.value for s in FINAL_STATES]),
            c.status_at < cutoff,
            c.anonymised_at.is_(None),
            ~waiting,
        )
        .order_by(c.status_at, c.pk)
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        Expired(cid, code, status, category, closed_at)
        for cid, code, status, category, closed_at in session.execute(query).all()
        if closed_at is not None  # the query's status_at < cutoff leaves none out
    ]


def anonymise(session: Session, complaint_ids: list[str], at: dt.datetime) -> list[str]:
    """Remove the personal fields of these complaints; returns the hashes of the
    attachment files no complaint keeps any more (the caller deletes the files
    after the commit)."""
    if not complaint_ids:
        return []
    session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
    session.execute(
        update(ComplaintRow)
        .where(ComplaintRow.id.in_(complaint_ids))
        .values(
            name="",
            name_folded="",
            nik="",
            phone="",
            address="",
            rt_rw="",
            street="",
            landmark="",
            latitude=None,
            longitude=None,
            anonymised_at=at,
        )
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(CoReporterRow)
        .where(CoReporterRow.complaint_id.in_(complaint_ids))
        .values(name="", name_folded="", nik="", phone="", address="")
        .execution_options(synchronize_session=False)
    )
    _redact_texts(session, complaint_ids)
    hashes = set(
        session.execute(
            select(ComplaintAttachmentRow.sha256).where(
                ComplaintAttachmentRow.complaint_id.in_(complaint_ids)
            )
        ).scalars()
    )
    session.execute(
        delete(ComplaintAttachmentRow)
        .where(ComplaintAttachmentRow.complaint_id.in_(complaint_ids))
        .execution_options(synchronize_session=False)
    )
    still_used = set(
        session.execute(
            select(ComplaintAttachmentRow.sha256).where(ComplaintAttachmentRow.sha256.in_(hashes))
        ).scalars()
    )
    orphans = sorted(hashes - still_used)
    if orphans:
        session.execute(
            delete(AttachmentRow)
            .where(AttachmentRow.sha256.in_(orphans))
            .execution_options(synchronize_session=False)
        )
    return orphans


def drop_old_drafts(session: Session, cutoff: dt.datetime) -> int:
    """Drafts nobody came back to (a form half typed, then left) past the cut-off."""
    result = session.execute(delete(DraftRow).where(DraftRow.updated_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def merge_search_index(session: Session) -> None:
    session.connection().exec_driver_sql(
        "INSERT INTO complaint_fts(complaint_fts) VALUES ('optimize')"
    )


def counts_by_state_and_category(session: Session) -> dict[tuple[str, str], int]:
    rows = session.execute(
        select(ComplaintRow.status, ComplaintRow.category_code, func.count()).group_by(
            ComplaintRow.status, ComplaintRow.category_code
        )
    ).all()
    return {(status, category): count for status, category, count in rows}


def _redact_texts(session: Session, complaint_ids: list[str]) -> None:
    """The NIKs, phone numbers and e-mail addresses written into the descriptions and
    the events' notes, replaced (the search index follows the description by its
    trigger); the words stay."""
    for pk, description in session.execute(
        select(ComplaintRow.pk, ComplaintRow.description).where(ComplaintRow.id.in_(complaint_ids))
    ):
        if (clean := redacted(description)) != description:
            session.execute(
                update(ComplaintRow).where(ComplaintRow.pk == pk).values(description=clean)
            )
    for event_pk, note in session.execute(
        select(EventRow.pk, EventRow.note).where(
            EventRow.complaint_id.in_(complaint_ids), EventRow.note != ""
        )
    ):
        if (clean := redacted(note)) != note:
            session.execute(update(EventRow).where(EventRow.pk == event_pk).values(note=clean))
