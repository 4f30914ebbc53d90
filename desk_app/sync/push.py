"""The push: the outbox to the CRM, batch by batch, files first.

While the CRM works on a batch (sent from the sender thread), the next one is read,
its files uploaded (a few side by side) and its body encoded (reader thread), and
the answers of the one before are written (the sync thread). Nothing is marked sent
before its own answer: a batch goes out ahead of the previous one's write only when
that one is wholly answered (:func:`~desk_app.sync.batches.answered`), and a crash
in between leaves the previous batch pending, answered "already_had" next time.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any

from complaint_domain.complaint import Attachment
from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.store import attachments as attachment_repo
from desk_app.store import outbox
from desk_app.store.attachments import FileStore
from desk_app.store.db import Database
from desk_app.sync.batches import (
    Batch,
    Counts,
    answered,
    read_batch,
    record_answers,
    refuse_locally,
)
from desk_app.sync.client import CrmClient, RequestRefused, SyncError

MAX_BATCH = 100
# Files of a batch uploaded side by side. The session's connection pool (requests'
# default, 10 per host) holds these, the push in flight and the pull's read-ahead.
UPLOAD_THREADS = 3
Progress = Callable[[str, int, int], None]


class NoProgress(SyncError):
    """A batch came back without any item settled: stop this cycle, back off."""


class FileRefused(Exception):
    """A file that cannot go (unreadable here, refused by the CRM): its items are
    refused locally with this code and message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class PushPipeline:
    """Pushes one desk's outbox; ``push()`` runs on the sync thread, once at a time."""

    def __init__(
        self,
        database: Database,
        files: FileStore,
        client: CrmClient,
        clock: Callable[[], dt.datetime],
        progress: Progress,
        batch_size: int = MAX_BATCH,
    ) -> None:
        self.db = database
        self.files = files
        self.client = client
        self.clock = clock
        self.progress = progress
        self.batch_size = max(1, min(batch_size, MAX_BATCH))
        self._retry_key: tuple[str, str] | None = None  # (body hash, Idempotency-Key)
        self._head_supported = True

    def push(self, counts: Counts) -> None:
        with self.db.read() as session:
            total, _ = outbox.pending_summary(session)
        done = 0
        stop = threading.Event()  # this push is over: a read-ahead uploads no more
        with (  # (left in reverse order: a read-ahead ends before its uploaders)
            ThreadPoolExecutor(UPLOAD_THREADS, thread_name_prefix="meja-sync-upload") as uploader,
            ThreadPoolExecutor(1, thread_name_prefix="meja-sync-send") as sender,
            ThreadPoolExecutor(1, thread_name_prefix="meja-sync-read") as reader,
        ):

            def prepare(exclude: Collection[int] = ()) -> Batch | None:
                return self.prepare(exclude, counts, uploader, stop)

            try:
                batch = prepare()
                waiting: tuple[Batch, list[dict[str, Any]]] | None = None  # not yet written
                while batch is not None:
                    if not batch.payloads:
                        # every item was refused locally (a file unreadable or refused)
                        if waiting is not None:
                            done += self._write_answers(*waiting, counts)
                            waiting = None
                            self.progress("push", done, max(total, done))
                        batch = prepare()
                        continue
                    if waiting is None:
                        with self.db.write() as session:
                            outbox.note_attempts(session, list(batch.keys().values()), self.clock())
                    reply = sender.submit(self._post, batch)
                    in_flight = [i.pk for i in batch.items]
                    if waiting is not None:
                        in_flight += [i.pk for i in waiting[0].items]  # not marked yet
                    ahead = reader.submit(prepare, in_flight)
                    if waiting is not None:
                        # The batch in flight has its attempt noted with these answers
                        # (a crash before this commit loses that count, nothing else).
                        done += self._write_answers(*waiting, counts, batch)
                        waiting = None
                        self.progress("push", done, max(total, done))
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
                    if following is not None and answered(batch, results):
                        waiting = (batch, results)  # written while the next one is out
                        batch = following
                        continue
                    settled = self._write_answers(batch, results, counts)
                    done += settled
                    self.progress("push", done, max(total, done))
                    if settled == 0:
                        raise NoProgress(
                            QT_TRANSLATE_NOOP(
                                "Sync", "CRM belum mengonfirmasi {n} item; dicoba lagi nanti."
                            ).format(n=len(batch.payloads)),
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
        batch: Batch,
        results: list[dict[str, Any]],
        counts: Counts,
        in_flight: Batch | None = None,
    ) -> int:
        """Record a batch's answers in one write transaction (noting the attempt of
        the batch ``in_flight``, if any, with them); how many items they settled."""
        now = self.clock()
        with self.db.write() as session:
            settled = record_answers(session, batch, results, counts, now)
            if in_flight is not None:
                outbox.note_attempts(session, list(in_flight.keys().values()), now)
        return settled

    def prepare(
        self,
        exclude: Collection[int],
        counts: Counts,
        uploader: ThreadPoolExecutor,
        stop: threading.Event,
    ) -> Batch | None:
        """The next batch ready to send: read, its files on the CRM, its body encoded."""
        batch = read_batch(self.db, self.batch_size, exclude)
        if batch is not None:
            if batch.needed:
                self._upload(batch, counts, uploader, stop)
            batch.encode()
        return batch

    def _upload(
        self, batch: Batch, counts: Counts, uploader: ThreadPoolExecutor, stop: threading.Event
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
                except FileRefused as exc:
                    refuse_locally(self.db, item_ids, batch.payloads, exc.code, exc.message)
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
        CRM said it has it, None when the push ended first. Raises FileRefused (its
        message is stored with the item; the reason shown comes from the code)."""
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
            raise FileRefused(
                "attachment_unreadable", f"Berkas lampiran tidak dapat dibaca di meja: {exc}."
            ) from None
        try:
            self.client.put_attachment(sha256, attachment.media_type, data)
        except RequestRefused as exc:
            raise FileRefused(
                exc.code or "attachment_refused", exc.server_text or str(exc.message)
            ) from None
        return True

    def _post(self, batch: Batch) -> list[dict[str, Any]]:
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
