"""The sync engine: push the outbox, pull the CRM's changes, reference data, heartbeat.

Plain Python, no Qt: the HTTP client and the clock are injected, and whoever runs
the engine (the Qt adapter, the command line, a test) listens through callbacks.

The rules of DESIGN.md, "Sync protocol v1", and how they are kept here:

- An outbox item leaves "pending" only in the write transaction that records the
  server's per-item answer: a crash before that commit leaves it pending, and the
  next push is answered "already_had" (the server is idempotent per item id).
- The pull cursor is written in the same transaction as the events it covers: a
  crash loses the page, never an event, and a page applied twice is harmless
  (events are keyed by their id).
- Attachments are uploaded before the items that refer to them (content-addressed,
  idempotent); a file the server already has is not sent again.
- Errors are sorted: a bad token stops the engine until the desk is enrolled again;
  a per-item refusal marks that item rejected with the server's reason; everything
  that may heal by itself (down, refused, timeout, 5xx, 429) is retried with
  exponential backoff and full jitter, respecting ``Retry-After`` — and the state
  always says how many attempts, the last error and when the next try is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import uuid
from collections.abc import Callable, Collection, Iterable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from importlib import metadata
from typing import Any

from complaint_domain.areas import Area, AreaLevel
from complaint_domain.complaint import Attachment, EventKind
from complaint_domain.status import Status
from desk_app.store import areas as area_repo
from desk_app.store import attachments as attachment_repo
from desk_app.store import complaints, keyvalue, outbox
from desk_app.store.attachments import FileStore
from desk_app.store.db import Database, StorageError
from desk_app.sync.backoff import Backoff
from desk_app.sync.client import (
    AuthFailed,
    CrmClient,
    RequestRefused,
    SyncError,
    Transient,
    encode_json,
)
from desk_app.sync.wire import (
    COMPLAINT_COLUMNS,
    EVENT_COLUMNS,
    complaint_row_item,
    event_row_item,
)

Clock = Callable[[], dt.datetime]
MAX_BATCH = 100
PULL_PAGE = 500  # the CRM serves at most 500 changes a page
CURSOR_KEY = "sync.cursor"
REFERENCE_ETAG_KEY = "sync.reference_etag"
REFERENCE_KEY = "sync.reference"
LAST_SUCCESS_KEY = "sync.last_success_at"
# After this many failures in a row the state asks for the officer's attention.
ATTENTION_AFTER_FAILURES = 5
# Item-level codes that are not about the item's data: keep it pending, retry later.
RETRY_ITEM_CODES = frozenset({"attachment_missing"})
ITEM_UNREADABLE = "Data item ini tidak dapat dibaca di meja (baris aduan atau kejadiannya hilang)."
# Files of a batch uploaded side by side. The session's connection pool (requests'
# default, 10 per host) holds these, the push in flight and the pull's read-ahead.
UPLOAD_THREADS = 3


def app_version() -> str:
    try:
        return metadata.version("meja-aduan")
    except metadata.PackageNotFoundError:
        return "dev"


@dataclass(frozen=True)
class SyncState:
    """A snapshot of where sync stands: what the status bar and the panel show."""

    phase: str = "idle"  # idle | pushing | pulling | retry_wait | needs_enrolment
    online: bool | None = None  # None: not tried yet
    pending_count: int = 0
    oldest_pending_at: dt.datetime | None = None
    rejected_count: int = 0
    last_success_at: dt.datetime | None = None
    last_attempt_at: dt.datetime | None = None
    consecutive_failures: int = 0
    failing_since: dt.datetime | None = None
    last_error: str = ""
    last_error_code: str = ""
    next_retry_at: dt.datetime | None = None
    needs_enrolment: bool = False

    @property
    def needs_attention(self) -> bool:
        """Retrying for long enough that a person should know (and maybe call IT)."""
        return self.needs_enrolment or self.consecutive_failures >= ATTENTION_AFTER_FAILURES

    def oldest_pending_age_s(self, now: dt.datetime) -> int | None:
        if self.oldest_pending_at is None:
            return None
        return max(0, int((now - self.oldest_pending_at).total_seconds()))


@dataclass(frozen=True)
class SyncReport:
    ok: bool
    accepted: int = 0
    already_had: int = 0
    rejected: int = 0
    uploaded_files: int = 0
    pulled: int = 0
    changed_complaints: tuple[str, ...] = ()
    error: str = ""


StateListener = Callable[[SyncState], None]
ProgressListener = Callable[[str, int, int], None]
ChangesListener = Callable[[list[str]], None]


class _NoProgress(SyncError):
    """A batch came back without any item settled: stop this cycle, back off."""


@dataclass
class _Counts:
    accepted: int = 0
    already_had: int = 0
    rejected: int = 0
    uploaded: int = 0
    pulled: int = 0


@dataclass
class _Batch:
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


class _FileRefused(Exception):
    """A file that cannot go (unreadable here, refused by the CRM): its items are
    refused locally with this code and message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _answered(batch: _Batch, results: list[dict[str, Any]]) -> bool:
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


