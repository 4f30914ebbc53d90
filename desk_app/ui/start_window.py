"""The window the desk opens with: the sign-in, on screen at once, while the desk
(the store, the services and the main window's modules) loads on a thread behind it.

Loading is most of a second here and several seconds from an old desk PC's cold
disk; the officer types the user name and password meanwhile instead of watching a
splash. The main window is built (hidden) as soon as the desk has loaded. At Enter it
checks the typed password with its own sign-in logic, then takes this window's place:
on its home page, or on its own sign-in page with the refusal. A desk with no account
yet is handed over at once, for its first admin.

Only this module, the sign-in page, the theme and the settings file are needed for
the first screen: nothing here imports the store (SQLAlchemy) or the main window's
modules on the GUI thread before the loader has.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desk_app.services.settings import Settings
from desk_app.ui.fit import fit_to_screen
from desk_app.ui.i18n import shown
from desk_app.ui.recovery_key_dialog import TypeRecoveryKeyDialog
from desk_app.ui.sign_in_page import SignInPage
from desk_app.ui.theme import styled_afterwards

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent  # ~2 ms to create the type: not before the first screen

    from desk_app.services.root import DeskServices
    from desk_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _warm_up_failed(error: Exception) -> None:
    # A warm-up only saves time after Enter. Whatever stopped it, the sign-in or the
    # home page meets again and reports in its own words; the officer is not told twice.
    log.warning("a warm-up before the sign-in failed: %r", error)


class _Loaded:
    """What the loader produced, boxed for the signal (see tasks._Outcome)."""

    __slots__ = ("error", "services")

    def __init__(self, services: DeskServices | None, error: BaseException | None) -> None:
        self.services = services
        self.error = error


class DeskLoader(QObject):
    """Runs ``load`` on a thread of its own; ``finished`` carries the result to the
    GUI thread (a queued connection: the signal is emitted from the loader thread).

    Not a TaskRunner: its thread is a daemon (a load stuck on a dead network drive
    must not keep the process alive after the officer closed the window), its result
    is also read after the event loop has ended (to close the desk), and it does not
    import the executor machinery before the first screen.

    Signals:
        finished(object): internal; the boxed desk or error.
    """

    finished = Signal(object)

    def __init__(self, load: Callable[[], DeskServices], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self.result: _Loaded | None = None
        self._thread = threading.Thread(target=self._run, name="meja-load", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout: float) -> bool:
        """Whether the load has ended (within ``timeout`` seconds)."""
        if self._thread.ident is None:  # never started
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            loaded = _Loaded(self._load(), None)
        except BaseException as error:  # shown in the window; the traceback goes to the log
            trace = "".join(traceback.format_exception(error))
            log.error("the desk could not be opened:\n%s", trace)
            loaded = _Loaded(None, error)
        self.result = loaded
        self.finished.emit(loaded)


class StartWindow(QMainWindow):
    """The sign-in while the desk loads; hands over to the main window.

    Signals:
        handed_over(object): the MainWindow, once it is on screen in this one's place.
        load_finished(object): a load ended (after on_loaded), whatever its outcome.
    """

    handed_over = Signal(object)
    load_finished = Signal(object)

    def __init__(
        self,
        settings: Settings,
        load: Callable[[], DeskServices],
        parent: QWidget | None = None,
        restore_key: Callable[[str], None] | None = None,
    ) -> None:
        """``restore_key``: keeps a typed recovery key when the desk lost its own
        (raises a UserFacingError for one that does not open this desk's data)."""
        super().__init__(parent)
        self._load = load
        self._restore_key = restore_key
        self.main_window: MainWindow | None = None
        self._credentials: tuple[str, str] | None = None  # submitted before the desk was ready
        self._has_accounts: bool | None = None
        self._handed_over = False
        self._closed = False  # by the officer before the hand-over
        self._init_widgets(settings)
        self.loader = DeskLoader(load, self)
        self.loader.finished.connect(self.on_loaded)
        self.sign_in.sign_in_requested.connect(self.on_sign_in_requested)

    def _init_widgets(self, settings: Settings) -> None:
        self.setWindowTitle(
            self.tr("Meja Aduan — {site} ({desk})").format(
                site=settings.site_name, desk=settings.desk_code
            )
        )
        fit_to_screen(self, 1280, 860)  # the main window's size: the hand-over happens in place
        self.sign_in = SignInPage(settings.site_name, settings.desk_code)
        self.setCentralWidget(self.sign_in)
        self.statusBar().showMessage(self.tr("Memuat data meja…"))

    def start(self) -> None:
        """Show the sign-in and start loading the desk behind it."""
        self.show()
        self.sign_in.reset()
        # Painted before the loader starts: from then on the loader's imports hold
        # the interpreter lock most of the time, and the first paint would wait.
        QApplication.processEvents()
        self.loader.start()

    # -- loading -------------------------------------------------------------------

    def on_loaded(self, loaded: _Loaded) -> None:
        try:
            self._on_loaded(loaded)
        finally:
            self.load_finished.emit(loaded)

    def _on_loaded(self, loaded: _Loaded) -> None:
        if self._closed:
            return  # closed while loading: nothing to build; run_app closes the desk
        services = loaded.services
        if services is None:
            assert loaded.error is not None
            self.on_load_failed(loaded.error)
            return
        # The module is imported by now (the loader did it): no import on this thread.
        from desk_app.ui.main_window import MainWindow

        with styled_afterwards():
            window = MainWindow(services)
        self.main_window = window
        window.start_sync()  # what was not sent before the last close goes now
        self.statusBar().clearMessage()
        window.runner.run(
            services.accounts.has_accounts, self.on_accounts_checked, self.on_load_failed
        )
        window.runner.run(services.accounts.prepare_sign_in, None, _warm_up_failed)
        window.runner.run(services.lookup.prepare_home, None, _warm_up_failed)
        # In a turn of its own: a key the officer types in between is not held up by
        # both (building the window and rendering it each take tens of ms).
        QTimer.singleShot(0, window, window.render_ahead)

    def on_load_failed(self, error: BaseException) -> None:
        from desk_app.services.errors import message_for

        if self._offer_recovery_key(error):
            return
        self._credentials = None
        self.statusBar().clearMessage()
        detail = message_for(error)  # the store's own words say whom to call
        self.sign_in.show_error(
            self.tr("Data meja tidak bisa dibuka. {detail}").format(detail=shown(detail))
            if detail
            else self.tr(
                "Data meja tidak bisa dibuka. Tutup aplikasi dan hubungi TI; "
                "rinciannya ada di catatan aplikasi."
            )
        )
        self.sign_in.set_busy(True)  # nothing to sign in to

    def _offer_recovery_key(self, error: BaseException) -> bool:
        """The desk's key is missing: said plainly, the recovery key asked (again
        after a wrong one); once kept, the desk loads again. False: not that case,
        or the officer cancelled (the sign-in page then says what is wrong)."""
        from desk_app.services.desk_key import DeskKeyMissing
        from desk_app.services.errors import UserFacingError

        if not isinstance(error, DeskKeyMissing) or self._restore_key is None:
            return False
        refusal = ""
        while True:
            typed = TypeRecoveryKeyDialog.ask(self, shown(error.message), refusal)
            if typed is None:
                return False
            try:
                self._restore_key(typed)
            except UserFacingError as refused:
                refusal = shown(refused.message)
                continue
            break
        self.statusBar().showMessage(self.tr("Memuat data meja…"))
        self.loader = DeskLoader(self._load, self)
        self.loader.finished.connect(self.on_loaded)
        self.loader.start()
        return True

    def on_accounts_checked(self, has_accounts: bool) -> None:
        if self._closed:
            return
        self._has_accounts = has_accounts
        if not has_accounts:
            # A new desk: what was typed meanwhile belongs to no account; the first
            # admin is created in the main window's dialog instead.
            self._credentials = None
            self.sign_in.password.clear()
            self.hand_over()
        elif self._credentials is not None:
            self.hand_over()

    # -- sign-in -------------------------------------------------------------------

    def on_sign_in_requested(self, username: str, password: str) -> None:
        """Enter in the password field. Before the desk is ready the page stays busy
        and the hand-over happens when it is."""
        self._credentials = (username, password)
        if self._has_accounts:
            self.hand_over()
        else:
            self.statusBar().showMessage(self.tr("Memuat data meja…"))

    def hand_over(self) -> None:
        """The main window takes this one's place: at once on a desk with no account
        (for its first admin), else once it has checked the submitted password, on its
        home page or on its own sign-in page with the refusal. Shown only then: its
        first paint would otherwise compete with the password hash for the CPU."""
        window = self.main_window
        assert window is not None
        credentials, self._credentials = self._credentials, None
        if credentials is None:
            window.start()
            self._show_main_window()
            return
        # Whichever comes first; later sign-ins on the main window find it handed over.
        window.signed_in.connect(lambda _officer: self._show_main_window())
        window.sign_in_refused.connect(lambda _message: self._show_main_window())
        window.start(credentials)

    def _show_main_window(self) -> None:
        window = self.main_window
        if window is None or self._handed_over or self._closed:
            return
        self._handed_over = True
        window.setGeometry(self.normalGeometry())  # the size it returns to from maximised
        if self.isMaximized():
            window.showMaximized()
        else:
            window.show()
        window.activateWindow()
        for warning in window.services.settings_warnings:
            window.status.showMessage("⚠ " + shown(warning), 20000)
        self.handed_over.emit(window)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed before the hand-over (the officer quits at the sign-in): the main
        # window built behind it closes too, with its own checks (unsent complaints),
        # and what the loader or the worker reports afterwards is ignored.
        if not self._handed_over:
            window = self.main_window
            if window is not None and not window.close():
                event.ignore()
                return
            self._closed = True
        super().closeEvent(event)

    def shutdown(self, timeout: float = 10.0) -> DeskServices | None:
        """After the event loop: wait (a while) for a load in progress, and return the
        desk for the caller to close, even when the window was closed before the
        loaded desk reached it; None when there is none, or the load is stuck (its
        daemon thread dies with the process). ``self.main_window`` keeps the main
        window alive until then."""
        if not self.loader.wait(timeout):
            log.warning("the desk was still loading after %.0f s; leaving without it", timeout)
            return None
        return self.loader.result.services if self.loader.result is not None else None
