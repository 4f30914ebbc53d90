"""The Pantauan page's tables, cell by cell: what the page shows and what the
``.xlsx`` report holds come from these same functions, so the two cannot differ.

Cells are ``str``: a translatable :class:`~complaint_domain.messages.Message` where
words are (the page shows them in the officer's language; the report, written for
the report upward, keeps the Indonesian), plain text for codes and numbers.
Each row carries a mark the page turns into an icon: ``silent``, ``outdated``,
``offline`` or ``own`` (a complaint of this desk: its detail view opens).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from complaint_domain.complaint import WIB
from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.status import PUBLIC_LABELS, Status
from desk_app.services.supervision import (
    CaseLine,
    CrmPicture,
    DeskLine,
    OwnPicture,
    Pantauan,
    Recorded,
)
from desk_app.services.supervision_queue import queue_tables
from desk_app.services.table import NONE, Table
from desk_app.sync.state import format_age

__all__ = ["NONE", "Namer", "Table", "freshness", "page_tables"]


STATE_NAMES: dict[str, str] = {s.value: PUBLIC_LABELS[s] for s in Status}
STATE_NAMES[Status.RETURNED.value] = QT_TRANSLATE_NOOP("Pantauan", "Proses (dikembalikan)")


def clock_time(at: dt.datetime | None) -> str:
    """ "08.42" in Jakarta time (with the date when it is not today's)."""
    if at is None:
        return NONE
    local = at.astimezone(WIB)
    return local.strftime("%H.%M")


def stamp(at: dt.datetime | None, today: dt.date) -> str:
    if at is None:
        return NONE
    local = at.astimezone(WIB)
    if local.date() == today:
        return local.strftime("%H.%M")
    return local.strftime("%d-%m-%Y %H.%M")


def ago(seconds: int | None) -> str:
    if seconds is None:
        return QT_TRANSLATE_NOOP("Pantauan", "belum pernah")
    return QT_TRANSLATE_NOOP("Pantauan", "{age} lalu").format(age=format_age(seconds))


def offset(seconds: int | None) -> str:
    if seconds is None:
        return NONE
    if abs(seconds) < 30:
        return QT_TRANSLATE_NOOP("Pantauan", "tepat")
    words = format_age(abs(seconds))
    if seconds > 0:
        return QT_TRANSLATE_NOOP("Pantauan", "{age} lebih cepat").format(age=words)
    return QT_TRANSLATE_NOOP("Pantauan", "{age} lebih lambat").format(age=words)


def desk_state(d: DeskLine, unsent_minutes: int) -> str:
    """In words, never by colour alone: "⚠ DIAM: …" leads when the desk is silent,
    "⬆ versi lama" follows when it runs an old version."""
    parts: list[str] = []
    if "unsent" in d.reasons:
        parts.append(
            QT_TRANSLATE_NOOP("Pantauan", "struk tertahan > {age}").format(
                age=format_age(unsent_minutes * 60)
            )
        )
    if "no_heartbeat" in d.reasons:
        parts.append(QT_TRANSLATE_NOOP("Pantauan", "tanpa kabar di jam buka"))
    state = (
        QT_TRANSLATE_NOOP("Pantauan", "daring")
        if d.online
        else QT_TRANSLATE_NOOP("Pantauan", "luring")
    )
    if parts:
        reasons = (
            parts[0]
            if len(parts) == 1
            else QT_TRANSLATE_NOOP("Pantauan", "{a}; {b}").format(a=parts[0], b=parts[1])
        )
        state = QT_TRANSLATE_NOOP("Pantauan", "⚠ DIAM: {reasons} ({online})").format(
            reasons=reasons, online=state
        )
    if d.outdated:
        state = QT_TRANSLATE_NOOP("Pantauan", "{state} · ⬆ versi lama").format(state=state)
    return state


def desk_table(crm: CrmPicture, unsent_minutes: int) -> Table:
    today = crm.as_of.astimezone(WIB).date()
    table = Table(
        "desks",
        QT_TRANSLATE_NOOP("Pantauan", "Meja di lokasi ini"),
        (
            QT_TRANSLATE_NOOP("Pantauan", "Meja"),
            QT_TRANSLATE_NOOP("Pantauan", "Keadaan"),
            QT_TRANSLATE_NOOP("Pantauan", "Belum terkirim"),
            QT_TRANSLATE_NOOP("Pantauan", "Tertua belum terkirim"),
            QT_TRANSLATE_NOOP("Pantauan", "Kabar terakhir"),
            QT_TRANSLATE_NOOP("Pantauan", "Kirim terakhir"),
            QT_TRANSLATE_NOOP("Pantauan", "Petugas masuk"),
            QT_TRANSLATE_NOOP("Pantauan", "Versi aplikasi"),
            QT_TRANSLATE_NOOP("Pantauan", "Selisih jam"),
        ),
    )
    for d in crm.desks:
        version = d.app_version or NONE
        if d.outdated:
            version = QT_TRANSLATE_NOOP("Pantauan", "{version} (terbaru {latest})").format(
                version=version, latest=crm.expected_version
            )
        table.rows.append(
            (
                QT_TRANSLATE_NOOP("Pantauan", "{code} (meja ini)").format(code=d.code)
                if d.own
                else d.code,
                desk_state(d, unsent_minutes),
                NONE if d.pending is None else str(d.pending),
                NONE if d.oldest_unsent_age_s is None else format_age(d.oldest_unsent_age_s),
                ago(d.heartbeat_age_s),
                stamp(d.last_push_at, today),
                d.officer or NONE,
                version,
                offset(d.clock_offset_s),
            )
        )
        mark = "silent" if d.silent else "outdated" if d.outdated else ""
        table.marks.append(mark or ("" if d.online else "offline"))
    return table


def recorded_tables(recorded: Recorded, opens: int = 7, closes: int = 17) -> list[Table]:
    per_desk = Table(
        "per_desk",
        QT_TRANSLATE_NOOP("Pantauan", "Aduan tercatat per meja"),
        (QT_TRANSLATE_NOOP("Pantauan", "Meja"), QT_TRANSLATE_NOOP("Pantauan", "Aduan")),
    )
    for code, n in recorded.per_desk:
        per_desk.rows.append((code, str(n)))
    per_officer = Table(
        "per_officer",
        QT_TRANSLATE_NOOP("Pantauan", "Aduan tercatat per petugas"),
        (
            QT_TRANSLATE_NOOP("Pantauan", "Meja"),
            QT_TRANSLATE_NOOP("Pantauan", "Petugas"),
            QT_TRANSLATE_NOOP("Pantauan", "Aduan"),
        ),
    )
    for code, name, n in recorded.per_officer:
        per_officer.rows.append((code, name, str(n)))
    per_hour = Table(
        "per_hour",
        QT_TRANSLATE_NOOP("Pantauan", "Aduan tercatat per jam"),
        (QT_TRANSLATE_NOOP("Pantauan", "Jam"), QT_TRANSLATE_NOOP("Pantauan", "Aduan")),
    )
    for hour, n in enumerate(recorded.per_hour):
        if n or opens <= hour <= closes:
            per_hour.rows.append((f"{hour:02d}.00–{hour:02d}.59", str(n)))
    tables = [per_desk, per_officer, per_hour]
    if recorded.days > 1:
        per_day = Table(
            "per_day",
            QT_TRANSLATE_NOOP("Pantauan", "Aduan tercatat per hari"),
            (QT_TRANSLATE_NOOP("Pantauan", "Tanggal"), QT_TRANSLATE_NOOP("Pantauan", "Aduan")),
        )
        for day, n in recorded.per_day:
            per_day.rows.append((day.strftime("%d-%m-%Y"), str(n)))
        tables.append(per_day)
    return tables


def state_table(crm: CrmPicture) -> Table:
    table = Table(
        "per_state",
        QT_TRANSLATE_NOOP("Pantauan", "Aduan lokasi ini di CRM per status"),
        (QT_TRANSLATE_NOOP("Pantauan", "Status"), QT_TRANSLATE_NOOP("Pantauan", "Jumlah")),
    )
    for status, n in crm.per_state:
        table.rows.append((STATE_NAMES.get(status, status), str(n)))
    return table


Namer = Callable[[str], str]


def case_table(
    key: str, title: str, cases: tuple[CaseLine, ...], total: int, category: Namer, area: Namer
) -> Table:
    table = Table(
        key,
        title,
        (
            QT_TRANSLATE_NOOP("Pantauan", "Kode tiket"),
            QT_TRANSLATE_NOOP("Pantauan", "Terlambat (hari kerja)"),
            QT_TRANSLATE_NOOP("Pantauan", "Tanpa kabar (hari kerja)"),
            QT_TRANSLATE_NOOP("Pantauan", "Jatuh tempo"),
            QT_TRANSLATE_NOOP("Pantauan", "Status"),
            QT_TRANSLATE_NOOP("Pantauan", "Unit penangan"),
            QT_TRANSLATE_NOOP("Pantauan", "Kategori"),
            QT_TRANSLATE_NOOP("Pantauan", "Kelurahan"),
            QT_TRANSLATE_NOOP("Pantauan", "Meja"),
        ),
    )
    for c in cases:
        table.rows.append(
            (
                c.ticket_code,
                str(c.working_days_late),
                str(c.quiet_working_days),
                c.due_date.strftime("%d-%m-%Y") if c.due_date else NONE,
                STATE_NAMES.get(c.status, c.public_label),
                c.unit or NONE,
                category(c.category_code),
                area(c.kelurahan_code),
                c.desk,
            )
        )
        table.marks.append("own" if c.own else "")
    if total > len(cases):
        table = Table(
            key,
            title,
            table.headers,
            table.rows,
            table.marks,
            QT_TRANSLATE_NOOP("Pantauan", "{shown} terlama dari {total} ditampilkan").format(
                shown=len(cases), total=total
            ),
        )
    return table


def crm_tables(crm: CrmPicture, unsent_minutes: int, category: Namer, area: Namer) -> list[Table]:
    """Every table of the CRM's part, in the page's order."""
    return [
        desk_table(crm, unsent_minutes),
        *recorded_tables(crm.recorded),
        state_table(crm),
        case_table(
            "overdue",
            QT_TRANSLATE_NOOP(
                "Pantauan", "Terlambat: lewat batas waktu status sekarang ({n})"
            ).format(n=crm.overdue_total),
            crm.overdue,
            crm.overdue_total,
            category,
            area,
        ),
        case_table(
            "digantung",
            QT_TRANSLATE_NOOP(
                "Pantauan", "Digantung: tanpa kabar publik {days} hari kerja atau lebih ({n})"
            ).format(days=crm.digantung_days, n=crm.digantung_total),
            crm.digantung,
            crm.digantung_total,
            category,
            area,
        ),
    ]


def own_table(own: OwnPicture) -> Table:
    """This desk by itself (what it can say offline)."""
    table = Table(
        "own",
        QT_TRANSLATE_NOOP("Pantauan", "Meja ini ({code})").format(code=own.desk_code),
        (QT_TRANSLATE_NOOP("Pantauan", "Hal"), QT_TRANSLATE_NOOP("Pantauan", "Nilai")),
    )
    today = own.as_of.astimezone(WIB).date()
    oldest = (
        NONE
        if own.oldest_unsent_at is None
        else format_age(max(0, int((own.as_of - own.oldest_unsent_at).total_seconds())))
    )
    table.rows.extend(
        [
            (QT_TRANSLATE_NOOP("Pantauan", "Aduan tercatat"), str(own.recorded.total)),
            (QT_TRANSLATE_NOOP("Pantauan", "Belum terkirim ke CRM"), str(own.unsent)),
            (QT_TRANSLATE_NOOP("Pantauan", "Tertua belum terkirim"), oldest),
            (
                QT_TRANSLATE_NOOP("Pantauan", "Sinkron berhasil terakhir"),
                stamp(own.last_sync_at, today),
            ),
        ]
    )
    table.marks.extend([""] * len(table.rows))
    return table


def page_tables(
    pantauan: Pantauan, unsent_minutes: int, category: Namer, area: Namer
) -> list[Table]:
    """The page's tables, in order: this desk's own, then the CRM's (when it ever
    answered), then the site's visitor queue (when the CRM gave its figures)."""
    tables = [own_table(pantauan.own)]
    if pantauan.crm is not None:
        tables.extend(crm_tables(pantauan.crm, unsent_minutes, category, area))
    if pantauan.queue is not None:
        tables.extend(queue_tables(pantauan.queue))
    return tables


def freshness(pantauan: Pantauan) -> str:
    """ "Data CRM per 08.42" (and why it is not fresh), for the page and the report."""
    crm = pantauan.crm
    if crm is None:
        line = QT_TRANSLATE_NOOP("Pantauan", "Belum ada data CRM di meja ini.")
    else:
        today = pantauan.own.as_of.astimezone(WIB).date()
        line = QT_TRANSLATE_NOOP("Pantauan", "Data CRM per {time}").format(
            time=stamp(crm.as_of, today)
        )
    if pantauan.problem:
        return QT_TRANSLATE_NOOP("Pantauan", "{line} — {problem}").format(
            line=line, problem=pantauan.problem
        )
    return line
