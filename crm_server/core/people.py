"""Finding a citizen's complaint by what they can show (issue 18: a citizen's
request to see, correct or remove their data): the ticket code and their NIK or
phone number, compared by the keyed hashes (the values themselves are encrypted).
The same "not found" for a code that does not exist and for a person not recorded
on it: a code is no key to someone else's data. Then every record of that person,
on any complaint (``records_of_person``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crm_server.core.complaints import find_complaint
from crm_server.core.context import CrmContext
from crm_server.db.crypto import DataKeys, normal_nik, normal_phone
from crm_server.db.models import Complaint, CoReporter


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


@dataclass(frozen=True)
class PersonRecord:
    """Where a person is recorded: a complaint, as its citizen (``reporter`` "") or
    as a co-reporter (``reporter`` the co-reporter's event id)."""

    complaint_pk: int
    ticket_code: str
    reporter: str


def records_of_person(
    session: Session, keys: DataKeys, seed: PersonRecord, person: Mapping[str, Any]
) -> list[PersonRecord]:
    """Every record of the person recorded at ``seed`` (whose fields are ``person``),
    across complaints and channels, as citizen or co-reporter, by the keyed hashes
    (under every live key): the records with the same NIK, then the records with
    one of their phone numbers and no NIK. A record with the phone but another NIK
    is another person sharing it (a household's number) and is left out; so is one
    with a NIK when the person gave none (whose phone it is cannot be told). The
    citizen names such a complaint in a request of its own. ``seed`` comes first,
    then by ticket code."""
    nik = normal_nik(str(person.get("nik") or ""))
    phones = {normal_phone(str(person.get("phone") or ""))}
    found = {seed}
    if nik:
        for record, _nik_hash, fields in _matching(session, keys.lookup_hashes("nik", nik), []):
            found.add(record)
            phones.add(normal_phone(str(fields.get("phone") or "")))
    phone_hashes = [h for p in sorted(phones - {""}) for h in keys.lookup_hashes("phone", p)]
    for record, nik_hash, _fields in _matching(session, [], phone_hashes):
        if not nik_hash:
            found.add(record)
    others = sorted(found - {seed}, key=lambda r: (r.ticket_code, r.reporter))
    return [seed, *others]


def _matching(
    session: Session, nik_hashes: list[str], phone_hashes: list[str]
) -> list[tuple[PersonRecord, str, dict[str, Any]]]:
    """The records with one of the NIK or phone hashes: each with its NIK hash and
    its fields."""
    if not (nik_hashes or phone_hashes):
        return []
    found = [
        (PersonRecord(c.pk, c.ticket_code, ""), c.complainant_nik_hash, c.complainant or {})
        for c in session.scalars(
            select(Complaint).where(
                or_(
                    Complaint.complainant_nik_hash.in_(nik_hashes),
                    Complaint.complainant_phone_hash.in_(phone_hashes),
                )
            )
        )
    ]
    for co, code in session.execute(
        select(CoReporter, Complaint.ticket_code)
        .join(Complaint, Complaint.pk == CoReporter.complaint_pk)
        .where(or_(CoReporter.nik_hash.in_(nik_hashes), CoReporter.phone_hash.in_(phone_hashes)))
    ):
        found.append(
            (PersonRecord(co.complaint_pk, code, str(co.event_id)), co.nik_hash, co.reporter or {})
        )
    return found
