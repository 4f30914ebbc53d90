"""Finding a citizen's complaint by what they can show (issue 18: a citizen's
request to see, correct or remove their data): the ticket code and their NIK or
phone number, compared by the keyed hashes (the values themselves are encrypted).
The same "not found" for a code that does not exist and for a person not recorded
on it: a code is no key to someone else's data."""

from __future__ import annotations

from sqlalchemy import or_, select

from crm_server.core.complaints import find_complaint
from crm_server.core.context import CrmContext
from crm_server.db.crypto import normal_nik, normal_phone
from crm_server.db.models import CoReporter


def complaint_of_person(
    crm: CrmContext, ticket_code: str, nik: str = "", phone: str = ""
) -> str | None:
    """The complaint's ticket code when the person given by ``nik`` or ``phone`` is
    its citizen or one of its co-reporters; None otherwise."""
    nik, phone = normal_nik(nik), normal_phone(phone)
    if not (nik or phone):
        return None
    keys = crm.data_keys
    nik_hashes = keys.lookup_hashes("nik", nik) if nik else []
    phone_hashes = keys.lookup_hashes("phone", phone) if phone else []
    with crm.sessions() as session:
        complaint = find_complaint(session, ticket_code)
        if complaint is None:
            return None
        if (
            complaint.complainant_nik_hash in nik_hashes
            or complaint.complainant_phone_hash in phone_hashes
        ):
            return complaint.ticket_code
        co_reporter = session.scalar(
            select(CoReporter.event_id)
            .where(
                CoReporter.complaint_pk == complaint.pk,
                or_(CoReporter.nik_hash.in_(nik_hashes), CoReporter.phone_hash.in_(phone_hashes)),
            )
            .limit(1)
        )
    return complaint.ticket_code if co_reporter is not None else None
