"""The visitor queue's tables on the Pantauan page and in its report: how many
numbers were taken, served and missed; the wait, the walk and the service time in
minutes (mean, median, longest); and the same per desk, per officer and per hour
the number was taken. Numbers in cells, never colour alone."""

from __future__ import annotations

from complaint_domain.complaint import WIB
from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.services.queue_figures import SPAN_NAMES, SPANS, QueueFigures, QueueGroup, Span
from desk_app.services.table import NONE, Table

QUEUE_TABLES = ("queue", "queue_times", "queue_per_desk", "queue_per_officer", "queue_per_hour")
STATES = {
    "waiting": QT_TRANSLATE_NOOP("Pantauan", "menunggu"),
    "called": QT_TRANSLATE_NOOP("Pantauan", "dipanggil"),
    "serving": QT_TRANSLATE_NOOP("Pantauan", "dilayani"),
    "done": QT_TRANSLATE_NOOP("Pantauan", "selesai"),
    "no_show": QT_TRANSLATE_NOOP("Pantauan", "tidak hadir"),
}


def minutes(value: float | None) -> str:
    """ "4,5" (Indonesian decimals); "—" when no ticket has the span yet."""
    if value is None:
        return NONE
    return f"{value:.1f}".replace(".", ",")


def _group_table(key: str, title: str, first: str, groups: tuple[QueueGroup, ...]) -> Table:
    table = Table(
        key,
        title,
        (
            first,
            QT_TRANSLATE_NOOP("Pantauan", "Nomor"),
            QT_TRANSLATE_NOOP("Pantauan", "Tidak hadir"),
            QT_TRANSLATE_NOOP("Pantauan", "Tunggu"),
            QT_TRANSLATE_NOOP("Pantauan", "Jalan"),
            QT_TRANSLATE_NOOP("Pantauan", "Layanan"),
        ),
    )
    for g in groups:
        label = g.key
        if key == "queue_per_hour":  # "08:00" → "08.00–08.59", as the complaints' hours
            label = f"{g.key[:2]}.00–{g.key[:2]}.59"
        elif g.key == "-":  # not called yet: no desk, no officer
            label = QT_TRANSLATE_NOOP("Pantauan", "(belum dipanggil)")
        table.rows.append(
            (
                label,
                str(g.tickets),
                str(g.no_shows),
                minutes(g.wait.mean),
                minutes(g.walk.mean),
                minutes(g.service.mean),
            )
        )
    table.marks.extend([""] * len(table.rows))
    return table


def ticket_table(figures: QueueFigures) -> Table:
    """Every number of the period, in the order taken: its times in minutes."""
    table = Table(
        "queue_tickets",
        QT_TRANSLATE_NOOP("Pantauan", "Antrean per nomor (menit)"),
        (
            QT_TRANSLATE_NOOP("Pantauan", "Nomor"),
            QT_TRANSLATE_NOOP("Pantauan", "Diambil"),
            QT_TRANSLATE_NOOP("Pantauan", "Keadaan"),
            QT_TRANSLATE_NOOP("Pantauan", "Meja"),
            QT_TRANSLATE_NOOP("Pantauan", "Petugas"),
            QT_TRANSLATE_NOOP("Pantauan", "Tunggu"),
            QT_TRANSLATE_NOOP("Pantauan", "Jalan"),
            QT_TRANSLATE_NOOP("Pantauan", "Layanan"),
        ),
    )
    several_days = figures.last > figures.first
    for t in figures.per_ticket:
        local = t.issued_at.astimezone(WIB)
        table.rows.append(
            (
                t.number,
                local.strftime("%d-%m-%Y %H.%M" if several_days else "%H.%M"),
                STATES.get(t.state, t.state),
                t.desk or NONE,
                t.officer or NONE,
                minutes(t.wait),
                minutes(t.walk),
                minutes(t.service),
            )
        )
    table.marks.extend([""] * len(table.rows))
    return table


def queue_tables(figures: QueueFigures) -> list[Table]:
    """The queue's tables, in the page's order."""
    counts = Table(
        "queue",
        QT_TRANSLATE_NOOP("Pantauan", "Antrean pengunjung"),
        (QT_TRANSLATE_NOOP("Pantauan", "Hal"), QT_TRANSLATE_NOOP("Pantauan", "Jumlah")),
        [
            (QT_TRANSLATE_NOOP("Pantauan", "Nomor diambil"), str(figures.tickets)),
            (QT_TRANSLATE_NOOP("Pantauan", "Selesai dilayani"), str(figures.served)),
            (QT_TRANSLATE_NOOP("Pantauan", "Tidak hadir"), str(figures.no_shows)),
        ],
        ["", "", ""],
    )
    times = Table(
        "queue_times",
        QT_TRANSLATE_NOOP("Pantauan", "Antrean: waktu per nomor (menit)"),
        (
            QT_TRANSLATE_NOOP("Pantauan", "Waktu"),
            QT_TRANSLATE_NOOP("Pantauan", "Rata-rata"),
            QT_TRANSLATE_NOOP("Pantauan", "Median"),
            QT_TRANSLATE_NOOP("Pantauan", "Terlama"),
        ),
    )
    spans: dict[str, Span] = {
        "wait": figures.wait,
        "walk": figures.walk,
        "service": figures.service,
    }
    for name in SPANS:
        span = spans[name]
        times.rows.append(
            (SPAN_NAMES[name], minutes(span.mean), minutes(span.median), minutes(span.longest))
        )
    times.marks.extend([""] * len(times.rows))
    return [
        counts,
        times,
        _group_table(
            "queue_per_desk",
            QT_TRANSLATE_NOOP("Pantauan", "Antrean per meja (rata-rata, menit)"),
            QT_TRANSLATE_NOOP("Pantauan", "Meja"),
            figures.per_desk,
        ),
        _group_table(
            "queue_per_officer",
            QT_TRANSLATE_NOOP("Pantauan", "Antrean per petugas (rata-rata, menit)"),
            QT_TRANSLATE_NOOP("Pantauan", "Petugas"),
            figures.per_officer,
        ),
        _group_table(
            "queue_per_hour",
            QT_TRANSLATE_NOOP("Pantauan", "Antrean per jam ambil nomor (rata-rata, menit)"),
            QT_TRANSLATE_NOOP("Pantauan", "Jam"),
            figures.per_hour,
        ),
        ticket_table(figures),
    ]
