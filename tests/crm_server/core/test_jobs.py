"""Periodic jobs run once across workers: taken by one conditional UPDATE, left to
the next worker when the holder dies, and due again only after their interval."""

from __future__ import annotations

import datetime as dt
import threading
import time

from sqlalchemy import select

from crm_server.core.crm import Crm
from crm_server.core.jobs import CRM_JOBS, Job, claim, finish, run_due
from crm_server.db.models import EnrolmentCode, JobRun
from tests.crm_server.conftest import FakeClock


def counting_job(runs: list[str], pause: float = 0.0) -> Job:
    def run(_crm: object) -> str:
        runs.append(threading.current_thread().name)
        time.sleep(pause)
        return "counted"

    return Job("counting", dt.timedelta(minutes=5), run, lease=dt.timedelta(minutes=1))


def test_a_job_runs_when_due_and_not_again_before_its_interval(crm: Crm, clock: FakeClock) -> None:
    runs: list[str] = []
    job = counting_job(runs)
    assert run_due(crm, [job], "w1") == ["counting"]
    assert run_due(crm, [job], "w2") == []
    clock.advance(minutes=4)
    assert run_due(crm, [job], "w2") == []
    clock.advance(minutes=1)
    assert run_due(crm, [job], "w2") == ["counting"]
    assert len(runs) == 2
    with crm.sessions() as session:
        row = session.get(JobRun, "counting")
        assert row is not None and row.runs == 2 and row.last_result == "counted"


def test_workers_starting_at_the_same_moment_run_it_once(crm: Crm) -> None:
    runs: list[str] = []
    job = counting_job(runs, pause=0.3)
    start = threading.Barrier(4)

    def worker(name: str) -> None:
        start.wait()
        run_due(crm, [job], name)

    threads = [threading.Thread(target=worker, args=(f"w{i}",), name=f"w{i}") for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(runs) == 1


def test_a_dead_holder_leaves_the_job_to_the_next_when_its_lease_ends(
    crm: Crm, clock: FakeClock
) -> None:
    runs: list[str] = []
    job = counting_job(runs)
    assert claim(crm, job, "dies-midway")  # and never finishes
    assert run_due(crm, [job], "w2") == []
    clock.advance(seconds=job.lease.total_seconds() + 1)
    assert run_due(crm, [job], "w2") == ["counting"]
    finish(crm, job, "dies-midway", "too late")  # a late finish of the dead one changes nothing
    with crm.sessions() as session:
        row = session.get(JobRun, "counting")
        assert row is not None and row.holder == "w2" and row.last_result == "counted"


def test_a_failing_job_is_recorded_and_runs_again_when_due(crm: Crm, clock: FakeClock) -> None:
    def broken(_crm: object) -> str:
        raise RuntimeError("row values never reach the log")

    job = Job("broken", dt.timedelta(minutes=1), broken)
    assert run_due(crm, [job], "w1") == ["broken"]
    with crm.sessions() as session:
        row = session.get(JobRun, "broken")
        assert row is not None and row.last_result == "failed: RuntimeError"
    clock.advance(minutes=1)
    assert run_due(crm, [job], "w1") == ["broken"]


def test_the_crms_jobs_remove_expired_enrolment_codes(crm: Crm, clock: FakeClock) -> None:
    crm.create_enrolment("PBK2", "Pendopo")
    clock.advance(days=crm.settings.enrolment_code_days, seconds=1)
    ran = run_due(crm, CRM_JOBS, "w1")
    assert ran == [job.name for job in CRM_JOBS]
    with crm.sessions() as session:
        assert session.scalars(select(EnrolmentCode)).all() == []
        results = dict(session.execute(select(JobRun.name, JobRun.last_result)).all())
    assert results["enrolment_codes"] == "1 expired enrolment codes removed"
