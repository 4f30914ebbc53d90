"""The console as one router, and what the application needs to serve it: the
answers to a missing session (the sign-in page) and to a refusal (the error page),
and the package's static files."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

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


def install(app: FastAPI) -> None:
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
