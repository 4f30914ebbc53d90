"""What a receipt says, as plain values the services layer fills from the store.

Nothing here is masked or shortened yet: the layout does that, so that no caller can
forget to. The complainant's NIK and phone number have no field at all, so they
cannot reach paper.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

# Jakarta keeps UTC+7 all year (no daylight saving), so a fixed offset is exact and
# needs no tz database, which a Windows desk PC may lack.
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


class ReceiptKind(StrEnum):
    NEW = "new"  # the first receipt of a complaint
    ADDED_EVENT = "added_event"  # the citizen came back with more (tambahan keterangan)
    ADDED_REPORTER = "added_reporter"  # another citizen reported the same problem


@dataclass(frozen=True)
class ReceiptData:
    """One receipt. ``created_at`` is when the complaint (or the added event) was
    recorded; ``reprint_at`` is set on a copy printed later (it then says SALINAN)."""

    site_name: str  # "Pendopo Balai Kota"
    desk_code: str  # "PBK1"
    officer_name: str
    ticket_code: str  # str(TicketCode): "PBK1-261122-0042-K"
    tracking_token: str  # six Crockford characters
    tracking_host: str  # "aduan.jakarta.go.id"
    created_at: dt.datetime  # timezone-aware
    category_label: str  # domain.reference.category_label(code)
    kelurahan_label: str  # "Gambir, Kec. Gambir, Jakarta Pusat"
    description: str  # the full text; the layout prints a short summary
    complainant_name: str  # the full name; the layout masks it ("" when anonymous)
    first_response_due: dt.date | None  # WorkCalendar.add_working_days(...)
    contact_phone: str  # the desk's help line, e.g. "(021) 1500-123"; "": none printed
    kind: ReceiptKind = ReceiptKind.NEW
    event_note: str = ""  # for ADDED_EVENT: what the citizen added
    reprint_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        for name in ("created_at", "reprint_at"):
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True)
class QueueTicketData:
    """A visitor-queue slip: the number the citizen waits with."""

    site_name: str
    number: str  # "A-017"
    issued_at: dt.datetime  # timezone-aware
    service_label: str = "Meja Pengaduan"
    people_ahead: int | None = None
    estimated_minutes: int | None = None  # from the CRM's figures; None offline

    def __post_init__(self) -> None:
        if self.issued_at.utcoffset() is None:
            raise ValueError("issued_at must be timezone-aware")
