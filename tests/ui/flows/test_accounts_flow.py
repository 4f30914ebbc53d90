"""Accounts in the window: an admin opens "Akun" from the home page (Ctrl+U), adds an
account, sets its role, resets its password and disables it, each through the
service and each in the audit log; officers do not see it; a new account chooses its
own password (twice) at its first sign-in before it is signed in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.services.accounts import Role
from desk_app.services.desk import Desk, open_desk
from desk_app.services.errors import AuthFailed
from desk_app.ui.accounts_dialog import AccountsDialog
from desk_app.ui.change_password_dialog import NewPasswordDialog
from desk_app.ui.main_window import MainWindow
from desk_app.ui.new_account_dialog import NewAccount, NewAccountDialog
from tests.ui.conftest import PASSWORD, USERNAME, FakePrinter, make_window, press, shot, sign_in

CTRL = Qt.KeyboardModifier.ControlModifier


def open_accounts(qtbot: QtBot, window: MainWindow) -> AccountsDialog:
    with qtbot.waitSignal(window.accounts_flow.loaded, timeout=10000):
        press(qtbot, Qt.Key.Key_U, CTRL)  # from the home page, by keyboard
    dialog = window.accounts_flow.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def cells(dialog: AccountsDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def select(dialog: AccountsDialog, username: str) -> None:
    names = [row[0] for row in cells(dialog)]
    dialog.table.selectRow(names.index(username))
    assert dialog.selected_username() == username


def test_an_admin_manages_accounts_in_the_accounts_dialog(
    qtbot: QtBot,
    window: MainWindow,
    desk: Desk,
    monkeypatch: pytest.MonkeyPatch,
    artifacts_dir: Path,
):
    sign_in(qtbot, window)
    assert window.home.accounts_button.isVisible()
    dialog = open_accounts(qtbot, window)
    assert [row[0] for row in cells(dialog)] == [USERNAME]

    asked: list[str] = []  # the error each "Tambah akun" dialog opened with
    answers = [
        NewAccount("ani", "Ani Lagi", Role.OFFICER, "sementara-1"),  # taken: refused
        NewAccount("Budi", "Budi Santoso", Role.OFFICER, "sementara-1"),
    ]

    def add(_parent: object, error: str = "", before: NewAccount | None = None) -> NewAccount:
        asked.append(error)
        return answers.pop(0)

    monkeypatch.setattr(NewAccountDialog, "ask", classmethod(lambda cls, *a: add(*a)))
    with qtbot.waitSignal(window.accounts_flow.loaded, timeout=10000):
        dialog.add_button.click()
    assert asked == ["", "Nama pengguna ani sudah dipakai."]
    assert "budi dibuat" in dialog.outcome.text() and dialog.selected_username() == "budi"
    assert cells(dialog)[1][:4] == [
        "budi",
        "Budi Santoso",
        "Petugas",
        "Aktif — belum memilih kata sandi",
    ]

    dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR))
    with qtbot.waitSignal(window.accounts_flow.loaded, timeout=10000):
        dialog.role_button.click()
    assert cells(dialog)[1][2] == "Koordinator"

    monkeypatch.setattr(
        NewPasswordDialog, "ask_temporary", classmethod(lambda cls, *a: "reset-sementara")
    )
    with qtbot.waitSignal(window.accounts_flow.loaded, timeout=10000):
        dialog.reset_button.click()
    assert "diatur ulang" in dialog.outcome.text()

    assert dialog.active_button.text() == "&Nonaktifkan"
    with qtbot.waitSignal(window.accounts_flow.loaded, timeout=10000):
        dialog.active_button.click()
    assert cells(dialog)[1][3] == "Nonaktif" and dialog.active_button.text() == "&Aktifkan"
    with pytest.raises(AuthFailed, match="dinonaktifkan"):
        desk.accounts.sign_in("budi", "reset-sementara")

    select(dialog, USERNAME)  # the last enabled admin: refused, and the dialog says why
    dialog.role.setCurrentIndex(dialog.role.findData(Role.OFFICER))
    with qtbot.waitSignal(window.accounts_flow.loaded, timeout=10000):
        dialog.role_button.click()
        window.accounts_flow.reload()  # the refusal comes first, then this reload
    assert dialog.error.isVisible() and "admin aktif terakhir" in dialog.error.text()
    assert cells(dialog)[0][2] == "Admin"
    select(dialog, "budi")
    shot(dialog, artifacts_dir, "accounts", 100)

    with desk.database.raw_connection() as raw:
        rows = raw.execute(
            "SELECT actor, action, subject, details FROM audit_log"
            " WHERE action LIKE 'account.%' ORDER BY pk"
        ).fetchall()
    assert [(a, b, c) for a, b, c, _ in rows][1:] == [
        ("ani", "account.add", "budi"),
        ("ani", "account.role", "budi"),
        ("ani", "account.password_reset", "budi"),
        ("ani", "account.disabled", "budi"),
    ]
    assert all("sementara" not in json.dumps(d) for *_, d in rows)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.close()


def test_officers_do_not_see_accounts(qtbot: QtBot, desk: Desk, printer: FakePrinter):
    admin = desk.accounts.sign_in(USERNAME, PASSWORD)
    desk.accounts.add_account(admin, "budi", "Budi", "milik-budi-1", Role.SUPERVISOR,
                              must_change_password=False)  # fmt: skip
    window = make_window(qtbot, desk, printer)
    window.on_sign_in_requested("budi", "milik-budi-1")
    qtbot.waitUntil(lambda: window.officer is not None)
    assert not window.home.accounts_button.isVisible()
    press(qtbot, Qt.Key.Key_U, CTRL)
    window.accounts_flow.open()
    assert window.accounts_flow.dialog is None
    window.close()


def test_a_new_account_chooses_its_own_password_at_the_first_sign_in(
    qtbot: QtBot, desk: Desk, printer: FakePrinter, artifacts_dir: Path
):
    admin = desk.accounts.sign_in(USERNAME, PASSWORD)
    desk.accounts.add_account(admin, "budi", "Budi Santoso", "sementara-1", Role.OFFICER)
    window = make_window(qtbot, desk, printer)
    seen: list[str] = []  # the error line of each dialog, as the officer saw it
    answers = [
        ("pilihan-budi", "pilihan-lain"),  # the dialog refuses: not the same
        ("pendek", "pendek"),  # the service refuses: too short
        ("pilihan-budi", "pilihan-budi"),
    ]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewPasswordDialog) or not answers:
            return
        seen.append(dialog.error.text() if dialog.error.isVisible() else "")
        if len(seen) == 1:
            shot(dialog, artifacts_dir, "first-sign-in-password", 100)
        for edit, text in zip((dialog.password, dialog.repeat), answers.pop(0), strict=True):
            edit.clear()
            qtbot.keyClicks(edit, text)
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)  # Enter: the default button

    driver = QTimer()
    driver.timeout.connect(answer)
    driver.start(50)
    qtbot.waitUntil(lambda: window.sign_in.username.hasFocus())
    with qtbot.waitSignal(window.signed_in, timeout=20000) as signed:
        qtbot.keyClicks(window.sign_in.username, "budi")
        qtbot.keyClick(window.sign_in.username, Qt.Key.Key_Return)
        qtbot.keyClicks(window.sign_in.password, "sementara-1")
        qtbot.keyClick(window.sign_in.password, Qt.Key.Key_Return)
    driver.stop()

    assert seen == ["", "⚠ Kedua kata sandi tidak sama.", "⚠ Kata sandi paling sedikit 8 karakter."]
    assert signed.args[0].username == "budi"
    assert window.stack.currentWidget() is window.home
    assert not window.home.accounts_button.isVisible()
    assert desk.accounts.sign_in("budi", "pilihan-budi").role is Role.OFFICER
    with pytest.raises(AuthFailed):
        desk.accounts.sign_in("budi", "sementara-1")
    window.close()


def test_the_accounts_dialog_in_english(
    qtbot: QtBot,
    qapp: QApplication,
    desk: Desk,
    printer: FakePrinter,
    artifacts_dir: Path,
    font_scale: int,
):
    from desk_app.ui.i18n import install_language

    admin = desk.accounts.sign_in(USERNAME, PASSWORD)
    desk.accounts.add_account(admin, "budi", "Budi Santoso", "sementara-1", Role.SUPERVISOR)
    install_language(qapp, "en")
    try:
        window = make_window(qtbot, desk, printer)
        sign_in(qtbot, window)
        assert window.home.accounts_button.text() == "&Accounts"
        dialog = open_accounts(qtbot, window)
        headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(5)]
        assert headers == ["User name", "Name", "Role", "State", "Last sign-in"]
        assert cells(dialog)[1][2:4] == ["Supervisor", "Enabled — own password not chosen yet"]
        select(dialog, USERNAME)
        with qtbot.waitSignal(window.accounts_flow.loaded, timeout=10000):
            dialog.active_button.click()
            window.accounts_flow.reload()
        assert "is the last enabled admin" in dialog.error.text()
        shot(dialog, artifacts_dir, "accounts-english", 100)
        window.close()
    finally:
        install_language(qapp, "id")


def test_a_temporary_password_typed_while_the_desk_loads(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    """The start window hands over to the main window first; the new password is
    asked over it (not over a window about to close), then the officer is in."""
    from tests.ui.test_start_window import GatedLoad, start_window, type_sign_in

    desk = open_desk(data_dir)
    admin = desk.accounts.create_first_admin(USERNAME, "Ani Petugas", PASSWORD)
    desk.accounts.add_account(admin, "budi", "Budi Santoso", "sementara-1", Role.OFFICER)
    desk.close()
    asked_over: list[object] = []

    def ask_own(parent: MainWindow, error: str = "") -> str:
        asked_over.append(parent if parent.isVisible() else None)
        return "pilihan-budi"

    monkeypatch.setattr(NewPasswordDialog, "ask_own", classmethod(lambda cls, *a: ask_own(*a)))
    gated = GatedLoad(data_dir)
    try:
        start, taken_over = start_window(qtbot, gated)
        type_sign_in(qtbot, "budi", "sementara-1")
        gated.gate.set()
        qtbot.waitUntil(lambda: bool(taken_over), timeout=15000)
        window = taken_over[0]
        qtbot.waitUntil(lambda: window.officer is not None, timeout=15000)
        assert asked_over == [window] and not start.isVisible()
        assert window.officer is not None and window.officer.username == "budi"
        assert window.stack.currentWidget() is window.home
        window.close()
    finally:
        gated.gate.set()
        for services in gated.desks:
            services.close()