class SyncEngine:
    """One desk's sync. ``run_once()`` does a whole cycle; it is not re-entrant."""

    def __init__(
        self,
        database: Database,
        files: FileStore,
        client: CrmClient,
        clock: Clock,
        *,
        backoff: Backoff | None = None,
        batch_size: int = MAX_BATCH,
        pull_page: int = PULL_PAGE,
        version: str | None = None,
        apply_reference_areas: bool = True,
    ) -> None:
        self.db = database
        self.files = files
        self.client = client
        self.clock = clock
        self.backoff = backoff or Backoff()
        self.batch_size = max(1, min(batch_size, MAX_BATCH))
        self.pull_page = pull_page
        self.version = version or app_version()
        self.apply_reference_areas = apply_reference_areas
        self._state_listeners: list[StateListener] = []
        self._progress_listeners: list[ProgressListener] = []
        self._changes_listeners: list[ChangesListener] = []
        self._lock = threading.Lock()
        self._retry_key: tuple[str, str] | None = None  # (body hash, Idempotency-Key)
        self._head_supported = True
        with self.db.read() as session:
            raw = keyvalue.get(session, LAST_SUCCESS_KEY)
        self._state = SyncState(
            needs_enrolment=not client.token,
            last_success_at=dt.datetime.fromisoformat(raw) if raw else None,
        )
        self._state = self._with_counts(self._state)

    # ------------------------------------------------------------------ listening

    def subscribe(
        self,
        on_state: StateListener | None = None,
        on_progress: ProgressListener | None = None,
        on_changes: ChangesListener | None = None,
    ) -> None:
        if on_state:
            self._state_listeners.append(on_state)
        if on_progress:
            self._progress_listeners.append(on_progress)
        if on_changes:
            self._changes_listeners.append(on_changes)

    @property
    def state(self) -> SyncState:
        return self._state

    def _publish(self, state: SyncState) -> None:
        self._state = state
        for listener in list(self._state_listeners):
            listener(state)

    def _progress(self, phase: str, done: int, total: int) -> None:
        for listener in list(self._progress_listeners):
            listener(phase, done, total)

    def _changed(self, ids: list[str]) -> None:
        for listener in list(self._changes_listeners):
            listener(ids)

    def _with_counts(self, state: SyncState) -> SyncState:
        try:
            with self.db.read() as session:
                count, oldest = outbox.pending_summary(session)
                rejected = outbox.rejected_count(session)
        except StorageError:
            return state  # a disk that cannot be read: the last counts stand
        return replace(
            state, pending_count=count, oldest_pending_at=oldest, rejected_count=rejected
        )

    def refresh_counts(self) -> SyncState:
        """Recount after a local change (a new complaint, a requeue) and tell listeners."""
        state = self._with_counts(self._state)
        self._publish(state)
        return state

    def set_token(self, token: str) -> None:
        """After enrolment: a new token, a clean slate of failures."""
        self.client.token = token
        self._publish(
            replace(
                self._state,
                needs_enrolment=not token,
                consecutive_failures=0,
                failing_since=None,
                next_retry_at=None,
                last_error="",
                last_error_code="",
                phase="idle",
            )
        )

    def due(self, now: dt.datetime | None = None) -> bool:
        """Whether the backoff allows a try now (``sync_now`` ignores it)."""
        state = self._state
        if state.needs_enrolment:
            return False
        return state.next_retry_at is None or (now or self.clock()) >= state.next_retry_at

    # ------------------------------------------------------------------ the cycle

    def run_once(self) -> SyncReport:
        with self._lock:
            return self._run()

    def _run(self) -> SyncReport:
        now = self.clock()
        if not self.client.token:
            self._publish(replace(self._state, needs_enrolment=True, phase="needs_enrolment"))
            return SyncReport(False, error="needs_enrolment")
        self._publish(replace(self._state, phase="pushing", last_attempt_at=now))
        counts = _Counts()
        changed: list[str] = []
        try:
            self._push(counts)
            self._publish(replace(self._with_counts(self._state), phase="pulling", online=True))
            changed = self._pull(counts)
            self._reference()
            self._heartbeat()
            done = self.clock()
            with self.db.write() as session:
                keyvalue.put(session, LAST_SUCCESS_KEY, done.isoformat())
        except AuthFailed as exc:
            self._publish(
                replace(
                    self._with_counts(self._state),
                    phase="needs_enrolment",
                    online=True,
                    needs_enrolment=True,
                    last_error="Token meja ditolak CRM: daftarkan meja ini lagi. " + exc.message,
                    last_error_code=exc.code,
                    next_retry_at=None,
                )
            )
            return self._report(False, counts, changed, exc.message)
        except SyncError as exc:
            self._failed(exc)
            return self._report(False, counts, changed, exc.message)
        except StorageError as exc:
            # The desk's own disk (full, read-only, failing): said like a network fault,
            # retried with the backoff, so the status never stays on "sending".
            # The reason ("full", "io"…) goes in the code, not in the officer's words.
            error = SyncError(
                "Data meja tidak dapat ditulis atau dibaca; periksa ruang disk atau hubungi TI.",
                f"storage_{exc.reason}",
            )
            self._failed(error, online=self._state.online)  # the CRM is as it was
            return self._report(False, counts, changed, error.message)
        self._publish(
            replace(
                self._with_counts(self._state),
                phase="idle",
                online=True,
                last_success_at=done,
                consecutive_failures=0,
                failing_since=None,
                last_error="",
                last_error_code="",
                next_retry_at=None,
            )
        )
        return self._report(True, counts, changed, "")

    @staticmethod
    def _report(ok: bool, c: _Counts, changed: list[str], error: str) -> SyncReport:
        return SyncReport(
            ok, c.accepted, c.already_had, c.rejected, c.uploaded, c.pulled, tuple(changed), error
        )

    def _failed(self, exc: SyncError, online: bool | None = None) -> None:
        """``online``: whether the CRM is reachable, when the fault was not its answer
        (the desk's own disk); else whether it answered at all, even with an error."""
        now = self.clock()
        state = self._state
        failures = state.consecutive_failures + 1
        retry_after = exc.retry_after if isinstance(exc, Transient) else None
        delay = self.backoff.delay(failures, retry_after)
        if online is None:
            online = exc.status is not None
        self._publish(
            replace(
                self._with_counts(state),
                phase="retry_wait",
                online=online,
                consecutive_failures=failures,
                failing_since=state.failing_since or now,
                last_error=exc.message,
                last_error_code=exc.code,
                next_retry_at=now + dt.timedelta(seconds=delay),
            )
        )

    # ------------------------------------------------------------------ push

    def _push(self, counts: _Counts) -> None:
        with self.db.read() as session:
            total, _ = outbox.pending_summary(session)
        done = 0
        # While the CRM works on a batch (sent from the sender thread), the next one is
        # read, its files uploaded (a few side by side) and its body encoded (reader
        # thread), and the answers of the one before are written (here). Nothing is
        # marked sent before its own answer: a batch goes out ahead of the previous
        # one's write only when that one is wholly answered (see _answered), and a
        # crash in between leaves the previous batch pending, answered "already_had"
        # next time.
        stop = threading.Event()  # this push is over: a read-ahead uploads no more
        with (  # (left in reverse order: a read-ahead ends before its uploaders)
            ThreadPoolExecutor(UPLOAD_THREADS, thread_name_prefix="meja-sync-upload") as uploader,
            ThreadPoolExecutor(1, thread_name_prefix="meja-sync-send") as sender,
            ThreadPoolExecutor(1, thread_name_prefix="meja-sync-read") as reader,
        ):

            def prepare(exclude: Collection[int] = ()) -> _Batch | None:
                return self._prepare(exclude, counts, uploader, stop)

            try:
                batch = prepare()
                answered: tuple[_Batch, list[dict[str, Any]]] | None = None  # not yet written
                while batch is not None:
                    if not batch.payloads:
                        # every item was refused locally (a file unreadable or refused)
                        if answered is not None:
                            done += self._write_answers(*answered, counts)
                            answered = None
                            self._progress("push", done, max(total, done))
                        batch = prepare()
                        continue
                    if answered is None:
                        with self.db.write() as session:
                            outbox.note_attempts(session, list(batch.keys().values()), self.clock())
                    reply = sender.submit(self._post, batch)
                    in_flight = [i.pk for i in batch.items]
                    if answered is not None:
                        in_flight += [i.pk for i in answered[0].items]  # not marked yet
                    ahead = reader.submit(prepare, in_flight)
                    if answered is not None:
                        # The batch in flight has its attempt noted with these answers
                        # (a crash before this commit loses that count, nothing else).
                        done += self._write_answers(*answered, counts, batch)
                        answered = None
                        self._progress("push", done, max(total, done))
                    try:
                        results = reply.result()
                    except RequestRefused as exc:
                        if exc.status == 413 and self.batch_size > 1:
                            self.batch_size = max(1, self.batch_size // 2)
                            wait([ahead])  # read with the old size: read again
                            batch = prepare()
                            continue
                        raise
                    try:
                        following = ahead.result()
                    except Exception:  # read again below, after this batch's answers
                        following = None
                    if following is not None and _answered(batch, results):
                        answered = (batch, results)  # written while the next one is out
                        batch = following
                        continue
                    settled = self._write_answers(batch, results, counts)
                    done += settled
                    self._progress("push", done, max(total, done))
                    if settled == 0:
                        raise _NoProgress(
                            f"CRM belum mengonfirmasi {len(batch.payloads)} item; "
                            "dicoba lagi nanti.",
                            "not_confirmed",
                        )
                    if settled < len(batch.items):
                        # Something of this batch is still pending (a file to upload
                        # again, an item left unanswered): start again from the first
                        # pending item, which the read ahead left out.
                        following = None
                    # Nothing read ahead: look again (new items may have come meanwhile).
                    batch = following if following is not None else prepare()
            finally:
                stop.set()

    def _write_answers(
        self,
        batch: _Batch,
        results: list[dict[str, Any]],
        counts: _Counts,
        in_flight: _Batch | None = None,
    ) -> int:
        """Record a batch's answers in one write transaction (noting the attempt of
        the batch ``in_flight``, if any, with them); how many items they settled."""
        now = self.clock()
        with self.db.write() as session:
            settled = self._record(session, batch, results, counts, now)
            if in_flight is not None:
                outbox.note_attempts(session, list(in_flight.keys().values()), now)
        return settled

    def _prepare(
        self,
        exclude: Collection[int],
        counts: _Counts,
        uploader: ThreadPoolExecutor,
        stop: threading.Event,
    ) -> _Batch | None:
        """The next batch ready to send: read, its files on the CRM, its body encoded."""
        batch = self._batch(exclude)
        if batch is not None:
            if batch.needed:
                self._upload(batch, counts, uploader, stop)
            batch.encode()
        return batch

    def _batch(self, exclude: Collection[int] = ()) -> _Batch | None:
        """The first pending items (but ``exclude``, outbox keys), their wire form and
        the files they need; None when nothing is pending."""
        with self.db.read() as session:
            items = outbox.pending(session, limit=self.batch_size, exclude=exclude)
            if not items:
                return None
            payloads, needed = self._payloads(session, items)
        missing = [i.item_id for i in items if i.item_id not in payloads]
        if missing:
            # Its complaint or event row is gone (the foreign keys and the append-only
            # rules should make that impossible). Refused here, with a reason the
            # officer sees, instead of being read again on every cycle, for ever.
            with self.db.write() as session:
                for item_id in missing:
                    outbox.mark_rejected(session, item_id, "item_unreadable", ITEM_UNREADABLE, "")
        return _Batch(items, payloads, needed)

    def _payloads(
        self, session: Any, items: list[outbox.OutboxItem]
    ) -> tuple[dict[str, dict[str, Any]], dict[str, tuple[Attachment, list[str]]]]:
        """The wire items, and the files they need that the CRM may not have yet.
        Built from just the columns they carry, in a fixed number of queries."""
        payloads: dict[str, dict[str, Any]] = {}
        files: dict[str, tuple[Attachment, list[str]]] = {}
        rows = complaints.rows_by_id(
            session, {i.complaint_id for i in items if i.kind == "complaint"}, COMPLAINT_COLUMNS
        )
        events = complaints.rows_by_id(
            session, {i.item_id for i in items if i.kind != "complaint"}, EVENT_COLUMNS, events=True
        )
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
                payload = event_row_item(row, item.complaint_id, item.ticket_code, own)
            payloads[item.item_id] = payload
            for a in own:
                files.setdefault(a.sha256, (a, []))[1].append(item.item_id)
        uploaded = attachment_repo.uploaded_set(session, set(files))
        needed = {sha: v for sha, v in files.items() if sha not in uploaded}
        return payloads, needed

    def _upload(
        self, batch: _Batch, counts: _Counts, uploader: ThreadPoolExecutor, stop: threading.Event
    ) -> None:
        """The files the batch needs, a few side by side. A file refused (unreadable
        here, or by the CRM) refuses its items locally; what reached the CRM is noted
        even if another file failed, and then the first failure is raised."""
        jobs = [
            (sha256, item_ids, uploader.submit(self._send_file, sha256, attachment, stop))
            for sha256, (attachment, item_ids) in batch.needed.items()
        ]
        uploaded: list[str] = []
        failure: SyncError | None = None
        try:
            for sha256, item_ids, job in jobs:
                try:
                    sent = job.result()
                except _FileRefused as exc:
                    self._refuse_locally(item_ids, batch.payloads, exc.code, exc.message)
                    continue
                except SyncError as exc:
                    failure = failure or exc
                    continue
                if sent is not None:
                    counts.uploaded += sent
                    uploaded.append(sha256)
        finally:
            if uploaded:
                with self.db.write() as session:
                    attachment_repo.mark_uploaded_many(session, uploaded)
        if failure is not None:
            raise failure

    def _send_file(self, sha256: str, attachment: Attachment, stop: threading.Event) -> bool | None:
        """Put one file on the CRM (an upload thread): True when sent, False when the
        CRM said it has it, None when the push ended first. Raises _FileRefused."""
        if stop.is_set():
            return None
        if self._head_supported:
            have = self.client.has_attachment(sha256)
            if have is None:
                self._head_supported = False
            elif have:
                return False
        try:
            data = self.files.read(sha256)
        except OSError as exc:
            raise _FileRefused(
                "attachment_unreadable", f"Berkas lampiran tidak dapat dibaca di meja: {exc}."
            ) from None
        try:
            self.client.put_attachment(sha256, attachment.media_type, data)
        except RequestRefused as exc:
            raise _FileRefused(
                exc.code or "attachment_refused", f"Lampiran ditolak CRM: {exc.message}"
            ) from None
        return True

    def _refuse_locally(
        self, item_ids: Iterable[str], payloads: dict[str, dict[str, Any]], code: str, message: str
    ) -> None:
        with self.db.write() as session:
            for item_id in item_ids:
                if payloads.pop(item_id, None) is not None:
                    outbox.mark_rejected(session, item_id, code, message, "attachments")

    def _post(self, batch: _Batch) -> list[dict[str, Any]]:
        """Send a batch; a retry of the same body reuses its Idempotency-Key."""
        body, body_hash = batch.encode()
        if self._retry_key is not None and self._retry_key[0] == body_hash:
            key = self._retry_key[1]  # the same request again: the same key
        else:
            key = uuid.uuid4().hex
        self._retry_key = (body_hash, key)
        results = self.client.push_body(body, key)
        self._retry_key = None
        return results

    def _record(
        self,
        session: Any,
        batch: _Batch,
        results: list[dict[str, Any]],
        counts: _Counts,
        now: dt.datetime,
    ) -> int:
        """The server's answers, in the caller's write transaction; how many items
        they settled (sent or rejected)."""
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
                outbox.mark_rejected(
                    session,
                    item_id,
                    code[:40],
                    str(error.get("message") or "Ditolak CRM.")[:2000],
                    str(error.get("field") or "")[:60],
                )
                counts.rejected += 1
                settled += 1
        # Marked sent in the transaction that records the server's confirmation.
        outbox.mark_sent_many(session, sent, now)
        complaints.set_crm_ids(session, crm_ids)
        return settled

    # ------------------------------------------------------------------ pull

    def _pull(self, counts: _Counts) -> list[str]:
        changed: list[str] = []
        seen: set[str] = set()
        with self.db.read() as session:
            cursor = int(keyvalue.get(session, CURSOR_KEY, "0") or 0)
        # The next page is fetched on a helper thread while this one is written; the
        # client is used by one thread at a time, and the cursor still moves only in
        # the transaction that stores the events it covers.
        with ThreadPoolExecutor(1, thread_name_prefix="meja-sync-fetch") as fetcher:
            fetched = self.client.changes(cursor, self.pull_page)
            while True:
                page, next_cursor, has_more = fetched
                more = has_more and next_cursor > cursor
                ahead = (
                    fetcher.submit(self.client.changes, next_cursor, self.pull_page)
                    if more
                    else None
                )
                with self.db.write() as session:
                    # Re-read: never move the cursor backwards (two engines on one file).
                    stored = int(keyvalue.get(session, CURSOR_KEY, "0") or 0)
                    moved = stored != cursor
                    if not moved:
                        ids = self._apply(session, page)
                        if next_cursor > cursor:
                            keyvalue.put(session, CURSOR_KEY, str(next_cursor))
                if moved:  # another engine moved it: go on from there
                    if ahead is not None:
                        wait([ahead])  # (one changes request at a time)
                    cursor = stored
                    fetched = self.client.changes(cursor, self.pull_page)
                    continue
                counts.pulled += len(page)
                if ids:
                    self._changed(ids)
                    changed.extend(i for i in ids if i not in seen)
                    seen.update(ids)
                self._progress("pull", counts.pulled, counts.pulled + (1 if has_more else 0))
                if ahead is None:
                    return changed
                cursor = next_cursor
                fetched = ahead.result()

    def _apply(self, session: Any, page: list[dict[str, Any]]) -> list[str]:
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

    # ------------------------------------------------------------------ reference, heartbeat

    def _reference(self) -> None:
        with self.db.read() as session:
            etag = keyvalue.get(session, REFERENCE_ETAG_KEY)
        answer = self.client.reference(etag)
        if answer.document is None:
            return
        document = answer.document
        areas = _areas_of(document)
        with self.db.write() as session:
            keyvalue.put(session, REFERENCE_KEY, json.dumps(document, ensure_ascii=False))
            keyvalue.put(session, REFERENCE_ETAG_KEY, answer.etag)
            if self.apply_reference_areas and areas:
                current = {(a.code, a.name, a.level) for a in area_repo.load_all(session)}
                if current != {(a.code, a.name, a.level) for a in areas}:
                    area_repo.replace_all(session, areas)

    def _heartbeat(self) -> None:
        with self.db.read() as session:
            count, oldest = outbox.pending_summary(session)
        age = None if oldest is None else max(0, int((self.clock() - oldest).total_seconds()))
        self.client.heartbeat(count, age, self.version)


_KINDS = {k.value for k in EventKind}


def _areas_of(document: dict[str, Any]) -> list[Area]:
    out = []
    for raw in document.get("areas") or []:
        try:
            out.append(Area(str(raw["code"]), str(raw["name"]), AreaLevel(raw["level"])))
        except (KeyError, TypeError, ValueError):
            continue
    return out
