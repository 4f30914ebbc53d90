"""The append-only audit log: who did what, when. Never personal data: subjects
are ids and ticket codes, details are counts and codes.

Tamper-evident: each entry's ``chain`` is the SHA-256 of the previous entry's
``chain`` and its own fields (:func:`link_hash`), so an entry altered (or removed)
behind the app breaks the chain from there on; :func:`verify` names the first entry
that does not match. Triggers refuse UPDATE and DELETE through SQL besides.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.store.models import AuditRow, table_of


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    subject: str
    details: dict[str, Any]


@dataclass(frozen=True)
class ChainBreak:
    """The first entry whose hash does not follow from the ones before it."""

    pk: int
    at: dt.datetime
    action: str
    checked: int  # entries that matched before it


def link_hash(
    previous: str, at: dt.datetime, actor: str, action: str, subject: str, details: str
) -> str:
    """The chain value of an entry: over the previous one's and its own fields (its
    time as naive UTC with microseconds, as stored)."""
    moment = at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    fields = json.dumps([moment, actor, action, subject, details], ensure_ascii=False)
    return hashlib.sha256(f"{previous}\n{fields}".encode()).hexdigest()


def record(
    session: Session, at: dt.datetime, actor: str, action: str, subject: str = "", **details: Any
) -> None:
    """Append one entry, chained to the last (inside the caller's write transaction,
    which holds the write lock: no other entry comes in between)."""
    text = json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
    previous = session.execute(
        select(AuditRow.chain).order_by(AuditRow.pk.desc()).limit(1)
    ).scalar()
    session.connection().execute(
        table_of(AuditRow).insert(),
        dict(
            at=at,
            actor=actor,
            action=action,
            subject=subject,
            details=text,
            chain=link_hash(previous or "", at, actor, action, subject, text),
        ),
    )


def verify(session: Session, batch: int = 5000) -> tuple[int, ChainBreak | None]:
    """Walk the whole log in order: how many entries matched, and the first that
    does not (None: the chain is whole). Read in batches (a desk's log is long)."""
    columns = AuditRow.__table__.c
    previous, checked, after = "", 0, 0
    while True:
        rows = session.execute(
            select(
                columns.pk,
                columns.at,
                columns.actor,
                columns.action,
                columns.subject,
                columns.details,
                columns.chain,
            )
            .where(columns.pk > after)
            .order_by(columns.pk)
            .limit(batch)
        ).all()
        if not rows:
            return checked, None
        for pk, at, actor, action, subject, details, chain in rows:
            expected = link_hash(previous, at, actor, action, subject, details)
            if chain != expected:
                return checked, ChainBreak(pk, at, action, checked)
            previous, checked, after = chain, checked + 1, pk


def entries(session: Session, subject: str | None = None, limit: int = 200) -> list[AuditEntry]:
    query = select(AuditRow).order_by(AuditRow.pk.desc()).limit(limit)
    if subject is not None:
        query = query.where(AuditRow.subject == subject)
    return [
        AuditEntry(r.at, r.actor, r.action, r.subject, json.loads(r.details))
        for r in session.execute(query).scalars()
    ]
