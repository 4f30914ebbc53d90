"""One complete complaint by keyboard, from Ctrl+N to the receipt preview, counting the
keys that are not the citizen's own words: field moves, picks, shortcuts (issue 14).

Before issue 14 it took 16 such keys: Ctrl+N; Enter after the name, NIK, phone and
address; Enter over "keep my identity"; Space to tick the consent and Enter to move
on; Down + Enter to pick the kelurahan; Enter after RT/RW, street and landmark; Down +
Enter to pick the category; Ctrl+S. Now Enter takes the first offer of a list (the
kelurahan, the category), as an officer expects when the first offer is the one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desk_app.ui.main_window import MainWindow
from desk_app.ui.receipt_preview import ReceiptPreviewDialog
from tests.ui.conftest import focused, sign_in

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
NO_MOD = Qt.KeyboardModifier.NoModifier
MAX_KEYS = 15  # 14 after issue 14 (16 before); 15 with the SMS question (issue 21)


class Keyboard:
    """Types as the officer does; counts every key that is not the citizen's words."""

    def __init__(self, qtbot: QtBot) -> None:
        self._qtbot = qtbot
        self.keys: list[str] = []

    def _target(self) -> QWidget:
        popup = QApplication.activePopupWidget()
        return popup if popup is not None and popup.isVisible() else focused()

    def key(self, key: Key, modifier: Qt.KeyboardModifier = NO_MOD) -> None:
        self.keys.append(f"{'Ctrl+' if modifier == CTRL else ''}{key.name.removeprefix('Key_')}")
        self._qtbot.keyClick(self._target(), key, modifier)

    def words(self, text: str) -> None:
        """The citizen's own words (or the first letters of a place or category)."""
        self._qtbot.keyClicks(focused(), text)


def test_one_complaint_by_keyboard_takes_at_most_the_counted_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    kb = Keyboard(qtbot)
    form = window.intake
    kb.key(Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: focused() is form.name)
    for text in ("Siti Nurhaliza", "3171011708450001", "0812 3456 7890"):
        kb.words(text)
        kb.key(Key.Key_Return)
    assert focused() is form.sms_consent  # asked only when a phone number was given
    kb.key(Key.Key_Return)  # no news by SMS: Enter moves on
    kb.words("Jl. Kemayoran 12")
    kb.key(Key.Key_Return)
    assert focused() is form.keep_private
    kb.key(Key.Key_Return)  # not ticked: Enter moves on
    assert focused() is form.consent
    kb.key(Key.Key_Space)  # the citizen agrees
    kb.key(Key.Key_Return)
    assert form.consent.isChecked() and focused() is form.area.search

    kb.words("gunung sah")
    qtbot.waitUntil(form.area.completer.popup().isVisible)
    kb.key(Key.Key_Return)  # the first offer
    assert form.area.code() == "31.71.03.1005"
    qtbot.waitUntil(lambda: focused() is form.rt_rw)
    for text in ("3/7", "Jl. Gunung Sahari Raya", "depan pasar"):
        kb.words(text)
        kb.key(Key.Key_Return)
    assert focused() is form.category

    kb.words("berlubang")
    popup = form.category.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    kb.key(Key.Key_Return)  # the first offer
    assert form.category.code() == "JALAN.RUSAK"
    qtbot.waitUntil(lambda: focused() is form.description)
    kb.words("Jalan berlubang besar di depan pasar, sudah dua bulan dan membahayakan.")

    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as shown:
        kb.key(Key.Key_S, CTRL)
    assert isinstance(shown.args[0], ReceiptPreviewDialog)
    shown.args[0].reject()
    print(f"\nkeys besides the citizen's words: {len(kb.keys)}: {' '.join(kb.keys)}")
    assert len(kb.keys) <= MAX_KEYS
