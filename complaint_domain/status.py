"""The workflow vocabulary and its public Indonesian labels (DESIGN.md, "Workflow")."""

from __future__ import annotations

from enum import StrEnum

from complaint_domain.messages import QT_TRANSLATE_NOOP


class Status(StrEnum):
    NOT_SENT = "not_sent"  # desk only: recorded, not yet confirmed by the CRM
    RECEIVED = "received"
    COORDINATION = "coordination"
    DISPOSITION = "disposition"
    IN_PROGRESS = "in_progress"
    VERIFICATION = "verification"
    RETURNED = "returned"
    DONE = "done"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"

    @property
    def public_label(self) -> str:
        return PUBLIC_LABELS[self]

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATES


# Messages (``str`` in Indonesian, as the CRM and the receipt use them; the desk's UI
# shows them in the officer's language).
PUBLIC_LABELS: dict[Status, str] = {
    Status.NOT_SENT: QT_TRANSLATE_NOOP("Status", "Belum terkirim — tercatat di meja"),
    Status.RECEIVED: QT_TRANSLATE_NOOP("Status", "Menunggu"),
    Status.COORDINATION: QT_TRANSLATE_NOOP("Status", "Koordinasi"),
    Status.DISPOSITION: QT_TRANSLATE_NOOP("Status", "Disposisi"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "Proses"),
    Status.VERIFICATION: QT_TRANSLATE_NOOP("Status", "Verifikasi"),
    Status.RETURNED: QT_TRANSLATE_NOOP("Status", "Proses"),
    Status.DONE: QT_TRANSLATE_NOOP("Status", "Selesai"),
    Status.REJECTED: QT_TRANSLATE_NOOP("Status", "Ditolak"),
    Status.DUPLICATE: QT_TRANSLATE_NOOP("Status", "Digabung"),
}

FINAL_STATES = frozenset({Status.DONE, Status.REJECTED, Status.DUPLICATE})

# Which state may follow which; the CRM enforces who may take each step.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.NOT_SENT: frozenset({Status.RECEIVED}),
    Status.RECEIVED: frozenset({Status.COORDINATION, Status.REJECTED, Status.DUPLICATE}),
    Status.COORDINATION: frozenset({Status.IN_PROGRESS, Status.DISPOSITION}),
    Status.DISPOSITION: frozenset({Status.IN_PROGRESS}),
    Status.IN_PROGRESS: frozenset({Status.VERIFICATION}),
    Status.VERIFICATION: frozenset({Status.DONE, Status.RETURNED}),
    Status.RETURNED: frozenset({Status.VERIFICATION}),
    Status.DONE: frozenset(),
    Status.REJECTED: frozenset(),
    Status.DUPLICATE: frozenset(),
}


def public_status_text(status: Status, reason: str = "", merged_into: str = "") -> str:
    """The label a citizen reads, with the reason or the merged ticket where one applies."""
    if status is Status.REJECTED and reason:
        return QT_TRANSLATE_NOOP("Status", "Ditolak — {reason}").format(reason=reason)
    if status is Status.DUPLICATE and merged_into:
        return QT_TRANSLATE_NOOP("Status", "Digabung dengan {code}").format(code=merged_into)
    return status.public_label


def can_transition(current: Status, target: Status) -> bool:
    return target in TRANSITIONS[current]
