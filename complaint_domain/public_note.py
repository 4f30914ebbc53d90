"""What a public note must not hold: a staff note the citizen reads on the tracking
page (and Open311 clients receive) is refused when it looks like it holds a NIK, a
phone number or an e-mail address (DESIGN.md, "What must never happen").

The patterns err on the side of refusing: a staff member rewrites a note; a
published phone number cannot be taken back. A ticket code (``PBK1-261122-0042-K``)
and an ordinary date or count are not taken for any of them.
"""

from __future__ import annotations

import re
from enum import StrEnum

from stdnum.id import nik as stdnum_nik


class PersonalData(StrEnum):
    NIK = "nik"
    PHONE = "phone"
    EMAIL = "email"


# 16 digits, whole or grouped as people write them: 4-4-4-4, the region's
# 2-2-2-6-4, or 6-6-4 (region, birth date, number), with spaces, dots or dashes.
# Sixteen digits in a row are always taken for a NIK; grouped digits only when they
# make a valid one (a known region and a birth date), so that "2026 2026 2026 2026"
# in a note about four years is not refused.
_NIK_WHOLE = re.compile(r"(?<![\d.])\d{16}(?!\d)")
_NIK = re.compile(
    r"(?<![\d.])(?:\d{4}(?:[ .\-]\d{4}){3}|\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{6}[ .]\d{4}"
    r"|\d{6}[ .\-]\d{6}[ .\-]\d{4})(?!\d)"
)
# Indonesian numbers: a mobile 08…, +62 8…, 62 8… written whole or in groups of
# three to five digits (so that the desk's hours "08.00-09.00" are not one), any
# +62 number, and a landline "(021) 345 6789"; groups split by spaces, dots or dashes.
# An area code starts 01-09 and does not continue a number ("RT 003/007 2026 2026",
# "Rp 1.500.000 2026" are not phones).
_SEP = r"[\s.\-()]{0,2}"
_MOBILE = re.compile(r"(?<![\w+])(?:\+?62|0)[\s.\-]?\(?8\d{1,3}\)?(?:[\s.\-]?\d{3,5}){1,3}(?!\d)")
_PHONE = re.compile(
    r"\+62" + rf"(?:{_SEP}\d){{7,12}}(?!\d)"
    r"|(?<![\w+])(?<!\d[./])\(?0[1-9]\d{0,2}\)?" + r"[\s.\-]{1,2}\d{3,4}[\s.\-]?\d{3,5}(?!\d)"
)
MOBILE_DIGITS = 10  # 0812345678: the shortest mobile number, written with its 0


def _is_mobile(match: re.Match[str]) -> bool:
    """A _MOBILE match long enough to be a number ("62" counts as the "0" it replaces)."""
    digits = re.sub(r"\D", "", match.group())
    return len(digits) - (1 if digits.startswith("62") else 0) >= MOBILE_DIGITS


def _holds_phone(text: str) -> bool:
    return any(_is_mobile(m) for m in _MOBILE.finditer(text)) or bool(_PHONE.search(text))


# name@host.tld, also with the @ spelled out ("nama [at] gmail [dot] com").
_AT = r"(?:@|\s*\[at\]\s*|\s*\(at\)\s*)"
_DOT = r"(?:\.|\s*\[dot\]\s*|\s*\(dot\)\s*)"
_EMAIL = re.compile(rf"[\w.+\-]+\s*{_AT}\s*[\w\-]+(?:{_DOT}[\w\-]+)+", re.IGNORECASE)


def personal_data_in(text: str) -> tuple[PersonalData, ...]:
    """The kinds of personal data ``text`` looks like it holds, in a fixed order;
    () when none."""
    found = []
    rest = text
    niks = list(_NIK_WHOLE.finditer(rest)) + [
        match for match in _NIK.finditer(rest) if stdnum_nik.is_valid(match.group())
    ]
    if niks:
        found.append(PersonalData.NIK)
        for match in sorted(niks, key=lambda m: m.start(), reverse=True):
            rest = rest[: match.start()] + " " + rest[match.end() :]
    if _holds_phone(rest):
        found.append(PersonalData.PHONE)
    if _EMAIL.search(text):
        found.append(PersonalData.EMAIL)
    return tuple(found)


REDACTED = "[dihapus]"


def redacted(text: str) -> str:
    """``text`` with every NIK, phone number and e-mail address it looks like it holds
    replaced by :data:`REDACTED` (retention: a description or a staff note keeps its
    words, not the numbers a citizen or an officer wrote into it). The same patterns as
    :func:`personal_data_in`; a name written in the text stays (no pattern finds one)."""
    out = _EMAIL.sub(REDACTED, text)
    out = _NIK_WHOLE.sub(REDACTED, out)
    out = _NIK.sub(lambda m: REDACTED if stdnum_nik.is_valid(m.group()) else m.group(), out)
    out = _MOBILE.sub(lambda m: REDACTED if _is_mobile(m) else m.group(), out)
    return _PHONE.sub(REDACTED, out)
