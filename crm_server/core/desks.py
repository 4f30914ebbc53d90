"""Desks: enrolment (a one-time code for a bearer token), heartbeats and what the
supervisor view reads of them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from complaint_domain.ticket import validate_desk_code
from crm_server.core.audit import add_audit
from crm_server.core.auth import (
    DeskAuth,
    hash_secret,
    new_enrolment_code,
    new_token,
    normalise_enrolment_code,
)
from crm_server.core.context import CrmContext
from crm_server.core.errors import ApiError
from crm_server.db.engine import transaction
from crm_server.db.models import Desk, EnrolmentCode

# Ticket codes minted by the CRM itself (Open311 requests) use this desk code.
CRM_DESK_CODE = "WEB"
# The ticket codes the CRM mints for a complaint recorded on behalf of a channel
# (issue 22): its own prefix, so that a citizen's ticket names where it came from.
# Desk-code letters only (no I, L, O). A channel not listed gets ``CRM_DESK_CODE``.
CHANNEL_TICKET_CODES = {
    "JAKI": "JAK",
    "TWITTER": "TWT",
    "FACEBOOK": "FB",
    "EMAIL": "EMA",
    "SOSMED_GUB": "GUB",
    "SMS": "SMS",
    "MEDIA_MASSA": "MDM",
    "LAPOR": "SP4N",
}
RESERVED_DESK_CODES = frozenset({CRM_DESK_CODE, *CHANNEL_TICKET_CODES.values()})
MAX_OFFSET_S = 2**31 - 1  # a 32-bit INTEGER column


def create_enrolment(crm: CrmContext, desk_code: str, site: str, actor: str | None = None) -> str:
    """A one-time code for the desk ``desk_code`` (created if new). With an
    ``actor`` (an administrator in the console) the audit log records it, never
    the code itself."""
    code = validate_desk_code(desk_code)
    if code in RESERVED_DESK_CODES:
        raise ValueError(f"desk code {code} is reserved for the CRM itself")
    secret = new_enrolment_code()
    now = crm.now()
    with transaction(crm.sessions) as session:
        desk = session.scalar(select(Desk).where(Desk.code == code))
        if desk is None:
            desk = Desk(code=code, site=site)
            session.add(desk)
            session.flush()
        elif site:
            desk.site = site
        session.add(
            EnrolmentCode(
                desk_id=desk.id,
                code_hash=hash_secret(normalise_enrolment_code(secret)),
                created_at=now,
                expires_at=now + dt.timedelta(days=crm.settings.enrolment_code_days),
            )
        )
        if actor is not None:
            add_audit(
                session,
                now,
                actor,
                "enrolment_code_created",
                f"desk:{code}",
                detail={"site": desk.site},
            )
    return secret


def enrol(crm: CrmContext, enrolment_code: str, app_version: str = "") -> tuple[DeskAuth, str]:
    """Exchange a one-time code for the desk's bearer token (the old token stops working)."""
    code_hash = hash_secret(normalise_enrolment_code(enrolment_code))
    now = crm.now()
    token = new_token("mdt")
    with transaction(crm.sessions) as session:
        # One UPDATE decides who used the code: two racing enrolments cannot both win.
        used = session.execute(
            update(EnrolmentCode)
            .where(
                EnrolmentCode.code_hash == code_hash,
                EnrolmentCode.used_at.is_(None),
                EnrolmentCode.expires_at > now,
            )
            .values(used_at=now)
            .returning(EnrolmentCode.desk_id)
        ).scalar()
        if used is None:
            raise ApiError(
                401,
                "invalid_enrolment_code",
                "Kode pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa.",
                "enrolment_code",
            )
        desk = session.get_one(Desk, used)
        desk.token_hash = hash_secret(token)
        desk.enrolled_at = now
        if app_version:
            desk.app_version = app_version
        auth = DeskAuth(desk.id, desk.code, desk.site)
    return auth, token


def desk_by_code(crm: CrmContext, code: str) -> DeskAuth | None:
    with crm.sessions() as session:
        row = session.execute(
            select(Desk.id, Desk.code, Desk.site).where(Desk.code == code)
        ).first()
    return DeskAuth(*row) if row is not None else None


def heartbeat(
    crm: CrmContext,
    desk: DeskAuth,
    pending: int,
    oldest_age: int | None,
    version: str,
    *,
    officer: str | None = None,
    desk_time: dt.datetime | None = None,
) -> dt.datetime:
    """Note a desk's heartbeat. ``officer`` and ``desk_time`` are None from desks
    older than the supervisor view: what the CRM knew of them stays as it was."""
    now = crm.now()
    values: dict[str, object] = {
        "last_heartbeat_at": now,
        "pending_count": pending,
        "oldest_unsent_age_s": oldest_age,
        "app_version": version or Desk.app_version,
    }
    if officer is not None:
        values["signed_in_officer"] = officer
    if desk_time is not None:
        if desk_time.tzinfo is None:
            desk_time = desk_time.replace(tzinfo=dt.UTC)
        # desk − CRM, whole seconds (the request's own transit time is below that);
        # a clock set centuries off is kept as the largest offset the column holds.
        offset = round((desk_time - now).total_seconds())
        values["clock_offset_s"] = max(-MAX_OFFSET_S, min(MAX_OFFSET_S, offset))
    with transaction(crm.sessions) as session:
        session.execute(update(Desk).where(Desk.id == desk.id).values(**values))
    return now


def desk_statuses(crm: CrmContext, site: str | None = None) -> list[Desk]:
    with crm.sessions() as session:
        query = select(Desk).order_by(Desk.code)
        if site is not None:
            query = query.where(Desk.site == site)
        return list(session.scalars(query))
