"""Who may do what, and what an account's name and password must be: the roles, the
signed-in :class:`Officer`, :func:`require`, and the rules every new password meets
(the first admin's, an admin's temporary one, the one chosen at the first sign-in).

Re-exported by :mod:`desk_app.services.accounts`; import from there."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.text import clean_line
from desk_app.services.errors import PermissionDenied, UserFacingError

MIN_PASSWORD_LENGTH = 8


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


@dataclass(frozen=True)
class Officer:
    """The signed-in person. Services take it to know who acts and what they may do."""

    username: str
    display_name: str
    role: Role

    def has(self, role: Role) -> bool:
        return self.role.rank >= role.rank


# Who acts when an account is managed with ``desk-app add-user``: whoever holds the
# data folder at a terminal (as for ``create-admin``). Its name cannot be a user name
# (no parentheses), so the audit log tells it apart from every account.
COMMAND_LINE: Final = Officer("(cli)", "Baris perintah", Role.ADMIN)


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


def checked_username(username: str) -> str:
    username = clean_line(username).lower()
    if not username or not username.replace(".", "").replace("_", "").isalnum():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Accounts", "Nama pengguna hanya huruf, angka, titik dan garis bawah."
            )
        )
    return username


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Accounts", "Kata sandi paling sedikit {count} karakter.").format(
                count=MIN_PASSWORD_LENGTH
            )
        )


def checked_new_account(username: str, display_name: str, password: str) -> tuple[str, str]:
    """The cleaned user name and display name, or the reason they (or the password)
    are refused."""
    username = checked_username(username)
    display_name = clean_line(display_name)
    if len(username) > 64 or not display_name or len(display_name) > 120:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Accounts",
                "Nama pengguna dan nama tampilan wajib diisi (tidak terlalu panjang).",
            )
        )
    check_password(password)
    return username, display_name
