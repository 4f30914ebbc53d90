"""Drafts of the intake form: what is typed is saved every few seconds and whenever
a field is left, so a crash or a closed window loses nothing; after the sign-in it
is offered back. A correction has a draft of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.services.drafts import DraftService
from desk_app.ui.dialogs import Confirm
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.intake.page import IntakeFormPage

DRAFT_INTERVAL_MS = 3000


class IntakeDrafts(QObject):
    """The page's draft, on the worker. ``dirty``: typed since it was last saved.

    Signals:
    saved(): the draft reached the database.
    """

    saved = Signal()

    def __init__(self, page: IntakeFormPage, drafts: DraftService, runner: TaskRunner) -> None:
        super().__init__(page)
        self._page = page
        self._drafts = drafts
        self._runner = runner
        self.dirty = False
        self.timer = QTimer(self)
        self.timer.setInterval(DRAFT_INTERVAL_MS)
        self.timer.timeout.connect(self.save)

    def key(self) -> str:
        """New complaints and each correction have their own draft."""
        officer = self._page.officer
        if officer is None:
            return ""
        name = self._page.mode.draft_name
        return self._drafts.key_for(officer, name) if name else self._drafts.key_for(officer)

    def save(self) -> None:
        page = self._page
        officer = page.officer
        if not self.dirty or officer is None or page.saving:
            return
        key, fields = self.key(), page.fields()
        self.dirty = False
        self._runner.run(lambda: self._drafts.save(officer, key, fields), self.on_saved)

    def on_saved(self, _result: object) -> None:
        self._page.draft_state.setText(self.tr("Draf tersimpan"))
        self.saved.emit()

    def discard(self) -> None:
        key = self.key()
        if key:
            self._runner.run(lambda: self._drafts.discard(key))

    def offer(self) -> None:
        """After sign-in: bring back what was being typed before a crash or restart."""
        if self._page.officer is None:
            return
        key = self.key()
        self._runner.run(lambda: self._drafts.load(key), self.on_offered)

    def on_offered(self, draft: Any) -> None:
        if draft is None or not any(v for k, v in draft.fields.items() if k not in ("urgency",)):
            return
        page = self._page
        name = str(draft.fields.get("name", "")) or self.tr("(tanpa nama)")
        if Confirm.ask(
            page.window(),
            self.tr("Lanjutkan isian sebelumnya?"),
            self.tr(
                "Ada aduan yang belum selesai diketik (pelapor: {name}). Lanjutkan mengisinya?"
            ).format(name=name),
            self.tr("Lanjutkan"),
            self.tr("Buang"),
            True,  # default_yes: a stray Enter keeps the citizen's words
        ):
            page.set_fields(draft.fields)
            page.draft_state.setText(self.tr("Draf dipulihkan"))
            page.window().activateWindow()
        else:
            self._runner.run(lambda: self._drafts.discard(draft.key))

    def restore_correction(self) -> None:
        """A correction typed before (and not saved) comes back as it was left."""
        key = self.key()
        self._runner.run(lambda: self._drafts.load(key), lambda d: self.on_correction(key, d))

    def on_correction(self, key: str, draft: Any) -> None:
        if draft is None or key != self.key():
            return
        self._page.set_fields(draft.fields)
        self.dirty = False
        self._page.draft_state.setText(self.tr("Draf perbaikan dipulihkan"))
