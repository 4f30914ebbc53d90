"""The quiet note on the home page that a newer desk release exists.

One line, no dialog, nothing to click away: the officer goes on working and tells
whoever looks after the PC; the installer keeps the desk's data (see the README,
"The desk on a kelurahan's PC")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desk_app.services.updates import UpdateNote


class UpdateNoteLabel(QLabel):
    """Hidden until :meth:`set_note` gets a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateNote")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Versi baru Meja Aduan"))
        self.hide()

    def set_note(self, note: UpdateNote | None) -> None:
        if note is None:
            self.clear()
            self.hide()
            return
        text = self.tr(
            "Versi baru Meja Aduan tersedia: {latest} (terpasang {installed}). "
            "Minta petugas TI memasangnya; data meja tetap aman."
        ).format(latest=note.latest, installed=note.installed)
        if note.download_url:
            text += " " + self.tr("Unduh: {url}").format(url=note.download_url)
        self.setText(text)
        self.show()
