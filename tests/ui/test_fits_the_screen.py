"""The desk on a 1366×768 desk PC (a 40-px taskbar below): every page (home, form,
search, sync, detail) and the settings dialog fit at 100 % and 200 % font scale, in
Indonesian and in English, scrolling where they must; checkboxes grow with the font; a
passing mouse wheel never changes a closed drop-down. The screenshots
(``test-artifacts/screens/fit-<page>-<lang>-<scale>``) are for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.services.settings import Settings
from desk_app.ui.i18n import install_translator
from desk_app.ui.main_window import MainWindow
from desk_app.ui.settings_dialog import SettingsDialog
from desk_app.ui.theme import apply_theme
from desk_app.ui.wheel_guard import guard_wheel
from tests.ui.conftest import ANI, FakePrinter, existing, make_window, sign_in

# 1366×768 less a 40-px taskbar; a dialog also leaves room for its title bar.
SCREEN = QSize(1366, 768 - 40)
DIALOG_ROOM = QSize(1366 - 16, 768 - 40 - 40)
SHOWN = (QAbstractButton, QLabel, QLineEdit, QComboBox, QAbstractSpinBox)


@pytest.fixture(params=[100, 200], ids=lambda p: f"font{p}")
def scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, 100)


@pytest.fixture(params=["id", "en"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translator = install_translator(qapp, request.param) if request.param != "id" else None
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)


def fits(size: QSize, room: QSize = SCREEN) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def in_a_scroll_area(widget: QWidget, top: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def cut_off(top: QWidget) -> list[str]:
    """What the officer cannot read whole in ``top``: a control outside it, squeezed
    below its own minimum (its text cut), or in a scroll area that must be scrolled
    sideways."""
    problems: list[str] = []
    area = QRect(QPoint(0, 0), top.size())
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, SHOWN) or not widget.isVisibleTo(top):
            continue
        if isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
            continue  # the line edit inside a box: the box is checked
        what = f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"
        scroll = in_a_scroll_area(widget, top)
        if scroll is not None:
            if scroll.horizontalScrollBar().maximum() > 0:
                problems.append(f"{what}: its scroll area must be scrolled sideways")
        else:
            rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
            if not area.contains(rect):
                problems.append(f"{what}: outside the window ({rect} not in {area})")
        if widget.width() < widget.minimumSizeHint().width() and not isinstance(
            widget, QAbstractScrollArea
        ):
            problems.append(f"{what}: squeezed to {widget.width()} px")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            needed = widget.heightForWidth(widget.width())
            if widget.height() < needed:
                problems.append(f"{what}: {widget.height()} px high of the {needed} it needs")
    return sorted(set(problems))


def screenshot(widget: QWidget, folder: Path, page: str, lang: str, scale: int) -> None:
    folder = folder / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(folder / f"fit-{page}-{lang}-{scale}.png"))


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.settings_flow.open()
    dialog = window.settings_flow.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def open_detail(qtbot: QtBot, window: MainWindow, complaint_id: str) -> None:
    with qtbot.waitSignal(window.detail_shown, timeout=10000):
        window.on_open_complaint(complaint_id)


def test_every_page_and_the_settings_fit_the_screen(
    qtbot: QtBot,
    desk: Desk,
    printer: FakePrinter,
    scale: int,
    lang: str,
    artifacts_dir: Path,
) -> None:
    complaint_id = desk.lookup.search(ANI, existing(desk)).items[0].id
    window = make_window(qtbot, desk, printer)
    sign_in(qtbot, window)
    # The window opens inside the screen's available area, never larger.
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry()), (window.frameGeometry(), available)
    assert fits(window.minimumSizeHint()), window.minimumSizeHint()
    # The offscreen screen has no taskbar: as on the desk PC, with one and a title bar.
    window.resize(window.size().boundedTo(DIALOG_ROOM))
    pages = {
        "home": (window.on_home, window.home),
        "intake": (window.on_new_complaint, window.intake),
        "search": (window.on_find, window.search),
        "sync": (window.on_show_sync, window.sync_panel),
        "detail": (lambda: open_detail(qtbot, window, complaint_id), window.detail),
    }
    for name, (show, page) in pages.items():
        show()
        QApplication.processEvents()
        assert fits(page.minimumSizeHint()), (name, page.minimumSizeHint())
        assert fits(window.size()) and fits(window.minimumSizeHint()), (name, window.size())
        assert cut_off(window) == [], (name, cut_off(window))
        status = QRect(window.status.mapTo(window, QPoint(0, 0)), window.status.size())
        assert window.status.isVisible() and window.rect().contains(status), name
        screenshot(window, artifacts_dir, name, lang, scale)

    window.on_home()
    dialog = open_settings(qtbot, window)
    frame = QSize(16, 40)
    assert fits(dialog.size() + frame, available.size()), (dialog.size(), available)
    dialog.resize(dialog.size().boundedTo(DIALOG_ROOM))
    QApplication.processEvents()
    assert fits(dialog.minimumSizeHint(), DIALOG_ROOM), dialog.minimumSizeHint()
    assert cut_off(dialog) == []
    screenshot(dialog, artifacts_dir, "settings", lang, scale)
    dialog.reject()


def indicator_width(box: QCheckBox) -> int:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box).width()


def test_checkboxes_grow_with_the_font_scale(qtbot: QtBot, qapp: QApplication) -> None:
    widths = {}
    try:
        for scale in (100, 200):
            apply_theme(qapp, scale)
            box = QCheckBox("Pelapor menyetujui")
            qtbot.addWidget(box)
            box.show()
            qtbot.waitExposed(box)
            widths[scale] = indicator_width(box)
            # In proportion to the text beside it, at either scale.
            assert widths[scale] >= box.fontMetrics().height() * 0.7, (scale, widths)
    finally:
        apply_theme(qapp, 100)
    assert widths[200] >= widths[100] * 1.7, widths


def turn_wheel(widget: QWidget) -> bool:
    """One notch of a mouse wheel (towards the officer) over the middle of ``widget``;
    whether ``widget`` took it (if not, Qt passes the wheel on to its parent)."""
    middle = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_a_passing_wheel_does_not_change_a_closed_drop_down(
    qtbot: QtBot, qapp: QApplication
) -> None:
    apply_theme(qapp, 100)
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.site_name.setFocus()
    qtbot.waitUntil(dialog.site_name.hasFocus)
    kind, scale = dialog.printer_kind, dialog.font_scale
    before = (kind.currentIndex(), scale.value())
    turn_wheel(kind)
    turn_wheel(scale)
    assert (kind.currentIndex(), scale.value()) == before  # silently changed the printer
    # Boxes never take the focus from the wheel either.
    assert kind.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert scale.focusPolicy() == Qt.FocusPolicy.StrongFocus
    # With the focus (Tab or a click), the wheel still chooses.
    kind.setFocus()
    qtbot.waitUntil(kind.hasFocus)
    turn_wheel(kind)
    assert kind.currentIndex() != before[0]


def test_the_wheel_over_a_drop_down_goes_on_to_the_form(qtbot: QtBot, qapp: QApplication) -> None:
    """Not taken by the box: Qt gives a spontaneous (real) wheel event to the parent,
    and so the scroll area holding the form scrolls on under the mouse."""
    apply_theme(qapp, 100)
    body = QWidget()
    column = QVBoxLayout(body)
    combo = QComboBox()
    combo.addItems(["satu", "dua", "tiga"])
    column.addWidget(combo)
    column.addSpacing(3000)
    scroll = QScrollArea()
    scroll.setWidget(body)
    scroll.resize(300, 200)
    guard_wheel(scroll)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    assert not turn_wheel(combo)
    assert combo.currentIndex() == 0


def test_no_drop_down_of_the_form_changes_under_a_passing_wheel(
    qtbot: QtBot, desk: Desk, printer: FakePrinter, font_scale: int
) -> None:
    window = make_window(qtbot, desk, printer)
    sign_in(qtbot, window)
    window.on_new_complaint()
    qtbot.waitUntil(window.intake.name.hasFocus)
    combos = window.intake.findChildren(QComboBox)
    boxes = [c for c in combos if c.isVisibleTo(window.intake) and c.count() > 1]
    assert len(boxes) >= 2  # the kota of the area picker, the urgency
    for box in boxes:
        box.setCurrentIndex(0)
        assert not turn_wheel(box)
        assert box.currentIndex() == 0, box.accessibleName()
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_the_home_lists_show_every_column_without_scrolling_sideways(
    qtbot: QtBot, desk: Desk, printer: FakePrinter, scale: int
) -> None:
    """At 200 % the status, "to CRM" and receipt columns were off to the right, behind
    a sideways scroll: every column is in view, the long ones cut with "…"."""
    existing(desk)
    window = make_window(qtbot, desk, printer)
    sign_in(qtbot, window)
    window.resize(window.size().boundedTo(DIALOG_ROOM))
    window.refresh_home()
    qtbot.waitUntil(lambda: window.home.today_model.rowCount() == 1)
    QApplication.processEvents()
    view = window.home.today_view
    header = view.horizontalHeader()
    columns = range(window.home.today_model.columnCount())
    right_edge = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in columns)
    assert right_edge <= view.viewport().width(), (right_edge, view.viewport().width())
    assert all(header.sectionSize(c) >= header.minimumSectionSize() for c in columns)
