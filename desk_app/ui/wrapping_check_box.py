"""A check box whose text wraps onto several lines (a QCheckBox's own text never does)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget


class _ClickableLabel(QLabel):
    """The text beside a check box: a click on it is a click on the box."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__(box.text())
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.click()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


def wrapping_check_box(box: QCheckBox) -> QWidget:
    """``box`` with its text on lines that wrap (a QCheckBox's own text never does, and
    a long one made the form wider than the screen at a large font scale). The box
    keeps its accessible name; a click on the text ticks it, as on the box's own."""
    label = _ClickableLabel(box)
    label.setAccessibleName(box.accessibleName() or box.text())
    box.setText("")
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    return row
