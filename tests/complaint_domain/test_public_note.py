"""The detector of personal data in a public note: a NIK, an Indonesian phone
number or an e-mail address, however it is written, is found; ordinary staff notes
(dates, counts, amounts, ticket codes, RT/RW) are not refused."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from complaint_domain.public_note import PersonalData, personal_data_in

WORDS = st.lists(
    st.sampled_from(
        [
            "Jalan",
            "sudah",
            "ditambal",
            "pada",
            "tanggal",
            "25",
            "November",
            "2026",
            "RT",
            "003/007",
            "sepanjang",
            "12",
            "meter",
            "Rp",
            "1.500.000",
            "tiket",
            "PBK1-261122-0042-K",
            "pukul",
            "10.30",
            "WIB",
            "oleh",
            "Suku",
            "Dinas",
            "3",
            "hari",
            "kerja",
            "No.",
            "17",
            "2x",
            "lubang",
            "(dua)",
            "08.00-09.00",
        ]
    ),
    max_size=25,
).map(" ".join)


@st.composite
def niks(draw: st.DrawFn) -> str:
    """A valid NIK (a Jakarta region, a birth date, a number), whole or grouped."""
    region = draw(st.sampled_from(["3171", "3172", "3173", "3174", "3175", "3101"]))
    district = draw(st.integers(1, 10))
    day = draw(st.integers(1, 28)) + draw(st.sampled_from([0, 40]))
    born = f"{day:02d}{draw(st.integers(1, 12)):02d}{draw(st.integers(0, 99)):02d}"
    d = f"{region}{district:02d}{born}{draw(st.integers(1, 9999)):04d}"
    sep = draw(st.sampled_from([" ", ".", "-"]))
    return draw(
        st.sampled_from(
            [
                d,
                sep.join([d[0:4], d[4:8], d[8:12], d[12:]]),
                ".".join([d[0:2], d[2:4], d[4:6], d[6:12], d[12:]]),
                sep.join([d[0:6], d[6:12], d[12:]]),
            ]
        )
    )


@st.composite
def phones(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["08", "+628", "628", "+62 8", "(08"]))
    first = draw(st.text("0123456789", min_size=2, max_size=3))
    groups = draw(st.lists(st.text("0123456789", min_size=3, max_size=4), min_size=2, max_size=3))
    close = ")" if prefix.startswith("(") else ""
    separator = draw(st.sampled_from(["", " ", "-", "."]))
    return prefix + first + close + "".join(separator + g for g in groups)


@st.composite
def emails(draw: st.DrawFn) -> str:
    name = draw(st.from_regex(r"[a-z][a-z0-9._]{0,12}", fullmatch=True))
    host = draw(st.from_regex(r"[a-z]{2,10}", fullmatch=True))
    tld = draw(st.sampled_from(["com", "co.id", "go.id", "id", "net"]))
    at = draw(st.sampled_from(["@", " @ ", " [at] ", "(at)"]))
    return f"{name}{at}{host}.{tld}"


@given(WORDS, niks(), WORDS)
def test_a_nik_is_found_however_it_is_grouped(before: str, nik: str, after: str) -> None:
    assert PersonalData.NIK in personal_data_in(f"{before} NIK {nik} {after}")


@given(WORDS, phones(), WORDS)
def test_a_phone_number_is_found_in_its_indonesian_forms(
    before: str, phone: str, after: str
) -> None:
    found = personal_data_in(f"{before} hubungi {phone}, {after}")
    assert found and set(found) <= {PersonalData.PHONE, PersonalData.NIK}


@given(WORDS, emails(), WORDS)
def test_an_email_address_is_found(before: str, email: str, after: str) -> None:
    assert PersonalData.EMAIL in personal_data_in(f"{before} {email} {after}")


@given(WORDS)
def test_an_ordinary_staff_note_is_not_refused(note: str) -> None:
    assert personal_data_in(note) == ()


def test_each_kind_is_named() -> None:
    text = "NIK 3171014506780003, telp 0812 3456 7890, surel a.b@gmail.com"
    assert personal_data_in(text) == (PersonalData.NIK, PersonalData.PHONE, PersonalData.EMAIL)
    assert personal_data_in("Jalan sudah diperbaiki.") == ()


def test_numbers_after_an_rt_rw_or_an_amount_are_not_a_landline() -> None:
    # Hypothesis found these in CI: "007 2026 2026" read as the area code 007.
    for note in ("RT 003/007 2026 2026", "Rp 1.500.000 2026 2026", "08.00-09.00 2026 2026"):
        assert personal_data_in(note) == (), note
    assert personal_data_in("telp (021) 345 6789") == (PersonalData.PHONE,)


def test_grouped_digits_are_a_nik_only_when_they_make_one() -> None:
    assert personal_data_in("2026 2026 2026 2026") == ()
    assert personal_data_in("3171 0145 0678 0003") == (PersonalData.NIK,)
    assert personal_data_in("NIK 2026202620262026") == (PersonalData.NIK,)
