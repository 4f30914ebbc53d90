"""Intake: the form and its checks (:mod:`.form`), recording a complaint
(:mod:`.recording`) and the changes that follow it (:mod:`.changes`)."""

from desk_app.services.intake.changes import ComplaintChanges
from desk_app.services.intake.form import (
    AttachmentFile,
    IntakeForm,
    RecordedComplaint,
    check_attachments,
    validate_form,
)
from desk_app.services.intake.recording import IntakeService

__all__ = [
    "AttachmentFile",
    "ComplaintChanges",
    "IntakeForm",
    "IntakeService",
    "RecordedComplaint",
    "check_attachments",
    "validate_form",
]
