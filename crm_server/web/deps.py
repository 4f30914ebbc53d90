"""The typed dependencies of the JSON fronts: the core (``CrmDep``), the bearer
credentials, the desk (``DeskDep``) and the staff user (``UserDep``) they name."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from crm_server.core.auth import DeskAuth, UserAuth
from crm_server.core.crm import Crm
from crm_server.core.errors import unauthorized
from crm_server.web.schemas import ErrorBody

# The error answers every JSON route documents.
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": "Error"}
    for code in (400, 401, 403, 404, 409, 413, 422)
}
bearer = HTTPBearer(auto_error=False, description="Per-desk token from enrolment, or a staff token")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def get_crm(request: Request) -> Crm:
    crm: Crm = request.app.state.crm
    return crm


CrmDep = Annotated[Crm, Depends(get_crm)]


def bearer_token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or not credentials.credentials:
        raise unauthorized()
    return credentials.credentials


def desk_auth(crm: CrmDep, credentials: Credentials) -> DeskAuth:
    return crm.desk_for_token(bearer_token(credentials))


def user_auth(crm: CrmDep, credentials: Credentials) -> UserAuth:
    return crm.user_for_token(bearer_token(credentials))


DeskDep = Annotated[DeskAuth, Depends(desk_auth)]
UserDep = Annotated[UserAuth, Depends(user_auth)]
