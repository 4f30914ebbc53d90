"""Periodic jobs that run once across all workers on all hosts.

Each job has a row in ``job_runs``. A worker takes it with one conditional UPDATE
(nobody holds it, or the holder's lease has ended; and it is due): exactly one
worker's UPDATE matches, on PostgreSQL and on SQLite alike, so the job runs once. A
worker that dies mid-job never finishes it; when its lease ends, the next worker
takes it again. Each worker's scheduler (``web.scheduler``) calls :func:`run_due` every
little while; ``crm-server jobs`` runs them once from cron instead.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, delete, or_, update
from sqlalchemy.exc import IntegrityError

from crm_server.core.city_figures import count_caseload
from crm_server.core.context import CrmContext
from crm_server.core.mail.mailbox import poll_if_configured
from crm_server.core.rate_buckets import forget_full_buckets
from crm_server.core.retention import run_retention
from crm_server.core.staff_sign_in import forget_old_failures
from crm_server.db.engine import transaction
from crm_server.db.models import EnrolmentCode, JobRun, StaffSession

log = logging.getLogger("crm_server.jobs")


@dataclass(frozen=True)
class Job:
    name: str
    every: dt.timedelta
    run: Callable[[CrmContext], str]  # what it did, in a few words (kept in job_runs)
    lease: dt.timedelta = dt.timedelta(minutes=10)  # longer than the job ever takes


def holder_name() -> str:
    """This worker: host and process."""
    return f"{socket.gethostname()}:{os.getpid()}"[:80]


def claim(crm: CrmContext, job: Job, holder: str) -> bool:
    """Take ``job`` if it is due and nobody holds it; True when this worker has it."""
    now = crm.now()
    try:
        with transaction(crm.sessions) as session:
            if session.get(JobRun, job.name) is None:
                session.add(JobRun(name=job.name))
    except IntegrityError:
        pass  # another worker made the row at the same moment
    with transaction(crm.sessions) as session:
        result = session.execute(
            update(JobRun)
            .where(
                JobRun.name == job.name,
                or_(JobRun.lease_until.is_(None), JobRun.lease_until < now),
                or_(
                    JobRun.last_finished_at.is_(None),
                    JobRun.last_finished_at <= now - job.every,
                ),
            )
            .values(
                holder=holder,
                lease_until=now + job.lease,
                last_started_at=now,
                runs=JobRun.runs + 1,
            )
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def finish(crm: CrmContext, job: Job, holder: str, result: str) -> None:
    with transaction(crm.sessions) as session:
        session.execute(
            update(JobRun)
            .where(and_(JobRun.name == job.name, JobRun.holder == holder))
            .values(lease_until=None, last_finished_at=crm.now(), last_result=result[:500])
        )


def run_due(crm: CrmContext, jobs: Sequence[Job], holder: str | None = None) -> list[str]:
    """Run every job of ``jobs`` that is due and that this worker could take; their
    names. A job that fails is logged (by its exception's type only: messages from
    the database can carry row values) and left to run again when due."""
    holder = holder or holder_name()
    ran = []
    for job in jobs:
        if not claim(crm, job, holder):
            continue
        started = time.monotonic()
        try:
            result = job.run(crm)
        except Exception as exc:
            log.error("job %s failed: %s", job.name, type(exc).__name__)
            result = f"failed: {type(exc).__name__}"
        finish(crm, job, holder, result)
        log.info("job %s: %s (%.0f ms)", job.name, result, (time.monotonic() - started) * 1000)
        ran.append(job.name)
    return ran


# ---------------------------------------------------------------- the CRM's own jobs


def _forget_sign_in_failures(crm: CrmContext) -> str:
    return f"{forget_old_failures(crm)} old sign-in failures removed"


def _forget_full_rate_buckets(crm: CrmContext) -> str:
    removed = forget_full_buckets(crm.sessions, time.time(), 60 * 16)  # a /48's 16 minutes
    return f"{removed} full rate buckets removed"


def _end_stale_sessions(crm: CrmContext) -> str:
    now = crm.now()
    idle = now - dt.timedelta(minutes=crm.settings.console_idle_minutes)
    old = now - dt.timedelta(hours=crm.settings.console_session_hours)
    with transaction(crm.sessions) as session:
        result = session.execute(
            delete(StaffSession).where(
                or_(StaffSession.last_seen_at < idle, StaffSession.created_at < old)
            )
        )
    return f"{result.rowcount or 0} ended staff sessions removed"  # type: ignore[attr-defined]


def _expire_enrolment_codes(crm: CrmContext) -> str:
    """An unused code past its expiry opens nothing; its row goes."""
    with transaction(crm.sessions) as session:
        result = session.execute(
            delete(EnrolmentCode).where(
                EnrolmentCode.used_at.is_(None), EnrolmentCode.expires_at < crm.now()
            )
        )
    return f"{result.rowcount or 0} expired enrolment codes removed"  # type: ignore[attr-defined]


def _retention(crm: CrmContext) -> str:
    """Personal data removed from complaints closed long ago (core/retention.py)."""
    return run_retention(crm).summary()


CRM_JOBS: tuple[Job, ...] = (
    Job("sign_in_failures", dt.timedelta(minutes=5), _forget_sign_in_failures),
    Job("rate_buckets", dt.timedelta(minutes=5), _forget_full_rate_buckets),
    Job("staff_sessions", dt.timedelta(minutes=15), _end_stale_sessions),
    Job("enrolment_codes", dt.timedelta(hours=1), _expire_enrolment_codes),
    Job("caseload", dt.timedelta(minutes=1), count_caseload, lease=dt.timedelta(minutes=2)),
    Job("retention", dt.timedelta(hours=24), _retention, lease=dt.timedelta(hours=2)),
    # The complaints mailbox (issue 22): a no-op without MEJA_CRM_IMAP_HOST.
    Job("mailbox", dt.timedelta(minutes=2), poll_if_configured),
)
