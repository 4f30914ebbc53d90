"""Errors the UI shows to people. Each carries an Indonesian ``message``; bugs are
ordinary exceptions and go to the crash report instead."""

from __future__ import annotations


class UserFacingError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PermissionDenied(UserFacingError):
    pass


class AuthFailed(UserFacingError):
    pass


class ValidationFailed(UserFacingError):
    """The form has problems; ``errors`` maps each field to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        fields = ", ".join(errors)
        super().__init__(f"Data belum lengkap atau belum benar: {fields}.")
        self.errors = errors


class NotFound(UserFacingError):
    pass


STORAGE_MESSAGES = {
    "full": "Penyimpanan komputer ini penuh; data belum tersimpan. Kosongkan ruang disk "
    "atau hubungi TI, lalu coba lagi.",
    "readonly": "Berkas data meja tidak dapat ditulisi (hanya-baca). Hubungi TI.",
    "locked": "Data meja sedang dipakai proses lain terlalu lama. Coba lagi sebentar lagi.",
    "io": "Disk komputer ini gagal membaca atau menulis data meja. Hubungi TI segera.",
    "corrupt": "Berkas data meja rusak. Jangan hapus apa pun; hubungi TI segera.",
}


def message_for(error: BaseException) -> str | None:
    """What to tell the officer about ``error``, or None for a bug (crash report)."""
    if isinstance(error, UserFacingError):
        return error.message
    # Imported here: the store (SQLAlchemy) is loaded by the time anything failed in it,
    # and the window's first screen should not wait for it.
    from desk_app.store.db import StorageError

    if isinstance(error, StorageError):
        return STORAGE_MESSAGES.get(error.reason, STORAGE_MESSAGES["io"])
    return None
