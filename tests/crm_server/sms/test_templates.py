"""Every message template rendered for every state, with the longest ticket code, a
real tracking host, long unit names and long notes: one SMS part of GSM 7-bit
characters each, with the code and the address, and nothing personal."""

from __future__ import annotations

import datetime as dt

import pytest

from complaint_domain.status import Status, public_status_text
from crm_server.core.sms import templates
from crm_server.core.sms.gsm7 import fits, is_gsm7, shorten, to_gsm7
from crm_server.core.sms.templates import Facts

CODE = "KLJKT9-261231-9999-Z"  # the longest form: a six-character desk code
URL = f"HTTPS://ADUAN.JAKARTA.GO.ID/T/{CODE}/ABCDEF"
UNITS = (
    "",
    "Kelurahan Gambir",
    "Suku Dinas Pertamanan dan Hutan Kota Kota Administrasi Jakarta Utara",
    "Admin kanal Pendopo Balai Kota",
    "Kelurahan Kebon Kacang Kebon Melati Tanah Abang Karet Tengsin Gelora Bendungan Hilir",
)
NOTES = (
    "",
    "Sudah ditambal.",
    "Pekerjaan perbaikan saluran air di sepanjang Jl. Kebon Sirih dijadwalkan "
    "minggu depan — “mohon bersabar”… petugas akan datang ke lokasi.",
    "Hubungi Bu Sulastri di 0812-3456-7890 atau sulastri@example.id, NIK 3171014506780003.",
)
PERSONAL = ("0812", "3456", "7890", "sulastri@", "3171014506780003")


def check(text: str) -> None:
    assert fits(text), (len(text), text)
    assert CODE in text and URL in text, text
    for value in PERSONAL:
        assert value not in text, text


@pytest.mark.parametrize("status", list(templates.STATUS_TEMPLATES))
def test_every_status_message_fits_one_part(status: Status) -> None:
    for unit in UNITS:
        for note in NOTES:
            text = templates.status_message(
                Facts(CODE, URL, status, unit=unit, note=note, target="PBK1-261117-0003-X")
            )
            check(text)


def test_the_reason_of_a_refusal_and_the_code_of_a_merge_are_said() -> None:
    refused = templates.status_message(
        Facts(CODE, URL, Status.REJECTED, note="Lokasi di luar wilayah DKI Jakarta.")
    )
    assert "DITOLAK. Alasan: Lokasi di luar wilayah DKI Jakarta." in refused
    merged = templates.status_message(
        Facts(CODE, URL, Status.DUPLICATE, note="Digabung.", target="PBK1-261117-0003-X")
    )
    assert "digabung dengan aduan PBK1-261117-0003-X" in merged


def test_reminders_say_who_and_by_when_and_own_a_late_date() -> None:
    due = dt.date(2026, 11, 25)
    for unit in UNITS:
        for status in Status:
            facts = Facts(CODE, URL, status, unit=unit, due=due)
            on_time = templates.reminder_message(facts, dt.date(2026, 11, 24))
            late = templates.reminder_message(facts, dt.date(2026, 11, 26))
            check(on_time)
            check(late)
    text = templates.reminder_message(
        Facts(CODE, URL, Status.IN_PROGRESS, unit="Kelurahan Gambir", due=due),
        dt.date(2026, 11, 26),
    )
    assert "masih ditangani Kelurahan Gambir, lewat target 25-11-2026" in text


def test_replies_and_the_co_reporter_message_fit() -> None:
    for status in Status:
        label = public_status_text(status, reason="alasan", merged_into="PBK1-261117-0003-X")
        for unit in UNITS:
            check(templates.cek_reply(Facts(CODE, URL, status, unit=unit), label))
        check(templates.co_reporter_message(Facts(CODE, URL, status)))
    for fixed in (templates.NOT_FOUND, templates.STOPPED):
        assert fits(fixed), fixed


def test_text_is_made_gsm7_and_shortened_at_a_word() -> None:
    assert (
        to_gsm7("Sudah “selesai” — terima kasih… [ok]") == 'Sudah "selesai" - terima kasih... (ok)'
    )
    assert to_gsm7("Jalan Ciliwung ŝ ç ā") == "Jalan Ciliwung s c a"
    assert is_gsm7(to_gsm7("emoji 🙂 dan tab\tbaru\nbaris"))
    assert shorten("satu dua tiga empat lima", 16) == "satu dua..."
    assert not fits("x" * 161) and fits("x" * 160) and not fits("€")


def test_a_tracking_host_too_long_is_refused() -> None:
    long_url = "HTTPS://" + "A" * 80 + f"/T/{CODE}/ABCDEF"
    assert templates.template_fits(templates.STATUS_TEMPLATES[Status.RECEIVED], URL)
    assert not templates.template_fits(templates.STATUS_TEMPLATES[Status.RECEIVED], long_url)
