"""Adding to an existing complaint: what the citizen brings ("came again with a
letter"), or another citizen reporting the same problem (a co-reporter)."""

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
    """The note to add to ticket ``code``, prefilled with the form's description;
    ``reporter``: the name of another citizen reporting the same problem (a
    co-reporter), empty when the citizen of the complaint came back."""

    def __init__(
        self, parent: QWidget | None, code: str, note: str, files: int, reporter: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambahkan ke aduan {code}").format(code=code))
        if reporter:
            words = self.tr(
                "{name} dicatat sebagai pelapor aduan {code} (masalah yang sama sudah "
                "diadukan), dengan data dan persetujuannya sendiri, dan dikirim ke CRM. "
                "Tanda terimanya dicetak atas namanya dengan nomor tiket yang sama."
            ).format(name=reporter, code=code)
        else:
            words = self.tr(
                "Keterangan ini dicatat sebagai tambahan pada aduan {code} dan dikirim "
                "ke CRM. Tanda terima dicetak dengan nomor tiket yang sama."
            ).format(code=code)
        intro = QLabel(words)
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

    @classmethod
    def ask_co_reporter(
        cls, parent: QWidget | None, code: str, reporter: str, note: str, files: int
    ) -> AddedInfo | None:
        """Another citizen, ``reporter``, reports the problem of ticket ``code``."""
        dialog = cls(parent, code, note, files, reporter)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return AddedInfo(dialog.note.toPlainText(), files > 0)
