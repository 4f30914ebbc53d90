"""The error every part of the core raises for a refused request: a status, a code,
a message that never echoes client input, and the field at fault. The web layer
(``crm_server.web.errors``) turns it into ``{"error": {"code", "message", "field"}}``;
the CLI prints its message."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.status, self.code, self.message, self.field = status, code, message, field
        self.headers = headers or {}


def unauthorized(message: str = "A valid bearer token is required.") -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    """``("body", "items", 3, "complainant", "nik")`` → ``items.3.complainant.nik``."""
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts)
