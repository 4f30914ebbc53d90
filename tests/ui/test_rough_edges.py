"""Issue 14, item 8: the rough edges an officer met on the first day, through the real
window (offscreen), by keyboard."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, QStandardPaths, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.ui.dialogs import Confirm, FilePicker
from desk_app.ui.main_window import MainWindow
from desk_app.ui.receipt_preview import ReceiptPreviewDialog
from tests.ui.conftest import (
    FORM_FIELDS,
    existing,
    focused,
    press,
    shot,
    sign_in,
    type_text,
)

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_search_page_goes_back_with_esc_and_a_visible_button(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    press(qtbot, Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: focused() is window.search.box)
    assert window.search.back_button.isVisible()
    assert "Kembali" in window.search.back_button.text()
    press(qtbot, Key.Key_Escape)
    assert window.stack.currentWidget() is window.home

    press(qtbot, Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: focused() is window.search.box)
    qtbot.mouseClick(window.search.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home


def test_a_code_with_a_wrong_check_character_is_called_a_typing_mistake(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    code = existing(desk)
    last = code[-1]
    wrong = code[:-1] + ("Z" if last != "Z" else "Y")
    sign_in(qtbot, window)
    press(qtbot, Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: focused() is window.search.box)
    with qtbot.waitSignal(window.search.results_shown, timeout=10000):
        type_text(qtbot, wrong.lower())
        press(qtbot, Key.Key_Return)
    summary = window.search.summary.text()
    assert "Karakter cek tidak cocok: salah ketik?" in summary
    assert wrong in summary
    assert "Tidak ditemukan" not in summary
    assert window.stack.currentWidget() is window.search


def test_the_draft_restore_question_restores_on_enter(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, window)
    defaults: list[str] = []

    def exec_(box: Confirm) -> int:
        button = box.defaultButton()
        defaults.append(button.text() if button is not None else "")
        return 0

    monkeypatch.setattr(Confirm, "exec", exec_)
    draft = SimpleNamespace(key="new", fields={"name": "Siti Nurhaliza"})
    window.intake.draft_keeper.on_offered(draft)
    assert defaults == ["Lanjutkan"]


def _in_view(scroll: QScrollArea, widget: QWidget) -> bool:
    viewport = scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    bottom = top_left.y() + widget.height()
    return top_left.y() >= 0 and bottom <= viewport.height()


def test_after_ctrl_enter_leaves_the_description_the_next_field_is_in_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1000, 420)
    sign_in(qtbot, window)
    press(qtbot, Key.Key_N, CTRL)
    form = window.intake
    qtbot.waitUntil(lambda: focused() is form.name)
    form.description.setFocus()
    form.scroll_area.ensureWidgetVisible(form.description, 0, 0)
    qtbot.waitUntil(lambda: focused() is form.description)
    assert not _in_view(form.scroll_area, form.urgency)  # the next field starts out of view
    type_text(qtbot, "Jalan berlubang besar di depan pasar.")
    press(qtbot, Key.Key_Return, CTRL)
    assert focused() is form.urgency
    assert _in_view(form.scroll_area, form.urgency)


def _receipt_on_screen(qtbot: QtBot, window: MainWindow) -> ReceiptPreviewDialog:
    sign_in(qtbot, window)
    window.on_new_complaint()
    window.intake.set_fields(dict(FORM_FIELDS))
    with qtbot.waitSignal(window.receipt_shown, timeout=10000) as shown:
        press(qtbot, Key.Key_S, CTRL)
    preview = shown.args[0]
    assert isinstance(preview, ReceiptPreviewDialog)
    return preview


@pytest.mark.parametrize("has_receipts_folder", [True, False])
def test_the_pdf_save_dialog_opens_in_the_receipts_folder_or_documents(
    qtbot: QtBot,
    window: MainWindow,
    desk: Desk,
    monkeypatch: pytest.MonkeyPatch,
    has_receipts_folder: bool,
) -> None:
    receipts = desk.data_dir / "receipts"
    if has_receipts_folder:
        receipts.mkdir(exist_ok=True)
    preview = _receipt_on_screen(qtbot, window)
    suggested: list[str] = []

    def ask_save(cls: object, parent: object, title: str, name: str, filters: str) -> str:
        suggested.append(name)
        return ""  # the officer cancels

    monkeypatch.setattr(FilePicker, "ask_save", classmethod(ask_save))
    qtbot.keyClick(preview.pdf_button, Key.Key_Space)
    assert len(suggested) == 1
    path = Path(suggested[0])
    assert path.is_absolute() and path.name.startswith("tanda-terima-PBK1-")
    if has_receipts_folder:
        assert path.parent == receipts
    else:
        documents = QStandardPaths.DocumentsLocation
        assert path.parent == Path(QStandardPaths.writableLocation(documents))
    assert path.parent != Path.cwd()
    preview.reject()


def test_the_detail_view_shows_the_citizens_qr_again_on_screen(
    qtbot: QtBot,
    window: MainWindow,
    desk: Desk,
    monkeypatch: pytest.MonkeyPatch,
    artifacts_dir: Path,
) -> None:
    import zxingcpp

    from desk_app.ui.qr_dialog import TrackingQrDialog

    code = existing(desk)
    sign_in(qtbot, window)
    with qtbot.waitSignal(window.detail_shown, timeout=10000) as detail:
        window.detail_flow.open_ticket(code)
    complaint = detail.args[0]
    dialogs: list[TrackingQrDialog] = []

    def exec_(dialog: TrackingQrDialog) -> int:
        dialogs.append(dialog)
        return 0

    monkeypatch.setattr(TrackingQrDialog, "exec", exec_)
    assert window.detail.qr_button.isVisible()
    qtbot.keyClick(window.detail.qr_button, Key.Key_Space)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    pixmap = dialog.image.pixmap()
    assert pixmap.width() >= 250  # large enough to scan from the screen
    image = pixmap.toImage().convertToFormat(pixmap.toImage().Format.Format_Grayscale8)
    path = desk.data_dir / "qr-on-screen.png"
    assert image.save(str(path))
    from PIL import Image

    found = zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.QRCode)
    url = f"HTTPS://{desk.settings.tracking_host}/T/{code}/{complaint.tracking_token}".upper()
    assert [f.text for f in found] == [url]
    assert dialog.address.text() == url.removeprefix("HTTPS://")
    # no personal data on the dialog
    words = " ".join(w.text() for w in dialog.findChildren(QLabel)) + dialog.windowTitle()
    assert "Budi" not in words and "3456" not in words
    shot(dialog, artifacts_dir, "detail-qr", 100)
