"""``Crm``: the core as one object for its callers (the HTTP fronts, the CLI, the
seed, the tests and the benchmarks). Each method hands over to the module that does
the work; the modules themselves take any :class:`CrmContext`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import delete

from complaint_domain.areas import Area as DomainArea
from crm_server.core import attachments, auth, changes, desks, reference
from crm_server.core.auth import DeskAuth, UserAuth
from crm_server.core.context import CrmContext
from crm_server.core.push import pipeline
from crm_server.db.engine import transaction
from crm_server.db.models import Base, Desk


class Crm(CrmContext):
    """The service object the API, the CLI and the tests share."""

    # ---------------------------------------------------------------- reference data

    def ensure_reference_data(self) -> None:
        reference.ensure_reference_data(self)

    def import_areas(self, areas: Sequence[DomainArea]) -> int:
        return reference.import_areas(self, areas)

    def reference(self) -> tuple[dict[str, Any], str]:
        return reference.reference(self)

    # ---------------------------------------------------------------- desks and users

    def create_enrolment(self, desk_code: str, site: str) -> str:
        return desks.create_enrolment(self, desk_code, site)

    def enrol(self, enrolment_code: str, app_version: str = "") -> tuple[DeskAuth, str]:
        return desks.enrol(self, enrolment_code, app_version)

    def heartbeat(
        self,
        desk: DeskAuth,
        pending: int,
        oldest_age: int | None,
        version: str,
        *,
        officer: str | None = None,
        desk_time: dt.datetime | None = None,
    ) -> dt.datetime:
        return desks.heartbeat(
            self, desk, pending, oldest_age, version, officer=officer, desk_time=desk_time
        )

    def desk_statuses(self, site: str | None = None) -> list[Desk]:
        return desks.desk_statuses(self, site)

    def desk_for_token(self, token: str) -> DeskAuth:
        return auth.desk_for_token(self, token)

    def user_for_token(self, token: str) -> UserAuth:
        return auth.user_for_token(self, token)

    def create_user(self, username: str, display_name: str, role: str, unit_code: str = "") -> str:
        return auth.create_user(self, username, display_name, role, unit_code)

    # ---------------------------------------------------------------- sync

    def attachment_path(self, sha256: str) -> Path:
        return attachments.attachment_path(self, sha256)

    def store_attachment(
        self, desk: DeskAuth | None, sha256: str, media_type: str, data: bytes
    ) -> bool:
        return attachments.store_attachment(self, desk, sha256, media_type, data)

    def push(
        self,
        desk: DeskAuth,
        raw_items: list[Any],
        idempotency_key: str | None = None,
        request_hash: str = "",
    ) -> dict[str, Any]:
        return pipeline.push(self, desk, raw_items, idempotency_key, request_hash)

    def push_request(self, token: str, body: bytes, idempotency_key: str | None) -> dict[str, Any]:
        return pipeline.push_request(self, token, body, idempotency_key)

    def changes(
        self, desk: DeskAuth, cursor: int, limit: int
    ) -> tuple[list[dict[str, Any]], int, bool]:
        return changes.changes(self, desk, cursor, limit)

    # ---------------------------------------------------------------- maintenance

    def reset_all(self) -> None:
        """Empty every table (tests and the demo reset)."""
        with transaction(self.sessions) as session:
            for table in reversed(Base.metadata.sorted_tables):
                session.execute(delete(table))
        self.forget_areas()
        self.forget_calendar()
