"""A batch of the outbox on its way to the CRM: read with the files it needs, and its
answers written back.

Reading builds each item's wire form from just the columns it carries, in a fixed
number of queries. Writing follows the protocol's rule: an item leaves "pending"
only in the write transaction that records the server's answer for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from complaint_domain.complaint import Attachment
from desk_app.store import attachments as attachment_repo
from desk_app.store import complaints, outbox
from desk_app.store.db import Database
from desk_app.sync.client import encode_json
from desk_app.sync.wire import (
    COMPLAINT_COLUMNS,
    EVENT_COLUMNS,
    complaint_row_item,
    event_row_item,
)

# Item-level codes that are not about the item's data: keep it pending, retry later.
RETRY_ITEM_CODES = frozenset({"attachment_missing"})
# Stored with the refusal (the reason shown is rebuilt from the code).
ITEM_UNREADABLE = "Data item ini tidak dapat dibaca di meja (baris aduan atau kejadiannya hilang)."


@dataclass
class Counts:
    """What a cycle did, for its report."""

    accepted: int = 0
    already_had: int = 0
    rejected: int = 0
    uploaded: int = 0
    pulled: int = 0


@dataclass
class Batch:
    items: list[outbox.OutboxItem]
    payloads: dict[str, dict[str, Any]]  # by item id, in outbox order
    needed: dict[str, tuple[Attachment, list[str]]]  # files the CRM may lack, by hash
    _encoded: tuple[bytes, str] | None = None  # (body, body hash)

    def keys(self) -> dict[str, int]:
        """The outbox key of each item still to send (not refused locally), by item id."""
        return {i.item_id: i.pk for i in self.items if i.item_id in self.payloads}

    def encode(self) -> tuple[bytes, str]:
        """The request body and its hash, encoded once (after the uploads, which may
        drop items)."""
        if self._encoded is None:
            body = encode_json({"items": list(self.payloads.values())})
            self._encoded = (body, hashlib.sha256(body).hexdigest())
        return self._encoded


def answered(batch: Batch, results: list[dict[str, Any]]) -> bool:
    """Whether the CRM gave every item of the batch a final answer (sent or refused):
    then nothing read after it waits on one of its items, and the next batch may go
    before these answers are written."""
    if len(batch.payloads) != len(batch.items):
        return False
    final = set()
    for result in results:
        outcome = result.get("outcome")
        if outcome == "rejected":
            code = str((result.get("error") or {}).get("code") or "rejected")
            if code in RETRY_ITEM_CODES:
                continue
        elif outcome not in ("accepted", "already_had"):
            continue
        final.add(str(result.get("id", "")))
    return final >= batch.payloads.keys()


def read_batch(database: Database, size: int, exclude: Collection[int] = ()) -> Batch | None:
    """The first ``size`` pending items (but ``exclude``, outbox keys), their wire form
    and the files they need; None when nothing is pending."""
    with database.read() as session:
        items = outbox.pending(session, limit=size, exclude=exclude)
        if not items:
            return None
        payloads, needed = _payloads(session, items)
    missing = [i.item_id for i in items if i.item_id not in payloads]
    if missing:
        # Its complaint or event row is gone (the foreign keys and the append-only
        # rules should make that impossible). Refused here, with a reason the
        # officer sees, instead of being read again on every cycle, for ever.
        with database.write() as session:
            for item_id in missing:
                outbox.mark_rejected(session, item_id, "item_unreadable", ITEM_UNREADABLE, "")
    return Batch(items, payloads, needed)


def _payloads(
    session: Any, items: list[outbox.OutboxItem]
) -> tuple[dict[str, dict[str, Any]], dict[str, tuple[Attachment, list[str]]]]:
    """The wire items, and the files they need that the CRM may not have yet."""
    payloads: dict[str, dict[str, Any]] = {}
    files: dict[str, tuple[Attachment, list[str]]] = {}
    rows = complaints.rows_by_id(
        session, {i.complaint_id for i in items if i.kind == "complaint"}, COMPLAINT_COLUMNS
    )
    event_ids = {i.item_id for i in items if i.kind != "complaint"}
    events = complaints.rows_by_id(session, event_ids, EVENT_COLUMNS, events=True)
    reporters = complaints.reporters_by_event(session, event_ids)
    attached = attachment_repo.for_complaints(session, list({i.complaint_id for i in items}))
    for item in items:
        # A complaint's own files came with its intake (no event); an event's, with it.
        if item.kind == "complaint":
            row = rows.get(item.complaint_id)
            if row is None:
                continue
            own = [a for a, ev in attached.get(item.complaint_id, ()) if ev is None]
            payload = complaint_row_item(row, own)
        else:
            row = events.get(item.item_id)
            if row is None:
                continue
            own = [a for a, ev in attached.get(item.complaint_id, ()) if ev == item.item_id]
            payload = event_row_item(
                row, item.complaint_id, item.ticket_code, own, reporters.get(item.item_id)
            )
        payloads[item.item_id] = payload
        for a in own:
            files.setdefault(a.sha256, (a, []))[1].append(item.item_id)
    uploaded = attachment_repo.uploaded_set(session, set(files))
    needed = {sha: v for sha, v in files.items() if sha not in uploaded}
    return payloads, needed


def refuse_locally(
    database: Database,
    item_ids: Iterable[str],
    payloads: dict[str, dict[str, Any]],
    code: str,
    message: str,
) -> None:
    """Refuse items of a batch here (their file cannot go): they leave the batch."""
    with database.write() as session:
        for item_id in item_ids:
            if payloads.pop(item_id, None) is not None:
                outbox.mark_rejected(session, item_id, code, message, "attachments")


def record_answers(
    session: Any,
    batch: Batch,
    results: list[dict[str, Any]],
    counts: Counts,
    now: dt.datetime,
) -> int:
    """The server's answers, in the caller's write transaction; how many items they
    settled (sent or rejected)."""
    settled = 0
    keys = batch.keys()
    state = outbox.states(session, list(keys.values()))
    sent: list[int] = []
    crm_ids: list[tuple[str, str]] = []
    for result in results:
        item_id = str(result.get("id", ""))
        key = keys.get(item_id)
        if key is None or state.get(key) != outbox.PENDING:
            continue  # not of this batch, or no longer waiting
        state[key] = "settled"  # an id answered twice counts once
        payload = batch.payloads[item_id]
        outcome = result.get("outcome")
        if outcome in ("accepted", "already_had"):
            sent.append(key)
            if payload["type"] == "complaint" and result.get("crm_id"):
                crm_ids.append((payload["id"], str(result["crm_id"])))
            if outcome == "accepted":
                counts.accepted += 1
            else:
                counts.already_had += 1
            settled += 1
        elif outcome == "rejected":
            error = result.get("error") or {}
            code = str(error.get("code") or "rejected")
            if code in RETRY_ITEM_CODES:
                # The CRM lost (or never got) a file we thought it had.
                for a in payload.get("attachments", []):
                    attachment_repo.mark_not_uploaded(session, a["sha256"])
                continue
            # The code is kept, and the CRM's words: the desk says the reason in its
            # own (translatable) words when it reads the item (sync/refusals.py).
            outbox.mark_rejected(
                session,
                item_id,
                code[:40],
                str(error.get("message") or "")[:2000],
                str(error.get("field") or "")[:60],
                at=now,
            )
            counts.rejected += 1
            settled += 1
    # Marked sent in the transaction that records the server's confirmation.
    outbox.mark_sent_many(session, sent, now)
    complaints.set_crm_ids(session, crm_ids)
    return settled
