"""The receipt as it will print, with Print / Save PDF.

Shown (not exec'd) so the GUI keeps running while it is open; Enter prints. A
printer failure is written inside the dialog in plain words and the complaint stays
in the "to print" list on the home page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.receipts import PreparedReceipt


class ReceiptPreviewDialog(QDialog):
    """Signals:
    print_requested(): the officer pressed Print.
    save_pdf_requested(): the officer pressed Save PDF.
    """

    print_requested = Signal()
    save_pdf_requested = Signal()

    def __init__(self, receipt: PreparedReceipt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipt = receipt
        self.setWindowModality(Qt.WindowModality.WindowModal)
        title = self.tr("Tanda terima {code}").format(code=receipt.ticket_code)
        if receipt.is_copy:
            title += " — " + self.tr("SALINAN")
        self.setWindowTitle(title)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image.setAccessibleName(self.tr("Pratinjau tanda terima"))
        self.image.setPixmap(QPixmap.fromImage(QImage.fromData(receipt.preview_png)))
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(self.image.pixmap().width() + 40)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status cetak"))
        self.print_button = QPushButton(self.tr("&Cetak (Enter)"))
        self.print_button.setAccessibleName(self.tr("Cetak tanda terima"))
        self.print_button.setDefault(True)
        self.print_button.setAutoDefault(True)
        self.pdf_button = QPushButton(self.tr("Simpan &PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Simpan tanda terima sebagai PDF"))
        self.close_button = QPushButton(self.tr("&Tutup (Esc)"))
        self.close_button.setAccessibleName(self.tr("Tutup pratinjau"))
        self.close_button.setAutoDefault(False)
        self.pdf_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_requested)
        self.pdf_button.clicked.connect(self.save_pdf_requested)
        self.close_button.clicked.connect(self.reject)
        screen = self.screen().availableGeometry() if self.screen() else None
        height = min(900, screen.height() - 80) if screen else 800
        self.resize(scroll.minimumWidth() + 40, height)
        self.print_button.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy)
        self.pdf_button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Mencetak…"))

    def show_printed(self) -> None:
        self.set_busy(False)
        self.status.setText(self.tr("✓ Tanda terima dicetak."))

    def show_saved(self, path: str) -> None:
        self.set_busy(False)
        self.status.setText(self.tr("✓ PDF disimpan: {path}").format(path=path))

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.status.setObjectName("fieldError")
        self.status.setStyleSheet("")  # pick up the fieldError style
        self.status.setText("⚠ " + message)
        self.print_button.setText(self.tr("&Coba cetak lagi"))
        self.print_button.setFocus()
