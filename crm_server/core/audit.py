"""The audit log: every administrative change in the console and every look at a
citizen's contact details, with who, when and why. Append-only; read by admins.

Tamper-evident (issue 18): each entry is chained to the one before by a hash
(``db/chain.py``); :func:`verify` walks the chain and names the first entry that no
longer matches. Writers are serialised (an advisory lock on PostgreSQL; SQLite's
BEGIN IMMEDIATE), so two of them cannot fork the chain."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from crm_server.core.context import CrmContext
from crm_server.db.chain import entry_digest
from crm_server.db.engine import transaction
from crm_server.db.models import AuditEntry

AUDIT_LOCK_KEY = 7_311_2027


def add_audit(
    session: Session,
    at: dt.datetime,
    actor: str,
    action: str,
    subject: str = "",
    reason: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """An entry in the caller's transaction: it is kept exactly when the change is.
    The chain's lock is held until that transaction ends."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": AUDIT_LOCK_KEY})
    prev = session.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1))
    prev = prev or ""
    detail = detail or {}
    session.add(
        AuditEntry(
            at=at,
            actor=actor,
            action=action,
            subject=subject,
            reason=reason,
            detail=detail,
            prev_hash=prev,
            entry_hash=entry_digest(prev, at, actor, action, subject, reason, detail),
        )
    )
    session.flush()  # the next entry in this transaction chains to this one


def record(
    crm: CrmContext,
    actor: str,
    action: str,
    subject: str = "",
    reason: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """An entry in a transaction of its own."""
    with transaction(crm.sessions) as session:
        add_audit(session, crm.now(), actor, action, subject, reason, detail)


def entries(
    crm: CrmContext, action: str | None = None, subject: str | None = None, limit: int = 200
) -> list[AuditEntry]:
    """The newest entries first."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    if subject:
        query = query.where(AuditEntry.subject == subject)
    with crm.sessions() as session:
        return list(session.scalars(query))


def verify(crm: CrmContext, batch: int = 1000) -> tuple[int, int | None]:
    """Walk the whole chain in id order: (entries checked, id of the first entry that
    does not match, or None when the chain is whole)."""
    prev, checked, after = "", 0, 0
    while True:
        with crm.sessions() as session:
            rows = list(
                session.scalars(
                    select(AuditEntry)
                    .where(AuditEntry.id > after)
                    .order_by(AuditEntry.id)
                    .limit(batch)
                )
            )
        if not rows:
            return checked, None
        for e in rows:
            digest = entry_digest(prev, e.at, e.actor, e.action, e.subject, e.reason, e.detail)
            if e.prev_hash != prev or e.entry_hash != digest:
                return checked, e.id
            prev, checked, after = e.entry_hash, checked + 1, e.id
