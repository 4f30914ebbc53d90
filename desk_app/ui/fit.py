"""Fitting the desk's windows on a small screen (a 1366×768 desk PC, at every font
scale) and keeping a passing mouse wheel away from closed drop-downs.

- :func:`fit_to_screen`: a window or dialog opens at the size it would like, never
  larger than the screen's available area (the taskbar excluded); what does not fit
  scrolls inside it (the long forms and dialogs sit in a QScrollArea).
- :func:`guard_wheel`: a wheel turned over a combo box or a spin box that does not
  have the keyboard focus scrolls the page under it instead of silently changing the
  value (it changed the printer type once). Called on every page and dialog holding one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QWidget,
)

# What a window manager adds around a window (title bar, borders) before it is shown
# and its frame is known.
FRAME_ALLOWANCE = QSize(16, 40)


def available_size(widget: QWidget | None = None) -> QSize:
    """The screen area a window may take: the screen's available geometry (without
    the taskbar) of ``widget``'s screen, or of the primary screen."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 728)
    return screen.availableGeometry().size()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width``×``height``, or less where the screen is smaller
    (its frame included), and centre it on the screen's available area."""
    available = available_size(window)
    frame = FRAME_ALLOWANCE if not window.isVisible() else QSize(0, 0)
    w = max(1, min(width, available.width() - frame.width()))
    h = max(1, min(height, available.height() - frame.height()))
    window.resize(w, h)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None and window.isWindow():
        area = screen.availableGeometry()
        window.move(
            area.x() + max(0, (area.width() - w - frame.width()) // 2),
            area.y() + max(0, (area.height() - h - frame.height()) // 2),
        )


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
