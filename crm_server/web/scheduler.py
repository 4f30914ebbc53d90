"""Each worker's scheduler: a daemon thread that runs the periodic jobs that are
due (``core.jobs.run_due``) every ``job_tick_seconds``. Every worker runs one; the
jobs' rows make sure each job runs once across them all."""

from __future__ import annotations

import logging
import threading

from crm_server.core.context import CrmContext
from crm_server.core.jobs import CRM_JOBS, Job, holder_name, run_due

log = logging.getLogger("crm_server.jobs")


class Scheduler:
    def __init__(
        self, crm: CrmContext, tick_seconds: float, jobs: tuple[Job, ...] = CRM_JOBS
    ) -> None:
        self.crm = crm
        self.tick_seconds = tick_seconds
        self.jobs = jobs
        self.holder = holder_name()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="crm-jobs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _loop(self) -> None:
        while not self._stop.wait(self.tick_seconds):
            try:
                run_due(self.crm, self.jobs, self.holder)
            except Exception as exc:  # the database away a moment: try at the next tick
                log.warning("periodic jobs skipped: %s", type(exc).__name__)
