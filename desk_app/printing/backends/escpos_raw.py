"""Raw ESC/POS to a thermal receipt printer, with python-escpos.

The receipt goes as one 1-bit raster image exactly as wide as the head (GS v 0),
then a feed and a cut. Sending an image rather than text keeps the page identical
to the PDF and the preview, needs no code-page juggling for Indonesian text, and
keeps the QR modules on whole dots.

Before a network job the printer is asked for its paper state (DLE EOT 4), so "no
paper" is told apart from "offline"; printers that do not answer are printed to
anyway. Spooled printers (Windows, CUPS) report their state through the spooler.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desk_app.printing.backends.base import Printer, PrinterKind, PrinterSettings
from desk_app.printing.backends.escpos_import import escpos_printers as escpos_printers_module
from desk_app.printing.document import PrintDocument
from desk_app.printing.errors import (
    PaperOutError,
    PrinterError,
    PrinterNotFoundError,
    PrinterOfflineError,
    PrinterSettingsError,
    PrintFailedError,
)

if TYPE_CHECKING:
    # python-escpos and Pillow are imported when a receipt is printed, not
    # when the desk loads (this module is imported then, with desk_app.printing):
    # python-escpos reads its printers' capabilities at its import (~0.25 s; into the
    # desk's cache folder, see escpos_import); most desks print
    # through Windows or to PDF and never need them.
    from escpos.escpos import Escpos
    from PIL import Image

STATUS_TIMEOUT_S = 2.0
_FRAGMENT_ROWS = 256  # GS v 0 bands: small enough for any printer's buffer


def parse_address(target: str) -> tuple[str, int]:
    """ "192.168.1.50:9100" → ("192.168.1.50", 9100); the port defaults to 9100."""
    host, sep, port = target.strip().rpartition(":")
    if not sep:
        host, port = target.strip(), "9100"
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise PrinterSettingsError(
            f"Alamat printer '{target}' tidak sah. Contoh: 192.168.1.50:9100."
        )
    return host, int(port)


def _connect(settings: PrinterSettings) -> Escpos:
    escpos_printers = escpos_printers_module()  # at the first print (see the top)

    kind = settings.kind
    if kind is PrinterKind.ESCPOS_NETWORK:
        host, port = parse_address(settings.target)
        return escpos_printers.Network(host, port=port, timeout=settings.timeout_s)
    if kind is PrinterKind.ESCPOS_FILE:
        if not settings.target:
            raise PrinterSettingsError("Berkas perangkat printer belum diatur di Pengaturan.")
        return escpos_printers.File(settings.target)
    if kind is PrinterKind.ESCPOS_WINDOWS:
        if not escpos_printers.Win32Raw.is_usable():
            raise PrinterSettingsError("Printer struk melalui Windows hanya tersedia di Windows.")
        return escpos_printers.Win32Raw(settings.target)
    if kind is PrinterKind.ESCPOS_CUPS:
        if not escpos_printers.LP.is_usable():
            raise PrinterSettingsError("Printer struk melalui CUPS tidak tersedia di Windows.")
        return escpos_printers.LP(settings.target, auto_flush=False)
    raise PrinterSettingsError(f"Jenis printer {kind.label} bukan printer struk.")


class EscposPrinter(Printer):
    """A thermal printer spoken to in ESC/POS. ``connect`` builds the python-escpos
    printer object; tests and unusual set-ups may pass their own."""

    def __init__(
        self,
        settings: PrinterSettings,
        *,
        connect: Callable[[PrinterSettings], Escpos] = _connect,
    ) -> None:
        super().__init__(settings)
        if not self.paper.is_roll:
            raise PrinterSettingsError(
                "Printer struk hanya mencetak kertas gulung 58 mm atau 80 mm. "
                "Ubah ukuran kertas di Pengaturan."
            )
        self._connect = connect

    def raster(self, document: PrintDocument) -> Image.Image:
        """The 1-bit image this printer receives: its own width in dots."""
        from desk_app.printing.pdf_pages import PdfUnreadable
        from desk_app.printing.raster import receipt_raster  # at the first print

        try:
            return receipt_raster(document, self.paper.width_dots)
        except PdfUnreadable as error:  # the desk's own PDF: never expected
            raise PrintFailedError(detail=f"QtPdf could not load the page: {error}") from error

    def print_document(self, document: PrintDocument) -> None:
        from escpos.exceptions import DeviceNotFoundError
        from escpos.exceptions import Error as EscposError

        image = self.raster(document)
        device = self._connect(self.settings)
        # The profile tells python-escpos the head's width, so an image wider than
        # the head is refused instead of printing garbage.
        profile_data: dict[str, Any] = dict(device.profile.profile_data)
        profile_data["media"] = {"width": {"pixels": self.paper.width_dots}, "dpi": 203}
        device.profile.profile_data = profile_data
        try:
            if self.settings.kind is PrinterKind.ESCPOS_NETWORK:
                self._check_paper(device)
            device.hw("INIT")
            device.image(image, impl="bitImageRaster", fragment_height=_FRAGMENT_ROWS)
            device.cut()
            device.close()
        except PrinterError:
            raise
        except DeviceNotFoundError as exc:
            raise self._not_found(exc) from exc
        except FileNotFoundError as exc:  # lp/lpstat missing: CUPS is not installed
            raise PrinterNotFoundError(
                "Layanan cetak CUPS (perintah lp) tidak terpasang di komputer ini.",
                detail=repr(exc),
            ) from exc
        except (TimeoutError, ConnectionError) as exc:
            raise PrinterOfflineError(detail=repr(exc)) from exc
        except (OSError, EscposError, subprocess.SubprocessError) as exc:
            raise PrintFailedError(detail=repr(exc)) from exc
        finally:
            with contextlib.suppress(Exception):
                device.close()

    def _not_found(self, exc: Exception) -> PrinterError:
        if self.settings.kind is PrinterKind.ESCPOS_NETWORK:
            return PrinterOfflineError(
                f"Printer di {self.settings.target} tidak menjawab. Periksa apakah printer "
                "menyala dan tersambung ke jaringan.",
                detail=repr(exc),
            )
        return PrinterNotFoundError(
            f"Printer '{self.settings.target or 'bawaan'}' tidak ditemukan. Periksa nama "
            "printer di Pengaturan.",
            detail=repr(exc),
        )

    def _check_paper(self, device: Escpos) -> None:
        connection = device.device  # opens the connection: DeviceNotFoundError if offline
        if not isinstance(connection, socket.socket):
            return
        previous = connection.gettimeout()
        connection.settimeout(STATUS_TIMEOUT_S)
        try:
            state = device.paper_status()
        except TimeoutError:
            return  # the printer does not report its state; print and hope
        finally:
            connection.settimeout(previous)
        if state == 0:
            raise PaperOutError()
