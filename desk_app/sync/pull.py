"""The pull: the CRM's changes feed (status events of this desk's complaints) and its
reference data.

The cursor is the CRM's sequence, never a timestamp, and it is written in the same
transaction as the events it covers: a crash loses the page, never an event, and a
page applied twice is harmless (events are keyed by their id).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any

from complaint_domain.areas import Area, AreaLevel
from complaint_domain.complaint import EventKind
from complaint_domain.status import Status
from desk_app.store import areas as area_repo
from desk_app.store import complaints, keyvalue
from desk_app.store.db import Database
from desk_app.sync.batches import Counts
from desk_app.sync.client import CrmClient

PULL_PAGE = 500  # the CRM serves at most 500 changes a page
CURSOR_KEY = "sync.cursor"
REFERENCE_ETAG_KEY = "sync.reference_etag"
REFERENCE_KEY = keyvalue.CRM_REFERENCE
_KINDS = {k.value for k in EventKind}


class Puller:
    """What comes from the CRM; used by the sync thread, once at a time."""

    def __init__(
        self,
        database: Database,
        client: CrmClient,
        progress: Callable[[str, int, int], None],
        changed: Callable[[list[str]], None],
        page: int = PULL_PAGE,
        apply_reference_areas: bool = True,
    ) -> None:
        self.db = database
        self.client = client
        self.progress = progress
        self.changed = changed
        self.page = page
        self.apply_reference_areas = apply_reference_areas

    def pull(self, counts: Counts) -> list[str]:
        """Every change after the cursor; the ids of the complaints they changed."""
        changed: list[str] = []
        seen: set[str] = set()
        with self.db.read() as session:
            cursor = int(keyvalue.get(session, CURSOR_KEY, "0") or 0)
        # The next page is fetched on a helper thread while this one is written; the
        # client is used by one thread at a time, and the cursor still moves only in
        # the transaction that stores the events it covers.
        with ThreadPoolExecutor(1, thread_name_prefix="meja-sync-fetch") as fetcher:
            fetched = self.client.changes(cursor, self.page)
            while True:
                page, next_cursor, has_more = fetched
                more = has_more and next_cursor > cursor
                ahead = (
                    fetcher.submit(self.client.changes, next_cursor, self.page) if more else None
                )
                with self.db.write() as session:
                    # Re-read: never move the cursor backwards (two engines on one file).
                    stored = int(keyvalue.get(session, CURSOR_KEY, "0") or 0)
                    moved = stored != cursor
                    if not moved:
                        ids = apply_changes(session, page)
                        if next_cursor > cursor:
                            keyvalue.put(session, CURSOR_KEY, str(next_cursor))
                if moved:  # another engine moved it: go on from there
                    if ahead is not None:
                        wait([ahead])  # (one changes request at a time)
                    cursor = stored
                    fetched = self.client.changes(cursor, self.page)
                    continue
                counts.pulled += len(page)
                if ids:
                    self.changed(ids)
                    changed.extend(i for i in ids if i not in seen)
                    seen.update(ids)
                self.progress("pull", counts.pulled, counts.pulled + (1 if has_more else 0))
                if ahead is None:
                    return changed
                cursor = next_cursor
                fetched = ahead.result()

    def reference(self) -> bool:
        """The categories, areas, agencies and time limits, when their version (ETag)
        changed; whether they did (the desk then reads them again)."""
        with self.db.read() as session:
            etag = keyvalue.get(session, REFERENCE_ETAG_KEY)
        answer = self.client.reference(etag)
        if answer.document is None:
            return False
        document = answer.document
        areas = _areas_of(document)
        with self.db.write() as session:
            keyvalue.put(session, REFERENCE_KEY, json.dumps(document, ensure_ascii=False))
            keyvalue.put(session, REFERENCE_ETAG_KEY, answer.etag)
            if self.apply_reference_areas and areas:
                current = {(a.code, a.name, a.level) for a in area_repo.load_all(session)}
                if current != {(a.code, a.name, a.level) for a in areas}:
                    area_repo.replace_all(session, areas)
        return True


def apply_changes(session: Any, page: list[dict[str, Any]]) -> list[str]:
    """A page of the CRM's changes, in the caller's write transaction: each event
    checked and turned into its row here (a page is 500 of them), then stored with
    one statement, and each complaint's latest status with another."""
    known = complaints.existing_ids(session, {str(c.get("complaint_id")) for c in page})
    events: list[complaints.CrmEvent] = []
    latest: dict[str, tuple[Status, dt.datetime, str]] = {}
    for change in page:
        complaint_id = str(change.get("complaint_id"))
        if complaint_id not in known:
            continue  # not (or no longer) on this desk: nothing to show it on
        try:
            at = dt.datetime.fromisoformat(str(change["at"]).replace("Z", "+00:00"))
            if at.tzinfo is None:
                at = at.replace(tzinfo=dt.UTC)
            status = Status(change["status"])
            kind = change["kind"] if change["kind"] in _KINDS else EventKind.NOTE.value
            unit = str(change.get("unit") or "")
            event = complaints.CrmEvent(
                str(uuid.UUID(str(change["event_id"]))),
                complaint_id,
                kind,
                at,
                str(change.get("note") or ""),
                status.value,
                unit,
                int(change["seq"]),
            )
        except (KeyError, TypeError, ValueError):
            continue  # a change this version does not understand: skip, keep going
        events.append(event)
        latest[complaint_id] = (status, at, str(change.get("public_label") or ""))
    complaints.add_crm_events(session, events)
    complaints.set_statuses(
        session,
        [
            (cid, status, at, label if label and label != status.public_label else "")
            for cid, (status, at, label) in latest.items()
        ],
    )
    return list(latest)


def _areas_of(document: dict[str, Any]) -> list[Area]:
    out = []
    for raw in document.get("areas") or []:
        try:
            out.append(Area(str(raw["code"]), str(raw["name"]), AreaLevel(raw["level"])))
        except (KeyError, TypeError, ValueError):
            continue
    return out
