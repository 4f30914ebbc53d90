"""The receipt QR: a regular QR code (never Micro QR) at error-correction level Q.

The payload is ``domain.ticket.tracking_url``, all upper case, so segno picks the
alphanumeric mode: a lower version, hence bigger modules in the same space. Level Q
survives the creases, coffee and fading a receipt in a wallet goes through.

The symbol is kept as horizontal runs of dark modules: the layout draws each run as
one vector rectangle, which is fast and leaves no hairline seams between modules
when a renderer anti-aliases.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

from complaint_domain.ticket import parse_ticket_code, tracking_url

QUIET_ZONE = 4  # modules of white around the symbol, as ISO/IEC 18004 asks
MIN_MODULE_DOTS = 5  # below this a 203 dpi head smears the modules together


class QrTooLargeError(ValueError):
    """The payload needs a symbol that does not fit the space at 5 dots per module."""


@dataclass(frozen=True)
class QrSymbol:
    """A QR symbol as dark runs: ``(row, first column, length)`` in modules."""

    payload: str
    version: int
    size: int  # modules per side, without the quiet zone
    runs: tuple[tuple[int, int, int], ...]

    @property
    def size_with_quiet_zone(self) -> int:
        return self.size + 2 * QUIET_ZONE


def qr_payload(host: str, ticket_code: str, token: str) -> str:
    """The tracking URL for a receipt (``TicketCodeError`` if the code is not valid)."""
    return tracking_url(host, parse_ticket_code(ticket_code), token)


def make_qr(payload: str) -> QrSymbol:
    """The symbol for ``payload``: level Q exactly (no boosting), never Micro QR."""
    qr = segno.make_qr(payload, error="q", boost_error=False)
    runs: list[tuple[int, int, int]] = []
    for row, line in enumerate(qr.matrix):
        col = 0
        width = len(line)
        while col < width:
            if line[col]:
                start = col
                while col < width and line[col]:
                    col += 1
                runs.append((row, start, col - start))
            else:
                col += 1
    size = int(qr.symbol_size(border=0)[0])
    return QrSymbol(payload, int(qr.version), size, tuple(runs))


def module_dots(symbol: QrSymbol, available_dots: int, preferred: int) -> int:
    """Dots per module: ``preferred`` if the symbol with its quiet zone fits in
    ``available_dots``, else the largest whole number that fits (at least 5)."""
    fitting = available_dots // symbol.size_with_quiet_zone
    dots = min(preferred, fitting)
    if dots < MIN_MODULE_DOTS:
        raise QrTooLargeError(
            f"QR version {symbol.version} needs {symbol.size_with_quiet_zone * MIN_MODULE_DOTS}"
            f" dots, only {available_dots} available"
        )
    return dots
