"""``/healthz``: the service answers and its database too."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import text

from crm_server.web.deps import ERRORS, CrmDep

router = APIRouter(responses=ERRORS)


class Health(BaseModel):
    status: Literal["ok"]
    database: Literal["ok"]


@router.get("/healthz", response_model=Health, tags=["health"])
def healthz(crm: CrmDep) -> dict[str, str]:
    with crm.sessions() as session:
        session.execute(text("SELECT 1"))
    return {"status": "ok", "database": "ok"}
