"""The citizen's tracking QR on screen, large enough to scan from the monitor with a
phone, with the tracking address beside it. Only the ticket code and the tracking
address: no name, phone or NIK (the citizen may show the screen to a relative)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desk_app.printing.qr import QUIET_ZONE, QrSymbol

SCREEN_MODULE_PX = 8  # a phone reads 8-px modules from an arm's length off a monitor


def qr_image(symbol: QrSymbol, module_px: int = SCREEN_MODULE_PX) -> QImage:
    """The symbol with its quiet zone, black on white, ``module_px`` per module."""
    side = symbol.size_with_quiet_zone * module_px
    image = QImage(side, side, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for row, col, length in symbol.runs:
        painter.fillRect(
            (col + QUIET_ZONE) * module_px,
            (row + QUIET_ZONE) * module_px,
            length * module_px,
            module_px,
            QColor("black"),
        )
    painter.end()
    return image


class TrackingQrDialog(QDialog):
    """The QR of one complaint's tracking page; Esc or Enter closes it."""

    def __init__(self, parent: QWidget | None, ticket_code: str, symbol: QrSymbol) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("QR pelacakan {code}").format(code=ticket_code))
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setPixmap(QPixmap.fromImage(qr_image(symbol)))
        self.image.setAccessibleName(self.tr("Kode QR pelacakan"))
        hint = QLabel(
            self.tr("Pindai dengan kamera ponsel untuk melihat status aduan {code}.").format(
                code=ticket_code
            )
        )
        hint.setWordWrap(True)
        self.address = QLabel(symbol.payload.removeprefix("HTTPS://"))
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAccessibleName(self.tr("Alamat pelacakan"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setDefault(True)
            close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.address)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, ticket_code: str, symbol: QrSymbol) -> None:
        cls(parent, ticket_code, symbol).exec()
