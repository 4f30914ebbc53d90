"""A wheel turned over a combo box or a spin box that does not have the keyboard focus
scrolls the page under it instead of silently changing the value (it changed the
printer type once). :func:`guard_wheel` is called on every page and dialog holding one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    """An event filter on each combo box and spin box (see :func:`guard_wheel`): the
    wheel changes it only while it has the keyboard focus (Tab or a click gives it);
    otherwise the wheel goes on to the page under it, which scrolls. (Not one filter on
    the whole application: every event of every widget would then pass through Python,
    which made building the main window some 200 ms slower.)"""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            event.ignore()  # not for this box: on to its parent (the scroll area)
            return True
        return False


def guard_wheel(root: QWidget) -> None:
    """Every combo box and spin box inside ``root`` ignores a passing wheel (it once
    changed the printer type silently) and no longer takes the focus from the wheel
    itself (Qt.StrongFocus instead of Qt.WheelFocus). Call it once a page or a dialog
    is built; again on the same widgets does nothing more."""
    app = QApplication.instance()
    guard = app.findChild(WheelGuard) if app is not None else None
    if guard is None:
        guard = WheelGuard(app)
    boxes: list[QWidget] = [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]
    for box in boxes:
        if box.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.removeEventFilter(guard)  # never twice
        box.installEventFilter(guard)
