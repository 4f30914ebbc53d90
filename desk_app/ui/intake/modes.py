"""What the form is doing: recording a new complaint, or correcting one the CRM
refused. The page asks its mode instead of testing flags: the title and the save
button's words, the draft's name, the channel, whether duplicates are looked for,
what saving does and what Esc does."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from complaint_domain.complaint import Complaint
from desk_app.services.accounts import Officer
from desk_app.services.intake import IntakeForm, IntakeService
from desk_app.ui.dialogs import Confirm
from desk_app.ui.i18n import shown
from desk_app.ui.intake.fields import read_files, value_of

if TYPE_CHECKING:
    from desk_app.ui.intake.page import IntakeFormPage

SaveOp = Callable[[], Any]


class NewComplaint(QObject):
    """A new complaint: saved and printed; its duplicates looked for as it is typed."""

    editing: Complaint | None = None
    crm_field = ""  # no field refused by the CRM
    stash: tuple[dict[str, Any], bool] | None = None
    finds_duplicates = True
    channel = IntakeForm.channel
    draft_name = ""  # the officer's one draft for a new complaint

    def title(self) -> str:
        return self.tr("Aduan baru")

    def save_label(self) -> str:
        return self.tr("Simpan dan cetak (Ctrl+S)")

    def ready_text(self) -> str:
        return self.tr("✓ Siap disimpan")

    def saving_text(self) -> str:
        return self.tr("Menyimpan…")

    def refused_mark(self, errors: dict[str, str], values: dict[str, Any]) -> tuple[str, str]:
        """The field the CRM refused and its mark, while unchanged: none here."""
        return "", ""

    def save_op(
        self,
        intake: IntakeService,
        officer: Officer,
        form: IntakeForm,
        paths: list[str],
        removed: list[str],
    ) -> SaveOp:
        return lambda: intake.record(
            officer, dataclasses.replace(form, attachments=read_files(paths))
        )

    def on_saved(self, page: IntakeFormPage, recorded: Any) -> None:
        page.reset()
        page.saved.emit(recorded)

    def on_escape(self, page: IntakeFormPage) -> None:
        """Esc: leave the form, asking first when something was typed."""
        if not page.is_empty() and not Confirm.ask(
            page.window(),
            self.tr("Buang isian?"),
            self.tr("Isian aduan ini belum disimpan. Buang semuanya?"),
            self.tr("Buang"),
            self.tr("Kembali mengisi"),
        ):
            return
        page.discard_draft()
        page.reset()
        page.discarded.emit()


class Correction(QObject):
    """A complaint the CRM refused, on the form again: the same ticket, sent again; the
    field the CRM named stays marked with its reason until it is changed. ``stash``:
    what was on the form for a new complaint (fields, typed since its draft), back
    when the correction is done."""

    finds_duplicates = False  # it would find the complaint itself

    def __init__(
        self,
        complaint: Complaint,
        reason: str,
        crm_field: str,
        stash: tuple[dict[str, Any], bool] | None,
    ) -> None:
        super().__init__()
        self.editing: Complaint | None = complaint
        self.complaint = complaint
        self.reason = reason
        self.crm_field = crm_field
        self.crm_value: Any = None  # the refused value, set once the form shows it
        self.stash = stash
        self.channel = complaint.channel
        self.draft_name = f"correct-{complaint.id}"

    def title(self) -> str:
        return self.tr("Perbaiki aduan {code}").format(code=self.complaint.ticket_code)

    def reason_text(self) -> str:
        return self.tr("Ditolak CRM: {reason}").format(
            reason=shown(self.reason) or self.tr("(tanpa alasan)")
        )

    def save_label(self) -> str:
        return self.tr("Simpan perbaikan (Ctrl+S)")

    def ready_text(self) -> str:
        return self.tr("✓ Siap disimpan — nomor tiket tetap, dikirim ulang ke CRM")

    def saving_text(self) -> str:
        return self.tr("Menyimpan perbaikan…")

    def refused_mark(self, errors: dict[str, str], values: dict[str, Any]) -> tuple[str, str]:
        """The field the CRM refused and its mark, while the officer has not changed it."""
        field = self.crm_field
        if field and field not in errors and value_of(values, field) == self.crm_value:
            return field, self.tr("CRM: {reason}").format(reason=shown(self.reason))
        return "", ""

    def save_op(
        self,
        intake: IntakeService,
        officer: Officer,
        form: IntakeForm,
        paths: list[str],
        removed: list[str],
    ) -> SaveOp:
        """``removed``: the stored attachments the officer unticked."""
        complaint_id = str(self.complaint.id)

        def op() -> Complaint:
            files = read_files(paths)
            return intake.correct(
                officer, complaint_id, dataclasses.replace(form, attachments=files), removed
            )

        return op

    def on_saved(self, page: IntakeFormPage, complaint: Any) -> None:
        reprint = page.reprint.isChecked()
        page.leave_correction()
        page.corrected.emit(complaint, reprint)

    def on_escape(self, page: IntakeFormPage) -> None:
        """Esc: back to the sync page, asking first when something was changed."""
        if page.dirty and not Confirm.ask(
            page.window(),
            self.tr("Buang perbaikan?"),
            self.tr("Perbaikan aduan ini belum disimpan. Buang perubahannya?"),
            self.tr("Buang"),
            self.tr("Kembali memperbaiki"),
        ):
            return
        page.discard_draft()
        page.leave_correction()
        page.correction_closed.emit()
