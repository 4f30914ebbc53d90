"""Saving the half-typed form so a crash, a power cut or a closed window loses nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from desk_app.services.accounts import Officer
from desk_app.store import drafts
from desk_app.store.db import Database
from desk_app.store.drafts import Draft


class DraftService:
    def __init__(self, database: Database, clock: Callable[[], dt.datetime]) -> None:
        self._db = database
        self._clock = clock

    @staticmethod
    def key_for(officer: Officer, form: str = "intake") -> str:
        return f"{form}:{officer.username}"

    def save(self, officer: Officer, key: str, fields: dict[str, Any]) -> None:
        with self._db.write() as session:
            drafts.save(session, key, officer.username, self._clock(), fields)

    def load(self, key: str) -> Draft | None:
        with self._db.read() as session:
            return drafts.load(session, key)

    def pending_for(self, officer: Officer) -> list[Draft]:
        with self._db.read() as session:
            return drafts.for_officer(session, officer.username)

    def discard(self, key: str) -> None:
        with self._db.write() as session:
            drafts.discard(session, key)
