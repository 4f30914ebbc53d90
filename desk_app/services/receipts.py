"""Receipts: from a saved complaint (or an added event) to paper, a PDF or a preview.

Printing always comes after the record is durably saved (DESIGN.md, "Receipts"): this
service only reads. A printer failure is recorded (``mark_printed(ok=False)``) so the
complaint stays in the "to print" list, and is raised as a :class:`ReceiptNotPrinted`
carrying the printing module's message for the officer.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from complaint_domain.complaint import WIB, Complaint, ComplaintEvent
from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.reference import category_label
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.errors import COMPLAINT_NOT_FOUND, NotFound, UserFacingError
from desk_app.services.settings import Settings

if TYPE_CHECKING:
    # The printing stack (reportlab, escpos, QtPdf) costs half a second to import;
    # it is loaded on the first receipt, not when the window starts.
    from desk_app.printing.backends.base import Printer, PrinterSettings
    from desk_app.printing.document import PrintDocument
    from desk_app.printing.model import ReceiptData, ReceiptKind
    from desk_app.printing.qr import QrSymbol
    from desk_app.services.desk import Desk

PREVIEW_WIDTH_PX = 576  # one pixel per thermal dot on an 80 mm roll


class ReceiptPrinter(Protocol):
    def print_document(self, document: PrintDocument) -> None:
        """Print or raise a ``desk_app.printing.errors.PrinterError``."""


# The UI hands in the Qt system-printer back-end (services may not import Qt).
SystemPrinterFactory = Callable[["PrinterSettings"], "Printer"]


class ReceiptNotPrinted(UserFacingError):
    """The receipt did not reach paper; the complaint is saved and waits to be reprinted."""


@dataclass(frozen=True)
class PreparedReceipt:
    """A laid-out receipt and its preview image, ready for Print / Save PDF."""

    complaint_id: str
    ticket_code: str
    document: PrintDocument
    preview_png: bytes
    kind: ReceiptKind
    is_copy: bool
    reporter_event_id: str = ""  # a co-reporter's own receipt: their event

    @property
    def is_addition(self) -> bool:
        return str(self.kind) in ("added_event", "added_reporter")


def printer_settings(desk: Desk, settings: Settings | None = None) -> PrinterSettings:
    """The printing module's view of the desk's printer settings (or of ``settings``
    being edited, for a test page before they are saved)."""
    from desk_app.printing.backends.base import PrinterKind, PrinterSettings

    s = settings or desk.settings
    kind = PrinterKind(s.printer_backend)
    target = s.printer_target
    if kind is PrinterKind.PDF and not target:
        target = str(desk.data_dir / "receipts")
    return PrinterSettings(
        kind=kind,
        target=target,
        paper=s.receipt_format,
        width_dots=s.printer_width_dots or None,
        large_print=s.large_print,
    )


def preview_png(document: PrintDocument, width_px: int = PREVIEW_WIDTH_PX) -> bytes:
    """The first page of the receipt as a PNG ``width_px`` wide."""
    from desk_app.printing.pdf_pages import first_page_pillow

    def size_for(width_pt: float, height_pt: float) -> tuple[int, int]:
        return width_px, round(height_pt * width_px / width_pt)

    image = first_page_pillow(document.pdf, size_for)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=1)
    return out.getvalue()


class ReceiptService:
    def __init__(
        self,
        desk: Desk,
        printer: ReceiptPrinter | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        system_printer: SystemPrinterFactory | None = None,
    ) -> None:
        self._desk = desk
        self._fixed_printer = printer  # tests pass one; otherwise built from the settings
        self._system_printer = system_printer
        self._clock = clock or desk.clock

    def printer(self) -> ReceiptPrinter:
        """The printer the settings name now (they may change while the app runs)."""
        if self._fixed_printer is not None:
            return self._fixed_printer
        from desk_app.printing.backends import create_printer

        return create_printer(printer_settings(self._desk), system_printer=self._system_printer)

    def print_test_page(self, edited: Settings | None = None) -> str:
        """Print the test page on the printer the settings (saved, or being edited)
        name; returns that printer's label for the officer."""
        from desk_app.printing.backends import create_printer
        from desk_app.printing.errors import PrinterError
        from desk_app.printing.layout import render_test_page

        settings = printer_settings(self._desk, edited)
        try:
            document = render_test_page(settings.paper_format(), settings.label, self._clock())
            printer = self._fixed_printer or create_printer(
                settings, system_printer=self._system_printer
            )
            printer.print_document(document)
        except PrinterError as err:
            raise UserFacingError(err.message) from err
        except OSError as err:
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Receipts", "Halaman uji gagal dicetak ({reason}).").format(
                    reason=err.strerror or type(err).__name__
                )
            ) from err
        return settings.label

    # -- building ------------------------------------------------------------------

    def data_for(
        self,
        officer_name: str,
        complaint: Complaint,
        event: ComplaintEvent | None = None,
        reprint_at: dt.datetime | None = None,
    ) -> ReceiptData:
        from desk_app.printing.model import ReceiptData, ReceiptKind

        settings = self._desk.settings
        created = (event.at if event else complaint.created_at).astimezone(WIB)
        due = self._desk.calendar.add_working_days(
            complaint.created_at.astimezone(WIB).date(), self._desk.first_response_days
        )
        # A co-reporter's receipt names them, never the first citizen.
        citizen = event.reporter if event and event.reporter else complaint.complainant
        if event is None:
            kind = ReceiptKind.NEW
        elif event.reporter is not None:
            kind = ReceiptKind.ADDED_REPORTER
        else:
            kind = ReceiptKind.ADDED_EVENT
        return ReceiptData(
            site_name=settings.site_name,
            desk_code=complaint.desk_code,
            officer_name=officer_name,
            ticket_code=complaint.ticket_code,
            tracking_token=complaint.tracking_token,
            tracking_host=settings.tracking_host,
            created_at=created,
            category_label=category_label(complaint.category_code, self._desk.category_by_code),
            kelurahan_label=self._desk.areas.describe(complaint.location.kelurahan_code),
            description=complaint.description,
            complainant_name="" if citizen.keep_identity_private else citizen.name,
            first_response_due=due,
            # The desk's help line (from the CRM at enrolment, or set by an admin);
            # none known: none printed. Never 112, the emergency number.
            contact_phone=settings.help_phone.strip(),
            kind=kind,
            event_note=event.note if event else "",
            reprint_at=reprint_at.astimezone(WIB) if reprint_at else None,
        )

    def render(self, data: ReceiptData) -> PrintDocument:
        from desk_app.printing.layout import render_receipt

        settings = printer_settings(self._desk)
        return render_receipt(data, settings.paper_format(), large_print=settings.large_print)

    def _prepare(
        self, officer: Officer, complaint: Complaint, event: ComplaintEvent | None, copy: bool
    ) -> PreparedReceipt:
        reprint_at = self._clock() if copy else None
        # A copy names the officer who recorded the complaint, not the one reprinting.
        name = officer.display_name if event else complaint.officer_name or officer.display_name
        data = self.data_for(name, complaint, event, reprint_at)
        document = self.render(data)
        return PreparedReceipt(
            str(complaint.id),
            complaint.ticket_code,
            document,
            preview_png(document),
            data.kind,
            copy,
            str(event.id) if event is not None and event.reporter is not None else "",
        )

    def prepare_new(self, officer: Officer, complaint: Complaint) -> PreparedReceipt:
        """The first receipt of a complaint just recorded."""
        require(officer, Role.OFFICER)
        return self._prepare(officer, complaint, None, copy=False)

    def prepare_added(
        self, officer: Officer, complaint_id: str, event: ComplaintEvent
    ) -> PreparedReceipt:
        """The receipt for what the citizen added to an existing ticket."""
        complaint = self._load(officer, complaint_id)
        return self._prepare(officer, complaint, event, copy=False)

    def prepare_reprint(self, officer: Officer, complaint_id: str) -> PreparedReceipt:
        """A copy from history. A complaint never printed gets its first receipt; one
        printed before says SALINAN. A co-reporter's receipt that did not print comes
        first, in their name."""
        complaint = self._load(officer, complaint_id)
        # A co-reporter whose own receipt did not print gets it, in their name.
        waiting = self._desk.lookup.reporter_to_print(officer, complaint_id)
        event = next((e for e in complaint.events if str(e.id) == waiting), None)
        if event is not None:
            return self._prepare(officer, complaint, event, copy=False)
        pending = {s.id for s in self._desk.lookup.to_print(officer)}
        return self._prepare(officer, complaint, None, copy=complaint_id not in pending)

    def _load(self, officer: Officer, complaint_id: str) -> Complaint:
        require(officer, Role.OFFICER)
        from desk_app.services.lookup import VIEW_REPRINT

        complaint = self._desk.lookup.detail(officer, complaint_id, VIEW_REPRINT)
        if complaint is None:
            raise NotFound(COMPLAINT_NOT_FOUND)
        return complaint

    # -- output --------------------------------------------------------------------

    def print_receipt(self, receipt: PreparedReceipt) -> None:
        """Print; on failure record it (the complaint stays in "to print") and raise."""
        from desk_app.printing.errors import PrinterError

        try:
            self.printer().print_document(receipt.document)
        except PrinterError as err:
            self._mark(receipt, ok=False)
            raise ReceiptNotPrinted(err.message) from err
        except OSError as err:
            self._mark(receipt, ok=False)
            raise ReceiptNotPrinted(
                QT_TRANSLATE_NOOP(
                    "Receipts",
                    "Tanda terima gagal dicetak ({reason}). Aduan sudah tersimpan; "
                    "tanda terima dapat dicetak ulang dari daftar aduan.",
                ).format(reason=err.strerror or type(err).__name__)
            ) from err
        self._mark(receipt, ok=True)

    def _mark(self, receipt: PreparedReceipt, ok: bool) -> None:
        self._desk.intake.mark_printed(receipt.complaint_id, ok, receipt.reporter_event_id)

    def tracking_qr(self, ticket_code: str, token: str) -> QrSymbol:
        """The receipt's QR (the tracking page of one complaint), to show on screen."""
        from desk_app.printing.qr import make_qr, qr_payload

        return make_qr(qr_payload(self._desk.settings.tracking_host, ticket_code, token))

    def receipts_folder(self) -> Path | None:
        """Where "Simpan PDF" opens: the desk's receipts folder (the PDF printer's, or
        ``receipts/`` in the data folder) when it exists; None otherwise."""
        s = self._desk.settings
        if s.printer_backend == "pdf" and s.printer_target:
            folder = Path(s.printer_target)
        else:
            folder = self._desk.data_dir / "receipts"
        return folder if folder.is_dir() else None

    def save_pdf(self, receipt: PreparedReceipt, path: Path) -> Path:
        try:
            path.write_bytes(receipt.document.pdf)
        except OSError as err:
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Receipts", "PDF tidak dapat disimpan: {reason}.").format(
                    reason=err.strerror or type(err).__name__
                )
            ) from err
        return path
