"""Ticket codes and tracking tokens (DESIGN.md, "Data and identities").

A ticket code is ``DESK-YYMMDD-NNNN-C``: the desk's code, the day it was minted,
the desk's daily sequence and an ISO 7064 MOD 37-36 check character computed over
the code without its dashes. It is minted on the desk, offline, and is final from
the moment it is printed.

Parsing is forgiving because codes are read aloud, typed by tired officers and
scanned by barcode readers that mangle punctuation: any case, missing or odd
separators, and O/0 and I/L/1 confusions are accepted, while a wrong check
character is refused.

Forgiving confusions must not weaken the check. So desk codes are drawn from A–Z
and 0–9 *without* the letters I, L and O: wherever an I, L or O is typed before the
check character it can only mean 1 or 0, and the reading is unique. The check
character itself may be any of the 36 (the algorithm decides), so there a
confusion is not silently accepted: it is reported with a hint ("the last
character is probably the letter O"), which keeps every single-character error
detectable.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from functools import cached_property

from stdnum.iso7064 import mod_37_36

from complaint_domain.messages import QT_TRANSLATE_NOOP

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DESK_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no I, L, O: see the module docstring
DESK_CODE_RE = re.compile(r"^[0-9A-HJKMNP-Z]{1,6}$")
MAX_DAILY_SEQUENCE = 9999

# Crockford base32: no I, L, O, U, so a token read aloud is never ambiguous.
CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TOKEN_LENGTH = 6

# What a confused reader meant, anywhere before the check character.
_CONFUSED = str.maketrans({"O": "0", "I": "1", "L": "1"})
_CHECK_HINTS = {"0": "O", "O": "0", "1": "I", "I": "1", "L": "1"}
_CHECK_WORDS = {
    "0": QT_TRANSLATE_NOOP("Ticket", "angka nol (0)"),
    "O": QT_TRANSLATE_NOOP("Ticket", "huruf O"),
    "1": QT_TRANSLATE_NOOP("Ticket", "angka satu (1)"),
    "I": QT_TRANSLATE_NOOP("Ticket", "huruf I"),
    "L": QT_TRANSLATE_NOOP("Ticket", "huruf L"),
}
_TAIL_LENGTH = 6 + 4 + 1  # YYMMDD + NNNN + check character


class TicketCodeError(ValueError):
    """A string that is not a valid ticket code; ``message`` is for the officer (a
    translatable :class:`~complaint_domain.messages.Message`)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TicketCheckError(TicketCodeError):
    """A well-formed ticket code whose check character does not match: a typing
    mistake (or a misread receipt), never another complaint's code."""


@dataclass(frozen=True, order=True)
class TicketCode:
    """A valid ticket code. Construct with :func:`mint` or :func:`parse_ticket_code`."""

    desk: str
    day: dt.date
    sequence: int

    # Computed once per code: the CRM parses and prints every code of every pushed
    # batch (a frozen dataclass without slots may cache in its __dict__).
    @cached_property
    def yymmdd(self) -> str:
        # Not strftime: three times slower, on the push's hot path.
        day = self.day
        return f"{day.year % 100:02d}{day.month:02d}{day.day:02d}"

    @property
    def body(self) -> str:
        """The characters the check character covers: desk, YYMMDD, NNNN."""
        return f"{self.desk}{self.yymmdd}{self.sequence:04d}"

    @cached_property
    def check(self) -> str:
        return str(mod_37_36.calc_check_digit(self.body))

    def __str__(self) -> str:
        return f"{self.desk}-{self.yymmdd}-{self.sequence:04d}-{self.check}"

    @property
    def compact(self) -> str:
        return self.body + self.check


def validate_desk_code(desk: str) -> str:
    desk = desk.strip().upper()
    if not DESK_CODE_RE.match(desk):
        raise TicketCodeError(
            QT_TRANSLATE_NOOP(
                "Ticket",
                "Kode meja harus 1–6 huruf A–Z atau angka 0–9, tanpa huruf I, L dan O "
                "(agar tidak tertukar dengan 1 dan 0).",
            )
        )
    return desk


def mint(desk: str, day: dt.date, sequence: int) -> TicketCode:
    """The ticket code for the ``sequence``-th complaint of ``day`` at ``desk``."""
    desk = validate_desk_code(desk)
    if not 1 <= sequence <= MAX_DAILY_SEQUENCE:
        raise TicketCodeError(
            QT_TRANSLATE_NOOP("Ticket", "Nomor urut harian harus 1–{limit}.").format(
                limit=MAX_DAILY_SEQUENCE
            )
        )
    if not 2000 <= day.year <= 2099:  # YY in the code means 20YY
        raise TicketCodeError(
            QT_TRANSLATE_NOOP("Ticket", "Tanggal tiket di luar rentang 2000–2099.")
        )
    return TicketCode(desk, day, sequence)


def _split(text: str) -> tuple[str, str, str, str]:
    """Desk, date, sequence and check parts of a cleaned-up code."""
    groups = [g for g in re.split(r"[^A-Z0-9]+", text) if g]
    if len(groups) == 4:
        return groups[0], groups[1], groups[2], groups[3]
    compact = "".join(groups)
    if len(compact) <= _TAIL_LENGTH:
        raise TicketCodeError(
            QT_TRANSLATE_NOOP("Ticket", "Kode tiket terlalu pendek. Contoh: PBK1-261122-0042-K.")
        )
    desk, tail = compact[:-_TAIL_LENGTH], compact[-_TAIL_LENGTH:]
    return desk, tail[:6], tail[6:10], tail[10]


