import datetime as dt
import random
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaint_domain.ticket import (
    CROCKFORD_ALPHABET,
    DESK_ALPHABET,
    TicketCodeError,
    mint,
    new_tracking_token,
    normalise_tracking_token,
    parse_ticket_code,
    read_lookup_input,
    tracking_url,
)

desks = st.text(alphabet=DESK_ALPHABET, min_size=1, max_size=6)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
sequences = st.integers(min_value=1, max_value=9999)


def test_design_example():
    code = mint("PBK1", dt.date(2026, 11, 22), 42)
    assert str(code) == "PBK1-261122-0042-K"
    assert code.body == "PBK12611220042"


@given(desks, days, sequences)
def test_every_generated_code_parses_back(desk, day, seq):
    code = mint(desk, day, seq)
    assert parse_ticket_code(str(code)) == code
    assert parse_ticket_code(code.compact.lower()) == code
    assert parse_ticket_code(f"  {str(code).lower().replace('-', ' ')} ") == code


@given(desks, days, sequences, st.data())
def test_every_single_character_error_is_caught(desk, day, seq, data):
    code = mint(desk, day, seq)
    text = code.compact
    pos = data.draw(st.integers(0, len(text) - 1))
    replacement = data.draw(st.sampled_from(string.ascii_uppercase + string.digits))
    # Before the check character O/0 and I/L/1 are deliberately read as the same
    # character: typing one for the other is not an error there.
    same = {"0": "O", "1": "IL"}
    if replacement == text[pos]:
        return
    if pos < len(text) - 1 and replacement in same.get(text[pos], ""):
        return
    mutated = text[:pos] + replacement + text[pos + 1 :]
    try:
        parsed = parse_ticket_code(mutated)
    except TicketCodeError:
        return
    pytest.fail(f"{mutated} (from {text}) was accepted as {parsed}")


def test_adjacent_swaps_caught_at_the_rate_the_algorithm_allows():
    rng = random.Random(20261122)
    tried = caught = 0
    while tried < 20_000:
        desk = "".join(rng.choices(DESK_ALPHABET, k=rng.randint(1, 6)))
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(36_000))
        code = mint(desk, day, rng.randint(1, 9999))
        text = code.compact
        i = rng.randrange(len(text) - 1)
        if text[i] == text[i + 1]:
            continue
        swapped = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        tried += 1
        try:
            parse_ticket_code(swapped)  # accepted: a miss, whatever code it reads as
        except TicketCodeError:
            caught += 1
    assert caught / tried >= 0.99, f"only {caught / tried:.4f} of adjacent swaps caught"


@pytest.mark.parametrize(
    "typed",
    [
        "PBK1-261122-0042-K",
        "pbk1-261122-0042-k",
        "PBK12611220042K",
        "PBK1 261122 0042 K",
        "PBK1-26ll22-OO42-K",  # l for 1, O for 0 in the digit parts
        "PBKI-261122-0042-K",  # I for 1 in the desk code
        "PBKl-26II22-0042-k",
        "PBK1/261122/0042/K",
    ],
)
def test_forgiving_input(typed):
    assert str(parse_ticket_code(typed)) == "PBK1-261122-0042-K"


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("", "kosong"),
        ("PBK1-261122-0042-A", "pemeriksa"),
        ("PBK1-261341-0042-K", "kalender"),
        ("PBK1-261122-0000-K", "0000"),
        ("PBK1-26112-0042-K", "6 angka"),
        ("ABCDEFG-261122-0042-K", "1–6"),
        ("K", "pendek"),
        ("0-000101-0007-0", "huruf O"),  # the check is O; 0 typed: a hint, not a guess
    ],
)
def test_bad_input_gets_a_clear_message(typed, fragment):
    with pytest.raises(TicketCodeError) as err:
        parse_ticket_code(typed)
    assert fragment in err.value.message


def test_mint_limits():
    with pytest.raises(TicketCodeError):
        mint("PBK1", dt.date(2026, 1, 1), 10_000)
    with pytest.raises(TicketCodeError):
        mint("pbk-1", dt.date(2026, 1, 1), 1)
    with pytest.raises(TicketCodeError, match="tanpa huruf I, L dan O"):
        mint("POS1", dt.date(2026, 1, 1), 1)


def test_tracking_token_and_url():
    token = new_tracking_token()
    assert len(token) == 6 and set(token) <= set(CROCKFORD_ALPHABET)
    assert normalise_tracking_token("7xq2mo") == "7XQ2M0"
    assert normalise_tracking_token("7XQ2M") is None
    code = mint("PBK1", dt.date(2026, 11, 22), 42)
    url = tracking_url("lacak.jakarta.go.id", code, "7XQ2M9")
    assert url == "HTTPS://LACAK.JAKARTA.GO.ID/T/PBK1-261122-0042-K/7XQ2M9"
    assert url == url.upper()


@pytest.mark.parametrize(
    "scanned",
    [
        "HTTPS://LACAK.JAKARTA.GO.ID/T/PBK1-261122-0042-K/7XQ2M9",
        "https://lacak.jakarta.go.id/t/pbk1-261122-0042-k/7xq2m9",
        "PBK1-261122-0042-K",
    ],
)
def test_lookup_input_recognises_scans_and_typed_codes(scanned):
    found = read_lookup_input(scanned)
    assert found is not None and str(found.code) == "PBK1-261122-0042-K"


def test_lookup_input_leaves_names_alone():
    assert read_lookup_input("Siti Nurhaliza") is None
    assert read_lookup_input("jalan berlubang") is None
