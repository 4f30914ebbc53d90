"""Staff accounts as the administrators manage them: the list, a new account with
its unit checked against its role, a password, deactivation and reactivation, the
lifting of a lockout, and the units with their active users.

Every change is audited in its own transaction (actor: the admin's user name; never
a password). Ending a user's sessions is part of a password change and of a
deactivation: the user is signed out everywhere at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import delete, select

from complaint_domain.areas import AreaLevel
from complaint_domain.reference import AGENCIES, AGENCY_BY_CODE, CHANNEL_BY_CODE, CHANNELS
from crm_server.core.audit import add_audit
from crm_server.core.auth import ROLES
from crm_server.core.context import CrmContext
from crm_server.core.staff_sign_in import hash_password
from crm_server.db.engine import transaction
from crm_server.db.models import StaffSession, User

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")
MAX_NAME = 120
# The roles whose account acts for no unit.
NO_UNIT_ROLES = frozenset({"verifier", "koordinator", "admin"})


class AdminRefusal(ValueError):
    """A change the core refuses; ``problem`` says which (the console words it)."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class StaffAccount:
    id: int
    username: str
    display_name: str
    role: str
    unit_code: str
    active: bool
    locked_until: dt.datetime | None
    has_password: bool


@dataclass(frozen=True)
class Unit:
    kind: str  # kelurahan, dinas, suku_dinas, channel
    code: str
    name: str
    active_users: int
    within: str = ""  # a kelurahan's kecamatan and kota


def accounts(crm: CrmContext) -> list[StaffAccount]:
    with crm.sessions() as session:
        rows = session.scalars(select(User).order_by(User.role, User.username))
        return [_account(u) for u in rows]


def account(crm: CrmContext, username: str) -> StaffAccount | None:
    with crm.sessions() as session:
        user = session.scalar(select(User).where(User.username == username))
        return _account(user) if user is not None else None


def _account(u: User) -> StaffAccount:
    return StaffAccount(
        u.id,
        u.username,
        u.display_name,
        u.role,
        u.unit_code,
        u.active,
        u.locked_until,
        bool(u.password_hash),
    )


def unit_problem(crm: CrmContext, role: str, unit: str) -> str:
    """Why ``unit`` cannot be the unit of an account of ``role`` ("" when it can):
    ``no_unit``, ``unit_needed``, ``unknown_kelurahan``, ``unknown_agency``,
    ``unknown_kota``, ``suku_dinas_format``, ``unknown_channel``."""
    if role in NO_UNIT_ROLES:
        return "no_unit" if unit else ""
    if role == "channel_admin":
        return "" if not unit or unit in CHANNEL_BY_CODE else "unknown_channel"
    if not unit:
        return "unit_needed"
    if role == "kelurahan":
        area = crm.areas().get(unit)
        return "" if area is not None and area.level == AreaLevel.KELURAHAN else "unknown_kelurahan"
    if role == "dinas":
        return "" if unit in AGENCY_BY_CODE else "unknown_agency"
    agency_code, at, kota_code = unit.partition("@")
    if not at:
        return "suku_dinas_format"
    agency = AGENCY_BY_CODE.get(agency_code)
    if agency is None or not agency.kota_unit:
        return "unknown_agency"
    kota = crm.areas().get(kota_code)
    return "" if kota is not None and kota.level == AreaLevel.KOTA else "unknown_kota"


def create_account(
    crm: CrmContext,
    actor: str,
    username: str,
    display_name: str,
    role: str,
    unit: str,
    password: str,
) -> StaffAccount:
    """A new account with a console password (no API token: ``crm-server
    add-user`` gives those). Raises AdminRefusal (``username``, ``username_taken``,
    ``name``, ``role``, a unit problem) or ``WeakPassword``."""
    username = username.strip().lower()
    display_name = " ".join(display_name.split())
    unit = unit.strip()
    if role in ("dinas", "suku_dinas", "channel_admin"):
        unit = unit.upper()
    if not USERNAME.match(username):
        raise AdminRefusal("username")
    if not display_name or len(display_name) > MAX_NAME:
        raise AdminRefusal("name")
    if role not in ROLES:
        raise AdminRefusal("role")
    problem = unit_problem(crm, role, unit)
    if problem:
        raise AdminRefusal(problem)
    hashed = hash_password(password)
    with transaction(crm.sessions) as session:
        if session.scalar(select(User.id).where(User.username == username)) is not None:
            raise AdminRefusal("username_taken")
        user = User(
            username=username,
            display_name=display_name,
            role=role,
            unit_code=unit,
            password_hash=hashed,
            active=True,
            failed_sign_ins=0,
        )
        session.add(user)
        session.flush()
        add_audit(
            session,
            crm.now(),
            actor,
            "user_created",
            username,
            detail={"name": display_name, "role": role, "unit": unit},
        )
        return _account(user)


