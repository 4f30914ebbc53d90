"""Fixtures for driving the real desk window offscreen, by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desk_app.printing.document import PrintDocument
from desk_app.printing.errors import PaperOutError
from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk, open_desk
from desk_app.services.intake import IntakeForm
from desk_app.services.root import build_services
from desk_app.ui.main_window import MainWindow
from desk_app.ui.theme import apply_theme

# The offscreen platform says this whenever a window changes its size constraints;
# it is about the platform plugin, not about our code.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise|grabbing)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


USERNAME, PASSWORD = "ani", "rahasia-ani-1"

# A complete intake form, for tests that are about what happens after the typing.
FORM_FIELDS = {
    "name": "Siti Nurhaliza",
    "phone": "0812 3456 7890",
    "consent": True,
    "kelurahan_code": "31.71.03.1005",
    "category_code": "JALAN.RUSAK",
    "description": "Jalan berlubang besar di depan pasar, sudah dua bulan.",
}


class FakePrinter:
    """Records what was printed; ``fail`` makes the next job fail like an empty roll."""

    def __init__(self) -> None:
        self.printed: list[PrintDocument] = []
        self.fail = False

    def print_document(self, document: PrintDocument) -> None:
        if self.fail:
            raise PaperOutError(detail="test")
        self.printed.append(document)


@pytest.fixture(autouse=True)
def close_with_unsent_items(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Closing with unsent items asks first; in tests the answer is "close anyway"
    (the items stay in the outbox). The questions asked are kept for assertions."""
    from desk_app.ui.sync_worker import UnsentOnCloseDialog

    asked: list[str] = []

    def answer(_parent: object, message: str) -> bool:
        asked.append(message)
        return True

    monkeypatch.setattr(UnsentOnCloseDialog, "ask", classmethod(lambda cls, p, m: answer(p, m)))
    return asked


@pytest.fixture
def desk(data_dir: Path) -> Iterator[Desk]:
    d = open_desk(data_dir)
    d.accounts.create_first_admin(USERNAME, "Ani Petugas", PASSWORD)
    yield d
    d.close()


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter()


@pytest.fixture(params=[100], ids=lambda p: f"font{p}")
def font_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, 100)


def make_window(qtbot: QtBot, desk: Desk, printer: FakePrinter) -> MainWindow:
    window = MainWindow(build_services(desk, printer=printer))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.start()
    return window


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, printer: FakePrinter, font_scale: int) -> MainWindow:
    return make_window(qtbot, desk, printer)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    """Type into whatever has the focus, as the officer (or a USB scanner) would."""
    qtbot.keyClicks(focused(), text)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def sign_in(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.sign_in.username.hasFocus())
    with qtbot.waitSignal(window.signed_in, timeout=10000):
        type_text(qtbot, USERNAME)
        press(qtbot, Qt.Key.Key_Return)
        type_text(qtbot, PASSWORD)
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.runner.busy)


def shot(widget: QWidget, folder: Path, name: str, scale: int) -> Path:
    folder = folder / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{scale}.png"
    QApplication.processEvents()
    assert widget.grab().save(str(path))
    return path


def field_error(form: QWidget, field_label: str, prefix: str = "Kesalahan") -> QLabel:
    """The line beside a field that shows its problem, found as a screen reader finds
    it: by its accessible name ("Kesalahan <field>"; in English "Problem with <field>")."""
    name = f"{prefix} {field_label}"
    found = [w for w in form.findChildren(QLabel) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} labels named {name!r}"
    return found[0]


ANI = Officer("ani", "Ani Petugas", Role.ADMIN)


def existing(desk: Desk, **overrides: object) -> str:
    """An earlier complaint on the desk (recorded as Ani); its ticket code."""
    values: dict[str, object] = dict(
        name="Budi Santoso",
        phone="0812 3456 7890",
        consent=True,
        kelurahan_code="31.71.03.1005",
        category_code="JALAN.RUSAK",
        description="Jalan berlubang di depan pasar Gunung Sahari, belum diperbaiki.",
    )
    values.update(overrides)
    return desk.intake.record(ANI, IntakeForm(**values)).ticket_code  # type: ignore[arg-type]
