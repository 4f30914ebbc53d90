"""Retention: the personal data of complaints closed more than the settings'
``retention_days`` ago (default 730: two years) removed from the desk, the facts
kept. Run at the start and daily (``run_if_due``), or by ``desk-app retention``
with ``--dry-run`` to list first. Every run, dry or real, is in the audit trail."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from desk_app.services.accounts import Officer, Role, require
from desk_app.services.desk import Desk
from desk_app.store import audit, keyvalue
from desk_app.store import retention as store

log = logging.getLogger(__name__)

LAST_RUN = "retention.last_run"
EVERY = dt.timedelta(days=1)
BATCH = 500  # complaints per write transaction: the desk stays responsive


@dataclass
class RetentionReport:
    dry_run: bool
    cutoff: dt.datetime
    found: list[store.Expired] = field(default_factory=list)
    files_removed: int = 0
    drafts_removed: int = 0

    def lines(self) -> list[str]:
        """For the command line: ticket codes and states only, never personal data."""
        verb = "Akan dihapus" if self.dry_run else "Dihapus"
        head = (
            f"{verb}: data pribadi {len(self.found)} aduan yang selesai sebelum "
            f"{self.cutoff:%Y-%m-%d} (fakta aduan tetap)."
        )
        rows = [
            f"  {e.ticket_code}  {e.status:<10} {e.category_code:<24} {e.closed_at:%Y-%m-%d}"
            for e in self.found
        ]
        tail = [] if self.dry_run else [f"Berkas lampiran dihapus dari meja: {self.files_removed}."]
        return [head, *rows, *tail]


def run_retention(desk: Desk, actor: Officer, dry_run: bool = False) -> RetentionReport:
    """One run (an admin's, or the desk's own schedule as ``actor``)."""
    require(actor, Role.ADMIN)
    now = desk.clock()
    cutoff = now - dt.timedelta(days=desk.settings.retention_days)
    report = RetentionReport(dry_run, cutoff)
    with desk.database.read() as session:
        report.found = store.expired(session, cutoff)
    if not dry_run:
        ids = [e.complaint_id for e in report.found]
        for start in range(0, len(ids), BATCH):
            with desk.database.write() as session:
                orphans = store.anonymise(session, ids[start : start + BATCH], now)
            for sha in orphans:  # after the commit: a crash leaves a file, never a hole
                desk.files.remove(sha)
            report.files_removed += len(orphans)
        with desk.database.write() as session:
            report.drafts_removed = store.drop_old_drafts(session, cutoff)
            if ids:
                store.merge_search_index(session)
    with desk.database.write() as session:
        audit.record(
            session,
            now,
            actor.username,
            "retention.dry_run" if dry_run else "retention.run",
            "",
            complaints=len(report.found),
            cutoff=cutoff.date().isoformat(),
            files=report.files_removed,
            drafts=report.drafts_removed,
        )
        if not dry_run:
            keyvalue.put(session, LAST_RUN, now.isoformat())
    return report


SCHEDULE = Officer("(jadwal)", "Jadwal meja", Role.ADMIN)


def run_if_due(desk: Desk) -> RetentionReport | None:
    """The desk's own schedule: a run when the last one is a day old (or never was)."""
    with desk.database.read() as session:
        last = keyvalue.get(session, LAST_RUN)
    try:
        if last and desk.clock() - dt.datetime.fromisoformat(last) < EVERY:
            return None
    except ValueError:
        pass
    return run_retention(desk, SCHEDULE)
