"""The intake form: one complaint, typed at the counter, keyboard first.

The page's behaviour; its widgets are laid out in :mod:`.view`, the fields mapped in
:mod:`.fields`, drafts kept by :mod:`.drafts`, duplicates found by :mod:`.duplicates`,
problems shown by :mod:`.validation`; what differs in a correction is its mode
(:mod:`.modes`).

Tab and Enter move on; Ctrl+S saves and prints; Esc asks before discarding. Each
field shows its problem beside it (IntakeService.validate, in the app's language)
once the officer has left it or tried to save, and the save button says what is
missing.
What is typed is saved as a draft every few seconds and whenever a field is left,
so a crash or a closed window loses nothing.

Correction mode (:meth:`IntakeFormPage.start_correction`, a :class:`.modes.Correction`):
the same form, prefilled with a complaint the CRM refused, its reason on top and the
field it named marked; Ctrl+S saves the correction (same ticket, no new receipt unless
asked). Its draft has its own key, and what was being typed for a new complaint comes
back afterwards.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QWidget

from complaint_domain.complaint import Complaint
from desk_app.services.accounts import Officer
from desk_app.services.errors import ValidationFailed, message_for
from desk_app.services.intake import AttachmentFile, IntakeForm
from desk_app.services.root import DeskServices
from desk_app.ui.i18n import shown
from desk_app.ui.intake import fields as mapping
from desk_app.ui.intake.drafts import IntakeDrafts
from desk_app.ui.intake.duplicates import DuplicateSearch
from desk_app.ui.intake.modes import Correction, NewComplaint
from desk_app.ui.intake.validation import ValidationDisplay
from desk_app.ui.intake.view import IntakeView
from desk_app.ui.tasks import TaskRunner


class IntakeFormPage(IntakeView):
    """Signals:
    saved(object): the RecordedComplaint, once durably saved.
    event_added(str, object): complaint id and ComplaintEvent, after "add to existing".
    discarded(): the officer left the form (after confirming if anything was typed).
    draft_saved(): the draft reached the database.
    duplicates_shown(int): how many duplicate hints are beside the form.
    validation_shown(dict): the problems shown after a refused save.
    corrected(object, bool): the corrected Complaint, and whether a reprint was asked.
    correction_closed(): the officer left a correction without saving.
    """

    saved = Signal(object)
    event_added = Signal(str, object)
    discarded = Signal()
    draft_saved = Signal()
    duplicates_shown = Signal(int)
    validation_shown = Signal(dict)
    corrected = Signal(object, bool)
    correction_closed = Signal()

    def __init__(
        self, services: DeskServices, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(lambda: services.areas, services.area_name, runner, parent)
        self._services = services
        self.category.set_source(lambda: services.categories)
        self.officer: Officer | None = None
        self.mode: NewComplaint | Correction = NewComplaint()
        self.loading = False  # the fields are being filled in, not typed
        self.saving = False
        self.validation = ValidationDisplay(self, services.intake)
        self.draft_keeper = IntakeDrafts(self, services.drafts, runner)
        self.duplicate_search = DuplicateSearch(self, services, runner)
        self._init_shortcuts()
        self._connect_signals()
        self.revalidate()

    def _init_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self, context=context)
        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, context=context)

    def _connect_signals(self) -> None:
        self.validation.refused.connect(self.validation_shown)
        self.draft_keeper.saved.connect(self.draft_saved)
        self.duplicate_search.shown.connect(self.duplicates_shown)
        self.duplicate_search.event_added.connect(self.event_added)
        self.save_shortcut.activated.connect(self.on_save)
        self.escape_shortcut.activated.connect(self.on_escape)
        self.save_button.clicked.connect(self.on_save)
        for name, edit in self.line_edits().items():
            edit.textChanged.connect(lambda _text: self.on_changed())
            edit.editingFinished.connect(lambda n=name: self.on_field_left(n))
            edit.returnPressed.connect(self.focusNextChild)
        self.phone.textChanged.connect(self.on_phone_changed)
        for check in (self.keep_private, self.consent, self.sms_consent):
            check.toggled.connect(lambda _on: self.on_changed())
            check.installEventFilter(self)
        self.consent.toggled.connect(lambda: self.on_field_left("consent"))
        self.urgency.installEventFilter(self)
        self.urgency.currentIndexChanged.connect(lambda _i: self.on_changed())
        self.description.textChanged.connect(self.on_changed)
        self.description.installEventFilter(self)
        self.area.changed.connect(lambda _code: self.on_changed())
        self.area.changed.connect(lambda: self.on_field_left("kelurahan_code"))
        self.area.picked.connect(self.rt_rw.setFocus)
        self.category.changed.connect(lambda _code: self.on_changed())
        self.category.changed.connect(self.on_category_changed)
        self.category.line_edit().returnPressed.connect(self.on_category_return)
        self.attachments.changed.connect(self.on_changed)
        self.kept_files.itemChanged.connect(lambda _item: self.on_changed())
        self.duplicate_panel.add_requested.connect(self.duplicate_search.on_add_to_existing)
        for w in (self.nik, self.phone):
            w.textChanged.connect(lambda _text: self.duplicate_search.schedule())
        self.area.changed.connect(lambda _code: self.duplicate_search.schedule())
        self.category.changed.connect(lambda _code: self.duplicate_search.schedule())
        self.description.textChanged.connect(self.duplicate_search.schedule)

    # -- state ---------------------------------------------------------------------

    def set_officer(self, officer: Officer | None) -> None:
        self.officer = officer
        if officer is None:
            self.draft_keeper.timer.stop()
        else:
            self.draft_keeper.timer.start()

    def stop(self) -> None:
        """The window is closing: no more timers."""
        self.draft_keeper.timer.stop()
        self.duplicate_search.timer.stop()

    @property
    def draft_key(self) -> str:
        """New complaints and each correction have their own draft."""
        return self.draft_keeper.key()

    @property
    def editing(self) -> Complaint | None:
        """The complaint being corrected; None for a new complaint."""
        return self.mode.editing

    @property
    def dirty(self) -> bool:
        """Typed since the draft was last saved."""
        return self.draft_keeper.dirty

    def form(self, with_files: list[AttachmentFile] | None = None) -> IntakeForm:
        form = mapping.form_of(self, self.mode.channel, self.draft_key)
        return dataclasses.replace(form, attachments=with_files) if with_files else form

    def removed_attachments(self) -> list[str]:
        """Correction mode: the stored attachments the officer unticked."""
        editing = self.mode.editing
        if editing is None:
            return []
        kept = set(mapping.kept_of(self))
        return [a.sha256 for a in editing.attachments if a.sha256 not in kept]

    def fields(self) -> dict[str, Any]:
        """What the draft keeps: every field as typed, and the attachment paths."""
        return mapping.fields_of(self, self.mode.editing)

    def fields_value(self, field: str) -> Any:
        """The current value of one form field (references: all of them)."""
        return mapping.value_of(self.fields(), field)

    def is_empty(self) -> bool:
        return mapping.is_empty(self.fields())

    def set_fields(self, values: dict[str, Any]) -> None:
        self.loading = True
        try:
            mapping.put_fields(self, values, self.mode.editing)
        finally:
            self.loading = False
        self.validation.touched = {k for k in self.field_widgets if values.get(k)}
        self.revalidate()

    def reset(self) -> None:
        self.set_fields({})
        self.validation.forget()
        self.draft_keeper.dirty = False
        self.duplicate_panel.set_hints([])
        self.draft_state.clear()
        self.revalidate()
        self.name.setFocus()

    # -- correction mode -------------------------------------------------------------

    def start_correction(self, complaint: Complaint, reason: str, crm_field: str) -> None:
        """Show ``complaint`` (refused by the CRM) for correction: the CRM's reason on
        top, the field it named marked and focused. What was typed for a new complaint
        is kept (draft and screen) and comes back when the correction is done."""
        stash = self.mode.stash
        if self.mode.editing is None:
            self.save_draft()
            stash = (self.fields(), self.dirty)
        field = mapping.form_field(crm_field)
        mode = Correction(complaint, reason, field if field in self.field_widgets else "", stash)
        self.mode = mode
        self.duplicate_search.cancel()
        self.duplicate_panel.hide()  # it would find the complaint itself
        self.title.setText(mode.title())
        self.crm_reason.setText(mode.reason_text())
        self.crm_reason.show()
        self.reprint.setChecked(False)
        self.reprint.show()
        self.set_fields(mapping.complaint_fields(complaint))
        mode.crm_value = self.fields_value(mode.crm_field)
        self.validation.show_all = False
        self.draft_keeper.dirty = False
        self.draft_state.clear()
        self.revalidate()
        self.focus_crm_field()
        self.draft_keeper.restore_correction()

    def focus_crm_field(self) -> None:
        field = self.mode.crm_field
        widget = self.field_widgets.get(field) or self.name
        if field == "kelurahan_code":
            widget = self.area.search
        self.scroll_area.ensureWidgetVisible(widget)
        widget.setFocus()

    def leave_correction(self) -> None:
        """Back to a new complaint, with what was on the form before the correction."""
        stash = self.mode.stash
        self.mode = NewComplaint()
        self.title.setText(self.mode.title())
        self.duplicate_panel.show()
        self.crm_reason.hide()
        self.reprint.hide()
        self.reprint.setChecked(False)
        self.reset()
        if stash is not None:
            fields, dirty = stash
            self.set_fields(fields)
            self.draft_keeper.dirty = dirty

    # -- validation ----------------------------------------------------------------

    def revalidate(self) -> dict[str, str]:
        """Check the fields again; their problems, shown where they should be."""
        return self.validation.revalidate()

    def show_errors(self, errors: dict[str, str]) -> None:
        """A refused save: every problem shown, the first field focused."""
        self.validation.show_errors(errors)

    # -- slots ---------------------------------------------------------------------

    def on_changed(self) -> None:
        # Connected with fixed-arity lambdas: PySide6 6.12 mis-counts references when a
        # signal calls a slot declared with *args (True/False get freed at exit).
        if self.loading:
            return
        self.draft_keeper.dirty = True
        self.revalidate()

    def on_phone_changed(self, text: str) -> None:
        """News by SMS needs a phone number: the tick is off and greyed without one."""
        has_phone = bool(text.strip())
        self.sms_consent.setEnabled(has_phone)
        if not has_phone:
            self.sms_consent.setChecked(False)

    def on_field_left(self, name: str) -> None:
        if self.loading:
            return
        field = "earlier_references" if name.startswith("ref_") else name
        self.validation.touched.add(field)
        self.revalidate()
        self.save_draft()

    def on_category_changed(self, code: str) -> None:
        if code:
            self.on_field_left("category_code")

    def on_category_return(self) -> None:
        self.category.take_first_offer()
        if self.category.code():
            self.description.setFocus()

    def save_draft(self) -> None:
        self.draft_keeper.save()

    def offer_draft(self) -> None:
        """After sign-in: bring back what was being typed before a crash or restart."""
        self.draft_keeper.offer()

    def discard_draft(self) -> None:
        self.draft_keeper.discard()

    def on_escape(self) -> None:
        self.mode.on_escape(self)

    def on_save(self) -> None:
        officer = self.officer
        if self.saving or officer is None:
            return
        errors = self.revalidate()
        if errors:
            self.show_errors(errors)
            return
        self.saving = True
        self.draft_keeper.timer.stop()
        mode = self.mode
        op = mode.save_op(
            self._services.intake,
            officer,
            self.form(),
            self.attachments.paths(),
            self.removed_attachments(),
        )
        self.save_button.setEnabled(False)
        self.save_state.setText(mode.saving_text())
        self._runner.run(op, lambda result: self.on_saved(mode, result), self.on_save_failed)

    def on_saved(self, mode: NewComplaint | Correction, result: Any) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.draft_keeper.timer.start()
        mode.on_saved(self, result)

    def on_save_failed(self, error: Exception) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.draft_keeper.timer.start()
        if isinstance(error, ValidationFailed):
            self.show_errors(error.errors)
            return
        known = message_for(error)
        if known:
            message = shown(known) + " " + self.tr("Isian tetap ada di layar.")
        else:
            message = self.tr(
                "Aduan gagal disimpan karena kesalahan program. Isian tetap ada di layar dan di draf."  # noqa: E501 - one string for lupdate
            )
        self.save_state.setText("⚠ " + message)
        self.draft_keeper.dirty = True
        self.save_draft()

    # -- keyboard ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and isinstance(watched, (QCheckBox, QComboBox)):
                self.focusNextChild()
                return True
            if (
                enter
                and watched is self.description
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.focusNextChild()
                focused = QApplication.focusWidget()
                if focused is not None and self.scroll_area.isAncestorOf(focused):
                    self.scroll_area.ensureWidgetVisible(focused)
                return True
        return super().eventFilter(watched, event)
