"""Who may see what, in one place: the console's inbox, its lists and its
complaint page all ask here (need to know).

- **a complaint**: the channel admin of its channel (an admin without a channel
  code sees every channel), the kelurahan of its location, the Dinas it was
  forwarded to, the Suku Dinas of that Dinas in its kota, the verifiers once it has
  reached verification, and the koordinator and admins (the city);
- **waiting for me**: the complaints in the state my role acts on, in my unit;
- **the citizen's contact details**: only the unit handling it now, the channel
  admin while it is theirs, and admins, never an agency when the citizen asked to
  keep their identity from the agencies.

Anyone else gets the same "not found" as for a code that does not exist.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, or_, true

from complaint_domain.status import Status
from crm_server.core.auth import UserAuth
from crm_server.db.models import Complaint

CITY_ROLES = frozenset({"koordinator", "admin"})
AGENCY_ROLES = frozenset({"kelurahan", "dinas", "suku_dinas"})
_VERIFIED_STATES = (Status.VERIFICATION, Status.RETURNED, Status.DONE)
_HANDLING = (Status.IN_PROGRESS, Status.RETURNED)


def _suku_dinas(unit_code: str) -> tuple[str, str]:
    agency, _, kota = unit_code.partition("@")
    return agency, kota


def visible(user: UserAuth) -> ColumnElement[bool]:
    """The SQL condition of the complaints ``user`` may see."""
    c = Complaint
    role, unit = user.role, user.unit_code
    if role in CITY_ROLES:
        return true()
    if role == "channel_admin":
        return true() if not unit else c.channel == unit
    if role == "kelurahan":
        return c.kelurahan_code == unit if unit else false()
    if role == "dinas":
        return c.agency_code == unit if unit else false()
    if role == "suku_dinas":
        agency, kota = _suku_dinas(unit)
        return and_(c.agency_code == agency, c.kota_code == kota) if agency and kota else false()
    if role == "verifier":
        return c.status.in_([s.value for s in _VERIFIED_STATES])
    return false()


def waiting(user: UserAuth) -> ColumnElement[bool]:
    """The SQL condition of what waits for ``user`` to act on now: always within
    what they may see (an account without its unit waits for nothing)."""
    return and_(visible(user), _acts_on(user))


def _acts_on(user: UserAuth) -> ColumnElement[bool]:
    c = Complaint
    role, unit = user.role, user.unit_code
    if role == "channel_admin":
        return c.status == Status.RECEIVED.value
    if role == "kelurahan":
        return or_(
            c.status == Status.COORDINATION.value,
            and_(c.unit_code == unit, c.status.in_([s.value for s in _HANDLING])),
        )
    if role == "dinas":
        return c.status == Status.DISPOSITION.value
    if role == "suku_dinas":
        return and_(c.unit_code == unit, c.status.in_([s.value for s in _HANDLING]))
    if role == "verifier":
        return c.status == Status.VERIFICATION.value
    if role in CITY_ROLES:  # the city's open complaints; the dashboard says more
        return c.status.not_in([s.value for s in Status if s.is_final])
    return false()


def may_see(user: UserAuth, complaint: Complaint) -> bool:
    role, unit = user.role, user.unit_code
    if role in CITY_ROLES:
        return True
    if role == "channel_admin":
        return not unit or complaint.channel == unit
    if role == "kelurahan":
        return bool(unit) and complaint.kelurahan_code == unit
    if role == "dinas":
        return bool(unit) and complaint.agency_code == unit
    if role == "suku_dinas":
        agency, kota = _suku_dinas(unit)
        return bool(agency) and (complaint.agency_code, complaint.kota_code) == (agency, kota)
    if role == "verifier":
        return complaint.status in _VERIFIED_STATES
    return False


def handles_now(user: UserAuth, complaint: Complaint) -> bool:
    """The user's unit holds the complaint now (it is theirs to act on)."""
    status = Status(complaint.status)
    if status.is_final:
        return False
    if user.role == "channel_admin":
        return status == Status.RECEIVED and may_see(user, complaint)
    if user.role == "verifier":
        return status == Status.VERIFICATION
    if user.role == "kelurahan" and status == Status.COORDINATION:
        return complaint.kelurahan_code == user.unit_code
    if user.role in ("dinas", "kelurahan", "suku_dinas"):
        return bool(user.unit_code) and complaint.unit_code == user.unit_code
    return False


def may_see_contact(user: UserAuth, complaint: Complaint) -> bool:
    """May ask for the citizen's name and contact (each look is recorded)."""
    if user.role == "admin":
        return True
    private = bool(complaint.complainant.get("keep_identity_private"))
    if private and user.role in AGENCY_ROLES:
        return False
    return handles_now(user, complaint)