def change_account(
    crm: CrmContext, actor: str, username: str, display_name: str, role: str, unit: str
) -> bool:
    """Change an account's name, role and unit (checked as for a new one); False
    when nothing changed. An admin cannot change their own role (the last admin
    would lock everyone out)."""
    display_name = " ".join(display_name.split())
    unit = unit.strip()
    if role in ("dinas", "suku_dinas", "channel_admin"):
        unit = unit.upper()
    if not display_name or len(display_name) > MAX_NAME:
        raise AdminRefusal("name")
    if role not in ROLES:
        raise AdminRefusal("role")
    problem = unit_problem(crm, role, unit)
    if problem:
        raise AdminRefusal(problem)
    with transaction(crm.sessions) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise KeyError(username)
        if username == actor and role != user.role:
            raise AdminRefusal("own_role")
        before = {"name": user.display_name, "role": user.role, "unit": user.unit_code}
        after = {"name": display_name, "role": role, "unit": unit}
        if before == after:
            return False
        user.display_name, user.role, user.unit_code = display_name, role, unit
        add_audit(
            session,
            crm.now(),
            actor,
            "user_changed",
            username,
            detail={
                **{f"{k}_before": v for k, v in before.items() if after[k] != v},
                **{k: v for k, v in after.items() if before[k] != v},
            },
        )
        return True


def set_active(crm: CrmContext, actor: str, username: str, active: bool) -> bool:
    """Deactivate (ending the user's sessions) or reactivate an account; False
    when it already was. An admin cannot deactivate their own account."""
    if not active and username == actor:
        raise AdminRefusal("self")
    with transaction(crm.sessions) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise KeyError(username)
        if user.active == active:
            return False
        user.active = active
        if not active:
            session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))
        action = "user_reactivated" if active else "user_deactivated"
        add_audit(session, crm.now(), actor, action, username)
        return True


def unlock(crm: CrmContext, actor: str, username: str) -> bool:
    """Lift a lockout after wrong passwords; False when there was none."""
    with transaction(crm.sessions) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise KeyError(username)
        was_locked = user.locked_until is not None and user.locked_until > crm.now()
        user.locked_until = None
        user.failed_sign_ins = 0
        if was_locked:
            add_audit(session, crm.now(), actor, "user_unlocked", username)
        return was_locked


def units(crm: CrmContext) -> list[Unit]:
    """Every unit an account can act for, with its active users: the kelurahan of
    the areas, each Dinas and its Suku Dinas in each kota, and the channels."""
    with crm.sessions() as session:
        counted = Counter(
            (role, unit)
            for role, unit in session.execute(
                select(User.role, User.unit_code).where(User.active.is_(True))
            )
        )
    areas = crm.areas()
    kotas = areas.at_level(AreaLevel.KOTA)
    found = [
        Unit(
            "kelurahan",
            a.code,
            a.name,
            counted[("kelurahan", a.code)],
            ", ".join(p.short_name for p in reversed(areas.path(a.code)[:-1])),
        )
        for a in sorted(areas.at_level(AreaLevel.KELURAHAN), key=lambda a: a.code)
    ]
    for agency in AGENCIES:
        found.append(Unit("dinas", agency.code, agency.name, counted[("dinas", agency.code)]))
        if agency.kota_unit:
            for kota in sorted(kotas, key=lambda k: k.code):
                code = f"{agency.code}@{kota.code}"
                name = agency.unit_name(kota.short_name)
                found.append(Unit("suku_dinas", code, name, counted[("suku_dinas", code)]))
    found += [Unit("channel", c.code, c.name, counted[("channel_admin", c.code)]) for c in CHANNELS]
    return found
