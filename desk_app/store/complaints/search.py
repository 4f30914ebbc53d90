"""Finding complaints: by NIK or phone, by area and category (duplicate hints), by
ticket code, and by the words of the description or the name (SQLite FTS5). A
co-reporter's NIK, phone and name find their complaint too."""

from __future__ import annotations

import re

from sqlalchemy import and_, or_, select, text
from sqlalchemy.orm import Session

from complaint_domain.text import fold
from desk_app.store.complaints.reads import OPEN_STATES, ComplaintSummary, summaries_where
from desk_app.store.models import ComplaintRow, CoReporterRow


def by_nik_or_phone(
    session: Session, nik: str, phone: str, open_only: bool = True, limit: int = 20
) -> list[ComplaintSummary]:
    conditions = []
    reporter = []
    if nik:
        conditions.append(ComplaintRow.nik == nik)
        reporter.append(CoReporterRow.nik == nik)
    if phone:
        conditions.append(ComplaintRow.phone == phone)
        reporter.append(CoReporterRow.phone == phone)
    if not conditions:
        return []
    co_reported = select(CoReporterRow.complaint_id).where(or_(*reporter))
    where = or_(*conditions, ComplaintRow.id.in_(co_reported))
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
    by_reporter = _co_reporter_named(session, words, limit)
    if not pks and not by_reporter:
        return []
    return summaries_where(
        session, or_(ComplaintRow.pk.in_(pks), ComplaintRow.id.in_(by_reporter)), limit
    )


def _co_reporter_named(session: Session, words: str, limit: int) -> list[str]:
    """The complaints (newest first) with a co-reporter whose name holds every word,
    the last as a prefix. Co-reporters are few beside the complaints: their folded
    names are scanned, not indexed."""
    tokens = [t for t in _WORD.findall(fold(words)) if t]
    if not tokens:
        return []
    padded = " " + CoReporterRow.name_folded + " "
    query = (
        select(CoReporterRow.complaint_id)
        .where(
            and_(
                *(padded.contains(" " + t + " ", autoescape=True) for t in tokens[:-1]),
                padded.contains(" " + tokens[-1], autoescape=True),
            )
        )
        .order_by(CoReporterRow.pk.desc())
        .limit(limit)
    )
    return list(dict.fromkeys(session.execute(query).scalars()))


def summary_by_code(session: Session, code: str) -> ComplaintSummary | None:
    found = summaries_where(session, ComplaintRow.ticket_code == code, 1)
    return found[0] if found else None
