"""Small named values kept in the database so they commit with the data they cover
(the pull cursor advances in the same transaction as the events it pulled)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desk_app.store.models import KeyValueRow

# The CRM's last reference document (JSON), written by the sync pull, read by the desk.
CRM_REFERENCE = "sync.reference"


def get(session: Session, key: str, default: str = "") -> str:
    row = session.get(KeyValueRow, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    row = session.get(KeyValueRow, key)
    if row is None:
        session.add(KeyValueRow(key=key, value=value))
    else:
        row.value = value
