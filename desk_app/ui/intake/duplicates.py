"""Duplicate hints: while a new complaint is typed, open complaints that may be the
same case are looked for (after a short pause) and shown beside the form; the
officer can add this citizen to one of them instead. A hint found by the same NIK or
phone is this citizen's own complaint: their words are added to it. Otherwise
another citizen reports the same problem: they become its co-reporter, from their
own fields of the form (consent, name, NIK, phone, address), checked as for a new
complaint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from complaint_domain.complaint import CITIZEN_FIELDS, ComplaintEvent
from desk_app.services.duplicates import DuplicateHint, DuplicateQuery, HintReason
from desk_app.services.errors import ValidationFailed
from desk_app.services.root import DeskServices
from desk_app.ui.add_event_dialog import AddEventDialog
from desk_app.ui.i18n import shown
from desk_app.ui.intake.fields import read_files
from desk_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.intake.page import IntakeFormPage

DUPLICATE_DELAY_MS = 500


class DuplicateSearch(QObject):
    """Signals:
    shown(int): how many duplicate hints are beside the form.
    event_added(str, object): complaint id and the ComplaintEvent added to it.
    """

    shown = Signal(int)
    event_added = Signal(str, object)

    def __init__(self, page: IntakeFormPage, services: DeskServices, runner: TaskRunner) -> None:
        super().__init__(page)
        self._page = page
        self._services = services
        self._runner = runner
        self._generation = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DUPLICATE_DELAY_MS)
        self.timer.timeout.connect(self.on_find)

    def schedule(self) -> None:
        """Something they are matched on changed: look again after a pause."""
        if not self._page.loading and self._page.mode.finds_duplicates:
            self.timer.start()

    def cancel(self) -> None:
        """No search pending, none answered, no hints shown."""
        self.timer.stop()
        self._generation += 1
        self._page.duplicate_panel.set_hints([])

    def on_find(self) -> None:
        page = self._page
        officer = page.officer
        if officer is None or not page.mode.finds_duplicates:
            return
        self._generation += 1
        generation = self._generation
        query = DuplicateQuery(
            nik=page.nik.text(),
            phone=page.phone.text(),
            kelurahan_code=page.area.code(),
            category_code=page.category.code(),
            description=page.description.toPlainText(),
        )
        self._runner.run(
            lambda: self._services.duplicates.find(officer, query),
            lambda hints: self.on_hints(generation, hints),
        )

    def on_hints(self, generation: int, hints: list[DuplicateHint]) -> None:
        if generation != self._generation:
            return  # the officer typed on; a newer search is coming
        self._page.duplicate_panel.set_hints(hints)
        self.shown.emit(len(hints))

    def on_add_to_existing(self, complaint_id: str, code: str) -> None:
        page = self._page
        officer = page.officer
        if officer is None:
            return
        paths = page.attachments.paths()
        note = page.description.toPlainText()
        hint = page.duplicate_panel.hint_for(complaint_id)
        same_citizen = hint is not None and bool(
            {HintReason.NIK, HintReason.PHONE} & set(hint.reasons)
        )
        if same_citizen:
            answer = AddEventDialog.ask(page.window(), code, note, len(paths))
        else:
            # The co-reporter's own fields first (consent above all): marked beside
            # them, as a refused save would, before anything is asked.
            problems = {
                f: m
                for f, m in self._services.intake.validate(page.form()).items()
                if f in CITIZEN_FIELDS
            }
            if problems:
                page.show_errors(problems)
                return
            name = page.name.text().strip()
            answer = AddEventDialog.ask_co_reporter(page.window(), code, name, note, len(paths))
        if answer is None:
            return
        key, intake, drafts = page.draft_key, self._services.intake, self._services.drafts
        form = page.form()

        def op() -> ComplaintEvent:
            files = read_files(paths) if answer.include_attachments else []
            if same_citizen:
                event = intake.add_citizen_event(officer, complaint_id, answer.note, files)
            else:
                event = intake.add_co_reporter(officer, complaint_id, form, answer.note, files)
            if key:
                drafts.discard(key)
            return event

        def done(event: ComplaintEvent) -> None:
            page.reset()
            self.event_added.emit(complaint_id, event)

        def failed(error: Exception) -> None:
            if isinstance(error, ValidationFailed):
                words = " ".join(shown(m) for m in error.errors.values())
                if not same_citizen:  # the co-reporter's own fields: marked beside them
                    page.show_errors(error.errors)
            else:
                words = shown(getattr(error, "message", str(type(error))))
            page.save_state.setText("⚠ " + words)

        self._runner.run(op, done, failed)
