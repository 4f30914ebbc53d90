"""Receipt, queue-slip and test-page layout with reportlab.

- :mod:`.styles`: the fonts and the type sizes of each paper format and variant;
- :mod:`.flow`: :class:`~.flow.Flow`, which lays blocks out top-down and measures as it
  goes (text wrapping, rules, fields, bullets, the QR on the printer's dot grid);
- :mod:`.receipt`: the receipt's blocks, and the type stepped down until it fits a sheet;
- :mod:`.slips`: the visitor's queue slip, the printer test page and the admin's recovery-key slip.
"""

from desk_app.printing.layout.flow import LayoutError, wrap
from desk_app.printing.layout.receipt import render_receipt, tracking_text
from desk_app.printing.layout.slips import (
    TEST_PAYLOAD,
    render_queue_ticket,
    render_recovery_key,
    render_test_page,
)

__all__ = [
    "TEST_PAYLOAD",
    "LayoutError",
    "render_queue_ticket",
    "render_receipt",
    "render_recovery_key",
    "render_test_page",
    "tracking_text",
    "wrap",
]
