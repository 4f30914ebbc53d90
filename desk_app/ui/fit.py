"""Fitting the desk's windows on a small screen (a 1366×768 desk PC, at every font
scale) and keeping a passing mouse wheel away from closed drop-downs.

- :func:`fit_to_screen`: a window or dialog opens at the size it would like, never
  larger than the screen's available area (the taskbar excluded); what does not fit
  scrolls inside it (the long forms and dialogs sit in a QScrollArea).
- :class:`WheelGuard`: installed once on the application; a wheel turned over a combo
  box or a spin box that does not have the keyboard focus scrolls the page under it
  instead of silently changing the value (it changed the printer type once).
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
    """An application-wide event filter: the wheel changes a combo box or a spin box
    only while it has the keyboard focus (Tab or a click gives it); otherwise the
    wheel goes on to the page under it, which scrolls. Such boxes also stop taking the
    focus from the wheel itself (Qt.StrongFocus instead of Qt.WheelFocus)."""

    _GUARDED = (QComboBox, QAbstractSpinBox)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, self._GUARDED) and not watched.hasFocus():
                event.ignore()  # not for this box: on to its parent (the scroll area)
                return True
        elif (
            kind == QEvent.Type.Polish
            and isinstance(watched, self._GUARDED)
            and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus
        ):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def install_wheel_guard(app: QApplication) -> None:
    """Install one :class:`WheelGuard` on ``app`` (again: nothing more happens)."""
    if app.findChild(WheelGuard) is None:
        app.installEventFilter(WheelGuard(app))


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
