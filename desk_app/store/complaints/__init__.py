"""Complaints and their events as stored: :mod:`.writes` (intake, corrections, what
sync stores from the CRM), :mod:`.reads` (whole complaints, list summaries, the
columns sync sends) and :mod:`.search` (NIK, phone, area, ticket code, words).

Callers use the one name ``complaints.get(...)``, ``complaints.insert(...)``: the
functions are gathered here.
"""

from desk_app.store.complaints.reads import (
    OPEN_STATES,
    ComplaintSummary,
    by_ticket_code,
    count,
    existing_ids,
    for_day,
    get,
    print_pending,
    reporter_to_print,
    reporters_by_event,
    rows_by_id,
)
from desk_app.store.complaints.search import (
    by_nik_or_phone,
    fts_query,
    open_in_area_category,
    search_words,
    summary_by_code,
)
from desk_app.store.complaints.writes import (
    CrmEvent,
    add_crm_events,
    add_event,
    insert,
    set_crm_ids,
    set_printed,
    set_reporter_printed,
    set_statuses,
    update_intake,
)

__all__ = [
    "OPEN_STATES",
    "ComplaintSummary",
    "CrmEvent",
    "add_crm_events",
    "add_event",
    "by_nik_or_phone",
    "by_ticket_code",
    "count",
    "existing_ids",
    "for_day",
    "fts_query",
    "get",
    "insert",
    "open_in_area_category",
    "print_pending",
    "reporter_to_print",
    "reporters_by_event",
    "rows_by_id",
    "search_words",
    "set_crm_ids",
    "set_printed",
    "set_reporter_printed",
    "set_statuses",
    "summary_by_code",
    "update_intake",
]
