"""The admin's recovery key: shown, printed or saved as a PDF slip at set-up (and
again from the settings), each time audited. See ``desk_app.services.desk_key``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.desk_key import current_recovery_text
from desk_app.services.errors import UserFacingError
from desk_app.services.receipts import printer_settings
from desk_app.store import audit

if TYPE_CHECKING:
    from desk_app.printing.document import PrintDocument
    from desk_app.services.desk import Desk
    from desk_app.services.receipts import ReceiptService


class RecoveryKeys:
    def __init__(self, desk: Desk, receipts: ReceiptService) -> None:
        self._desk = desk
        self._receipts = receipts

    def text(self, actor: Officer) -> str:
        """The recovery key, for the admin's eyes (audited)."""
        require(actor, Role.ADMIN)
        text = current_recovery_text(self._desk.data_dir)
        self._audit(actor, "shown")
        return text

    def slip(self, actor: Officer, text: str) -> PrintDocument:
        from desk_app.printing.layout import render_recovery_key

        require(actor, Role.ADMIN)
        settings = self._desk.settings
        return render_recovery_key(
            printer_settings(self._desk).paper_format(),
            settings.site_name,
            settings.desk_code,
            text,
            self._desk.clock(),
        )

    def print_slip(self, actor: Officer, text: str) -> None:
        from desk_app.printing.errors import PrinterError

        try:
            self._receipts.printer().print_document(self.slip(actor, text))
        except PrinterError as err:
            raise UserFacingError(err.message) from err
        self._audit(actor, "printed")

    def save_pdf(self, actor: Officer, text: str, path: Path) -> Path:
        try:
            path.write_bytes(self.slip(actor, text).pdf)
        except OSError as err:
            raise UserFacingError(
                QT_TRANSLATE_NOOP("DeskKey", "PDF tidak dapat disimpan: {reason}.").format(
                    reason=err.strerror or type(err).__name__
                )
            ) from err
        self._audit(actor, "saved_pdf")
        return path

    def _audit(self, actor: Officer, how: str) -> None:
        with self._desk.database.write() as session:
            audit.record(session, self._desk.clock(), actor.username, "desk_key.recovery", how=how)
