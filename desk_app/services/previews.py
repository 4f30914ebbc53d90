"""Thumbnails of attachments: images as they are, PDFs as their first page.

The UI shows them on the intake form (files picked from disk) and in the detail view
(files from the desk's store). Work for the worker thread, never for the GUI thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from desk_app.domain.complaint import check_attachment
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.errors import UserFacingError
from desk_app.services.intake import AttachmentFile
from desk_app.store.attachments import FileStore

THUMBNAIL_PX = 160


@dataclass(frozen=True)
class PickedFile:
    """A file the officer picked: accepted (with a thumbnail) or refused (with why)."""

    path: str
    name: str
    size: int
    media_type: str
    thumbnail: bytes  # PNG/JPEG bytes; empty when none could be made
    refused: str = ""  # the message for the officer, Indonesian


def thumbnail(data: bytes, media_type: str, px: int = THUMBNAIL_PX) -> bytes:
    """Image bytes the UI can load; a rendered first page for a PDF."""
    if media_type != "application/pdf":
        return data
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return b""
    try:
        page = pdf[0]
        scale = px / max(page.get_width(), page.get_height())
        image = page.render(scale=scale).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()
    finally:
        pdf.close()


def pick_file(path: Path) -> PickedFile:
    try:
        f = AttachmentFile.from_path(path)
    except UserFacingError as err:
        return PickedFile(str(path), path.name, 0, "", b"", err.message)
    media_type, problem = check_attachment(f.data, f.name)
    if problem or media_type is None:
        return PickedFile(str(path), f.name, len(f.data), "", b"", problem or "")
    return PickedFile(str(path), f.name, len(f.data), media_type, thumbnail(f.data, media_type))


class AttachmentPreviews:
    """Thumbnails of files already stored with a complaint."""

    def __init__(self, files: FileStore) -> None:
        self._files = files

    def stored(self, officer: Officer, sha256: str, media_type: str) -> bytes:
        require(officer, Role.OFFICER)
        try:
            return thumbnail(self._files.read(sha256), media_type)
        except OSError:
            return b""
