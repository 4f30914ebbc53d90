"""The append-only audit log: who did what, when. Never personal data: subjects
are ids and ticket codes, details are counts and codes."""

from __future__ import annotations

import datetime as dt
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


def record(
    session: Session, at: dt.datetime, actor: str, action: str, subject: str = "", **details: Any
) -> None:
    session.connection().execute(
        table_of(AuditRow).insert(),
        dict(
            at=at,
            actor=actor,
            action=action,
            subject=subject,
            details=json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
        ),
    )


def entries(session: Session, subject: str | None = None, limit: int = 200) -> list[AuditEntry]:
    query = select(AuditRow).order_by(AuditRow.pk.desc()).limit(limit)
    if subject is not None:
        query = query.where(AuditRow.subject == subject)
    return [
        AuditEntry(r.at, r.actor, r.action, r.subject, json.loads(r.details))
        for r in session.execute(query).scalars()
    ]
