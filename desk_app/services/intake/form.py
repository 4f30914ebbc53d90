"""What the officer typed at intake, and its checks: the form as typed, the files
added, the validation shared by recording and by correcting a complaint, and the
complaint those validated fields make."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from complaint_domain.areas import AreaIndex, AreaLevel
from complaint_domain.complaint import (
    MAX_ATTACHMENTS,
    Attachment,
    Complaint,
    Urgency,
    check_attachment,
)
from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.reference import CATEGORY_BY_CODE, CHANNEL_BY_CODE, Category
from complaint_domain.text import clean_line
from complaint_domain.validation import LIMITS, validate_complaint_fields
from desk_app.services.errors import UserFacingError


@dataclass(frozen=True)
class AttachmentFile:
    """A file the officer added: its bytes and the name it had."""

    name: str
    data: bytes

    @classmethod
    def from_path(cls, path: Path) -> AttachmentFile:
        try:
            return cls(path.name, path.read_bytes())
        except OSError as err:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Attachments", "Berkas {name} tidak dapat dibaca: {reason}."
                ).format(name=path.name, reason=err.strerror or type(err).__name__)
            ) from None


@dataclass
class IntakeForm:
    """What the officer typed, as typed. Validation cleans it; nothing here is trusted."""

    name: str = ""
    nik: str = ""
    phone: str = ""
    address: str = ""
    keep_identity_private: bool = False
    consent: bool = False
    sms_consent: bool = False  # news by SMS to the phone given; only with a phone
    kelurahan_code: str = ""
    rt_rw: str = ""
    street: str = ""
    landmark: str = ""
    category_code: str = ""
    description: str = ""
    urgency: str = Urgency.NORMAL.value
    earlier_references: list[str] = field(default_factory=list)
    attachments: list[AttachmentFile] = field(default_factory=list)
    channel: str = "PENDOPO"
    draft_key: str = ""


@dataclass(frozen=True)
class RecordedComplaint:
    complaint: Complaint

    @property
    def ticket_code(self) -> str:
        return self.complaint.ticket_code


TOO_MANY_ATTACHMENTS = QT_TRANSLATE_NOOP(
    "Attachments", "Paling banyak {count} lampiran per aduan."
).format(count=MAX_ATTACHMENTS)


def check_attachments(files: list[AttachmentFile]) -> tuple[list[Attachment], dict[str, str]]:
    found: list[Attachment] = []
    errors: dict[str, str] = {}
    if len(files) > MAX_ATTACHMENTS:
        errors["attachments"] = TOO_MANY_ATTACHMENTS
        return found, errors
    for f in files:
        media_type, problem = check_attachment(f.data, f.name)
        if problem:
            errors.setdefault("attachments", problem)
            continue
        found.append(
            Attachment(
                hashlib.sha256(f.data).hexdigest(),
                len(f.data),
                str(media_type),
                clean_line(f.name)[:255],
            )
        )
    return found, errors


def validate_form(
    form: IntakeForm, areas: AreaIndex, categories: Mapping[str, Category] | None = None
) -> tuple[dict[str, str], dict[str, str], list[Attachment]]:
    """The form's cleaned values, its problems per field and its accepted attachments:
    the one validation of recording and of correcting a complaint. ``categories``:
    those in use (the CRM's once it published them), ours by default."""
    result = validate_complaint_fields(
        {
            "name": form.name,
            "nik": form.nik,
            "phone": form.phone,
            "address": form.address,
            "rt_rw": form.rt_rw,
            "street": form.street,
            "landmark": form.landmark,
            "description": form.description,
            "kelurahan_code": form.kelurahan_code,
            "category_code": form.category_code,
            "consent": "1" if form.consent else "",
        }
    )
    errors = dict(result.errors)
    values = result.values
    area = areas.get(values["kelurahan_code"])
    if values["kelurahan_code"] and (area is None or area.level is not AreaLevel.KELURAHAN):
        errors["kelurahan_code"] = QT_TRANSLATE_NOOP(
            "Intake", "Kelurahan tidak dikenal: pilih dari daftar."
        )
    category = (CATEGORY_BY_CODE if categories is None else categories).get(values["category_code"])
    if values["category_code"] and category is None:
        errors["category_code"] = QT_TRANSLATE_NOOP(
            "Intake", "Kategori tidak dikenal: pilih dari daftar."
        )
    elif category is not None and category.parent is None:
        errors["category_code"] = QT_TRANSLATE_NOOP(
            "Intake", "Pilih sub-kategori yang paling sesuai."
        )
    if form.urgency not in {u.value for u in Urgency}:
        errors["urgency"] = QT_TRANSLATE_NOOP("Intake", "Tingkat urgensi tidak dikenal.")
    if form.channel not in CHANNEL_BY_CODE:
        errors["channel"] = QT_TRANSLATE_NOOP("Intake", "Kanal aduan tidak dikenal.")
    refs = [clean_line(r) for r in form.earlier_references if clean_line(r)]
    if any(len(r) > LIMITS["reference"] for r in refs):
        errors["earlier_references"] = QT_TRANSLATE_NOOP(
            "Intake", "Nomor laporan sebelumnya paling panjang {count} karakter."
        ).format(count=LIMITS["reference"])
    values["earlier_references"] = "\n".join(refs)
    attachments, attachment_errors = check_attachments(form.attachments)
    errors.update(attachment_errors)
    return values, errors, attachments


def with_intake(
    base: Complaint, values: dict[str, str], form: IntakeForm, attachments: list[Attachment]
) -> Complaint:
    """``base`` with the intake fields the officer typed (already validated and
    cleaned in ``values``): shared by recording and by correcting a complaint."""
    return replace(
        base,
        complainant=replace(
            base.complainant,
            name=values["name"],
            nik=values["nik"],
            phone=values["phone"],
            address=values["address"],
            keep_identity_private=form.keep_identity_private,
            sms_consent=form.sms_consent and bool(values["phone"]),
        ),
        location=replace(
            base.location,
            kelurahan_code=values["kelurahan_code"],
            rt_rw=values["rt_rw"],
            street=values["street"],
            landmark=values["landmark"],
        ),
        category_code=values["category_code"],
        description=values["description"],
        urgency=Urgency(form.urgency),
        earlier_references=tuple(r for r in values["earlier_references"].split("\n") if r),
        attachments=tuple(attachments),
    )
