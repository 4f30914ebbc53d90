"""The display screens are told at once when a site's queue changes, instead of asking
every second (issue 17: call-next → the display shows it, p95 under 300 ms).

A screen asks for the board with the version it shows and waits (a long poll, see
``queue_api``) until :meth:`QueueChanges.wait` says the site's queue changed or the
wait runs out. Every queue write calls :func:`announce` inside its transaction and
:func:`committed` after its commit:

- on PostgreSQL ``announce`` sends ``NOTIFY meja_queue, '<site>'``, which the
  database delivers at the commit to every worker's :class:`ChangeListener` (on any
  host, this one included), which wakes the screens of that site waiting there.
  Nothing is kept in a process but who waits: a worker that misses a notice (its
  listening connection away a moment) cuts its screens' waits to a second meanwhile;
- SQLite serves one process by design: ``committed`` wakes them in the process.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import defaultdict

from sqlalchemy import Engine, select
from sqlalchemy import func as sql
from sqlalchemy.orm import Session

CHANNEL = "meja_queue"
# Without a listening connection (PostgreSQL, while it reconnects) a screen's wait is
# cut to this: it then asks about as often as it did before the long poll.
UNHEARD_WAIT_SECONDS = 1.0
log = logging.getLogger("crm_server.queue")


def announce(session: Session, site: str) -> None:
    """Inside a queue write's transaction: tell every worker at the commit (PostgreSQL;
    the same notice twice in a transaction is delivered once)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(sql.pg_notify(CHANNEL, site)))


def committed(changes: QueueChanges, dialect: str, site: str) -> None:
    """After a queue write's commit: SQLite's one process wakes its screens itself
    (PostgreSQL's listeners were told by :func:`announce`)."""
    if dialect != "postgresql":
        changes.changed(site)


class QueueChanges:
    """Per process: a counter per site that every change of its queue moves on, and
    the screens waiting for it to move."""

    def __init__(self, listening: bool = True) -> None:
        self._lock = threading.Lock()
        # Only sites whose queue was written have an entry: a screen asking for any name
        # (the page is public) must not grow it.
        self._generation: dict[str, int] = {}
        self._everything = 0  # moved when a listener (re)connects: every site at once
        self._waiters: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]]]
        self._waiters = defaultdict(set)
        # False while a PostgreSQL worker's listener is not connected
        self.listening = listening

    def generation(self, site: str) -> int:
        """Read this before reading the board, and give it to :meth:`wait`: a change
        between the two then wakes the wait at once instead of being missed."""
        with self._lock:
            return self._generation.get(site, 0) + self._everything

    def changed(self, site: str | None = None) -> None:
        """The queue of ``site`` (None: of any site) changed: wake who waits for it."""
        with self._lock:
            if site is None:
                self._everything += 1
                woken = [w for waiting in self._waiters.values() for w in waiting]
                self._waiters.clear()
            else:
                self._generation[site] = self._generation.get(site, 0) + 1
                woken = list(self._waiters.pop(site, ()))
        for loop, future in woken:
            loop.call_soon_threadsafe(_settle, future)

    async def wait(self, site: str, seen: int, timeout: float) -> bool:
        """Wait until the site's queue moved past generation ``seen`` or ``timeout``
        seconds passed; True when it moved."""
        if not self.listening:
            timeout = min(timeout, UNHEARD_WAIT_SECONDS)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        entry = (loop, future)
        with self._lock:
            if self._generation.get(site, 0) + self._everything != seen:
                return True
            self._waiters[site].add(entry)
        try:
            await asyncio.wait_for(future, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            with self._lock:
                waiting = self._waiters.get(site)
                if waiting is not None:
                    waiting.discard(entry)
                    if not waiting:
                        del self._waiters[site]


def _settle(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class ChangeListener:
    """A PostgreSQL worker's thread that ``LISTEN``s for the queue's notices and wakes
    its waiting screens; it reconnects by itself after the database was away."""

    def __init__(self, engine: Engine, changes: QueueChanges) -> None:
        self._url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._changes = changes
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        changes.listening = False

    def start(self) -> None:
        """Start listening (again after :meth:`stop`; nothing when it listens already:
        an app served twice, as the tests do, starts it twice)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(self._stop,), name="crm-queue-listen", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self, stop: threading.Event) -> None:
        import psycopg  # only PostgreSQL workers listen

        while not stop.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._changes.listening = True
                    # whatever happened while this worker was not listening
                    self._changes.changed()
                    while not stop.is_set():
                        for notice in conn.notifies(timeout=1.0, stop_after=64):
                            self._changes.changed(notice.payload)
            except Exception as exc:  # the database away a moment: listen again soon
                log.warning("queue notices not heard: %s", type(exc).__name__)
            self._changes.listening = False
            stop.wait(2.0)
