"""Attachment files, stored by content next to the database.

A file is written to a temporary name in the same folder, fsync'd, renamed into
place and the folder fsync'd: after a crash the file is either whole under its
hash or not there at all, never half-written under the name that claims its content.

With a :class:`~desk_app.store.crypto.FileCipher` the content is sealed (AES-GCM)
on disk and opened on read: whoever reads it (preview, print, the sync's upload)
gets the original bytes, whose SHA-256 names the file. Files kept from before
encryption are sealed once by :meth:`FileStore.seal_all`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from complaint_domain.complaint import Attachment
from desk_app.store.crypto import FileCipher, SealBroken, is_sealed
from desk_app.store.models import AttachmentRow, ComplaintAttachmentRow, table_of

SEALED_MARKER = ".sealed"


class FileStore:
    """Content-addressed files under ``root``: ``root/ab/abcdef…``."""

    def __init__(self, root: Path, cipher: FileCipher | None = None) -> None:
        self.root = root
        self._cipher = cipher

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if target.is_file() and (self._cipher is not None or target.stat().st_size == len(data)):
            return digest  # sealed: a damaged copy is found by the read's check instead
        self._write(target, data if self._cipher is None else self._cipher.seal(data, digest))
        return digest

    def _write(self, target: Path, blob: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(blob)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)

    def read(self, sha256: str) -> bytes:
        data = self.path_for(sha256).read_bytes()
        if self._cipher is not None:
            try:
                data = self._cipher.open(data, sha256)
            except SealBroken:  # altered, or sealed with another key
                raise OSError(f"stored file {sha256[:12]}… is damaged (cannot be opened)") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise OSError(f"stored file {sha256[:12]}… is damaged (hash mismatch)")
        return data

    def remove(self, sha256: str) -> None:
        """The file gone from this desk (retention: no complaint keeps it any more)."""
        self.path_for(sha256).unlink(missing_ok=True)

    def seal_all(self) -> int:
        """Seal every file kept in clear (from before encryption), each replaced
        atomically: a crash halfway leaves each file whole, plain or sealed, and the
        next run seals the rest. Returns how many were sealed. Done once: a marker
        file says so afterwards (a start does not read every file again)."""
        marker = self.root / SEALED_MARKER
        if self._cipher is None or marker.exists():
            return 0
        sealed = 0
        for path in sorted(self.root.glob("??/*")):
            if path.name.startswith(".") or not path.is_file():
                continue
            blob = path.read_bytes()
            if is_sealed(blob) or hashlib.sha256(blob).hexdigest() != path.name:
                continue  # sealed already, or not a file of ours: left alone
            self._write(path, self._cipher.seal(blob, path.name))
            sealed += 1
        self.root.mkdir(parents=True, exist_ok=True)
        marker.write_bytes(b"")
        _fsync_dir(self.root)
        return sealed


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":  # Windows has no directory fsync; NTFS journals the rename
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def register(session: Session, attachment: Attachment, at: dt.datetime) -> None:
    session.execute(
        sqlite_insert(AttachmentRow)
        .values(
            sha256=attachment.sha256,
            size=attachment.size,
            media_type=attachment.media_type,
            stored_at=at,
            uploaded=False,
        )
        .on_conflict_do_nothing()
    )


def link(
    session: Session, complaint_id: str, attachment: Attachment, event_id: str | None = None
) -> None:
    session.connection().execute(
        table_of(ComplaintAttachmentRow).insert(),
        dict(
            complaint_id=complaint_id,
            event_id=event_id,
            sha256=attachment.sha256,
            original_name=attachment.original_name,
        ),
    )


def for_complaint(session: Session, complaint_id: str) -> list[tuple[Attachment, str | None]]:
    """Every attachment of a complaint, with the event that brought it (None: intake)."""
    rows = session.execute(
        select(ComplaintAttachmentRow, AttachmentRow)
        .join(AttachmentRow, AttachmentRow.sha256 == ComplaintAttachmentRow.sha256)
        .where(ComplaintAttachmentRow.complaint_id == complaint_id)
        .order_by(ComplaintAttachmentRow.pk)
    ).all()
    return [
        (Attachment(a.sha256, a.size, a.media_type, link.original_name), link.event_id)
        for link, a in rows
    ]


def for_complaints(
    session: Session, complaint_ids: list[str]
) -> dict[str, list[tuple[Attachment, str | None]]]:
    """:func:`for_complaint` for several complaints in one query (sync: a batch)."""
    if not complaint_ids:
        return {}
    link, a = ComplaintAttachmentRow.__table__.c, AttachmentRow.__table__.c
    rows = session.execute(
        select(link.complaint_id, link.event_id, link.original_name, a.sha256, a.size, a.media_type)
        .join_from(
            ComplaintAttachmentRow.__table__, AttachmentRow.__table__, a.sha256 == link.sha256
        )
        .where(link.complaint_id.in_(complaint_ids))
        .order_by(link.pk)
    ).all()
    out: dict[str, list[tuple[Attachment, str | None]]] = {}
    for complaint_id, event_id, name, sha256, size, media_type in rows:
        out.setdefault(complaint_id, []).append(
            (Attachment(sha256, size, media_type, name), event_id)
        )
    return out


def mark_uploaded(session: Session, sha256: str) -> None:
    row = session.get(AttachmentRow, sha256)
    if row is not None:
        row.uploaded = True


def mark_uploaded_many(session: Session, hashes: list[str]) -> None:
    """:func:`mark_uploaded` for several files in one statement."""
    if hashes:
        session.execute(
            update(AttachmentRow)
            .where(AttachmentRow.sha256.in_(hashes))
            .values(uploaded=True)
            .execution_options(synchronize_session=False)
        )


def uploaded_set(session: Session, hashes: set[str]) -> set[str]:
    """Which of ``hashes`` the CRM is known to have (sync: skip their upload)."""
    if not hashes:
        return set()
    return set(
        session.execute(
            select(AttachmentRow.sha256).where(
                AttachmentRow.sha256.in_(hashes), AttachmentRow.uploaded.is_(True)
            )
        ).scalars()
    )


def mark_not_uploaded(session: Session, sha256: str) -> None:
    """The CRM said it lacks the file after all: upload it again on the next push."""
    row = session.get(AttachmentRow, sha256)
    if row is not None:
        row.uploaded = False
