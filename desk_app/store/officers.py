"""Officer accounts as stored; hashing and role checks live in services.accounts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.store.models import OfficerRow


@dataclass(frozen=True)
class OfficerRecord:
    username: str
    display_name: str
    role: str
    password_hash: str
    active: bool
    failed_attempts: int
    locked_until: dt.datetime | None
    must_change_password: bool = False
    last_sign_in_at: dt.datetime | None = None


def _record(row: OfficerRow) -> OfficerRecord:
    return OfficerRecord(
        row.username,
        row.display_name,
        row.role,
        row.password_hash,
        row.active,
        row.failed_attempts,
        row.locked_until,
        bool(row.must_change_password),
        row.last_sign_in_at,
    )


def get(session: Session, username: str) -> OfficerRecord | None:
    row = session.get(OfficerRow, username)
    return _record(row) if row else None


def all_officers(session: Session) -> list[OfficerRecord]:
    return [
        _record(r)
        for r in session.execute(select(OfficerRow).order_by(OfficerRow.username)).scalars()
    ]


def count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(OfficerRow)).scalar_one())


def count_enabled(session: Session, role: str) -> int:
    """How many enabled accounts hold ``role`` (the last admin is kept)."""
    query = select(func.count()).where(OfficerRow.role == role, OfficerRow.active.is_(True))
    return int(session.execute(query).scalar_one())


def add(
    session: Session,
    username: str,
    display_name: str,
    role: str,
    password_hash: str,
    at: dt.datetime,
    must_change_password: bool = False,
) -> None:
    session.add(
        OfficerRow(
            username=username,
            display_name=display_name,
            role=role,
            password_hash=password_hash,
            active=True,
            created_at=at,
            failed_attempts=0,
            must_change_password=must_change_password,
        )
    )


def update(session: Session, username: str, **fields: object) -> None:
    row = session.get(OfficerRow, username)
    if row is None:
        raise KeyError(username)
    for name, value in fields.items():
        setattr(row, name, value)
