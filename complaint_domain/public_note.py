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


class PersonalData(StrEnum):
    NIK = "nik"
    PHONE = "phone"
    EMAIL = "email"


# 16 digits, also written in groups with spaces or dots ("3171 0145 0678 0003").
_NIK = re.compile(r"(?<![\d.])\d(?:[ .]?\d){15}(?![\d])")
# Indonesian numbers: 08…, +62 8…, 62 8… (mobile), and any +62 number; digits in
# groups with spaces, dots or dashes, and "(0812)" or "+62 (21)" brackets.
_SEP = r"[\s.\-()]{0,2}"
_PHONE = re.compile(
    r"(?<![\w+])(?:\+?62|\(?0)" + _SEP + r"\(?8\d?" + rf"(?:{_SEP}\d){{6,11}}(?!\d)"
    r"|\+62" + rf"(?:{_SEP}\d){{7,12}}(?!\d)"
    r"|(?<![\w+])\(?0\d{1,3}\)?" + r"[\s.\-]{1,2}\d{3,4}[\s.\-]?\d{3,5}(?!\d)"
)
# name@host.tld, also with the @ spelled out ("nama [at] gmail [dot] com").
_AT = r"(?:@|\s*\[at\]\s*|\s*\(at\)\s*)"
_DOT = r"(?:\.|\s*\[dot\]\s*|\s*\(dot\)\s*)"
_EMAIL = re.compile(rf"[\w.+\-]+\s*{_AT}\s*[\w\-]+(?:{_DOT}[\w\-]+)+", re.IGNORECASE)


def personal_data_in(text: str) -> tuple[PersonalData, ...]:
    """The kinds of personal data ``text`` looks like it holds, in a fixed order;
    () when none."""
    found = []
    rest = text
    if _NIK.search(rest):
        found.append(PersonalData.NIK)
        rest = _NIK.sub(" ", rest)
    if _PHONE.search(rest):
        found.append(PersonalData.PHONE)
    if _EMAIL.search(text):
        found.append(PersonalData.EMAIL)
    return tuple(found)
