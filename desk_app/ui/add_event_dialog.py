"""Adding what the citizen brings to an existing complaint ("came again with a letter")."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class AddedInfo:
    note: str
    include_attachments: bool


class AddEventDialog(QDialog):
    """The note to add to ticket ``code``, prefilled with the form's description."""

    def __init__(self, parent: QWidget | None, code: str, note: str, files: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambahkan ke aduan {code}").format(code=code))
        intro = QLabel(
            self.tr(
                "Keterangan ini dicatat sebagai tambahan pada aduan {code} dan dikirim "
                "ke CRM. Tanda terima dicetak dengan nomor tiket yang sama."
            ).format(code=code)
        )
        intro.setWordWrap(True)
        self.note = QPlainTextEdit(note)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Keterangan tambahan"))
        self._files = files
        files_label = QLabel(self.tr("Lampiran ikut ditambahkan: %n berkas", "", files))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tambahkan dan cetak"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        layout.addWidget(files_label)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, code: str, note: str, files: int) -> AddedInfo | None:
        dialog = cls(parent, code, note, files)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return AddedInfo(dialog.note.toPlainText(), files > 0)
