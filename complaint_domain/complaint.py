"""The complaint and what hangs off it: complainant, location, attachments, events.

These are plain value objects. The desk owns the intake fields; the CRM owns the
workflow state; later additions are append-only events with their own UUIDs so
that sync never overwrites anything (DESIGN.md, "Ownership").
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.status import Status


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"  # danger to life or health: a fallen tree on a road, an open manhole

    @property
    def label(self) -> str:
        return URGENCY_LABELS[self.value]


URGENCY_LABELS = {
    "normal": QT_TRANSLATE_NOOP("Urgency", "Biasa"),
    "urgent": QT_TRANSLATE_NOOP("Urgency", "Mendesak"),
}


@dataclass(frozen=True)
class Complainant:
    name: str
    nik: str = ""
    phone: str = ""  # E.164
    address: str = ""
    keep_identity_private: bool = False
    consent_given_at: dt.datetime | None = None
    # A separate consent: news of the complaint by SMS to ``phone`` (never without one).
    sms_consent: bool = False


@dataclass(frozen=True)
class Location:
    kelurahan_code: str  # Kemendagri code; the kecamatan and kota follow from it
    rt_rw: str = ""
    street: str = ""
    landmark: str = ""
    latitude: float | None = None
    longitude: float | None = None

    @property
    def kecamatan_code(self) -> str:
        return self.kelurahan_code.rsplit(".", 1)[0]

    @property
    def kota_code(self) -> str:
        return ".".join(self.kelurahan_code.split(".")[:2])


ALLOWED_ATTACHMENT_TYPES = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/tiff": ".tif",
    "application/pdf": ".pdf",
}
MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024
MAX_ATTACHMENTS = 10


@dataclass(frozen=True)
class Attachment:
    sha256: str
    size: int
    media_type: str
    original_name: str = ""


class EventKind(StrEnum):
    CREATED = "created"  # the desk recorded the complaint
    CITIZEN_ADDED = "citizen_added"  # the citizen came back with more (tambahan keterangan)
    STATUS = "status"  # a workflow step from the CRM
    NOTE = "note"  # a public note from the handler
    REPORTER_ADDED = "reporter_added"  # another citizen reported the same problem
    # The desk's own record of its sync (never sent): the CRM refused what was sent
    # (the note holds the refusal code), and the officer sent it again after correcting.
    REFUSED = "refused"
    RESENT = "resent"


# The citizen's own fields of the intake form: what a co-reporter gives too.
CITIZEN_FIELDS = ("name", "nik", "phone", "address", "consent")


@dataclass(frozen=True)
class ComplaintEvent:
    id: uuid.UUID
    complaint_id: uuid.UUID
    kind: EventKind
    at: dt.datetime
    note: str = ""
    status: Status | None = None
    actor: str = ""
    attachments: tuple[Attachment, ...] = ()
    # REPORTER_ADDED: the further citizen who reported the same problem (a co-reporter),
    # with their own consent and contact (DESIGN.md, "Several citizens, one problem").
    reporter: Complainant | None = None


@dataclass(frozen=True)
class Complaint:
    id: uuid.UUID
    ticket_code: str
    tracking_token: str
    desk_code: str
    officer: str
    channel: str
    created_at: dt.datetime
    complainant: Complainant
    location: Location
    category_code: str
    description: str
    urgency: Urgency = Urgency.NORMAL
    earlier_references: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    status: Status = Status.NOT_SENT
    crm_id: str | None = None
    events: tuple[ComplaintEvent, ...] = field(default=())
    officer_name: str = ""  # the recording officer's display name, as on the receipt

    @property
    def co_reporters(self) -> tuple[Complainant, ...]:
        """The further citizens who reported the same problem, in the order they came."""
        return tuple(
            e.reporter
            for e in self.events
            if e.kind is EventKind.REPORTER_ADDED and e.reporter is not None
        )

    @property
    def reporter_count(self) -> int:
        """How many citizens reported this problem: the first and every co-reporter."""
        return 1 + len(self.co_reporters)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


def now_wib() -> dt.datetime:
    return dt.datetime.now(WIB)


def sniff_media_type(data: bytes) -> str | None:
    """The file's real type from its first bytes; the name's extension is not trusted."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    return None


def check_attachment(data: bytes, name: str) -> tuple[str | None, str | None]:
    """The media type of an acceptable file, or a message saying why it is refused."""
    if not data:
        return None, QT_TRANSLATE_NOOP("Attachments", "Berkas {name} kosong.").format(name=name)
    if len(data) > MAX_ATTACHMENT_BYTES:
        return None, QT_TRANSLATE_NOOP(
            "Attachments", "Berkas {name} terlalu besar ({size} MB; batas {limit} MB)."
        ).format(
            name=name,
            size=f"{len(data) / 1048576:.1f}",
            limit=MAX_ATTACHMENT_BYTES // (1024 * 1024),
        )
    media_type = sniff_media_type(data)
    if media_type is None:
        return None, QT_TRANSLATE_NOOP(
            "Attachments", "Berkas {name} bukan foto (JPG, PNG, WEBP, TIFF) atau PDF."
        ).format(name=name)
    return media_type, None
