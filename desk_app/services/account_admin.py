"""Accounts as an admin manages them: add, set the role, reset the password, disable
and enable, list. Mixed into :class:`desk_app.services.accounts.AccountService`.

Each change is refused to anyone but an enabled admin, as the database has them now
(not as the actor's sign-in remembers them: an admin demoted meanwhile is refused),
or the command line (:data:`COMMAND_LINE`). The desk always keeps one enabled admin.
Each change is written to the audit log in the same transaction; never a password.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.services.account_rules import (
    COMMAND_LINE,
    Officer,
    Role,
    check_password,
    checked_new_account,
    checked_username,
    require,
)
from desk_app.services.errors import NotFound, PermissionDenied, UserFacingError
from desk_app.store import audit, officers
from desk_app.store.db import Database
from desk_app.store.officers import OfficerRecord


@dataclass(frozen=True)
class Account:
    """One account as the admin's list shows it (never its hash)."""

    username: str
    display_name: str
    role: Role
    enabled: bool
    must_change_password: bool
    last_sign_in_at: dt.datetime | None


def _account(record: OfficerRecord) -> Account:
    return Account(
        record.username,
        record.display_name,
        Role(record.role),
        record.active,
        record.must_change_password,
        record.last_sign_in_at,
    )


class AccountAdministration:
    _db: Database
    _clock: Callable[[], dt.datetime]
    _hasher: PasswordHasher

    def list_accounts(self, actor: Officer) -> list[Account]:
        require(actor, Role.ADMIN)
        with self._db.read() as session:
            self._acting_admin(session, actor)
            return [_account(r) for r in officers.all_officers(session)]

    def add_account(
        self,
        actor: Officer,
        username: str,
        display_name: str,
        password: str,
        role: Role,
        *,
        must_change_password: bool = True,
    ) -> Officer:
        """A new account with a temporary ``password``, which its owner replaces at
        the first sign-in (unless ``must_change_password`` is False: the command line,
        when the person typed their own)."""
        require(actor, Role.ADMIN)
        username, display_name = checked_new_account(username, display_name, password)
        now = self._clock()
        with self._db.write() as session:
            self._acting_admin(session, actor)
            if officers.get(session, username) is not None:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP("Accounts", "Nama pengguna {username} sudah dipakai.").format(
                        username=username
                    )
                )
            officers.add(
                session,
                username,
                display_name,
                role.value,
                self._hasher.hash(password),
                now,
                must_change_password=must_change_password,
            )
            audit.record(
                session,
                now,
                actor.username,
                "account.add",
                username,
                role=role.value,
                must_change_password=must_change_password,
            )
        return Officer(username, display_name, role)

    def set_role(self, actor: Officer, username: str, role: Role) -> None:
        require(actor, Role.ADMIN)
        now = self._clock()
        with self._db.write() as session:
            self._acting_admin(session, actor)
            record = self._target(session, username)
            if record.role == role.value:
                return
            if role is not Role.ADMIN:
                self._keep_an_admin(session, record)
            officers.update(session, record.username, role=role.value)
            audit.record(
                session,
                now,
                actor.username,
                "account.role",
                record.username,
                before=record.role,
                after=role.value,
            )

    def reset_password(self, actor: Officer, username: str, temporary_password: str) -> None:
        """A new temporary password (the owner forgot theirs): it is replaced at the
        next sign-in, and a lock from wrong guesses is lifted."""
        require(actor, Role.ADMIN)
        check_password(temporary_password)
        now = self._clock()
        with self._db.write() as session:
            self._acting_admin(session, actor)
            record = self._target(session, username)
            officers.update(
                session,
                record.username,
                password_hash=self._hasher.hash(temporary_password),
                must_change_password=True,
                failed_attempts=0,
                locked_until=None,
            )
            audit.record(session, now, actor.username, "account.password_reset", record.username)

    def set_active(self, actor: Officer, username: str, active: bool) -> None:
        """Disable (the account can no longer sign in; its history stays) or enable."""
        require(actor, Role.ADMIN)
        now = self._clock()
        with self._db.write() as session:
            self._acting_admin(session, actor)
            record = self._target(session, username)
            if record.active == active:
                return
            if not active:
                self._keep_an_admin(session, record)
                if record.username == actor.username:
                    raise UserFacingError(
                        QT_TRANSLATE_NOOP(
                            "Accounts", "Admin tidak dapat menonaktifkan akunnya sendiri."
                        )
                    )
            officers.update(session, record.username, active=active, failed_attempts=0)
            audit.record(
                session,
                now,
                actor.username,
                "account.enabled" if active else "account.disabled",
                record.username,
            )

    # -- checks --------------------------------------------------------------------

    def _acting_admin(self, session: Session, actor: Officer) -> None:
        if actor is COMMAND_LINE:
            return
        stored = officers.get(session, actor.username)
        if stored is None or not stored.active or stored.role != Role.ADMIN.value:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Accounts", "Tindakan ini hanya untuk {role}.").format(
                    role=Role.ADMIN.label
                )
            )

    def _target(self, session: Session, username: str) -> OfficerRecord:
        username = checked_username(username)
        record = officers.get(session, username)
        if record is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Accounts", "Akun {username} tidak ada.").format(
                    username=username
                )
            )
        return record

    def _keep_an_admin(self, session: Session, record: OfficerRecord) -> None:
        """Refuses to disable or demote the last enabled admin: nobody could manage
        the accounts and the settings any more."""
        if record.role != Role.ADMIN.value or not record.active:
            return
        if officers.count_enabled(session, Role.ADMIN.value) <= 1:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Accounts",
                    "{username} adalah admin aktif terakhir: meja harus selalu punya "
                    "satu admin aktif. Jadikan akun lain admin dahulu.",
                ).format(username=record.username)
            )
