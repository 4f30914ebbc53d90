"""The "save as PDF" back-end: the receipt is written to a folder, nothing printed."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from desk_app.printing.backends.base import Printer, PrinterSettings
from desk_app.printing.document import PrintDocument
from desk_app.printing.errors import PrinterSettingsError, PrintFailedError

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class PdfFilePrinter(Printer):
    """Writes each document to ``settings.target`` (a folder) as ``<title>.pdf``.
    The file appears complete or not at all: it is written aside, then renamed."""

    def __init__(self, settings: PrinterSettings) -> None:
        super().__init__(settings)
        self.last_path: Path | None = None

    def print_document(self, document: PrintDocument) -> None:
        if not self.settings.target:
            raise PrinterSettingsError("Folder untuk menyimpan PDF belum diatur di Pengaturan.")
        folder = Path(self.settings.target)
        name = _UNSAFE.sub("-", document.title).strip("-") or "dokumen"
        path = folder / f"{name}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(document.pdf)
            os.replace(tmp, path)
        except OSError as exc:
            raise PrintFailedError(
                f"PDF tidak dapat disimpan di folder {folder}. Periksa folder itu dan ruang disk.",
                detail=repr(exc),
            ) from exc
        self.last_path = path
