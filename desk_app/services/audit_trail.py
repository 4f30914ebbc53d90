"""The audit trail's check: is the hash chain whole, and if not, which entry is the
first that was altered (or follows a removed one)? ``desk-app audit-verify``."""

from __future__ import annotations

from dataclasses import dataclass

from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.services.desk import Desk
from desk_app.store import audit

CHAIN_WHOLE = QT_TRANSLATE_NOOP("Audit", "Jejak audit utuh: {count} catatan diperiksa.")
CHAIN_BROKEN = QT_TRANSLATE_NOOP(
    "Audit",
    "Jejak audit TIDAK utuh: catatan nomor {pk} ({action}, {at} UTC) telah diubah atau "
    "catatan sebelumnya dihapus. {count} catatan sebelumnya cocok.",
)


@dataclass(frozen=True)
class AuditCheck:
    checked: int
    first_altered: audit.ChainBreak | None

    @property
    def whole(self) -> bool:
        return self.first_altered is None

    def message(self) -> str:
        broken = self.first_altered
        if broken is None:
            return CHAIN_WHOLE.format(count=self.checked)
        return CHAIN_BROKEN.format(
            pk=broken.pk,
            action=broken.action,
            at=broken.at.strftime("%Y-%m-%d %H:%M:%S"),
            count=broken.checked,
        )


def verify_audit(desk: Desk) -> AuditCheck:
    with desk.database.read() as session:
        checked, broken = audit.verify(session)
    return AuditCheck(checked, broken)
