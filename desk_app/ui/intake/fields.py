"""The form ↔ fields mapping: what the widgets hold as the service's IntakeForm, as
the draft's field dict (and back), and a stored complaint as those fields."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem

from complaint_domain.complaint import Complaint
from desk_app.services.intake import AttachmentFile, IntakeForm

if TYPE_CHECKING:
    from desk_app.ui.intake.view import IntakeView

REFERENCE_CHANNELS = ("JAKI", "LAPOR!", "CRM")


def read_files(paths: list[str]) -> list[AttachmentFile]:
    """The picked files read for the service (on the worker: it reads the disk)."""
    return [AttachmentFile.from_path(Path(p)) for p in paths]


def complaint_fields(c: Complaint) -> dict[str, Any]:
    """A stored complaint as the form's fields (what :func:`fields_of` gives)."""
    values: dict[str, Any] = {
        "name": c.complainant.name,
        "nik": c.complainant.nik,
        "phone": c.complainant.phone,
        "address": c.complainant.address,
        "rt_rw": c.location.rt_rw,
        "street": c.location.street,
        "landmark": c.location.landmark,
        "keep_private": c.complainant.keep_identity_private,
        "sms_consent": c.complainant.sms_consent,
        "consent": True,  # given at intake; the complaint could not be saved without it
        "kelurahan_code": c.location.kelurahan_code,
        "category_code": c.category_code,
        "description": c.description,
        "urgency": c.urgency.value,
        "attachments": [],
        "kept_attachments": [a.sha256 for a in c.attachments],
    }
    other: list[str] = []
    for ref in c.earlier_references:
        channel, sep, number = ref.partition(": ")
        if sep and channel in REFERENCE_CHANNELS and f"ref_{channel}" not in values:
            values[f"ref_{channel}"] = number
        else:
            other.append(ref)
    if other:  # not typed on this form: kept whole in the last box
        last = f"ref_{REFERENCE_CHANNELS[-1]}"
        values[last] = "; ".join([values.get(last, ""), *other]).strip("; ")
    return values


def form_field(crm_field: str) -> str:
    """The form's field for a field path the CRM named ("location.kelurahan_code")."""
    parts = [p for p in crm_field.split(".") if p]
    if parts and parts[0] in ("complainant", "location"):
        parts = parts[1:]
    return parts[0] if parts else ""


def form_of(view: IntakeView, channel: str, draft_key: str) -> IntakeForm:
    """What the widgets hold, as the service takes it (attachments are read later)."""
    refs = [
        f"{channel}: {edit.text().strip()}"
        for channel, edit in view.references.items()
        if edit.text().strip()
    ]
    return IntakeForm(
        name=view.name.text(),
        nik=view.nik.text(),
        phone=view.phone.text(),
        address=view.address.text(),
        keep_identity_private=view.keep_private.isChecked(),
        sms_consent=view.sms_consent.isChecked() and bool(view.phone.text().strip()),
        consent=view.consent.isChecked(),
        kelurahan_code=view.area.code(),
        rt_rw=view.rt_rw.text(),
        street=view.street.text(),
        landmark=view.landmark.text(),
        category_code=view.category.code(),
        description=view.description.toPlainText(),
        urgency=str(view.urgency.currentData()),
        earlier_references=refs,
        attachments=[],
        channel=channel,
        draft_key=draft_key,
    )


def kept_of(view: IntakeView) -> list[str]:
    """Correction mode: the stored attachments still ticked (their sha256)."""
    return [
        str(item.data(Qt.ItemDataRole.UserRole))
        for item in map(view.kept_files.item, range(view.kept_files.count()))
        if item.checkState() == Qt.CheckState.Checked
    ]


def fields_of(view: IntakeView, editing: Complaint | None) -> dict[str, Any]:
    """What the draft keeps: every field as typed, and the attachment paths."""
    values: dict[str, Any] = {name: e.text() for name, e in view.line_edits().items()}
    values.update(
        keep_private=view.keep_private.isChecked(),
        sms_consent=view.sms_consent.isChecked(),
        consent=view.consent.isChecked(),
        kelurahan_code=view.area.code(),
        kelurahan_text=view.area.search.text(),
        category_code=view.category.code(),
        category_text=view.category.currentText(),
        description=view.description.toPlainText(),
        urgency=str(view.urgency.currentData()),
        attachments=view.attachments.paths(),
    )
    if editing is not None:
        values["kept_attachments"] = kept_of(view)
    return values


def is_empty(values: dict[str, Any]) -> bool:
    """Nothing typed (a default urgency and stray search text are not typing)."""
    ignored = ("urgency", "category_text", "kelurahan_text")
    return not any(v for k, v in values.items() if k not in ignored)


def value_of(values: dict[str, Any], field: str) -> Any:
    """One validated field's value in the draft's fields (references: all of them)."""
    if not field:
        return None
    if field == "earlier_references":
        return [values[f"ref_{c}"] for c in REFERENCE_CHANNELS]
    if field == "attachments":
        return (values["attachments"], values.get("kept_attachments"))
    return values.get(field)


def put_fields(view: IntakeView, values: dict[str, Any], editing: Complaint | None) -> None:
    """The draft's fields back into the widgets (the caller blocks its change slots)."""
    for name, edit in view.line_edits().items():
        edit.setText(str(values.get(name, "")))
    view.keep_private.setChecked(bool(values.get("keep_private")))
    view.sms_consent.setEnabled(bool(str(values.get("phone", "")).strip()))
    view.sms_consent.setChecked(bool(values.get("sms_consent")) and view.sms_consent.isEnabled())
    view.consent.setChecked(bool(values.get("consent")))
    if values.get("kelurahan_code"):
        view.area.set_code(str(values["kelurahan_code"]))
    else:
        view.area.clear()
        view.area.search.setText(str(values.get("kelurahan_text", "")))
    if values.get("category_code"):
        view.category.set_code(str(values["category_code"]))
    else:
        view.category.clear_choice()
        view.category.setEditText(str(values.get("category_text", "")))
    view.description.setPlainText(str(values.get("description", "")))
    view.urgency.setCurrentIndex(max(view.urgency.findData(values.get("urgency")), 0))
    view.attachments.clear()
    view.attachments.add_paths([str(p) for p in values.get("attachments", [])])
    _put_kept(view, values.get("kept_attachments"), editing)


def _put_kept(view: IntakeView, kept: Any, editing: Complaint | None) -> None:
    view.kept_files.clear()
    view.kept_files.setVisible(editing is not None and bool(editing.attachments))
    if editing is None:
        return
    keep = {str(k) for k in kept} if isinstance(kept, list) else None
    for a in editing.attachments:
        item = QListWidgetItem(a.original_name or a.sha256[:12])
        item.setData(Qt.ItemDataRole.UserRole, a.sha256)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        on = keep is None or a.sha256 in keep
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        view.kept_files.addItem(item)
