"""Errors on the web: one shape for every 4xx and 5xx,
``{"error": {"code", "message", "field"}}``, and the outermost guard.

Messages never echo what the client sent (it may hold a name or a NIK) and a
failure inside the server is logged by exception type and path only: exception
messages from the database layer can carry row values.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crm_server.core.errors import ApiError, field_path

log = logging.getLogger("crm_server")


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field}}


def error_response(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(error_body(code, message, field), status_code=status, headers=headers)


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.field, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        kind = str(first.get("type", ""))
        if kind == "json_invalid":
            return error_response(400, "malformed_json", "The request body is not valid JSON.")
        # The pydantic message describes the rule broken, never the value sent.
        message = str(first.get("msg", "Invalid request."))
        return error_response(422, "invalid", message, field_path(first.get("loc", ())) or None)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code
        return error_response(exc.status_code, code, message, headers=exc.headers)


class SafetyMiddleware:
    """Outermost guard: body size limits, and a 500 without a traceback in the log.

    Starlette's own error middleware re-raises after answering, which makes the
    server print a full traceback (with exception messages that may hold row
    values), so failures are caught here first.
    """

    def __init__(self, app: ASGIApp, max_json_bytes: int, max_attachment_bytes: int) -> None:
        self.app = app
        self.max_json = max_json_bytes
        self.max_attachment = max_attachment_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        limit = self.max_json
        if path.startswith("/api/v1/attachments/"):
            limit = self.max_attachment
        elif path.startswith("/console/"):
            # A console form may carry evidence photos: a few attachments' worth.
            limit = self.max_json + 5 * self.max_attachment
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > limit:
                    await _send_json(send, 413, error_body("too_large", _too_large(limit)))
                    return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                # Which worker process answered: for the operator reading a trace
                # (and the multi-worker test); a number, nothing about the host.
                message["headers"] = [*message.get("headers", []), (b"x-worker", _WORKER)]
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await _send_json(send, 413, error_body("too_large", _too_large(limit)))
        except Exception as exc:
            log.error("internal error %s on %s %s", type(exc).__name__, scope.get("method"), path)
            if not started:
                body = error_body("internal", "The server could not handle this request.")
                await _send_json(send, 500, body)


_WORKER = str(os.getpid()).encode()


class _BodyTooLarge(Exception):
    pass


def _too_large(limit: int) -> str:
    return f"The request body is larger than {limit} bytes."


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
