"""A laid-out page ready for any printer back-end."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.printing.formats import PaperFormat


@dataclass(frozen=True)
class PrintDocument:
    """A one-page PDF and what a back-end needs to print it at the right size.

    ``height_pt`` is the page length: fixed on sheets, the content's length on a roll.
    ``qr_payload`` is kept so tests and the preview can check what the QR says.
    """

    pdf: bytes
    paper: PaperFormat
    width_pt: float
    height_pt: float
    title: str  # the print job's name: the ticket code, never a person's name
    qr_payload: str = ""
    qr_module_dots: int = 0
