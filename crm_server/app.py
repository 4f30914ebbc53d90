"""The FastAPI application: ``create_app(settings)``."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from crm_server import api, open311, tracking_routes
from crm_server.db import migrate
from crm_server.errors import SafetyMiddleware, install_error_handlers
from crm_server.ratelimit import RateLimiter, RateLimits
from crm_server.service import Crm
from crm_server.settings import Settings

log = logging.getLogger("crm_server")


def create_app(
    settings: Settings | None = None,
    crm: Crm | None = None,
    monotonic: Callable[[], float] = time.monotonic,
) -> FastAPI:
    """The service; ``monotonic`` is the rate limits' clock (seconds)."""
    settings = settings or (crm.settings if crm else Settings.from_env())
    if crm is None:
        if settings.auto_migrate:
            migrate(settings.database_url)
        crm = Crm(settings)
        crm.ensure_reference_data()
    app = FastAPI(
        title="Meja Aduan CRM",
        version="1.0.0",
        description="Desk sync API v1, workflow API, Open311 GeoReport v2, public tracking.",
    )
    app.state.crm = crm
    app.state.rate_limits = RateLimits(
        enrol=RateLimiter(settings.enrol_per_minute, settings.rate_limit_addresses, monotonic),
        tracking=RateLimiter(
            settings.tracking_per_minute, settings.rate_limit_addresses, monotonic
        ),
    )
    # Load the holiday table now, not in the first request that needs a due date
    # (the holidays package takes ~0.5 s to import on a slow machine).
    crm.calendar.is_working_day(crm.clock().date())
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(open311.router)
    app.include_router(tracking_routes.router)

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        schema.setdefault("components", {}).setdefault("schemas", {}).update(
            api.push_schema_components()
        )
        app.openapi_schema = schema
        return schema

    app.openapi = custom_openapi  # type: ignore[method-assign]
    if settings.trusted_proxies:
        # The client's address (rate limits, Open311's base URL) comes from these
        # proxies' X-Forwarded-For and -Proto, and only from them: believed from
        # anyone, the header would let a client pick a fresh address per request.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    # Outermost, so that no failure escapes with a traceback (see SafetyMiddleware).
    app.add_middleware(
        SafetyMiddleware,
        max_json_bytes=settings.max_json_bytes,
        max_attachment_bytes=settings.max_attachment_bytes,
    )
    return app
