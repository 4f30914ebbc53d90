"""The GSM 7-bit default alphabet (3GPP TS 23.038): one SMS part holds 160 of its
characters. Messages use its basic table only (the extension table's ``[]{}~|^€\\``
cost two each and some phones show them wrong), so a message's length is its number
of characters."""

from __future__ import annotations

import re
import unicodedata

SMS_LIMIT = 160
BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# What a public note may hold that the basic table lacks, written with what it has.
_REPLACEMENTS = str.maketrans(
    {
        "—": "-",
        "–": "-",
        "‐": "-",
        "‑": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "[": "(",
        "]": ")",
        "{": "(",
        "}": ")",
        "~": "-",
        "|": "/",
        "\\": "/",
        "^": " ",
        "€": "EUR",
        "\u00a0": " ",
        "\t": " ",
        "\n": " ",
        "\r": " ",
    }
)


def is_gsm7(text: str) -> bool:
    return all(ch in BASIC for ch in text)


def fits(text: str) -> bool:
    """One SMS part: at most 160 characters, all of the basic GSM 7-bit table."""
    return len(text) <= SMS_LIMIT and is_gsm7(text)


def to_gsm7(text: str) -> str:
    """``text`` in the basic table on one line: typographic marks replaced, accents
    dropped where the table lacks the letter, anything else left out."""
    out = []
    for ch in text.translate(_REPLACEMENTS):
        if ch in BASIC:
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if c in BASIC)
        out.append(base)
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word with "..." if longer."""
    if len(text) <= limit:
        return text
    if limit < 4:
        return ""
    cut = text[: limit - 3]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:-") + "..."
