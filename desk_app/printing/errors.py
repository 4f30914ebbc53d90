"""Printer failures, each with a message the officer can act on.

The complaint is already saved when printing starts (DESIGN.md, "Receipts"), so every
message says so: the officer must never think the record was lost because the paper
ran out. Messages name the printer setting, never anything about the complainant.
"""

from __future__ import annotations

_SAVED = "Aduan sudah tersimpan; tanda terima dapat dicetak ulang dari daftar aduan."


class PrinterError(Exception):
    """A print job that did not reach paper. ``message`` is Indonesian, for the officer."""

    default_message = "Tanda terima gagal dicetak."

    def __init__(self, message: str = "", *, detail: str = "") -> None:
        self.message = f"{message or self.default_message} {_SAVED}"
        # The technical cause, for the log: never shown, never personal data.
        self.detail = detail
        super().__init__(self.message)


class PrinterOfflineError(PrinterError):
    """The printer did not answer: switched off, unplugged, or the network is down."""

    default_message = (
        "Printer tidak menjawab. Periksa apakah printer menyala dan kabelnya terpasang."
    )


class PrinterNotFoundError(PrinterError):
    """The configured printer does not exist on this computer or address."""

    default_message = "Printer tidak ditemukan. Periksa nama atau alamat printer di Pengaturan."


class PaperOutError(PrinterError):
    """The printer reports that the roll is empty."""

    default_message = "Kertas printer habis. Pasang gulungan kertas baru lalu cetak ulang."


class PrintFailedError(PrinterError):
    """The printer accepted the connection but the job broke off."""

    default_message = "Pencetakan terputus di tengah jalan. Periksa printer lalu cetak ulang."


class PrinterSettingsError(PrinterError):
    """The printer settings cannot work (a bad address, a format this printer lacks)."""

    default_message = "Pengaturan printer tidak lengkap atau salah. Periksa menu Pengaturan."
