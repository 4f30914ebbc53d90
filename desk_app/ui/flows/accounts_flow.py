"""The accounts flow (admins): the "Akun" dialog, and each change an admin makes
there, run on the worker through the account service (which refuses it to anyone
but an admin itself); the list is reloaded after each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desk_app.services.accounts import Account, AccountService, Role
from desk_app.ui.accounts_dialog import AccountsDialog
from desk_app.ui.change_password_dialog import NewPasswordDialog
from desk_app.ui.flows.words import words_for
from desk_app.ui.i18n import shown
from desk_app.ui.new_account_dialog import NewAccount, NewAccountDialog
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from desk_app.ui.main_window import MainWindow


class AccountsFlow(QObject):
    """Signals:
    loaded(): the dialog shows the accounts as they are now.
    changed(str): an account was changed (its user name).
    """

    loaded = Signal()
    changed = Signal(str)

    def __init__(self, window: MainWindow, accounts: AccountService, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._accounts = accounts
        self._runner = runner
        self.dialog: AccountsDialog | None = None

    def open(self) -> None:
        """The dialog, for an admin (nobody else sees the button)."""
        officer = self._window.officer
        if officer is None or not officer.has(Role.ADMIN):
            return
        dialog = AccountsDialog(self._window)
        dialog.add_requested.connect(self.on_add_requested)
        dialog.role_requested.connect(self.on_role_requested)
        dialog.reset_requested.connect(self.on_reset_requested)
        dialog.active_requested.connect(self.on_active_requested)
        self.dialog = dialog
        dialog.open()
        dialog.focus_list()
        self.reload()

    def reload(self, select: str = "") -> None:
        officer = self._window.officer
        if officer is None:
            return

        def show(accounts: list[Account]) -> None:
            if self.dialog is not None:
                self.dialog.set_accounts(accounts, select)
                self.loaded.emit()

        self._runner.run(lambda: self._accounts.list_accounts(officer), show, self._refused)

    # -- each change ---------------------------------------------------------------

    def _change(self, username: str, change: Callable[[], object], done: str) -> None:
        def changed(_result: object) -> None:
            if self.dialog is not None:
                self.dialog.show_result(done, True)
            self.changed.emit(username)
            self.reload(username)

        self._runner.run(change, changed, self._refused)

    def _refused(self, error: Exception) -> None:
        if self.dialog is not None:
            self.dialog.show_result(words_for(error), False)

    def on_add_requested(self, error: str = "", before: NewAccount | None = None) -> None:
        officer = self._window.officer
        answer = NewAccountDialog.ask(self.dialog, error, before)
        if officer is None or answer is None:
            return

        def added(_result: object) -> None:
            if self.dialog is not None:
                self.dialog.show_result(
                    self.tr(
                        "Akun {username} dibuat. Ia memilih kata sandinya sendiri saat "
                        "pertama kali masuk."
                    ).format(username=answer.username.strip().lower()),
                    True,
                )
            self.changed.emit(answer.username)
            self.reload(answer.username.strip().lower())

        self._runner.run(
            lambda: self._accounts.add_account(
                officer, answer.username, answer.display_name, answer.password, answer.role
            ),
            added,
            lambda err: self.on_add_requested(words_for(err), answer),
        )

    def on_role_requested(self, username: str, role: Role) -> None:
        officer = self._window.officer
        if officer is not None:
            self._change(
                username,
                lambda: self._accounts.set_role(officer, username, role),
                self.tr("Peran {username} sekarang {role}.").format(
                    username=username, role=shown(role.label)
                ),
            )

    def on_reset_requested(self, username: str, error: str = "") -> None:
        officer = self._window.officer
        password = NewPasswordDialog.ask_temporary(self.dialog, username, error)
        if officer is None or password is None:
            return
        self._runner.run(
            lambda: self._accounts.reset_password(officer, username, password),
            lambda _r: self._after_reset(username),
            lambda err: self.on_reset_requested(username, words_for(err)),
        )

    def _after_reset(self, username: str) -> None:
        if self.dialog is not None:
            self.dialog.show_result(
                self.tr(
                    "Kata sandi {username} diatur ulang. Ia memilih kata sandi baru saat masuk."
                ).format(username=username),
                True,
            )
        self.changed.emit(username)
        self.reload(username)

    def on_active_requested(self, username: str, active: bool) -> None:
        officer = self._window.officer
        if officer is not None:
            self._change(
                username,
                lambda: self._accounts.set_active(officer, username, active),
                (
                    self.tr("Akun {username} diaktifkan kembali.")
                    if active
                    else self.tr("Akun {username} dinonaktifkan; ia tidak dapat masuk lagi.")
                ).format(username=username),
            )
