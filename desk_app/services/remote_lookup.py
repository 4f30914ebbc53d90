"""The desk sees the other channels (issue 22, item 5): when a citizen comes about
something they reported elsewhere (e-mail, SMS, social media, another desk), the
search by ticket code, phone or NIK also asks the CRM, and the officer records the
visit as a follow-up on that complaint instead of a new one.

:meth:`RemoteLookupService.search` blocks on the network (short timeouts): the UI
runs it on a runner of its own, never on the GUI thread nor on the database
worker. One service, one thread: its HTTP client is used by that thread only.
:meth:`RemoteLookupService.record_visit` writes the desk's database: the UI runs
it on the database worker. Offline, the visit waits in the desk's ``visits`` and
the sync sends it later (``desk_app.sync.visits``).

Names and words are never sent to the CRM: only a ticket code, a phone number or
a NIK, and the CRM answers with no personal data.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.text import clean_paragraphs
from complaint_domain.ticket import read_lookup_input, ticket_check_mismatch
from complaint_domain.validation import LIMITS, normalise_nik, normalise_phone
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.desk import Desk
from desk_app.services.errors import ValidationFailed
from desk_app.store import audit, visits
from desk_app.sync.client import AuthFailed, RequestRefused, SyncError, Transient

if TYPE_CHECKING:
    from desk_app.services.sync_control import SyncControl
    from desk_app.sync.lookup_client import LookupClient

TIMEOUT = (2.0, 4.0)  # connect, read: a citizen waits at the desk
MIN_NOTE = 5

NOT_ENROLLED = QT_TRANSLATE_NOOP("RemoteLookup", "CRM tidak ditanya: meja ini belum terdaftar.")
UNREACHABLE = QT_TRANSLATE_NOOP(
    "RemoteLookup", "CRM tidak dapat ditanya ({reason}); yang tampil hanya hasil di meja ini."
)
TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "RemoteLookup", "CRM menolak token meja ini: daftarkan meja lagi untuk mencari di CRM."
)
REFUSED = QT_TRANSLATE_NOOP("RemoteLookup", "CRM menolak pencarian ini ({reason}).")


def _time(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class RemoteComplaint:
    """A complaint of any channel as the CRM lets a desk see it: no personal data."""

    id: str
    ticket_code: str
    channel: str
    channel_name: str
    desk: str  # the desk that recorded it; "" for another channel
    status: str
    public_label: str  # the CRM's words for its state (Indonesian)
    unit: str
    kelurahan_code: str
    kelurahan_name: str
    category_code: str
    received_at: dt.datetime | None
    due_date: dt.date | None
    overdue: bool
    working_days_late: int
    last_note: str
    last_note_at: dt.datetime | None

    @classmethod
    def read(cls, c: dict[str, Any]) -> RemoteComplaint:
        note = c.get("last_public_note") or {}
        due = c.get("due_date")
        return cls(
            str(uuid.UUID(str(c["id"]))),
            str(c["ticket_code"]),
            str(c["channel"]),
            str(c.get("channel_name") or c["channel"]),
            str(c.get("desk") or ""),
            str(c["status"]),
            str(c["public_label"]),
            str(c.get("unit") or ""),
            str(c["kelurahan_code"]),
            str(c.get("kelurahan_name") or ""),
            str(c["category_code"]),
            _time(c.get("received_at")),
            dt.date.fromisoformat(due) if due else None,
            bool(c.get("overdue")),
            int(c.get("working_days_late") or 0),
            str(note.get("note") or ""),
            _time(note.get("at")),
        )


@dataclass(frozen=True)
class RemoteResult:
    asked: bool  # the CRM was asked (the input was a ticket code, a phone or a NIK)
    items: tuple[RemoteComplaint, ...] = ()
    problem: str = ""  # a Message: why the CRM could not answer ("" it did)
    more: bool = False  # the CRM finds more than the newest it listed (20)


def crm_key(text: str) -> tuple[str, str] | None:
    """What the CRM may be asked for this search input: (kind, value), or None for a
    name, words, or a ticket code with a wrong check character."""
    text = text.strip()
    scanned = read_lookup_input(text)
    if scanned is not None:
        return "ticket", str(scanned.code)
    if not text or ticket_check_mismatch(text) is not None:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) < 8 or any(ch.isalpha() for ch in text):
        return None
    if len(digits) == 16:
        nik, problem = normalise_nik(digits)
        if problem is None:
            return "nik", nik
    phone, problem = normalise_phone(text)
    return ("phone", phone) if problem is None and phone else None


class RemoteLookupService:
    def __init__(self, desk: Desk, sync: SyncControl) -> None:
        self._desk = desk
        self._sync = sync
        self._client: LookupClient | None = None

    def search(
        self, officer: Officer | None, text: str, known: Collection[str] = ()
    ) -> RemoteResult:
        """Ask the CRM for the complaints this input names; those whose ticket code is
        in ``known`` (found on this desk already) are left out. Never raises for a
        network problem: the result says it in ``problem``."""
        officer = require(officer, Role.OFFICER)
        key = crm_key(text)
        if key is None:
            return RemoteResult(False)
        if not self._sync.enrolled:
            return RemoteResult(False, (), NOT_ENROLLED)
        try:
            found = self.client.find(*key, officer=officer.username)
            items = tuple(RemoteComplaint.read(c) for c in found.complaints)
        except AuthFailed:
            self._client = None  # the desk may be enrolled again: read the token anew
            return RemoteResult(True, (), TOKEN_REFUSED)
        except Transient as exc:
            return RemoteResult(True, (), UNREACHABLE.format(reason=exc.message))
        except RequestRefused as exc:
            return RemoteResult(True, (), REFUSED.format(reason=exc.message))
        except SyncError as exc:
            return RemoteResult(True, (), UNREACHABLE.format(reason=exc.message))
        except (KeyError, TypeError, ValueError):
            return RemoteResult(True, (), UNREACHABLE.format(reason="?"))
        here = set(known)
        shown = tuple(c for c in items if c.ticket_code not in here)
        return RemoteResult(True, shown, more=found.more)

    def record_visit(self, officer: Officer | None, complaint: RemoteComplaint, note: str) -> str:
        """The citizen came about ``complaint`` (of another channel): a follow-up on it,
        with the officer's ``note``, kept here until the CRM confirms it; its id. The
        visit and its audit entry (no personal data) are one transaction."""
        officer = require(officer, Role.OFFICER)
        note = clean_paragraphs(note)
        if len(note) < MIN_NOTE:
            raise ValidationFailed(
                {
                    "note": QT_TRANSLATE_NOOP(
                        "RemoteLookup", "Tulis catatan kunjungan (paling sedikit {count} karakter)."
                    ).format(count=MIN_NOTE)
                }
            )
        if len(note) > LIMITS["note"]:
            raise ValidationFailed(
                {
                    "note": QT_TRANSLATE_NOOP(
                        "RemoteLookup", "Catatan kunjungan paling panjang {count} karakter."
                    ).format(count=LIMITS["note"])
                }
            )
        now = self._desk.clock()
        visit = visits.Visit(
            str(uuid.uuid4()),
            str(uuid.UUID(complaint.id)),
            complaint.ticket_code,
            complaint.channel,
            note,
            officer.display_name[:80],
            now,
        )
        with self._desk.database.write() as session:
            visits.add(session, visit)
            audit.record(
                session,
                now,
                officer.username,
                "complaint.visit",
                complaint.ticket_code,
                channel=complaint.channel,
            )
        return visit.id  # the UI asks for a sync at once: online, the CRM has it in seconds

    def visits_of(self, officer: Officer | None, ticket_code: str) -> list[visits.Visit]:
        """This desk's visits about one complaint (newest first), with their state."""
        require(officer, Role.OFFICER)
        with self._desk.database.read() as session:
            return visits.of_ticket(session, ticket_code)

    @property
    def client(self) -> LookupClient:
        """Built on first use, and again when the CRM's address was changed."""
        from desk_app.sync.lookup_client import LookupClient

        url = self._desk.settings.crm_url.rstrip("/")
        if self._client is not None and self._client.base_url.rstrip("/") != url:
            self._client = None
        if self._client is None:
            self._client = LookupClient(self._sync.crm_client(timeout=TIMEOUT))
        return self._client
