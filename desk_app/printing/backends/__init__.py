"""Printer back-ends behind one interface (:class:`Printer`), chosen by the settings.

The system-printer back-end needs Qt, which the services layer may not import, so
it is not imported here: the UI passes it in as ``system_printer``.
"""

from __future__ import annotations

from collections.abc import Callable

from desk_app.printing.backends.base import Printer, PrinterKind, PrinterSettings
from desk_app.printing.backends.escpos_raw import EscposPrinter
from desk_app.printing.backends.pdf_file import PdfFilePrinter
from desk_app.printing.errors import PrinterSettingsError

__all__ = [
    "EscposPrinter",
    "PdfFilePrinter",
    "Printer",
    "PrinterKind",
    "PrinterSettings",
    "create_printer",
]


def create_printer(
    settings: PrinterSettings,
    *,
    system_printer: Callable[[PrinterSettings], Printer] | None = None,
) -> Printer:
    """The back-end the settings ask for. ``system_printer`` is
    ``desk_app.printing.backends.qt_system.QtSystemPrinter``, passed by the UI."""
    if settings.kind is PrinterKind.PDF:
        return PdfFilePrinter(settings)
    if settings.kind is PrinterKind.SYSTEM:
        if system_printer is None:
            raise PrinterSettingsError("Printer sistem hanya dapat dipakai dari aplikasi meja.")
        return system_printer(settings)
    return EscposPrinter(settings)
