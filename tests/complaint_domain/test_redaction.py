"""Retention's redaction of free text: every NIK, phone number and e-mail address the
public-note check would find is replaced, and the other words are kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaint_domain.public_note import REDACTED, personal_data_in, redacted

WORDS = st.sampled_from(
    ["Jalan", "berlubang", "di", "depan", "SDN", "01", "RT", "003/007", "sejak", "2026",
     "jam", "08.00-09.00", "PBK1-261122-0042-K", "Rp", "1.500.000", "dua", "minggu"]
)  # fmt: skip
PERSONAL = st.sampled_from(
    ["3171234567890001", "3171 0145 0678 0003", "0812-3456-7890", "+62 812 3456 7890",
     "081398765432", "(021) 345 6789", "siti.n@example.id", "nama [at] gmail [dot] com"]
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lubang besar. NIK saya 3171234567890001, HP 0812-3456-7890.",
            f"Lubang besar. NIK saya {REDACTED}, HP {REDACTED}.",
        ),
        ("Balas ke siti.n@example.id ya", f"Balas ke {REDACTED} ya"),
        # what is no personal data stays as it was written
        ("Rapat 08.00-09.00, RT 003/007, PBK1-261122-0042-K", None),
        ("Empat tahun: 2026 2026 2026 2026", None),
    ],
)
def test_what_is_replaced_and_what_stays(text: str, expected: str | None) -> None:
    assert redacted(text) == (text if expected is None else expected)


@given(st.lists(WORDS, max_size=8), PERSONAL, st.lists(WORDS, max_size=8))
def test_nothing_the_check_would_find_is_left_and_the_words_stay(
    before: list[str], personal: str, after: list[str]
) -> None:
    text = " ".join([*before, personal, *after])
    assert personal_data_in(text)  # the premise: the check finds it
    out = redacted(text)
    assert personal_data_in(out) == () and REDACTED in out
    # the words stay; a number right beside a phone number may go with it (the
    # patterns err on the side of removing: "0812 3456 7890 003" reads as one number)
    kept = out.split()
    assert [w for w in [*before, *after] if w.isalpha()] == [w for w in kept if w.isalpha()]
