"""One entry of the push answer per item: accepted, already had, or rejected."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crm_server.core.schemas import AttachmentRef


def result(
    item_id: str,
    outcome: str,
    crm_id: str | None = None,
    error: dict[str, str | None] | None = None,
) -> dict[str, Any]:
    """One entry of the push answer (the shape of ``sync_api.schemas.PushResult``),
    built as a plain dict: it goes straight to JSON and into the idempotency record."""
    return {"id": item_id, "outcome": outcome, "crm_id": crm_id, "error": error}


def rejected(item_id: str, code: str, message: str, field: str | None) -> dict[str, Any]:
    return result(item_id, "rejected", error={"code": code, "message": message, "field": field})


def missing_attachment(attachments: Sequence[AttachmentRef], known: set[str]) -> str | None:
    """The field of the first attachment not uploaded yet, if any."""
    for j, att in enumerate(attachments):
        if att.sha256 not in known:
            return f"attachments.{j}.sha256"
    return None
