"""Receipts, queue slips and printers (DESIGN.md, "Receipts").

The services layer fills a :class:`ReceiptData`, lays it out with
:func:`render_receipt` and hands the :class:`PrintDocument` to the :class:`Printer`
that :func:`create_printer` made from the settings, on a worker thread: printing
comes after the record is saved and a :class:`PrinterError` never undoes it.
"""

from desk_app.printing.backends import (
    Printer,
    PrinterKind,
    PrinterSettings,
    create_printer,
)
from desk_app.printing.document import PrintDocument
from desk_app.printing.errors import (
    PaperOutError,
    PrinterError,
    PrinterNotFoundError,
    PrinterOfflineError,
    PrinterSettingsError,
    PrintFailedError,
)
from desk_app.printing.formats import A4, A5, FORMATS, ROLL_58, ROLL_80, PaperFormat
from desk_app.printing.layout import render_queue_ticket, render_receipt, render_test_page
from desk_app.printing.model import WIB, QueueTicketData, ReceiptData, ReceiptKind

__all__ = [
    "A4",
    "A5",
    "FORMATS",
    "ROLL_58",
    "ROLL_80",
    "WIB",
    "PaperFormat",
    "PaperOutError",
    "PrintDocument",
    "PrintFailedError",
    "Printer",
    "PrinterError",
    "PrinterKind",
    "PrinterNotFoundError",
    "PrinterOfflineError",
    "PrinterSettings",
    "PrinterSettingsError",
    "QueueTicketData",
    "ReceiptData",
    "ReceiptKind",
    "create_printer",
    "render_queue_ticket",
    "render_receipt",
    "render_test_page",
]
