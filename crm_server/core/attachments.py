"""Attachments: content-addressed files (by SHA-256), uploaded before the complaint
or event that names them. A desk names only files it uploaded itself
(``AttachmentUpload``), though each file is stored once."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from complaint_domain.complaint import ALLOWED_ATTACHMENT_TYPES
from crm_server.core.auth import DeskAuth
from crm_server.core.context import CrmContext
from crm_server.core.errors import ApiError
from crm_server.db.bulk import insert_for
from crm_server.db.engine import transaction
from crm_server.db.models import AttachmentUpload, StoredAttachment

# Magic numbers of the accepted attachment types: the declared type must match the bytes.
_MAGIC: dict[str, tuple[bytes, ...]] = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/webp": (b"RIFF",),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
    "application/pdf": (b"%PDF-",),
}


def sniff_media_type(data: bytes) -> str:
    """The accepted type the bytes start like ("" for none): a browser's upload
    names its own type, which is not trusted."""
    for media_type, magics in _MAGIC.items():
        if data.startswith(magics):
            if media_type == "image/webp" and data[8:12] != b"WEBP":
                continue
            return media_type
    return ""


def attachment_path(crm: CrmContext, sha256: str) -> Path:
    return crm.settings.attachment_dir / sha256[:2] / sha256


def store_attachment(
    crm: CrmContext, desk: DeskAuth | None, sha256: str, media_type: str, data: bytes
) -> bool:
    """Store a content-addressed file; False when it was already there."""
    if media_type not in ALLOWED_ATTACHMENT_TYPES:
        raise ApiError(
            415,
            "unsupported_media_type",
            "Only JPEG, PNG, WebP, TIFF and PDF files are accepted.",
            "Content-Type",
        )
    if not data:
        raise ApiError(422, "empty", "The file is empty.", "body")
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ApiError(422, "hash_mismatch", "The body does not match its SHA-256.", "sha256")
    if not data.startswith(_MAGIC[media_type]):
        raise ApiError(
            422, "type_mismatch", "The file content does not match its Content-Type.", "body"
        )
    path = attachment_path(crm, sha256)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{uuid.uuid4().hex}.part")
        tmp.write_bytes(data)
        tmp.replace(path)  # atomic: a reader never sees half a file
    with transaction(crm.sessions) as session:
        insert = insert_for(session)(StoredAttachment).values(
            sha256=sha256,
            size=len(data),
            media_type=media_type,
            created_at=crm.now(),
            desk_id=desk.id if desk else None,
        )
        created = session.execute(
            insert.on_conflict_do_nothing().returning(StoredAttachment.sha256)
        ).first()
        if desk is not None:  # this desk may name the file from now on (also a copy)
            held = insert_for(session)(AttachmentUpload).values(sha256=sha256, desk_id=desk.id)
            session.execute(held.on_conflict_do_nothing())
    return created is not None
