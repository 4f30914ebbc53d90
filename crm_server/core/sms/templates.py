"""Every SMS the CRM sends, in plain Indonesian, each one part of at most 160 GSM 7-bit
characters with the ticket code and the tracking address, and never a name, a NIK,
a phone number or an address. ``docs/sms.md`` lists them with their lengths (the
test ``test_templates`` renders each for every state and checks both).

A message is its fixed words, then what varies (a unit's name, the public note, a
reason) shortened to the room left, so that the code and the address always fit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from complaint_domain.status import Status
from crm_server.core.sms.gsm7 import SMS_LIMIT, shorten, to_gsm7

# Status events: the words before the unit/note, by the state the complaint entered.
STATUS_TEMPLATES: dict[Status, str] = {
    Status.RECEIVED: "Aduan {code} diterima dan segera diperiksa. Kabar berikut lewat SMS."
    "{note} Pantau: {url}",
    Status.COORDINATION: "Aduan {code} diterima dan diteruskan ke {unit}.{note} Pantau: {url}",
    Status.DISPOSITION: "Aduan {code} diteruskan ke {unit}.{note} Pantau: {url}",
    Status.IN_PROGRESS: "Aduan {code} sedang dikerjakan {unit}.{note} Pantau: {url}",
    Status.VERIFICATION: "Aduan {code}: hasil kerja sedang diperiksa.{note} Pantau: {url}",
    Status.RETURNED: "Aduan {code} dikembalikan ke {unit} untuk dikerjakan lagi.{note} "
    "Pantau: {url}",
    Status.DONE: "Aduan {code} SELESAI.{note} Terima kasih. Pantau: {url}",
    Status.REJECTED: "Aduan {code} DITOLAK. Alasan:{note} Pantau: {url}",
    # The note of a merge only repeats the code it was merged into: not sent.
    Status.DUPLICATE: "Aduan {code} digabung dengan aduan {target} (masalah sama). Pantau: {url}",
}
REMINDER = "Aduan {code} masih ditangani {unit}, target {due}.{note} Pantau: {url}"
REMINDER_LATE = "Aduan {code} masih ditangani {unit}, lewat target {due}.{note} Pantau: {url}"
CO_REPORTER = "Laporan Anda dicatat pada aduan {code} yang sama.{note} Pantau: {url}"
CEK_REPLY = "Aduan {code}: {label}, di {unit}.{note} Pantau: {url}"
NOT_FOUND = (
    "Aduan tidak ditemukan untuk nomor ini. Ketik CEK lalu kode pada tanda terima, "
    "mis. CEK PBK1-261122-0042-K"
)
STOPPED = (
    "Baik, nomor ini tidak akan dikirimi SMS aduan lagi. Kabar aduan tetap dapat "
    "ditanyakan di meja aduan dengan kode tiket."
)
MIN_NOTE = 20  # less room than this for a public note: it is left out, not mangled
UNIT_ABBREVIATIONS = (
    ("Suku Dinas", "Sudin"),
    ("Kota Administrasi ", ""),
    ("Kabupaten Administrasi", "Kab."),
    ("Admin kanal", "admin"),
)
# What looks personal in a public note (DESIGN.md wants the workflow to refuse such
# notes; it does not yet): long runs of digits (a NIK, a phone) and e-mail addresses.
_PERSONAL = re.compile(r"\S+@\S+|\+?\d[\d .\-]{6,}\d")


@dataclass(frozen=True)
class Facts:
    """What a message may say: public facts only."""

    code: str
    url: str
    status: Status
    unit: str = ""
    note: str = ""
    due: dt.date | None = None
    target: str = ""  # the code a duplicate was merged into


def unit_words(unit: str) -> str:
    for long, short in UNIT_ABBREVIATIONS:
        unit = unit.replace(long, short)
    return to_gsm7(unit) or "petugas"


def clean_note(note: str) -> str:
    return to_gsm7(_PERSONAL.sub("***", note))


def template_fits(template: str, url: str, code_length: int = 20) -> bool:
    """The fixed words, a ticket code of the longest form and ``url`` in one part
    (``sms-run`` refuses to start with a tracking host too long for this)."""
    code = "X" * code_length
    bare = template.format(
        code=code, url=url, unit="Kelurahan X", target=code, note="", due="01-01-2026", label="X"
    )
    return len(bare) <= SMS_LIMIT


def _fill(template: str, facts: Facts, **values: str) -> str:
    """The template with the unit (at most 45 characters) and then the note in the
    room left; the note dropped whole when no useful part of it fits."""
    unit = shorten(unit_words(facts.unit), 45)
    base = dict(code=facts.code, url=facts.url, unit=unit, target=facts.target, **values)
    bare = template.format(note="", **base)
    if len(bare) > SMS_LIMIT:  # only an absurdly long host or unit: the unit gives way
        room = max(len(unit) - (len(bare) - SMS_LIMIT), 0)
        base["unit"] = shorten(unit, room)
        bare = template.format(note="", **base)
    note = clean_note(facts.note)
    room = SMS_LIMIT - len(bare) - 1
    if note and room >= MIN_NOTE:
        return template.format(note=" " + shorten(note, room), **base)
    return bare


def status_message(facts: Facts) -> str:
    """The message for a public step (or the complaint's reception)."""
    return _fill(STATUS_TEMPLATES[facts.status], facts)


def reminder_message(facts: Facts, today: dt.date) -> str:
    """Still being handled: by whom, and by when (honest when the date has passed)."""
    due = facts.due.strftime("%d-%m-%Y") if facts.due else "-"
    late = facts.due is not None and today > facts.due
    return _fill(REMINDER_LATE if late else REMINDER, replace(facts, note=""), due=due)


def co_reporter_message(facts: Facts) -> str:
    return _fill(CO_REPORTER, replace(facts, note=""))


def cek_reply(facts: Facts, label: str) -> str:
    return _fill(CEK_REPLY, facts, label=to_gsm7(label))
