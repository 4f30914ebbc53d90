"""The one interface every printer back-end offers, and the settings that pick one."""

from __future__ import annotations

import abc
import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from desk_app.printing.document import PrintDocument
from desk_app.printing.formats import PaperFormat, paper_format
from desk_app.printing.layout import render_test_page


class PrinterKind(StrEnum):
    SYSTEM = "system"  # any printer Windows or CUPS knows, through Qt
    ESCPOS_NETWORK = "escpos_network"  # a thermal printer on the LAN, raw port 9100
    ESCPOS_WINDOWS = "escpos_windows"  # a thermal printer on the Windows spooler, raw
    ESCPOS_CUPS = "escpos_cups"  # a thermal printer queue in CUPS, raw through lp
    ESCPOS_FILE = "escpos_file"  # a device file (/dev/usb/lp0) or a plain file
    PDF = "pdf"  # save the receipt as a PDF file in a folder

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    PrinterKind.SYSTEM: "Printer sistem",
    PrinterKind.ESCPOS_NETWORK: "Printer struk (jaringan)",
    PrinterKind.ESCPOS_WINDOWS: "Printer struk (Windows)",
    PrinterKind.ESCPOS_CUPS: "Printer struk (CUPS)",
    PrinterKind.ESCPOS_FILE: "Printer struk (berkas perangkat)",
    PrinterKind.PDF: "Simpan sebagai PDF",
}


@dataclass(frozen=True)
class PrinterSettings:
    """What the settings screen stores about the receipt printer.

    ``target`` depends on ``kind``: "192.168.1.50:9100" for the network, the queue
    name for the Windows spooler, CUPS or the system printer ("" = the default
    printer), a path for a device file, a folder for PDFs. ``width_dots`` overrides
    the paper's width for printers whose head is narrower (some 80 mm models print
    512 dots).
    """

    kind: PrinterKind = PrinterKind.SYSTEM
    target: str = ""
    paper: str = "roll80"
    width_dots: int | None = None
    large_print: bool = False
    timeout_s: float = 10.0

    def paper_format(self) -> PaperFormat:
        fmt = paper_format(self.paper)
        if self.width_dots and fmt.is_roll and self.width_dots != fmt.width_dots:
            return replace(fmt, width_dots=self.width_dots)
        return fmt

    @property
    def label(self) -> str:
        return f"{self.kind.label}: {self.target}" if self.target else self.kind.label


class Printer(abc.ABC):
    """A receipt printer. Calls block until the job is handed over, so callers run
    them on a worker thread; a failure raises a :class:`PrinterError`."""

    def __init__(self, settings: PrinterSettings) -> None:
        self.settings = settings

    @property
    def paper(self) -> PaperFormat:
        return self.settings.paper_format()

    @abc.abstractmethod
    def print_document(self, document: PrintDocument) -> None:
        """Print one laid-out page."""

    def print_test_page(self, now: dt.datetime | None = None) -> None:
        """The settings screen's "Cetak halaman uji" button."""
        self.print_document(render_test_page(self.paper, self.settings.label, now))
