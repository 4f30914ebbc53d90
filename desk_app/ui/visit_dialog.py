"""A complaint of another channel, opened from the search: what the officer tells the
citizen (its channel, where it stands, by when, the last public note), and the
visit recorded as a follow-up on it — a short note — instead of a new complaint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.complaint import WIB
from desk_app.services.remote_lookup import RemoteComplaint
from desk_app.ui.i18n import shown
from desk_app.ui.remote_results import state_words


class VisitDialog(QDialog):
    """The complaint's facts (no personal data: the CRM sends none) and the note."""

    def __init__(
        self,
        parent: QWidget | None,
        item: RemoteComplaint,
        category_name: Callable[[str], str],
        note: str = "",
        problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Aduan {code}").format(code=item.ticket_code))
        self.setMinimumWidth(560)
        code = QLabel(item.ticket_code)
        code.setObjectName("ticketCode")
        facts = QFormLayout()
        channel = item.channel_name + (f" ({item.desk})" if item.desk else "")
        facts.addRow(self.tr("Kanal:"), QLabel(channel))
        state = QLabel(state_words(item))
        state.setWordWrap(True)
        facts.addRow(self.tr("Status:"), state)
        if item.unit:
            facts.addRow(self.tr("Ditangani:"), QLabel(item.unit))
        facts.addRow(self.tr("Kelurahan:"), QLabel(item.kelurahan_name or item.kelurahan_code))
        facts.addRow(self.tr("Kategori:"), QLabel(shown(category_name(item.category_code))))
        if item.received_at is not None:
            received = item.received_at.astimezone(WIB).strftime("%d-%m-%Y")
            facts.addRow(self.tr("Diterima CRM:"), QLabel(received))
        if item.due_date is not None:
            due = item.due_date.strftime("%d-%m-%Y")
            if item.overdue:
                due = self.tr("{date} — terlambat {n} hari kerja").format(
                    date=due, n=item.working_days_late
                )
            facts.addRow(self.tr("Batas waktu:"), QLabel(due))
        if item.last_note:
            when = (
                item.last_note_at.astimezone(WIB).strftime("%d-%m-%Y") if item.last_note_at else ""
            )
            last = QLabel(f"{item.last_note} ({when})" if when else item.last_note)
            last.setWordWrap(True)
            facts.addRow(self.tr("Catatan terakhir:"), last)
        intro = QLabel(
            self.tr(
                "Warga datang ke meja tentang aduan ini? Catat kunjungannya sebagai tindak "
                "lanjut pada aduan ini (bukan aduan baru). Catatan dikirim ke CRM untuk "
                "petugas yang menanganinya, tidak tampil di halaman publik."
            )
        )
        intro.setWordWrap(True)
        self.note = QPlainTextEdit(note)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Catatan kunjungan"))
        self.note.setPlaceholderText(self.tr("Mis.: warga menanyakan kapan diperbaiki."))
        self.note.setMaximumHeight(110)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Catat kunjungan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Tutup"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(code)
        layout.addLayout(facts)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        if problem:  # the service refused the note: said under it, the note kept
            said = QLabel(problem)
            said.setObjectName("fieldError")
            said.setWordWrap(True)
            layout.addWidget(said)
        layout.addWidget(buttons)
        self.note.setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        item: RemoteComplaint,
        category_name: Callable[[str], str],
        note: str = "",
        problem: str = "",
    ) -> str | None:
        """The note of the visit, or None when the officer only looked; ``note`` and
        ``problem``: asked again after the service refused the note."""
        dialog = cls(parent, item, category_name, note, problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.note.toPlainText()
