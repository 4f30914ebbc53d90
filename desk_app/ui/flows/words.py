"""What the officer reads about a task that failed."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from desk_app.services.errors import message_for
from desk_app.ui.i18n import shown

log = logging.getLogger(__name__)


def words_for(error: BaseException) -> str:
    """A failed task in the officer's words: its own (services, printers and the CRM
    client carry a safe ``message``, shown in the app's language), the disk's trouble
    in plain words, or for a bug one plain line; the bug itself goes to the log."""
    known = getattr(error, "message", "") or message_for(error)
    if known:
        return str(shown(known))
    log.error("task failed", exc_info=error)
    return QCoreApplication.translate(
        "MainWindow", "Terjadi kesalahan program; data tetap tersimpan."
    )
