"""The FastAPI application: ``create_app(settings)`` assembles the fronts (health,
desk sync API, supervisor API, workflow API, Open311, the tracking page, the staff
console) on one
core, with the shared web plumbing (error handlers, the outermost guard, rate
limits)."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from crm_server import health
from crm_server.console import routes as console
from crm_server.core.crm import Crm
from crm_server.core.queue_changes import ChangeListener
from crm_server.core.rate_buckets import BucketStore, DatabaseBuckets, MemoryBuckets
from crm_server.db import crypto
from crm_server.db.engine import migrate
from crm_server.open311 import routes as open311
from crm_server.queue_api import routes as queue_api
from crm_server.settings import Settings
from crm_server.supervisor_api import routes as supervisor_api
from crm_server.sync_api import routes as sync_api
from crm_server.tracking import routes as tracking
from crm_server.web.errors import SafetyMiddleware, install_error_handlers
from crm_server.web.logs import install_access_redaction, route_paths
from crm_server.web.metrics import MetricsMiddleware
from crm_server.web.ratelimit import RateLimiter, RateLimits
from crm_server.web.scheduler import Scheduler
from crm_server.workflow_api import routes as workflow_api

log = logging.getLogger("crm_server")


def bucket_store(crm: Crm, settings: Settings, name: str) -> BucketStore:
    """PostgreSQL: in the database, shared by every worker and host; SQLite, one
    process by design: in memory."""
    if crm.dialect == "sqlite":
        return MemoryBuckets(settings.rate_limit_addresses)
    return DatabaseBuckets(crm.sessions, name)


def create_app(
    settings: Settings | None = None,
    crm: Crm | None = None,
    rate_clock: Callable[[], float] = time.time,
) -> FastAPI:
    """The service; ``rate_clock`` is the rate limits' clock (seconds)."""
    settings = settings or (crm.settings if crm else Settings.from_env())
    if crm is None:
        if settings.auto_migrate:
            # the migration encrypts older rows with these settings' data key
            crypto.load_and_install(settings.data_key, settings.data_key_file, settings.data_dir)
            migrate(settings.database_url)
        crm = Crm(settings)
        crm.ensure_reference_data()
    scheduler = Scheduler(crm, settings.job_tick_seconds) if settings.run_jobs else None
    # PostgreSQL: this worker hears the others' queue changes (core.queue_changes)
    listener = (
        ChangeListener(crm.engine, crm.queue_changes) if crm.dialect == "postgresql" else None
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        for started in (scheduler, listener):
            if started is not None:
                started.start()
        yield
        for started in (scheduler, listener):
            if started is not None:
                started.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="Meja Aduan CRM",
        version="1.0.0",
        description="Desk sync API v1, workflow API, Open311 GeoReport v2, public tracking.",
    )
    app.state.crm = crm
    app.state.rate_limits = RateLimits(
        enrol=RateLimiter(
            settings.enrol_per_minute, bucket_store(crm, settings, "enrol"), rate_clock
        ),
        tracking=RateLimiter(
            settings.tracking_per_minute, bucket_store(crm, settings, "tracking"), rate_clock
        ),
        desk_lookup=RateLimiter(
            settings.desk_lookup_per_minute, bucket_store(crm, settings, "desk_lookup"), rate_clock
        ),
    )
    # Load the holiday table now, not in the first request that needs a due date
    # (the holidays package takes ~0.5 s to import on a slow machine).
    crm.calendar.is_working_day(crm.clock().date())
    install_error_handlers(app)
    for front in (health, sync_api, supervisor_api, workflow_api, open311, tracking, queue_api):
        app.include_router(front.router)
    console.install(app)
    install_access_redaction(route_paths(app.routes))

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        schema.setdefault("components", {}).setdefault("schemas", {}).update(
            sync_api.push_schema_components()
        )
        app.openapi_schema = schema
        return schema

    app.openapi = custom_openapi  # type: ignore[method-assign]
    if settings.trusted_proxies:
        # The client's address (rate limits, Open311's base URL) comes from these
        # proxies' X-Forwarded-For and -Proto, and only from them: believed from
        # anyone, the header would let a client pick a fresh address per request.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    app.add_middleware(MetricsMiddleware)
    # Outermost, so that no failure escapes with a traceback (see SafetyMiddleware).
    app.add_middleware(
        SafetyMiddleware,
        max_json_bytes=settings.max_json_bytes,
        max_attachment_bytes=settings.max_attachment_bytes,
    )
    return app
