"""The workflow API for staff: act on a complaint, read one, list them by filter."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from complaint_domain.status import Status
from crm_server.core.bounds import check_day
from crm_server.core.errors import ApiError
from crm_server.core.schemas import ActionRequest, Text
from crm_server.core.sms import staff as sms_staff
from crm_server.core.visibility import CITY_ROLES
from crm_server.core.workflow import Workflow
from crm_server.web.deps import ERRORS, CrmDep, UserDep
from crm_server.workflow_api.schemas import ComplaintDetail, ComplaintList, SmsMessages, SmsTotals

router = APIRouter(responses=ERRORS)

TicketPath = Annotated[Text, Path(max_length=40)]


@router.post(
    "/api/v1/workflow/complaints/{ticket_code}/actions",
    response_model=ComplaintDetail,
    tags=["workflow"],
)
def act(crm: CrmDep, user: UserDep, ticket_code: TicketPath, body: ActionRequest) -> Any:
    workflow = Workflow(crm)
    complaint = workflow.act(user, ticket_code, body)
    return workflow.detail(complaint.ticket_code)


@router.get(
    "/api/v1/workflow/complaints/{ticket_code}", response_model=ComplaintDetail, tags=["workflow"]
)
def complaint_detail(crm: CrmDep, user: UserDep, ticket_code: TicketPath) -> Any:
    detail = Workflow(crm).detail(ticket_code, user)
    if detail is None:  # also when it is not the user's to see: existence is not told
        raise ApiError(404, "not_found", "No complaint has this ticket code.", "ticket_code")
    return detail


# The states a complaint can have on the CRM (not_sent is the desk's alone).
LISTED_STATES = tuple(s.value for s in Status if s is not Status.NOT_SENT)


@router.get("/api/v1/workflow/complaints", response_model=ComplaintList, tags=["workflow"])
def complaint_list(
    crm: CrmDep,
    user: UserDep,
    status: Annotated[Text | None, Query(max_length=20)] = None,
    overdue: bool | None = None,
    digantung: bool | None = None,
    unit: Annotated[Text | None, Query(max_length=60)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    if status is not None and status not in LISTED_STATES:
        raise ApiError(
            422, "invalid", "status must be one of: " + ", ".join(LISTED_STATES) + ".", "status"
        )
    rows = Workflow(crm).search(status, overdue, digantung, unit, limit, user)
    return {"complaints": rows}


@router.get(
    "/api/v1/workflow/complaints/{ticket_code}/sms", response_model=SmsMessages, tags=["workflow"]
)
def complaint_sms(crm: CrmDep, user: UserDep, ticket_code: TicketPath) -> Any:
    """The SMS sent to the citizens of a complaint and their delivery state."""
    seen = Workflow(crm).may_see(user, ticket_code)
    messages = sms_staff.complaint_messages(crm, ticket_code) if seen else None
    if messages is None:
        raise ApiError(404, "not_found", "No complaint has this ticket code.", "ticket_code")
    return {"messages": messages}


@router.get("/api/v1/workflow/sms/totals", response_model=SmsTotals, tags=["workflow"])
def sms_totals(crm: CrmDep, user: UserDep, day: dt.date | None = None) -> Any:
    """A day's SMS (Jakarta time; today by default): totals by state and kind, failures.
    The city's figures: for the koordinator and the admin, as the console's page."""
    if user.role not in CITY_ROLES:
        raise ApiError(403, "forbidden_role", f"The role {user.role} may not read the city's SMS.")
    check_day(day, "day")
    return sms_staff.daily_totals(crm, day)
