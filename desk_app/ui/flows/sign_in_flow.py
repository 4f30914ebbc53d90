"""The sign-in flow: the password checked on the worker; on a desk with no account
yet, the first admin created first; and at the first sign-in of a new or reset
account, its own new password chosen (twice) before it is signed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desk_app.services.accounts import AccountService, Officer
from desk_app.services.errors import PasswordChangeRequired
from desk_app.ui.change_password_dialog import NewPasswordDialog
from desk_app.ui.first_admin_dialog import FirstAdminDialog
from desk_app.ui.flows.words import words_for
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow


class SignInFlow(QObject):
    """Signals:
    signed_in(object): the Officer whose password (or new admin account) was accepted.
    refused(str): the message shown on the sign-in page when it was refused.
    first_admin_created(object): the desk's first admin (set-up: the recovery key next).
    """

    signed_in = Signal(object)
    refused = Signal(str)
    first_admin_created = Signal(object)

    def __init__(self, window: MainWindow, accounts: AccountService, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._accounts = accounts
        self._runner = runner

    def start(self, credentials: tuple[str, str] | None = None) -> None:
        """``credentials``: typed into the start window already, checked at once;
        without them, a desk with no account asks for its first admin."""
        page = self._window.sign_in
        if credentials is not None:
            username, password = credentials
            page.username.setText(username)
            page.set_busy(True)
            self.on_sign_in_requested(username, password)
            return
        page.reset()
        self._runner.run(self._accounts.has_accounts, self.on_accounts_checked)

    def on_accounts_checked(self, has_accounts: bool) -> None:
        if not has_accounts:
            self.ask_first_admin()

    def ask_first_admin(self, error: str = "") -> None:
        """First run: ask for the first admin until the service accepts one (its
        refusal is shown in the next dialog) or the officer cancels."""
        answer = FirstAdminDialog.ask(self._window, error)
        if answer is None:
            self._window.sign_in.show_error(
                self.tr("Belum ada akun. Buat admin pertama untuk mulai.")
            )
            return
        self._runner.run(
            lambda: self._accounts.create_first_admin(
                answer.username, answer.display_name, answer.password
            ),
            self.on_first_admin,
            lambda err: self.ask_first_admin(words_for(err)),
        )

    def on_sign_in_requested(self, username: str, password: str) -> None:
        self._runner.run(
            lambda: self._accounts.sign_in(username, password),
            self.on_signed_in,
            lambda err: self.on_sign_in_refused(err, password),
        )

    def on_signed_in(self, officer: Officer) -> None:
        self.signed_in.emit(officer)

    def on_first_admin(self, officer: Officer) -> None:
        self.signed_in.emit(officer)
        self.first_admin_created.emit(officer)

    def on_sign_in_refused(self, error: Exception, password: str = "") -> None:
        message = words_for(error)
        self._window.sign_in.show_error(message)
        self.refused.emit(message)  # the start window hands over: the dialog has a parent
        if isinstance(error, PasswordChangeRequired):
            self.ask_new_password(error.username, password)

    def ask_new_password(self, username: str, temporary: str, error: str = "") -> None:
        """A temporary password was right: the officer chooses their own (twice) until
        the service accepts it (its refusal is shown in the next dialog) or cancels
        (the sign-in page still says why the password was not enough)."""
        new_password = NewPasswordDialog.ask_own(self._window, error)
        if new_password is None:
            return
        self._runner.run(
            lambda: self._accounts.change_password_at_sign_in(username, temporary, new_password),
            self.on_signed_in,
            lambda err: self.ask_new_password(username, temporary, words_for(err)),
        )
