"""Officer accounts: sign-in with argon2 hashes, roles checked here (not only in the UI).

Roles: officer (records and finds complaints), supervisor (also sees every desk's
queue), admin (also manages accounts and settings). Five wrong passwords in a row
lock an account for five minutes, so a password cannot be guessed at the counter.
A new or reset account signs in with a temporary password and must choose its own
there (:class:`PasswordChangeRequired`); a disabled account cannot sign in. What an
admin does to accounts is in :mod:`desk_app.services.account_admin`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.text import clean_line
from desk_app.services.account_admin import Account, AccountAdministration
from desk_app.services.account_rules import (
    COMMAND_LINE,
    MIN_PASSWORD_LENGTH,
    ROLE_LABELS,
    Officer,
    Role,
    check_password,
    checked_new_account,
    require,
)
from desk_app.services.errors import AuthFailed, PasswordChangeRequired, PermissionDenied
from desk_app.store import audit, officers
from desk_app.store.db import Database
from desk_app.store.officers import OfficerRecord

__all__ = [
    "COMMAND_LINE",
    "LOCKOUT",
    "MAX_FAILED_ATTEMPTS",
    "MIN_PASSWORD_LENGTH",
    "ROLE_LABELS",
    "Account",
    "AccountService",
    "Officer",
    "Role",
    "desk_password_hasher",
    "require",
]

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=5)


def desk_password_hasher() -> PasswordHasher:
    """argon2id with OWASP's memory and passes (19 MiB, 2 passes) in two lanes:
    argon2-cffi's default (64 MiB, 3 passes, 4 lanes) takes ~0.35 s and 64 MiB on a
    two-core desk PC at every sign-in. Two lanes are hashed on both cores at once
    (~12 ms instead of ~19 ms for one lane) for the same memory and work per guess,
    so a guesser pays what it paid before; RFC 9106 recommends 4 lanes. Hashes made
    with other parameters still verify, and are re-hashed with these at the next
    successful sign-in."""
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=2)


WRONG_PASSWORD = QT_TRANSLATE_NOOP("Accounts", "Nama pengguna atau kata sandi salah.")
DISABLED = QT_TRANSLATE_NOOP(
    "Accounts", "Akun ini dinonaktifkan dan tidak dapat masuk. Hubungi admin meja."
)
CHOOSE_NEW_PASSWORD = QT_TRANSLATE_NOOP(
    "Accounts", "Kata sandi ini sementara. Pilih kata sandi baru Anda sendiri untuk masuk."
)
SAME_AS_TEMPORARY = QT_TRANSLATE_NOOP(
    "Accounts", "Kata sandi baru harus berbeda dari kata sandi sementara."
)


class AccountService(AccountAdministration):
    def __init__(
        self,
        database: Database,
        clock: Callable[[], dt.datetime],
        hasher: PasswordHasher | None = None,
    ) -> None:
        self._db = database
        self._clock = clock
        self._hasher = hasher or desk_password_hasher()
        self._dummy: str | None = None  # see _check_password

    def has_accounts(self) -> bool:
        with self._db.read() as session:
            return officers.count(session) > 0

    def prepare_sign_in(self) -> None:
        """Run while the officer types the first password: the first argon2 hash in
        a process also pays for bringing its 19 MiB into memory (which the allocator
        then keeps), the first check pays again (~5 ms more after Enter, measured),
        and the first look-up of an officer compiles its statement. All done now
        shorten the wait after Enter. Reads and hashes only; writes nothing."""
        self._password_matches(self._dummy_hash(), "prepare-sign-in")
        with self._db.read() as session:
            officers.get(session, "")

    def create_first_admin(self, username: str, display_name: str, password: str) -> Officer:
        """First run only: the first account, an admin. Refused once any account exists."""
        username, display_name = checked_new_account(username, display_name, password)
        now = self._clock()
        with self._db.write() as session:
            if officers.count(session) > 0:
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP(
                        "Accounts", "Admin pertama sudah dibuat; masuk sebagai admin."
                    )
                )
            officers.add(
                session, username, display_name, Role.ADMIN.value, self._hasher.hash(password), now
            )
            audit.record(session, now, username, "account.first_admin", username)
        return Officer(username, display_name, Role.ADMIN)

    def sign_in(self, username: str, password: str) -> Officer:
        """The officer, when ``password`` is theirs. Raises AuthFailed (wrong, locked,
        disabled) or, for a temporary password, PasswordChangeRequired."""
        return self._sign_in(username, password, None)

    def change_password_at_sign_in(
        self, username: str, temporary_password: str, new_password: str
    ) -> Officer:
        """The first sign-in of a new or reset account: the temporary password is
        checked again, the new one (the same rules as any) replaces it, and the
        officer is signed in."""
        check_password(new_password)
        if new_password == temporary_password:
            raise AuthFailed(SAME_AS_TEMPORARY)
        return self._sign_in(username, temporary_password, new_password)

    def _sign_in(self, username: str, password: str, new_password: str | None) -> Officer:
        username = clean_line(username).lower()
        now = self._clock()
        # Failures are recorded (counter, lock, audit) and committed first; the error is
        # raised only after the transaction, or the rollback would forget them.
        failure: AuthFailed | PasswordChangeRequired | None = None
        with self._db.write() as session:
            record = officers.get(session, username)
            failure = self._check_password(session, record, username, password, now)
            if failure is None and record is not None:
                changes: dict[str, object] = {"failed_attempts": 0, "locked_until": None}
                if new_password is not None:
                    changes["password_hash"] = self._hasher.hash(new_password)
                    changes["must_change_password"] = False
                    audit.record(session, now, username, "account.password_changed", username)
                elif record.must_change_password:
                    audit.record(session, now, username, "signin.password_change_asked", username)
                    failure = PasswordChangeRequired(CHOOSE_NEW_PASSWORD, username)
                elif self._hasher.check_needs_rehash(record.password_hash):
                    changes["password_hash"] = self._hasher.hash(password)
                if failure is None:
                    changes["last_sign_in_at"] = now
                    audit.record(session, now, username, "signin", username)
                officers.update(session, username, **changes)
        if failure is not None or record is None:
            raise failure or AuthFailed(WRONG_PASSWORD)
        return Officer(record.username, record.display_name, Role(record.role))

    def _check_password(
        self,
        session: Session,
        record: OfficerRecord | None,
        username: str,
        password: str,
        now: dt.datetime,
    ) -> AuthFailed | None:
        """None when ``password`` is the account's and it may sign in; otherwise the
        refusal, with the failure counted (and the account locked after five)."""
        if record is None:
            # Verify against a dummy hash of the same parameters, so an unknown user
            # name costs the same time as a known one with a wrong password: the time
            # of the answer does not tell which names exist.
            self._password_matches(self._dummy_hash(), password)
            audit.record(session, now, username[:64], "signin.failed", "")
            return AuthFailed(WRONG_PASSWORD)
        matches = self._password_matches(record.password_hash, password)
        if record.locked_until is not None and record.locked_until > now:
            minutes = int((record.locked_until - now).total_seconds() // 60) + 1
            return AuthFailed(
                QT_TRANSLATE_NOOP(
                    "Accounts", "Akun dikunci sementara. Coba lagi dalam {minutes} menit."
                ).format(minutes=minutes)
            )
        if not matches:
            failed = record.failed_attempts + 1
            locked = now + LOCKOUT if failed >= MAX_FAILED_ATTEMPTS else None
            officers.update(
                session, username, failed_attempts=0 if locked else failed, locked_until=locked
            )
            audit.record(session, now, username, "signin.failed", username)
            if locked:
                return AuthFailed(
                    QT_TRANSLATE_NOOP(
                        "Accounts", "Terlalu banyak percobaan salah. Akun dikunci {minutes} menit."
                    ).format(minutes=int(LOCKOUT.total_seconds() // 60))
                )
            return AuthFailed(WRONG_PASSWORD)
        if not record.active:
            # Said only to whoever knows the password: a stranger learns nothing.
            audit.record(session, now, username, "signin.refused_disabled", username)
            return AuthFailed(DISABLED)
        return None

    def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = self._hasher.hash("meja-aduan: no such account")
        return self._dummy

    def _password_matches(self, stored_hash: str, password: str) -> bool:
        try:
            return bool(self._hasher.verify(stored_hash, password))
        except (VerificationError, InvalidHashError):
            return False
