"""The Open311 router: discovery and services, requests, updates."""

from __future__ import annotations

from fastapi import APIRouter

from crm_server.open311 import discovery, requests, updates

router = APIRouter(prefix="/open311/v2", tags=["open311"])
router.include_router(discovery.router)
router.include_router(requests.router)
router.include_router(updates.router)
