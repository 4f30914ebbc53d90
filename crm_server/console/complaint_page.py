"""The complaint page: its fields, attachments, history and the actions this user
may take now."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
