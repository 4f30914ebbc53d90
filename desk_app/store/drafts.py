"""Half-typed forms, saved every few seconds so nothing an officer typed is lost."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desk_app.store.models import DraftRow


@dataclass(frozen=True)
class Draft:
    key: str
    officer_username: str
    updated_at: dt.datetime
    fields: dict[str, Any]


def save(session: Session, key: str, officer: str, at: dt.datetime, fields: dict[str, Any]) -> None:
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    row = session.get(DraftRow, key)
    if row is None:
        session.add(DraftRow(key=key, officer_username=officer, updated_at=at, payload=payload))
    else:
        row.officer_username, row.updated_at, row.payload = officer, at, payload


def load(session: Session, key: str) -> Draft | None:
    row = session.get(DraftRow, key)
    if row is None:
        return None
    return Draft(row.key, row.officer_username, row.updated_at, json.loads(row.payload))


def for_officer(session: Session, officer: str) -> list[Draft]:
    rows = session.execute(
        select(DraftRow).where(DraftRow.officer_username == officer).order_by(DraftRow.updated_at)
    ).scalars()
    return [Draft(r.key, r.officer_username, r.updated_at, json.loads(r.payload)) for r in rows]


def discard(session: Session, key: str) -> None:
    session.execute(delete(DraftRow).where(DraftRow.key == key))
