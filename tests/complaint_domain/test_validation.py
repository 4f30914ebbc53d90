import datetime as dt

import pytest

from complaint_domain.text import clean_line, clean_paragraphs, fold, mask_name
from complaint_domain.validation import (
    normalise_nik,
    normalise_phone,
    validate_complaint_fields,
    validate_rt_rw,
)
from complaint_domain.workdays import WorkCalendar

GOOD = {
    "name": "Siti Nurhaliza",
    "nik": "3171011708450001",
    "phone": "0812-3456-7890",
    "description": "Jalan berlubang besar di depan pasar, sudah dua bulan.",
    "kelurahan_code": "31.71.03.1005",
    "category_code": "JALAN.RUSAK",
    "consent": "1",
}


def test_good_form_passes_and_is_cleaned():
    result = validate_complaint_fields({**GOOD, "name": "  Siti\t\x00 Nurhaliza \u200b"})
    assert result.ok, result.errors
    assert result.values["name"] == "Siti Nurhaliza"
    assert result.values["phone"] == "+6281234567890"


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("name", "", "Nama pelapor wajib diisi"),
        ("name", "x" * 121, "terlalu panjang"),
        ("nik", "317101170845000", "16 angka"),
        ("nik", "9971011708450001", "tidak sah"),
        ("nik", "31710117084500AB", "angka"),
        ("phone", "12", "tidak"),
        ("phone", "halo", "tidak dikenali"),
        ("description", "rusak", "terlalu singkat"),
        ("description", "", "wajib diisi"),
        ("kelurahan_code", "", "Kelurahan wajib dipilih"),
        ("consent", "", "Persetujuan"),
        ("rt_rw", "RT tiga", "003/007"),
    ],
)
def test_each_problem_has_an_indonesian_message_on_its_field(field, value, fragment):
    result = validate_complaint_fields({**GOOD, field: value})
    assert not result.ok
    assert fragment in result.errors[field]
    assert set(result.errors) == {field}


def test_nik_is_optional():
    assert normalise_nik("") == ("", None)
    assert normalise_nik("3171 0117 0845 0001") == ("3171011708450001", None)


@pytest.mark.parametrize("raw", ["021-3822255", "+62 812 3456 7890", "081234567890"])
def test_phone_numbers_are_normalised_to_e164(raw):
    value, problem = normalise_phone(raw)
    assert problem is None and value.startswith("+62")


def test_rt_rw_forms():
    assert validate_rt_rw("3/7") == ("003/007", None)
    assert validate_rt_rw("RT 03 RW 07") == ("003/007", None)


def test_text_cleaning():
    assert clean_line("a\n\tb\x1b  c") == "a b c"
    assert clean_paragraphs("a\r\n\r\n\r\n\r\nb\x07") == "a\n\nb"
    assert fold("Kebon Jérúk") == "kebon jeruk"


def test_masked_names_never_show_the_whole_name():
    assert mask_name("Siti Nurhaliza") == "Sit* Nur******"
    assert mask_name("Ani") == "A**"
    for name in ["Budi", "Muhammad Rizky Pratama", "Ni Made Ayu"]:
        assert mask_name(name) != name
        assert len(mask_name(name)) == len(name)


def test_working_days_skip_weekends_holidays_and_cuti_bersama():
    cal = WorkCalendar()
    # Friday 2026-08-14 + 1 → Monday 17 August is Independence Day → Tuesday 18.
    assert cal.add_working_days(dt.date(2026, 8, 14), 1) == dt.date(2026, 8, 18)
    assert cal.add_working_days(dt.date(2026, 11, 20), 0) == dt.date(2026, 11, 20)
    assert cal.add_working_days(dt.date(2026, 11, 22), 0) == dt.date(2026, 11, 23)
    # Christmas 2026 is Friday the 25th.
    assert cal.add_working_days(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 28)
    with_leave = WorkCalendar(extra_leave_days=[dt.date(2026, 12, 28)])
    assert with_leave.add_working_days(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 29)
    assert with_leave.holiday_name(dt.date(2026, 12, 28)) == "Cuti bersama"
    assert cal.working_days_between(dt.date(2026, 11, 20), dt.date(2026, 11, 27)) == 5
