"""Fitting the desk's windows on a small screen (a 1366×768 desk PC, at every font
scale).

- :func:`fit_to_screen`: a window or dialog opens at the size it would like, never
  larger than the screen's available area (the taskbar excluded); what does not fit
  scrolls inside it (the long forms and dialogs sit in a QScrollArea).
- :func:`desk_app.ui.wheel_guard.guard_wheel` keeps a passing wheel away from closed
  drop-downs, and :func:`desk_app.ui.wrapping_check_box.wrapping_check_box` lets a
  check box's text wrap; they live apart because this module is imported before the
  sign-in is on screen, and defining their Qt subclasses costs ~30 ms there.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

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
