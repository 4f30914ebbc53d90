"""Finding a complaint when the citizen comes back: one search box for a ticket code
(typed, or scanned from the receipt QR), a NIK, a phone number, a name or words."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from complaint_domain.complaint import Complaint, EventKind
from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.ticket import read_lookup_input, ticket_check_mismatch
from complaint_domain.validation import normalise_nik, normalise_phone
from desk_app.services.accounts import Officer, Role, require
from desk_app.store import audit, complaints, outbox
from desk_app.store.complaints import ComplaintSummary
from desk_app.store.db import Database
from desk_app.sync.refusals import refusal_reason


class MatchedBy(StrEnum):
    TICKET = "ticket"
    NIK = "nik"
    PHONE = "phone"
    WORDS = "words"
    NOTHING = "nothing"


@dataclass(frozen=True)
class SearchResult:
    matched_by: MatchedBy
    items: list[ComplaintSummary]
    ticket_code: str = ""  # the code read from the input, when it was one
    problem: str = ""  # a Message for the officer, e.g. a code with a wrong check character


CHECK_MISMATCH = QT_TRANSLATE_NOOP("Lookup", "Karakter cek tidak cocok: salah ketik? ({code})")


# Why a complaint's personal data was opened on the desk (the audit's "purpose").
VIEW_SERVICE = "service"  # from today's list or the search: serving a citizen at the desk
VIEW_SYNC = "sync"  # from the sync page: an item the CRM refused, to correct it
VIEW_REPRINT = "reprint"  # a receipt printed again for the citizen
VIEW_REFRESH = "refresh"  # the view on screen read again after a change from the CRM
VIEW_PURPOSES = frozenset({VIEW_SERVICE, VIEW_SYNC, VIEW_REPRINT, VIEW_REFRESH})


class LookupService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def search(self, officer: Officer, text: str, limit: int = 50) -> SearchResult:
        require(officer, Role.OFFICER)
        text = text.strip()
        if not text:
            return SearchResult(MatchedBy.NOTHING, [])
        scanned = read_lookup_input(text)
        mistyped = ticket_check_mismatch(text) if scanned is None else None
        if mistyped is not None:
            return SearchResult(
                MatchedBy.TICKET, [], mistyped, CHECK_MISMATCH.format(code=mistyped)
            )
        with self._db.read() as session:
            if scanned is not None:
                code = str(scanned.code)
                found = complaints.summary_by_code(session, code)
                return SearchResult(MatchedBy.TICKET, [found] if found else [], code)
            digits = "".join(ch for ch in text if ch.isdigit())
            only_number = len(digits) >= 8 and not any(ch.isalpha() for ch in text)
            if only_number and len(digits) == 16:
                nik, problem = normalise_nik(digits)
                if problem is None:
                    return SearchResult(
                        MatchedBy.NIK, complaints.by_nik_or_phone(session, nik, "", False, limit)
                    )
            if only_number:
                phone, problem = normalise_phone(text)
                if problem is None:
                    return SearchResult(
                        MatchedBy.PHONE,
                        complaints.by_nik_or_phone(session, "", phone, False, limit),
                    )
            return SearchResult(MatchedBy.WORDS, complaints.search_words(session, text, limit))

    def detail(
        self, officer: Officer, complaint_id: str, purpose: str = VIEW_SERVICE
    ) -> Complaint | None:
        """The whole complaint; reading personal data is audited: who, when, and why
        (``purpose``: one of VIEW_PURPOSES, where the officer opened it from)."""
        require(officer, Role.OFFICER)
        with self._db.read() as session:
            found = complaints.get(session, complaint_id)
        if found is not None:
            with self._db.write() as session:
                audit.record(
                    session,
                    dt.datetime.now(dt.UTC),
                    officer.username,
                    "complaint.view",
                    found.ticket_code,
                    purpose=purpose if purpose in VIEW_PURPOSES else VIEW_SERVICE,
                )
            found = _refusals_said(found)
        return found

    def today(self, officer: Officer, day: dt.date) -> list[ComplaintSummary]:
        require(officer, Role.OFFICER)
        with self._db.read() as session:
            return complaints.for_day(session, day)

    def to_print(self, officer: Officer) -> list[ComplaintSummary]:
        require(officer, Role.OFFICER)
        with self._db.read() as session:
            return complaints.print_pending(session)

    def reporter_to_print(self, officer: Officer, complaint_id: str) -> str | None:
        """The event of a co-reporter of this complaint whose receipt is still to print."""
        require(officer, Role.OFFICER)
        with self._db.read() as session:
            return complaints.reporter_to_print(session, complaint_id)

    def prepare_home(self) -> None:
        """Run while the officer types the password. SQLAlchemy compiles a statement
        the first time it runs it (~8 ms for the home page's three, measured); run
        here once each, reading no rows, their first real run right after the
        sign-in does not hold the interpreter while the home page is first painted.
        Writes nothing, and costs the same on a desk of a million complaints."""
        with self._db.read() as session:
            complaints.for_day(session, dt.date.min, limit=0)
            complaints.print_pending(session, limit=0)
            outbox.pending_summary(session)

    def pending_summary(self) -> tuple[int, dt.datetime | None]:
        """How many items wait to reach the CRM, and when the oldest was recorded."""
        with self._db.read() as session:
            return outbox.pending_summary(session)


def _refusals_said(found: Complaint) -> Complaint:
    """A refusal on the timeline holds the CRM's code: its reason in our words (a
    Message, shown in the officer's language), or the code when we have none."""
    if not any(e.kind is EventKind.REFUSED for e in found.events):
        return found
    return dataclasses.replace(
        found,
        events=tuple(
            dataclasses.replace(e, note=refusal_reason(e.note) or e.note)
            if e.kind is EventKind.REFUSED
            else e
            for e in found.events
        ),
    )
