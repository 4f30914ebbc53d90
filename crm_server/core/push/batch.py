"""One push batch. ``check`` (or ``read``) does everything that needs no database;
``store`` then runs a fixed number of statements whatever the batch size (one
insert per table, and a lookup only for the items not inserted), never a
statement per item."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from complaint_domain.areas import AreaIndex, AreaLevel
from complaint_domain.reference import CATEGORY_BY_CODE, CHANNEL_BY_CODE
from complaint_domain.ticket import TicketCodeError, parse_ticket_code
from crm_server.core.auth import DeskAuth
from crm_server.core.context import CrmContext
from crm_server.core.errors import field_path
from crm_server.core.intake import COMPLAINTS, NewComplaint, Reception, crm_id, receive
from crm_server.core.push.answers import missing_attachment, rejected, result
from crm_server.core.push.body import push_items
from crm_server.core.push.events import EARLIEST, store_events
from crm_server.core.schemas import PUSH_ITEM, ComplaintItem, EventItem, PushItem, PushRequest
from crm_server.db.bulk import one_of
from crm_server.db.models import AttachmentUpload

# DESK-YYMMDD-NNNN-C as parse_ticket_code writes it back: upper case, no I/L/O in the
# desk part (it reads them as 1/1/0), digits for date and sequence.
# No desk recorded a complaint before this: an older created_at is a broken clock
# or a forged item.
_CANONICAL_TICKET = re.compile(r"[0-9A-HJKMNP-Z]{1,6}-[0-9]{6}-[0-9]{4}-[0-9A-Z]")


@dataclass
class _NewItem:
    index: int
    item: ComplaintItem
    ticket: str  # canonical ticket code, "" when it does not parse
    problem: dict[str, Any] | None  # the rejection found without the database
    unknown: tuple[str, ...] = ()  # reference data the CRM does not know: triage


class Batch:
    def __init__(
        self,
        crm: CrmContext,
        session: Session | None,  # unused; kept for callers that only want _row
        desk: DeskAuth,
        now: dt.datetime,
        areas: AreaIndex,
    ) -> None:
        self.crm, self.desk, self.now = crm, desk, now
        self.area_index = areas
        self.reception = Reception(crm, now)
        self.results: list[dict[str, Any] | None] = []
        self.complaints: list[_NewItem] = []
        self.events: list[tuple[int, EventItem]] = []
        self.repeats: list[tuple[int, int]] = []

    def read(self, body: bytes) -> None:
        """``check`` for a push body as it came over HTTP. The usual body, valid as a
        whole, is validated in one pass from its bytes; any other is read and
        validated item by item, as ``check`` does."""
        try:
            items = PushRequest.model_validate_json(body).items
        except ValidationError:
            self.check(push_items(body))
        else:
            self.results = [None] * len(items)
            self._sort(enumerate(items))

    def check(self, raw_items: list[Any]) -> None:
        """Validate every item on its own: a bad item (a NUL in its text too, see
        ``core.schemas.Text``) is answered "rejected" and the rest of the batch goes on."""
        results: list[dict[str, Any] | None] = [None] * len(raw_items)
        self.results = results
        valid: list[tuple[int, PushItem]] = []
        for i, raw in enumerate(raw_items):
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            item_id = raw_id if isinstance(raw_id, str) and len(raw_id) <= 64 else ""
            try:
                item = PUSH_ITEM.validate_python(raw)
            except ValidationError as exc:
                err = exc.errors(include_url=False, include_input=False, include_context=False)[0]
                if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
                    # pydantic's message would quote the type sent, and name no field.
                    message, field = "type must be complaint or event.", "type"
                else:
                    message, field = err["msg"], field_path(err["loc"][1:])
                results[i] = rejected(item_id, "invalid", message, field)
                continue
            valid.append((i, item))
        self._sort(valid)

    def _sort(self, items: Iterable[tuple[int, PushItem]]) -> None:
        """Valid items (with their place in the batch) into complaints, with the
        problems found without the database, and events; a repeated id is answered
        as its first."""
        first_index: dict[uuid.UUID, int] = {}
        for i, item in items:
            if item.id in first_index:
                self.repeats.append((i, first_index[item.id]))
                continue
            first_index[item.id] = i
            if isinstance(item, ComplaintItem):
                ticket, problem = self._check(item)
                self.complaints.append(_NewItem(i, item, ticket, problem, self._unknown(item)))
            else:
                self.events.append((i, item))

    def store(self, conn: Connection) -> list[dict[str, Any]]:
        """Write the checked batch (inside the push transaction); the answers in order."""
        known_files = self._known_files(conn)
        self._complaints(conn, known_files)
        store_events(conn, self.desk, self.now, self.events, known_files, self.results)
        results = self.results
        for i, first in self.repeats:
            earlier = results[first]
            assert earlier is not None
            results[i] = (
                {**earlier, "outcome": "already_had"}
                if earlier["outcome"] == "accepted"
                else earlier
            )
        return [r for r in results if r is not None]

    def _check(self, item: ComplaintItem) -> tuple[str, dict[str, Any] | None]:
        """The canonical ticket code ("" if it does not parse) and the first problem
        found without the database, in the order the desk expects them reported."""
        item_id = str(item.id)
        try:
            code = parse_ticket_code(item.ticket_code)
        except TicketCodeError as exc:
            return "", rejected(item_id, "invalid_ticket_code", exc.message, "ticket_code")
        # A code the desk sent in canonical form (the usual case) is its own canonical
        # form once it parses; str(code) would compute the check character again.
        ticket = item.ticket_code if _CANONICAL_TICKET.fullmatch(item.ticket_code) else str(code)
        if code.desk != self.desk.code:
            return ticket, rejected(
                item_id,
                "wrong_desk",
                "The ticket code does not belong to this desk.",
                "ticket_code",
            )
        if item.channel not in CHANNEL_BY_CODE:
            return ticket, rejected(item_id, "unknown_channel", "Unknown channel.", "channel")
        # An unknown category or kelurahan is no refusal (its receipt is a promise):
        # see _unknown.
        if item.created_at > self.now + dt.timedelta(days=1):
            return ticket, rejected(
                item_id, "invalid", "created_at is in the future.", "created_at"
            )
        if item.created_at < EARLIEST:
            return ticket, rejected(
                item_id, "invalid", "created_at is before the desks existed.", "created_at"
            )
        return ticket, None

    def _unknown(self, item: ComplaintItem) -> tuple[str, ...]:
        """The reference data of ``item`` the CRM does not know (a desk with a newer
        list, or one the CRM has since dropped), each said for the channel admin."""
        out = []
        if item.category_code not in CATEGORY_BY_CODE:
            out.append(f"kategori “{item.category_code}” tidak dikenal CRM")
        code = item.location.kelurahan_code
        area = self.area_index.get(code)
        if area is None or area.level is not AreaLevel.KELURAHAN:
            out.append(f"kelurahan “{code}” tidak dikenal CRM")
        return tuple(out)

    def _known_files(self, conn: Connection) -> set[str]:
        """Which of the batch's attachments this desk has uploaded: one query for the
        batch. A file another desk uploaded counts as missing (the desk's sync uploads
        it then): knowing a file's hash is no right to name it."""
        wanted = {a.sha256 for c in self.complaints for a in c.item.attachments}
        wanted.update(a.sha256 for _, e in self.events for a in e.attachments)
        if not wanted:
            return set()
        held = AttachmentUpload.__table__.c
        return set(
            conn.scalars(
                select(held.sha256).where(
                    held.desk_id == self.desk.id, one_of(conn, held.sha256, wanted)
                )
            )
        )

    def _complaints(self, conn: Connection, known_files: set[str]) -> None:
        if not self.complaints:
            return
        results = self.results
        c = COMPLAINTS.c
        # Insert first, look up after: a batch is normally all new. The insert skips
        # (ON CONFLICT DO NOTHING) an item whose id is stored already or whose ticket
        # code is taken, also by an earlier item of the batch or by a concurrent push;
        # only the items not inserted are then looked up, to tell which it was.
        candidates = [
            self.new_complaint(new.item, new.ticket, new.unknown)
            for new in self.complaints
            if new.problem is None and not missing_attachment(new.item.attachments, known_files)
        ]
        inserted = receive(conn, self.reception, candidates)
        others = [new.item.id for new in self.complaints if new.item.id not in inserted]
        stored = (
            {
                row.id: row
                for row in conn.execute(
                    select(c.id, c.pk, c.ticket_code, c.desk_id).where(one_of(conn, c.id, others))
                )
            }
            if others
            else {}
        )
        for new in self.complaints:
            item, item_id = new.item, str(new.item.id)
            pk = inserted.get(item.id)
            old = stored.get(item.id)
            if pk is not None:
                results[new.index] = result(item_id, "accepted", crm_id(pk))
            elif old is not None and old.desk_id == self.desk.id:
                results[new.index] = _already_had(item_id, new.ticket, old.ticket_code, old.pk)
            elif new.problem is not None:
                # Before a stored item of another desk: a replay of its item gets the
                # refusal of any item not its own, saying nothing of the stored one.
                results[new.index] = new.problem
            elif old is not None:
                results[new.index] = rejected(
                    item_id, "id_conflict", "This id cannot be used.", "id"
                )
            elif missing := missing_attachment(item.attachments, known_files):
                results[new.index] = rejected(
                    item_id,
                    "attachment_missing",
                    "Upload the attachment before the complaint.",
                    missing,
                )
            else:
                results[new.index] = rejected(
                    item_id,
                    "duplicate_ticket_code",
                    "Another complaint already has this ticket code.",
                    "ticket_code",
                )

    def new_complaint(
        self, item: ComplaintItem, ticket: str, unknown: tuple[str, ...] = ()
    ) -> NewComplaint:
        """An accepted item as the CRM receives it."""
        return NewComplaint(
            id=item.id,
            ticket_code=ticket,
            tracking_token=item.tracking_token,
            desk_id=self.desk.id,
            channel=item.channel,
            officer=item.officer,
            urgency=item.urgency,
            category_code=item.category_code,
            description=item.description,
            earlier_references=list(item.earlier_references),
            complainant=item.complainant.model_dump(mode="json"),
            location=item.location.model_dump(mode="json"),
            attachments=[a.model_dump(mode="json") for a in item.attachments],
            created_at=item.created_at,
            unknown=unknown,
        )

    def _row(self, item: ComplaintItem, ticket: str) -> dict[str, Any]:
        """The ``complaints`` row of an accepted item (used by the benchmarks)."""
        return self.reception.row(self.new_complaint(item, ticket))


def _already_had(item_id: str, ticket: str, stored_code: str, pk: int) -> dict[str, Any]:
    if ticket != stored_code:
        return rejected(
            item_id,
            "id_conflict",
            "This id is already used by a complaint with another ticket code.",
            "id",
        )
    return result(item_id, "already_had", crm_id(pk))
