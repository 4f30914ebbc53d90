"""Thumbnails of attachments: images as they are, PDFs as their first page.

The UI shows them on the intake form (files picked from disk) and in the detail view
(files from the desk's store). Work for the worker thread, never for the GUI thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from complaint_domain.complaint import check_attachment
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.errors import UserFacingError
from desk_app.services.intake import AttachmentFile
from desk_app.store.attachments import FileStore

if TYPE_CHECKING:
    from PIL import Image

THUMBNAIL_PX = 160


@dataclass(frozen=True)
class PickedFile:
    """A file the officer picked: accepted (with a thumbnail) or refused (with why)."""

    path: str
    name: str
    size: int
    media_type: str
    thumbnail: bytes  # PNG bytes; empty when none could be made
    refused: str = ""  # the message for the officer (a translatable Message)


def thumbnail(data: bytes, media_type: str, px: int = THUMBNAIL_PX) -> bytes:
    """A small PNG the UI can show at once: a photo scaled down and turned upright (as
    the phone's EXIF says), a PDF's first page with a thin frame (a white page on a
    white list is otherwise invisible). Made here, on the worker, so the GUI thread
    never decodes a 15 MB scan. Empty when the file cannot be read as what it says."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        if media_type == "application/pdf":
            image = _first_page(data, px)
            if image is None:
                return b""
            image = ImageOps.expand(image.convert("RGB"), border=1, fill="#808080")
        else:
            with Image.open(io.BytesIO(data)) as opened:
                opened.draft("RGB", (px, px))  # JPEG: decode at a fraction of the size
                image = ImageOps.exif_transpose(opened).convert("RGB")
            image.thumbnail((px, px))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return b""
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _first_page(data: bytes, px: int) -> Image.Image | None:
    from desk_app.printing.pdf_pages import PdfUnreadable, first_page_pillow

    def size_for(width_pt: float, height_pt: float) -> tuple[int, int]:
        scale = px / max(width_pt, height_pt, 1.0)
        return round(width_pt * scale), round(height_pt * scale)

    try:
        return first_page_pillow(data, size_for)
    except PdfUnreadable:
        return None


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
