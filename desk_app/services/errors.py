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
