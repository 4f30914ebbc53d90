"""The visits this desk recorded about complaints it does not hold, sent to the CRM as
``desk_visit`` events of the push (``POST /api/v1/sync/complaints``), after the
outbox in each sync cycle.

The same rules as the outbox: a visit leaves "pending" only in the write
transaction that records the CRM's answer for it, and the CRM stores it once by its
id, so a crash or a lost answer means only that it is sent again ("already_had").
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from desk_app.store import visits
from desk_app.store.db import Database
from desk_app.sync.batches import RETRY_ITEM_CODES
from desk_app.sync.client import CrmClient, encode_json

BATCH = 100


def wire_item(visit: visits.Visit) -> dict[str, Any]:
    return {
        "type": "event",
        "id": visit.id,
        "complaint_id": visit.complaint_id,
        "ticket_code": visit.ticket_code,
        "kind": "desk_visit",
        "at": visit.at.isoformat(),
        "note": visit.note,
        "officer": visit.officer,
        "attachments": [],
    }


def push_visits(
    database: Database, client: CrmClient, clock: Callable[[], dt.datetime]
) -> tuple[int, int]:
    """Send every pending visit, a batch at a time: (sent, refused). A network
    failure raises the client's :class:`~desk_app.sync.client.SyncError` (the
    engine retries the cycle); what was answered before stays answered."""
    sent = refused = 0
    while True:
        with database.read() as session:
            batch = visits.pending(session, BATCH)
        if not batch:
            return sent, refused
        body = encode_json({"items": [wire_item(v) for v in batch]})
        results = client.push_body(body, uuid.uuid4().hex)
        ok: list[str] = []
        settled = 0
        with database.write() as session:
            wanted = {v.id for v in batch}
            for result in results:
                visit_id = str(result.get("id", ""))
                if visit_id not in wanted:
                    continue
                wanted.discard(visit_id)  # an id answered twice counts once
                outcome = result.get("outcome")
                if outcome in ("accepted", "already_had"):
                    ok.append(visit_id)
                    settled += 1
                elif outcome == "rejected":
                    code = str((result.get("error") or {}).get("code") or "rejected")
                    if code in RETRY_ITEM_CODES:
                        continue
                    visits.mark_rejected(session, visit_id, code)
                    refused += 1
                    settled += 1
            visits.mark_sent(session, ok, clock())
        sent += len(ok)
        if settled < len(batch):
            return sent, refused  # something left unanswered: the next cycle tries again
