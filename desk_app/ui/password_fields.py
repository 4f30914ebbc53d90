"""The parts the account dialogs share (the first admin, a new account, choosing or
resetting a password): a masked password typed twice, and the line that says why it
was refused."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit


def password_pair(name: str, repeat_name: str) -> tuple[QLineEdit, QLineEdit]:
    """The password field and its repeat, masked, with their accessible names (the
    caller's translated words)."""
    fields = []
    for accessible in (name, repeat_name):
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(accessible)
        fields.append(field)
    return fields[0], fields[1]


def error_line(accessible_name: str = "") -> QLabel:
    """A hidden line for a refusal, styled as a field error, wrapping."""
    error = QLabel()
    error.setObjectName("fieldError")
    error.setWordWrap(True)
    if accessible_name:
        error.setAccessibleName(accessible_name)
    error.hide()
    return error
