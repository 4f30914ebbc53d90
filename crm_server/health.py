"""``/healthz``: the process answers and its database too (liveness);
``/metrics``: Prometheus metrics;
``/readyz``: the database answers and its schema is the one this code expects
(readiness: a load balancer sends requests only to a ready worker, so a worker of a
newer release waits until the migration has run)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from crm_server.core.crm import Crm
from crm_server.db.engine import schema_revisions
from crm_server.web.deps import ERRORS, CrmDep
from crm_server.web.errors import error_response
from crm_server.web.metrics import CONTENT_TYPE, render

router = APIRouter(responses=ERRORS, tags=["health"])


class Health(BaseModel):
    status: Literal["ok"]
    database: Literal["ok"]


class Ready(BaseModel):
    status: Literal["ready"]
    schema_revision: str


@router.get("/healthz", response_model=Health)
def healthz(crm: CrmDep) -> dict[str, str]:
    with crm.sessions() as session:
        session.execute(text("SELECT 1"))
    return {"status": "ok", "database": "ok"}


def _readiness(crm: Crm) -> tuple[bool, str]:
    try:
        current, heads = schema_revisions(crm.engine)
    except SQLAlchemyError:
        return False, "database"
    return current == heads, ",".join(sorted(current)) or "none"


@router.get(
    "/readyz",
    response_model=Ready,
    responses={503: {"description": "The database does not answer, or its schema is old"}},
)
async def readyz(crm: CrmDep) -> object:
    ready, revision = await run_in_threadpool(_readiness, crm)
    if ready:
        return {"status": "ready", "schema_revision": revision}
    if revision == "database":
        return error_response(503, "not_ready", "The database does not answer.")
    return error_response(
        503, "not_ready", f"The database schema ({revision}) is not this release's: migrate."
    )


@router.get("/metrics", response_class=Response, responses={200: {"content": {CONTENT_TYPE: {}}}})
async def metrics(crm: CrmDep) -> Response:
    """Prometheus metrics (web/metrics.py): no personal data, no ticket codes."""
    body = await run_in_threadpool(render, crm)
    return Response(body, media_type=CONTENT_TYPE)
