"""Font scale and the high-contrast theme, applied to the whole application.

The font scale (100–200 %) sets the application font; every widget inherits it,
and no stylesheet here sets a size in pixels, so the whole window grows with it.
Meaning is never carried by colour alone: errors start with a warning sign and a
word, statuses are written out.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

BASE_POINT_SIZE = 10.0

_COMMON_QSS = """
QLabel#fieldError { font-weight: bold; }
QLabel#pageTitle { font-weight: bold; }
QLabel#ticketCode { font-weight: bold; }
QPushButton { padding: 0.3em 0.8em; }
QPushButton:focus, QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus,
QCheckBox:focus, QTableView:focus, QListWidget:focus { border: 2px solid palette(highlight); }
"""
_NORMAL_QSS = """
QCheckBox::indicator { width: 0.9em; height: 0.9em; }
QLabel#fieldError { color: #a50e0e; }
QLabel#hintBox { background: #fff4d6; border: 1px solid #b7791f; padding: 0.4em; }
QFrame#duplicateCard { border: 1px solid #b7791f; background: #fffaf0; }
"""
_CONTRAST_QSS = """
QLineEdit, QPlainTextEdit, QComboBox, QPushButton, QListWidget, QTableView, QScrollArea {
    border: 1px solid #ffffff;
}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QPushButton:focus, QCheckBox:focus,
QListWidget:focus, QTableView:focus { border: 3px solid #ffff00; }
QCheckBox::indicator { width: 1em; height: 1em; border: 2px solid #ffffff; background: #000000; }
QCheckBox::indicator:checked { background: #ffff00; border: 2px solid #ffff00; }
QHeaderView::section { background: #000000; color: #ffffff; border: 1px solid #ffffff; }
QLabel#fieldError { color: #ffff00; }
QLabel#hintBox { border: 2px solid #ffff00; padding: 0.4em; }
QFrame#duplicateCard { border: 2px solid #ffff00; }
"""


def _contrast_palette() -> QPalette:
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(role, black)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#1a1a1a"))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
    ):
        palette.setColor(role, white)
    palette.setColor(QPalette.ColorRole.ToolTipBase, black)
    palette.setColor(QPalette.ColorRole.Highlight, yellow)
    palette.setColor(QPalette.ColorRole.HighlightedText, black)
    palette.setColor(QPalette.ColorRole.Link, QColor("#00ffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0"))
    for group in (QPalette.ColorGroup.Disabled,):
        palette.setColor(group, QPalette.ColorRole.Text, QColor("#a0a0a0"))
        palette.setColor(group, QPalette.ColorRole.ButtonText, QColor("#a0a0a0"))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor("#a0a0a0"))
    return palette


def apply_theme(app: QApplication, font_scale: int = 100, high_contrast: bool = False) -> None:
    """Font size and colours for every window of ``app`` (call again to change)."""
    scale = min(max(font_scale, 100), 200)
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale / 100)
    app.setFont(font)
    app.setPalette(_contrast_palette() if high_contrast else app.style().standardPalette())
    app.setStyleSheet(_COMMON_QSS + (_CONTRAST_QSS if high_contrast else _NORMAL_QSS))


@contextmanager
def styled_afterwards() -> Iterator[None]:
    """Build many widgets at once without the style sheet, then style them all once.

    Under an application style sheet every widget moved to a new parent (a layout
    taking it, a page going into the window) is restyled with all it holds: the main
    window took ~50 ms to build that way, against ~20 ms without the sheet and ~12 ms
    to style it once afterwards. The officer may be typing meanwhile."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        yield
        return
    sheet = app.styleSheet()
    app.setStyleSheet("")
    try:
        yield
    finally:
        app.setStyleSheet(sheet)
