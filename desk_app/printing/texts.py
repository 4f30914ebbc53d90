"""Indonesian dates and the shortening of free text for paper.

Dates are spelled out ("Rabu, 25 November 2026") because a citizen reads them,
and numeric dates are read both ways. Time uses the Indonesian dot (09.14 WIB).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from complaint_domain.text import clean_line
from desk_app.printing.model import WIB

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ELLIPSIS = "…"

# Runs of 8+ digits, possibly split by spaces, dots or dashes: a NIK (16 digits) or a
# phone number a citizen wrote into the description. They never go on paper.
_NUMBER_RUN = re.compile(r"\+?\d(?:[\s.\-/]?\d){7,}")


def format_date(day: dt.date) -> str:
    return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def format_datetime(moment: dt.datetime) -> str:
    local = moment.astimezone(WIB)
    return f"{format_date(local.date())}, {local:%H.%M} WIB"


def scrub_numbers(text: str) -> str:
    """``text`` with long digit runs (NIK, phone numbers) replaced by dots."""
    return _NUMBER_RUN.sub("•••", text)


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, cut at a word, with an ellipsis."""
    line = clean_line(text)
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:  # cut at a word unless that throws away half the text
        cut = cut[:space]
    return cut.rstrip(" ,.;:-–—") + ELLIPSIS


def summarize(description: str, limit: int) -> str:
    """The description as a receipt prints it: no long numbers, one line, shortened."""
    return shorten(scrub_numbers(clean_line(description)), limit)


def for_pdf(text: str) -> str:
    """Text the built-in PDF fonts can draw (Windows-1252): other characters lose
    their accents, or become "?", rather than printing as black boxes."""
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
            try:
                base.encode("cp1252")
                out.append(base or "?")
            except UnicodeEncodeError:
                out.append("?")
    return "".join(out)
