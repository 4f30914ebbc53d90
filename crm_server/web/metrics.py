"""Prometheus metrics (``/metrics``): requests and their latency per route, desk
push items by outcome, changes served, and, read from the database at each scrape,
each desk's sync lag and the complaints waiting in each state.

With several worker processes (``serve --workers``), ``PROMETHEUS_MULTIPROC_DIR``
names a folder where each process writes its counters, and a scrape of any worker
adds them up (prometheus-client's multiprocess mode; ``crm-server serve`` sets it).
The database figures are the same from any worker. Labels name routes, states and
desk codes only: never a path with a ticket code or token, never anything personal.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from sqlalchemy import func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from complaint_domain.status import Status
from crm_server.core.context import CrmContext
from crm_server.db.models import Complaint, Desk

REQUESTS = Histogram(
    "meja_http_request_duration_seconds",
    "Time to answer a request, by route template, method and status code.",
    ["route", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
PUSH_ITEMS = Counter(
    "meja_push_items_total",
    "Items desks pushed, by outcome (accepted, already_had, rejected).",
    ["outcome"],
)
CHANGES_SERVED = Counter("meja_changes_served_total", "Status changes served to desks.")
CONTENT_TYPE = CONTENT_TYPE_LATEST


class MetricsMiddleware:
    """Times every HTTP request; the label is the route's template
    (``/console/c/{ticket_code}``), never the path itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            REQUESTS.labels(template, scope.get("method", ""), str(status)).observe(
                time.perf_counter() - started
            )


class DatabaseFigures:
    """What the database says at the moment of the scrape."""

    def __init__(self, crm: CrmContext) -> None:
        self.crm = crm

    def collect(self) -> Iterator[Metric]:
        now = self.crm.now()
        pending = GaugeMetricFamily(
            "meja_desk_pending_items", "Items a desk reported waiting to be sent.", labels=["desk"]
        )
        oldest = GaugeMetricFamily(
            "meja_desk_oldest_unsent_seconds",
            "Age of a desk's oldest unsent item at its last heartbeat.",
            labels=["desk"],
        )
        silent = GaugeMetricFamily(
            "meja_desk_seconds_since_heartbeat",
            "Seconds since a desk's last heartbeat.",
            labels=["desk"],
        )
        waiting = GaugeMetricFamily(
            "meja_complaints_open", "Complaints in each open state.", labels=["state"]
        )
        open_states = [s.value for s in Status if not s.is_final and s != Status.NOT_SENT]
        with self.crm.sessions() as session:
            desks = session.execute(
                select(
                    Desk.code, Desk.pending_count, Desk.oldest_unsent_age_s, Desk.last_heartbeat_at
                )
            ).all()
            counts = dict(
                session.execute(
                    select(Complaint.status, func.count())
                    .where(Complaint.status.in_(open_states))
                    .group_by(Complaint.status)
                ).all()
            )
        for code, pending_count, oldest_age, heartbeat in desks:
            pending.add_metric([code], pending_count or 0)
            oldest.add_metric([code], oldest_age or 0)
            if heartbeat is not None:
                silent.add_metric([code], (now - heartbeat).total_seconds())
        for state in open_states:
            waiting.add_metric([state], counts.get(state, 0))
        yield from (pending, oldest, silent, waiting)


def render(crm: CrmContext) -> bytes:
    """The text a Prometheus scrape reads."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        text = generate_latest(registry)
    else:
        text = generate_latest(REGISTRY)
    figures = CollectorRegistry()
    figures.register(DatabaseFigures(crm))
    return text + generate_latest(figures)