def parse_ticket_code(text: str) -> TicketCode:
    """Read a ticket code as an officer typed it, or raise :class:`TicketCodeError`."""
    cleaned = text.strip().upper()
    if not cleaned:
        raise TicketCodeError(QT_TRANSLATE_NOOP("Ticket", "Kode tiket kosong."))
    desk_raw, date_raw, seq_raw, check = _split(cleaned)
    desk = desk_raw.translate(_CONFUSED)
    date_part, seq_part = date_raw.translate(_CONFUSED), seq_raw.translate(_CONFUSED)
    if len(date_part) != 6 or not date_part.isdigit():
        raise TicketCodeError(
            QT_TRANSLATE_NOOP("Ticket", "Bagian tanggal kode tiket harus 6 angka (TTBBHH).")
        )
    if len(seq_part) != 4 or not seq_part.isdigit():
        raise TicketCodeError(QT_TRANSLATE_NOOP("Ticket", "Nomor urut kode tiket harus 4 angka."))
    if len(check) != 1:
        raise TicketCodeError(
            QT_TRANSLATE_NOOP(
                "Ticket", "Karakter pemeriksa kode tiket harus satu huruf atau angka."
            )
        )
    if not DESK_CODE_RE.match(desk):
        raise TicketCodeError(
            QT_TRANSLATE_NOOP("Ticket", "Kode meja pada tiket harus 1–6 huruf atau angka.")
        )
    try:
        day = dt.date(2000 + int(date_part[:2]), int(date_part[2:4]), int(date_part[4:]))
    except ValueError:
        raise TicketCodeError(
            QT_TRANSLATE_NOOP("Ticket", "Tanggal pada kode tiket tidak ada di kalender.")
        ) from None
    sequence = int(seq_part)
    if sequence == 0:
        raise TicketCodeError(
            QT_TRANSLATE_NOOP("Ticket", "Nomor urut kode tiket tidak boleh 0000.")
        )
    code = TicketCode(desk, day, sequence)
    if code.check == check:
        return code
    if _CHECK_HINTS.get(check) == code.check or (check == "L" and code.check == "1"):
        raise TicketCheckError(
            QT_TRANSLATE_NOOP(
                "Ticket",
                "Karakter terakhir kode tiket mungkin {meant}, bukan {typed}. "
                "Periksa tanda terima.",
            ).format(meant=_CHECK_WORDS[code.check], typed=_CHECK_WORDS[check])
        )
    raise TicketCheckError(
        QT_TRANSLATE_NOOP(
            "Ticket",
            "Karakter pemeriksa tidak cocok: kode tiket salah ketik. Periksa lagi setiap huruf.",
        )
    )


def is_valid_ticket_code(text: str) -> bool:
    try:
        parse_ticket_code(text)
    except TicketCodeError:
        return False
    return True


def new_tracking_token() -> str:
    """Six random Crockford base32 characters (30 bits) printed beside the code."""
    return "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(TOKEN_LENGTH))


def normalise_tracking_token(text: str) -> str | None:
    """A token as Crockford decoding reads it (O→0, I/L→1), or None if malformed."""
    token = text.strip().upper().replace("O", "0").replace("I", "1").replace("L", "1")
    if len(token) != TOKEN_LENGTH or any(ch not in CROCKFORD_ALPHABET for ch in token):
        return None
    return token


def tracking_url(host: str, code: TicketCode, token: str) -> str:
    """The receipt QR payload: upper case only, so the QR can use alphanumeric mode."""
    host = host.strip().removeprefix("https://").removeprefix("HTTPS://").rstrip("/")
    return f"HTTPS://{host}/T/{code}/{token}".upper()


_SCANNED_URL_RE = re.compile(r"/T/([A-Z0-9][A-Z0-9\- ]{10,30})/([0-9A-Z]{6})\b")


@dataclass(frozen=True)
class ScannedReceipt:
    code: TicketCode
    token: str | None


def read_lookup_input(text: str) -> ScannedReceipt | None:
    """A ticket code from what a search box received: a typed code or a scanned QR URL.

    Returns None when the text is neither (the caller then searches names and words).
    """
    upper = text.strip().upper()
    match = _SCANNED_URL_RE.search(upper)
    if match:
        try:
            return ScannedReceipt(parse_ticket_code(match.group(1)), match.group(2))
        except TicketCodeError:
            return None
    if len(upper) > 40:
        return None
    try:
        return ScannedReceipt(parse_ticket_code(upper), None)
    except TicketCodeError:
        return None


def ticket_check_mismatch(text: str) -> str | None:
    """The code as typed (or as scanned in a receipt URL) when ``text`` is a ticket
    code whose only fault is its check character; None otherwise."""
    upper = text.strip().upper()
    match = _SCANNED_URL_RE.search(upper)
    typed = match.group(1).strip() if match else upper
    if len(typed) > 40:
        return None
    try:
        parse_ticket_code(typed)
    except TicketCheckError:
        return typed
    except TicketCodeError:
        return None
    return None
