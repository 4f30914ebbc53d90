"""Open complaints that may be the same problem as a draft (issue 22, item 4), from
every channel: reported from the same phone number, e-mail address or NIK (compared
by their keyed hashes, on the complaint's first citizen and its co-reporters: nothing
is decrypted to search), or with a similar text (``rapidfuzz``), in the same
kelurahan and category when those are known, else among the recent ones. Each
suggestion says why it is suggested; it names no person."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process, utils
from sqlalchemy import and_, or_, select

from complaint_domain.status import FINAL_STATES
from complaint_domain.validation import normalise_nik
from crm_server.core.channel_intake import ChannelReport, complainant_of
from crm_server.core.context import CrmContext
from crm_server.db.crypto import normal_email, normal_phone
from crm_server.db.models import Complaint, CoReporter

LIMIT = 5
# A text is similar from this score (0–100, rapidfuzz's token-set ratio of the
# words without case and punctuation): a citizen says the same thing in other words,
# in another order, at greater or smaller length.
TEXT_SCORE = 70
RECENT_DAYS = 60  # without a kelurahan and a category: the open complaints of these days
TEXT_CANDIDATES = 2000
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
OPEN = Complaint.status.not_in([s.value for s in FINAL_STATES])
# Only what a suggestion shows: never the (encrypted) citizen, which would be decrypted.
SHOWN = (
    Complaint.pk,
    Complaint.ticket_code,
    Complaint.channel,
    Complaint.status,
    Complaint.kelurahan_code,
    Complaint.received_at,
)


@dataclass(frozen=True)
class Contact:
    """What identifies the draft's citizen; any may be empty."""

    phone: str = ""
    email: str = ""
    niks: tuple[str, ...] = ()


@dataclass
class Suggestion:
    ticket_code: str
    channel: str
    status: str
    kelurahan_code: str
    received_at: dt.datetime
    reasons: list[str] = field(default_factory=list)  # phone, email, nik, text


def niks_in(text: str) -> tuple[str, ...]:
    """The valid NIKs written in a message (a citizen often gives theirs)."""
    return tuple(n for n in dict.fromkeys(_NIK.findall(text)) if not normalise_nik(n)[1])


def suggest(
    crm: CrmContext,
    contact: Contact,
    text: str,
    kelurahan_code: str = "",
    category_code: str = "",
    exclude: str = "",
) -> list[Suggestion]:
    """At most ``LIMIT`` open complaints (not ``exclude``, a ticket code), those
    sharing a contact first."""
    found: dict[int, Suggestion] = {}
    keys = crm.data_keys
    others = OPEN if not exclude else and_(OPEN, Complaint.ticket_code != exclude)
    phone, email = normal_phone(contact.phone), normal_email(contact.email)
    wanted = [
        ("phone", keys.lookup_hashes("phone", phone) if phone else []),
        ("email", keys.lookup_hashes("email", email) if email else []),
        ("nik", [h for n in contact.niks for h in keys.lookup_hashes("nik", n)]),
    ]
    with crm.sessions() as session:
        for reason, hashes in wanted:
            if not hashes:
                continue
            own = {
                "phone": Complaint.complainant_phone_hash,
                "email": Complaint.complainant_email_hash,
                "nik": Complaint.complainant_nik_hash,
            }[reason]
            theirs = {
                "phone": CoReporter.phone_hash,
                "email": CoReporter.email_hash,
                "nik": CoReporter.nik_hash,
            }[reason]
            co = select(CoReporter.complaint_pk).where(theirs.in_(hashes))
            rows = session.execute(
                select(*SHOWN)
                .where(others, or_(own.in_(hashes), Complaint.pk.in_(co)))
                .order_by(Complaint.received_at.desc())
                .limit(LIMIT)
            )
            _add(found, rows, reason)
        words = utils.default_process(text)
        if len(words) >= 10:
            query = select(Complaint.pk, Complaint.description).where(others)
            if kelurahan_code and category_code:
                query = query.where(
                    Complaint.kelurahan_code == kelurahan_code,
                    Complaint.category_code == category_code,
                )
            else:
                since = crm.now() - dt.timedelta(days=RECENT_DAYS)
                query = query.where(Complaint.received_at >= since)
            candidates = dict(
                session.execute(
                    query.order_by(Complaint.received_at.desc()).limit(TEXT_CANDIDATES)
                ).all()
            )
            similar = process.extract(
                words,
                candidates,
                scorer=fuzz.token_set_ratio,
                processor=utils.default_process,
                score_cutoff=TEXT_SCORE,
                limit=LIMIT,
            )
            pks = [pk for _desc, _score, pk in similar]
            if pks:
                rows = session.execute(select(*SHOWN).where(Complaint.pk.in_(pks)))
                by_pk = {row.pk: row for row in rows}
                _add(found, (by_pk[pk] for pk in pks if pk in by_pk), "text")
    return list(found.values())[:LIMIT]


def for_report(crm: CrmContext, report: ChannelReport, ticket_code: str) -> list[Suggestion]:
    """After recording ``report`` as ``ticket_code``: the other open complaints that
    may be the same problem (the recording form's duplicate check)."""
    person = complainant_of(report, crm.now())
    contact = Contact(
        phone=str(person.get("phone", "")),
        email=str(person.get("email", "")),
        niks=niks_in(report.description),
    )
    return suggest(
        crm,
        contact,
        report.description,
        report.kelurahan_code,
        report.category_code,
        exclude=ticket_code,
    )


def _add(found: dict[int, Suggestion], complaints: Iterable[Any], reason: str) -> None:
    for c in complaints:
        if c.pk not in found:
            found[c.pk] = Suggestion(
                c.ticket_code, c.channel, c.status, c.kelurahan_code, c.received_at
            )
        if reason not in found[c.pk].reasons:
            found[c.pk].reasons.append(reason)
