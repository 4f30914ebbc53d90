"""The staff console's sign-in: argon2 passwords, sessions kept in the database, an
idle time-out, the lockout of an account after wrong passwords in a row, and a limit
of wrong sign-ins per client address.

Everything lives in the database, not in a process: any worker on any host can
answer any request of a session, and the failures are counted the same everywhere.
A session's cookie carries a random secret; the database holds only its SHA-256.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select

from crm_server.core.audit import add_audit
from crm_server.core.auth import UserAuth, hash_secret
from crm_server.core.context import CrmContext
from crm_server.db.engine import transaction
from crm_server.db.models import SignInFailure, StaffSession, User

MIN_PASSWORD_LENGTH = 10
_HASHER = PasswordHasher()
# Verified when the user name is unknown, so that a wrong name costs the same time
# as a wrong password and the answer's speed does not tell which names exist.
_DUMMY_HASH = _HASHER.hash("no such user: the same work as a real check")

Refusal = Literal["wrong", "locked", "address_limited"]


class SignInRefused(Exception):
    """``wrong``: the user name or the password (never said which); ``locked``:
    the account waits ``wait_seconds``; ``address_limited``: this address does."""

    def __init__(self, reason: Refusal, wait_seconds: int = 0) -> None:
        super().__init__(reason)
        self.reason: Refusal = reason
        self.wait_seconds = wait_seconds


class WeakPassword(ValueError):
    pass


@dataclass(frozen=True)
class StaffSessionInfo:
    """A signed-in user and the CSRF token every form of their session carries."""

    user: UserAuth
    csrf_token: str


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    return _HASHER.hash(password)


def set_password(crm: CrmContext, username: str, password: str, actor: str = "") -> None:
    """Set a user's password; it also lifts a lockout and ends their sessions."""
    hashed = hash_password(password)
    with transaction(crm.sessions) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise KeyError(username)
        user.password_hash = hashed
        user.failed_sign_ins = 0
        user.locked_until = None
        session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))
        add_audit(session, crm.now(), actor, "password_set", username)


def _auth(user: User) -> UserAuth:
    return UserAuth(user.id, user.username, user.display_name, user.role, user.unit_code)


def _wait(until: dt.datetime, now: dt.datetime) -> int:
    return max(1, int((until - now).total_seconds() + 0.999))


def sign_in(
    crm: CrmContext,
    username: str,
    password: str,
    address: str,
    old_token: str | None = None,
) -> tuple[str, StaffSessionInfo]:
    """A new session (its cookie secret and what it carries), or
    :class:`SignInRefused`. The session is always new: an earlier session of this
    browser (``old_token``) ends here, so a session id planted before the sign-in
    is worth nothing after it."""
    settings = crm.settings
    now = crm.now()
    window_start = now - dt.timedelta(minutes=settings.console_address_window_minutes)
    with transaction(crm.sessions) as session:
        if old_token:
            session.execute(
                delete(StaffSession).where(StaffSession.id_hash == hash_secret(old_token))
            )
        failures = session.scalar(
            select(func.count())
            .select_from(SignInFailure)
            .where(SignInFailure.address == address, SignInFailure.at > window_start)
        )
        if (failures or 0) >= settings.console_address_failures:
            oldest = session.scalar(
                select(func.min(SignInFailure.at)).where(
                    SignInFailure.address == address, SignInFailure.at > window_start
                )
            )
            until = (oldest or now) + dt.timedelta(minutes=settings.console_address_window_minutes)
            raise SignInRefused("address_limited", _wait(until, now))
        user = session.scalar(
            select(User).where(User.username == username.strip().lower(), User.active.is_(True))
        )
        if user is not None and user.locked_until is not None and user.locked_until > now:
            raise SignInRefused("locked", _wait(user.locked_until, now))
        if user is None or not _verify(user.password_hash, password):
            session.add(SignInFailure(address=address, at=now))
            if user is not None:
                user.failed_sign_ins += 1
                if user.failed_sign_ins >= settings.console_lock_after:
                    user.locked_until = now + dt.timedelta(minutes=settings.console_lock_minutes)
                    user.failed_sign_ins = 0
                    add_audit(session, now, "", "account_locked", user.username)
            # The failure is kept: the caller's transaction ends normally.
            failed = SignInRefused("wrong")
        else:
            failed = None
            user.failed_sign_ins = 0
            user.locked_until = None
            if user.password_hash and _HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = _HASHER.hash(password)
            token = secrets.token_urlsafe(32)
            info = StaffSessionInfo(_auth(user), secrets.token_urlsafe(32))
            session.add(
                StaffSession(
                    id_hash=hash_secret(token),
                    user_id=user.id,
                    csrf_token=info.csrf_token,
                    created_at=now,
                    last_seen_at=now,
                )
            )
            add_audit(
                session, now, user.username, "signed_in", user.username, detail={"address": address}
            )
    if failed is not None:
        raise failed
    return token, info


def _verify(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _DUMMY_HASH, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def session_for(crm: CrmContext, token: str) -> StaffSessionInfo | None:
    """The session this cookie secret opens, still fresh (and now touched), or None."""
    if not token:
        return None
    settings = crm.settings
    now = crm.now()
    with transaction(crm.sessions) as session:
        row = session.execute(
            select(StaffSession, User)
            .join(User, User.id == StaffSession.user_id)
            .where(StaffSession.id_hash == hash_secret(token))
        ).first()
        if row is None:
            return None
        staff_session, user = row
        idle = now - staff_session.last_seen_at > dt.timedelta(
            minutes=settings.console_idle_minutes
        )
        old = now - staff_session.created_at > dt.timedelta(hours=settings.console_session_hours)
        if idle or old or not user.active:
            session.delete(staff_session)
            return None
        # Touched at most once a minute: a page's every request need not write.
        if now - staff_session.last_seen_at > dt.timedelta(minutes=1):
            staff_session.last_seen_at = now
        return StaffSessionInfo(_auth(user), staff_session.csrf_token)


def sign_out(crm: CrmContext, token: str) -> None:
    with transaction(crm.sessions) as session:
        session.execute(delete(StaffSession).where(StaffSession.id_hash == hash_secret(token)))


def forget_old_failures(crm: CrmContext) -> int:
    """Failures older than the address window count for nothing: remove them."""
    cutoff = crm.now() - dt.timedelta(minutes=crm.settings.console_address_window_minutes)
    with transaction(crm.sessions) as session:
        result = session.execute(delete(SignInFailure).where(SignInFailure.at <= cutoff))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
