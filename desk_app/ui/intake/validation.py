"""Validation on the intake form: each field's problem beside it (in the app's
language) once the officer has left the field or tried to save; the save row says
what is missing; the field the CRM refused stays marked until it is changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from complaint_domain.validation import LIMITS
from desk_app.services.intake import IntakeService
from desk_app.ui.i18n import shown

if TYPE_CHECKING:
    from desk_app.ui.intake.page import IntakeFormPage


class ValidationDisplay(QObject):
    """``touched``: the fields the officer has left (their problems show);
    ``show_all``: a save was tried (every problem shows).

    Signals:
    refused(dict): the problems shown after a refused save, by field.
    """

    refused = Signal(dict)

    def __init__(self, page: IntakeFormPage, intake: IntakeService) -> None:
        super().__init__(page)
        self._page = page
        self._intake = intake
        self.touched: set[str] = set()
        self.show_all = False

    def forget(self) -> None:
        """A fresh form: no field left yet, no save tried."""
        self.touched.clear()
        self.show_all = False

    def revalidate(self) -> dict[str, str]:
        page = self._page
        errors = {f: shown(m) for f, m in self._intake.validate(page.form()).items()}
        for field, label in page.error_labels.items():
            message = errors.get(field, "")
            visible = bool(message) and (self.show_all or field in self.touched)
            label.setText("⚠ " + message if visible else "")
            label.setVisible(visible)
        description = page.description.toPlainText()
        page.counter.setText(
            self.tr("{n} / {limit} karakter").format(
                n=len(description), limit=LIMITS["description"]
            )
        )
        field, mark = page.mode.refused_mark(errors, page.fields())
        if field:  # not changed yet: the field the CRM refused stays marked with its reason
            page.error_labels[field].setText("⚠ " + mark)
            page.error_labels[field].setVisible(True)
        page.save_button.setText(page.mode.save_label())
        if errors:
            missing = ", ".join(page.field_labels.get(f, f) for f in errors)
            page.save_state.setText(
                self.tr("Belum dapat disimpan — periksa: {fields}").format(fields=missing)
            )
        else:
            page.save_state.setText(page.mode.ready_text())
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        page = self._page
        self.show_all = True
        self.revalidate()
        for field, message in errors.items():
            label = page.error_labels.get(field)
            if label is not None and not label.isVisible():
                label.setText("⚠ " + shown(message))
                label.show()
        first = next((f for f in page.field_widgets if f in errors), None)
        if first is not None:
            widget = page.field_widgets[first]
            page.scroll_area.ensureWidgetVisible(widget)
            widget.setFocus()
        self.refused.emit(dict(errors))
