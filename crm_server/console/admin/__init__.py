"""Administration (the admin role): users and units, routing rules, time limits,
holidays, response templates and desk enrolment codes."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
