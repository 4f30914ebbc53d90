"""The audit log: every administrative change in the console and every look at a
citizen's contact details, with who, when and why. Append-only; read by admins."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_server.core.context import CrmContext
from crm_server.db.engine import transaction
from crm_server.db.models import AuditEntry


def add_audit(
    session: Session,
    at: dt.datetime,
    actor: str,
    action: str,
    subject: str = "",
    reason: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """An entry in the caller's transaction: it is kept exactly when the change is."""
    session.add(
        AuditEntry(
            at=at, actor=actor, action=action, subject=subject, reason=reason, detail=detail or {}
        )
    )


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
