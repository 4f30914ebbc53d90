"""Finding complaints: by NIK or phone, by area and category (duplicate hints), by
ticket code, and by the words of the description or the name (SQLite FTS5)."""

from __future__ import annotations

import re

from sqlalchemy import or_, text
from sqlalchemy.orm import Session

from complaint_domain.text import fold
from desk_app.store.complaints.reads import OPEN_STATES, ComplaintSummary, summaries_where
from desk_app.store.models import ComplaintRow


def by_nik_or_phone(
    session: Session, nik: str, phone: str, open_only: bool = True, limit: int = 20
) -> list[ComplaintSummary]:
    conditions = []
    if nik:
        conditions.append(ComplaintRow.nik == nik)
    if phone:
        conditions.append(ComplaintRow.phone == phone)
    if not conditions:
        return []
    where = or_(*conditions)
    if open_only:
        where = where & ComplaintRow.status.in_(OPEN_STATES)
    return summaries_where(session, where, limit)


def open_in_area_category(
    session: Session, kelurahan_code: str, category_code: str, limit: int = 200
) -> list[ComplaintSummary]:
    return summaries_where(
        session,
        (ComplaintRow.kelurahan_code == kelurahan_code)
        & (ComplaintRow.category_code == category_code)
        & ComplaintRow.status.in_(OPEN_STATES),
        limit,
    )


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(words: str, *, prefix_last: bool = False) -> str:
    """An FTS5 query in which every word must match; the last one as a prefix when
    ``prefix_last``. User input never reaches FTS5's query syntax (quotes, NEAR,
    column filters) unescaped: each token is quoted."""
    tokens = [t for t in _WORD.findall(fold(words)) if t]
    parts = [f'"{t}"' for t in tokens]
    if prefix_last and parts:
        parts[-1] += "*"
    return " AND ".join(parts)


_FTS_NEWEST = text(
    "SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH :q ORDER BY rowid DESC LIMIT :n"
)


def search_words(session: Session, words: str, limit: int = 50) -> list[ComplaintSummary]:
    """The newest complaints whose description or name holds every word.

    Whole words first: FTS5 walks a whole word's list newest-first and stops at
    ``limit``, a few ms even at a million complaints. Only when that finds fewer than
    ``limit`` is the last word taken as a prefix ("kali ciliw"), which makes FTS5
    merge the lists of every word with that prefix: slower, and only needed then.
    """
    exact = fts_query(words)
    if not exact:
        return []
    pks = [r[0] for r in session.execute(_FTS_NEWEST, {"q": exact, "n": limit})]
    if len(pks) < limit:
        pks = [
            r[0]
            for r in session.execute(
                _FTS_NEWEST, {"q": fts_query(words, prefix_last=True), "n": limit}
            )
        ]
    if not pks:
        return []
    return summaries_where(session, ComplaintRow.pk.in_(pks), limit)


def summary_by_code(session: Session, code: str) -> ComplaintSummary | None:
    found = summaries_where(session, ComplaintRow.ticket_code == code, 1)
    return found[0] if found else None
