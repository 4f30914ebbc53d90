"""A push body read by hand, when it is not valid as a whole."""

from __future__ import annotations

import json
from typing import Any

from crm_server.core.errors import ApiError
from crm_server.core.schemas import MAX_BATCH


def push_items(body: bytes) -> list[Any]:
    """The items of a push body, read by hand: they are validated one by one, so one
    bad item is rejected on its own instead of failing the whole batch."""
    try:
        parsed = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ApiError(400, "malformed_json", "The request body is not valid JSON.") from None
    items = parsed.get("items") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        raise ApiError(422, "invalid", "The body must be an object with a list 'items'.", "items")
    if set(parsed) != {"items"}:
        # The field is not named: it would repeat what the client sent.
        raise ApiError(422, "invalid", "The body must hold 'items' and nothing else.")
    if len(items) > MAX_BATCH:
        raise ApiError(413, "batch_too_large", f"A batch holds at most {MAX_BATCH} items.", "items")
    return items
