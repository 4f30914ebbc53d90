"""The visitor queue's shared vocabulary (desk and CRM): priority classes, ticket
states, how a number is formed (shared numbers ``A012``; a desk that is offline uses
its own code, ``PBK1-003``, so the two can never collide) and the words of a call,
spoken and shown the same. A queue ticket carries no name, ever."""

from __future__ import annotations

import re

from complaint_domain.messages import QT_TRANSLATE_NOOP

PRIORITIES: dict[str, str] = {
    "lansia": QT_TRANSLATE_NOOP("Queue", "Lansia (60+)"),
    "disabilitas": QT_TRANSLATE_NOOP("Queue", "Penyandang disabilitas"),
    "ibu_balita": QT_TRANSLATE_NOOP("Queue", "Ibu hamil / membawa balita"),
}
STATES = ("waiting", "called", "serving", "done", "no_show")
# A no-show can be marked only after the number was called this many times.
CALLS_BEFORE_NO_SHOW = 2
# How many priority tickets may be called in a row while a regular one waits.
DEFAULT_PRIORITY_RUN = 3
SHARED_PREFIX = "A"
NUMBER_RE = re.compile(r"^(A\d{3,4}|[A-Z0-9]{1,6}-\d{3,4})$")


def shared_number(seq: int) -> str:
    return f"{SHARED_PREFIX}{seq:03d}"


def offline_number(desk_code: str, seq: int) -> str:
    """A number the desk hands out on its own: its code is the prefix."""
    return f"{desk_code.upper()}-{seq:03d}"


def desk_label(desk_code: str) -> str:
    """What the citizen hears and reads: ``PBK2`` → ``2`` (the desk's number at its
    site); a code with no number is read as it is."""
    match = re.search(r"(\d+)$", desk_code)
    return str(int(match.group(1))) if match else desk_code.upper()


def spelled(number: str) -> str:
    """``A012`` → ``A 0 1 2``: a voice reads each sign, never "twelve"."""
    return " ".join(ch for ch in number.upper() if ch.isalnum())


def call_words(number: str, desk_code: str) -> str:
    """The call, the same words on the screen and in the voice."""
    return f"Nomor antrean {spelled(number)}, silakan ke meja {desk_label(desk_code)}"
