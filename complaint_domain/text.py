"""Cleaning what people type or paste: Unicode normal form, no control characters,
one space between words. Every stored free-text field goes through here."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean_line(text: str) -> str:
    """One line of text: controls (including newlines) become spaces, runs collapse."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return _SPACES.sub(" ", text).strip()


def clean_paragraphs(text: str) -> str:
    """Multi-line text (a description): newlines kept, at most one blank line between
    paragraphs, every other control character dropped, spaces collapsed per line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for raw in text.split("\n"):
        kept = "".join(
            " " if ch == "\t" else ch
            for ch in raw
            if ch == "\t" or unicodedata.category(ch)[0] != "C"
        )
        lines.append(_SPACES.sub(" ", kept).strip())
    joined = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", joined).strip()


def fold(text: str) -> str:
    """Lower-case, accent-free form for matching ("Gunung Sahari" ~ "gunung sah")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return clean_line("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def mask_name(name: str) -> str:
    """A name as the receipt prints it: each word keeps its first three letters and
    the rest are starred ("Siti Nurhaliza" → "Sit* Nur******"); words of up to three
    letters keep only the first. Enough for the citizen to recognise, not to identify."""
    masked = []
    for word in clean_line(name).split(" "):
        if word:
            keep = 1 if len(word) <= 3 else 3
            masked.append(word[:keep] + "*" * (len(word) - keep))
    return " ".join(masked)
