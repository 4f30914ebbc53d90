"""Officer accounts: sign-in with argon2 hashes, roles checked here (not only in the UI).

Roles: officer (records and finds complaints), supervisor (also sees every desk's
queue), admin (also manages accounts and settings). Five wrong passwords in a row
lock an account for five minutes, so a password cannot be guessed at the counter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.text import clean_line
from desk_app.services.errors import AuthFailed, PermissionDenied, UserFacingError
from desk_app.store import audit, officers
from desk_app.store.db import Database

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8


def desk_password_hasher() -> PasswordHasher:
    """argon2id with OWASP's memory and passes (19 MiB, 2 passes) in two lanes:
    argon2-cffi's default (64 MiB, 3 passes, 4 lanes) takes ~0.35 s and 64 MiB on a
    two-core desk PC at every sign-in. Two lanes are hashed on both cores at once
    (~12 ms instead of ~19 ms for one lane) for the same memory and work per guess,
    so a guesser pays what it paid before; RFC 9106 recommends 4 lanes. Hashes made
    with other parameters still verify, and are re-hashed with these at the next
    successful sign-in."""
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=2)


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return {"officer": 1, "supervisor": 2, "admin": 3}[self.value]

    @property
    def label(self) -> str:
        return ROLE_LABELS[self.value]


ROLE_LABELS = {
    "officer": QT_TRANSLATE_NOOP("Accounts", "Petugas"),
    "supervisor": QT_TRANSLATE_NOOP("Accounts", "Koordinator"),
    "admin": QT_TRANSLATE_NOOP("Accounts", "Admin"),
}
WRONG_PASSWORD = QT_TRANSLATE_NOOP("Accounts", "Nama pengguna atau kata sandi salah.")


@dataclass(frozen=True)
class Officer:
    """The signed-in person. Services take it to know who acts and what they may do."""

    username: str
    display_name: str
    role: Role

    def has(self, role: Role) -> bool:
        return self.role.rank >= role.rank


def require(officer: Officer | None, role: Role) -> Officer:
    if officer is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Accounts", "Silakan masuk terlebih dahulu."))
    if not officer.has(role):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Accounts", "Tindakan ini hanya untuk {role}.").format(
                role=role.label
            )
        )
    return officer


class AccountService:
    def __init__(
        self,
        database: Database,
        clock: Callable[[], dt.datetime],
        hasher: PasswordHasher | None = None,
    ) -> None:
        self._db = database
        self._clock = clock
        self._hasher = hasher or desk_password_hasher()

    def has_accounts(self) -> bool:
        with self._db.read() as session:
            return officers.count(session) > 0

    def prepare_sign_in(self) -> None:
        """Run while the officer types the first password: the first argon2 hash in
        a process also pays for bringing its 19 MiB into memory (which the allocator
        then keeps), the first check pays again (~5 ms more after Enter, measured),
        and the first look-up of an officer compiles its statement. All done now
        shorten the wait after Enter. Reads and hashes only; writes nothing."""
        self._hasher.verify(self._hasher.hash("prepare-sign-in"), "prepare-sign-in")
        with self._db.read() as session:
            officers.get(session, "")

    def _check_new(self, username: str, display_name: str, password: str) -> tuple[str, str]:
        username = clean_line(username).lower()
        display_name = clean_line(display_name)
        if not username or not username.replace(".", "").replace("_", "").isalnum():
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Accounts", "Nama pengguna hanya huruf, angka, titik dan garis bawah."
                )
            )
        if len(username) > 64 or not display_name or len(display_name) > 120:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Accounts",
                    "Nama pengguna dan nama tampilan wajib diisi (tidak terlalu panjang).",
                )
            )
        if len(password) < MIN_PASSWORD_LENGTH:
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Accounts", "Kata sandi paling sedikit {count} karakter.").format(
                    count=MIN_PASSWORD_LENGTH
                )
            )
        return username, display_name

    def create_first_admin(self, username: str, display_name: str, password: str) -> Officer:
        """First run only: the first account, an admin. Refused once any account exists."""
        username, display_name = self._check_new(username, display_name, password)
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

    def add_account(
        self, actor: Officer, username: str, display_name: str, password: str, role: Role
    ) -> Officer:
        require(actor, Role.ADMIN)
        username, display_name = self._check_new(username, display_name, password)
        now = self._clock()
        with self._db.write() as session:
            if officers.get(session, username) is not None:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP("Accounts", "Nama pengguna {username} sudah dipakai.").format(
                        username=username
                    )
                )
            officers.add(
                session, username, display_name, role.value, self._hasher.hash(password), now
            )
            audit.record(session, now, actor.username, "account.add", username, role=role.value)
        return Officer(username, display_name, role)

    def set_active(self, actor: Officer, username: str, active: bool) -> None:
        require(actor, Role.ADMIN)
        if username == actor.username and not active:
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Accounts", "Admin tidak dapat menonaktifkan akunnya sendiri.")
            )
        now = self._clock()
        with self._db.write() as session:
            officers.update(session, username, active=active)
            audit.record(session, now, actor.username, "account.active", username, active=active)

    def sign_in(self, username: str, password: str) -> Officer:
        username = clean_line(username).lower()
        now = self._clock()
        # Failures are recorded (counter, lock, audit) and committed first; the error is
        # raised only after the transaction, or the rollback would forget them.
        failure: AuthFailed | None = None
        with self._db.write() as session:
            record = officers.get(session, username)
            if record is None or not record.active:
                # Hash anyway so a wrong user name costs the same time as a wrong password.
                self._hasher.hash(password)
                audit.record(session, now, username[:64], "signin.failed", "")
                failure = AuthFailed(WRONG_PASSWORD)
            elif record.locked_until is not None and record.locked_until > now:
                minutes = int((record.locked_until - now).total_seconds() // 60) + 1
                failure = AuthFailed(
                    QT_TRANSLATE_NOOP(
                        "Accounts", "Akun dikunci sementara. Coba lagi dalam {minutes} menit."
                    ).format(minutes=minutes)
                )
            elif not self._password_matches(record.password_hash, password):
                failed = record.failed_attempts + 1
                locked = now + LOCKOUT if failed >= MAX_FAILED_ATTEMPTS else None
                officers.update(
                    session, username, failed_attempts=0 if locked else failed, locked_until=locked
                )
                audit.record(session, now, username, "signin.failed", username)
                failure = AuthFailed(
                    QT_TRANSLATE_NOOP(
                        "Accounts", "Terlalu banyak percobaan salah. Akun dikunci {minutes} menit."
                    ).format(minutes=int(LOCKOUT.total_seconds() // 60))
                    if locked
                    else WRONG_PASSWORD
                )
            else:
                changes: dict[str, object] = {"failed_attempts": 0, "locked_until": None}
                if self._hasher.check_needs_rehash(record.password_hash):
                    changes["password_hash"] = self._hasher.hash(password)
                officers.update(session, username, **changes)
                audit.record(session, now, username, "signin", username)
        if failure is not None or record is None:
            raise failure or AuthFailed(WRONG_PASSWORD)
        return Officer(record.username, record.display_name, Role(record.role))

    def _password_matches(self, stored_hash: str, password: str) -> bool:
        try:
            return bool(self._hasher.verify(stored_hash, password))
        except (VerificationError, InvalidHashError):
            return False

    def list_accounts(self, actor: Officer) -> list[Officer]:
        require(actor, Role.ADMIN)
        with self._db.read() as session:
            return [
                Officer(r.username, r.display_name, Role(r.role))
                for r in officers.all_officers(session)
            ]
