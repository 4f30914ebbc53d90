"""The audit log's hash chain (issue 18): each entry's ``entry_hash`` is the SHA-256
of the previous entry's hash and this entry's own fields, so changing, removing or
inserting an entry in the past breaks every hash after it. The first entry's
``prev_hash`` is "" (the chain's start)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any


def entry_digest(
    prev_hash: str,
    at: dt.datetime,
    actor: str,
    action: str,
    subject: str,
    reason: str,
    detail: Any,
) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    fields = [
        at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        actor,
        action,
        subject,
        reason,
        detail if detail is not None else {},
    ]
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()
