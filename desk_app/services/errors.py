"""Errors the UI shows to people. Each carries a ``message``: a translatable
:class:`~complaint_domain.messages.Message` (Indonesian as a ``str``; the UI shows it
with ``desk_app.ui.i18n.shown``). Bugs are ordinary exceptions and go to the crash
report instead."""

from __future__ import annotations

from complaint_domain.messages import QT_TRANSLATE_NOOP


class UserFacingError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PermissionDenied(UserFacingError):
    pass


class AuthFailed(UserFacingError):
    pass


class PasswordChangeRequired(UserFacingError):
    """The password was right, but it is a temporary one (a new or reset account):
    the sign-in asks for a new password and signs in with it
    (``AccountService.change_password_at_sign_in``)."""

    def __init__(self, message: str, username: str) -> None:
        super().__init__(message)
        self.username = username


class ValidationFailed(UserFacingError):
    """The form has problems; ``errors`` maps each field to its message (the form
    shows each beside its field; ``message`` only counts them)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Intake", "Data belum lengkap atau belum benar: {count} isian perlu diperbaiki."
            ).format(count=len(errors))
        )
        self.errors = errors


class NotFound(UserFacingError):
    pass


COMPLAINT_NOT_FOUND = QT_TRANSLATE_NOOP("Intake", "Aduan tidak ditemukan.")


STORAGE_MESSAGES = {
    "full": QT_TRANSLATE_NOOP(
        "Storage",
        "Penyimpanan komputer ini penuh; data belum tersimpan. Kosongkan ruang disk "
        "atau hubungi TI, lalu coba lagi.",
    ),
    "readonly": QT_TRANSLATE_NOOP(
        "Storage", "Berkas data meja tidak dapat ditulisi (hanya-baca). Hubungi TI."
    ),
    "locked": QT_TRANSLATE_NOOP(
        "Storage", "Data meja sedang dipakai proses lain terlalu lama. Coba lagi sebentar lagi."
    ),
    "io": QT_TRANSLATE_NOOP(
        "Storage", "Disk komputer ini gagal membaca atau menulis data meja. Hubungi TI segera."
    ),
    "corrupt": QT_TRANSLATE_NOOP(
        "Storage", "Berkas data meja rusak. Jangan hapus apa pun; hubungi TI segera."
    ),
}


def message_for(error: BaseException) -> str | None:
    """What to tell the officer about ``error``, or None for a bug (crash report)."""
    if isinstance(error, UserFacingError):
        return error.message
    # Imported here: the store (SQLAlchemy) is loaded by the time anything failed in it,
    # and the window's first screen should not wait for it.
    from desk_app.store.db import StorageError
    from desk_app.store.sequence import SequenceExhausted

    if isinstance(error, StorageError):
        return STORAGE_MESSAGES.get(error.reason, STORAGE_MESSAGES["io"])
    if isinstance(error, SequenceExhausted):
        return error.message
    return None
