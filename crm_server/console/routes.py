"""The console as one router, and what the application needs to serve it: the
answers to a missing session (the sign-in page) and to a refusal (the error page),
and the package's static files."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from crm_server.console import (
    admin,
    channel_figures,
    channel_record,
    complaint_page,
    dashboard,
    inbox,
    sign_in,
    sms_pages,
    triage,
)
from crm_server.console.deps import ConsoleRefusal, SignInNeeded, login_url
from crm_server.console.render import error_page

router = APIRouter()
for part in (
    sign_in,
    inbox,
    dashboard,
    complaint_page,
    channel_record,
    channel_figures,
    triage,
    sms_pages,
    admin,
):
    router.include_router(part.router)


async def _answered(answer: Response | Awaitable[Response]) -> Response:
    return await answer if inspect.isawaitable(answer) else answer


def _console_page(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/console/") and not path.startswith("/console/static/")


def install(app: FastAPI) -> None:
    """Also: what the JSON fronts answer to a request that is no route, or whose values
    do not fit (the API's JSON error), a console address answers with the console's
    own page — a staff member who typed ``/console/c/abc`` or followed an old link
    reads "not found" in their language, not a JSON body."""
    api_invalid = app.exception_handlers[RequestValidationError]
    api_http = app.exception_handlers[StarletteHTTPException]

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if not _console_page(request):
            return await _answered(api_invalid(request, exc))
        # A value in the address that is no row is a page that does not exist; a form
        # that does not fit was not made by the console (each form checks its fields
        # itself and says what is wrong): the expired-form page.
        in_address = any(error.get("loc", ("",))[0] == "path" for error in exc.errors())
        return error_page(request, None, 404 if in_address else 400)

    @app.exception_handler(StarletteHTTPException)
    async def _no_route(request: Request, exc: StarletteHTTPException) -> Response:
        if not _console_page(request) or exc.status_code not in (404, 405):
            return await _answered(api_http(request, exc))
        return error_page(request, None, 404)

    @app.exception_handler(SignInNeeded)
    async def _sign_in(_request: Request, exc: SignInNeeded) -> Response:
        return RedirectResponse(login_url(exc.next_path, exc.expired), status_code=303)

    @app.exception_handler(ConsoleRefusal)
    async def _refused(request: Request, exc: ConsoleRefusal) -> Response:
        return error_page(request, exc.staff, exc.status_code)

    app.mount(
        "/console/static",
        StaticFiles(packages=[("crm_server.console", "static")]),
        name="console-static",
    )
    app.include_router(router)
