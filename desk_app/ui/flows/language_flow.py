"""The language switch: the new catalogue installed and the window's pages built
again at the first quiet moment, the officer still signed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from desk_app.ui.i18n import install_language
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow


class LanguageFlow(QObject):
    """Waits for a quiet moment, then switches.

    Signals:
    switched(str): the language now installed, the pages built in it.
    """

    switched = Signal(str)

    def __init__(self, window: MainWindow, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._pending = ""  # a language switch waiting for a quiet moment
        self._waiting_for_worker = False

    def switch(self, language: str) -> None:
        """A new language at once, or as soon as it is quiet (see :meth:`try_now`)."""
        self._pending = language
        self.try_now()

    def try_now(self) -> None:
        """The rebuild waits until no answer is on its way from the database worker to
        a page (it would reach a deleted one), the intake form is not on screen (never
        under the officer's typing) and what was typed is in its draft."""
        if not self._pending:
            return
        window = self._window
        if window.intake.dirty:
            window.intake.save_draft()  # on the worker: the busy check below waits for it
        if self._runner.busy:
            if not self._waiting_for_worker:
                self._waiting_for_worker = True
                self._runner.busy_changed.connect(self.on_worker_busy)
            return
        if window.stack.currentWidget() is window.intake:
            return  # the window's on_home tries again
        language, self._pending = self._pending, ""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, language)
        window.rebuild_pages()
        self.switched.emit(language)

    def on_worker_busy(self, busy: bool) -> None:
        if busy:
            return
        self._runner.busy_changed.disconnect(self.on_worker_busy)
        self._waiting_for_worker = False
        self.try_now()
