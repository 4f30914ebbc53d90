"""Field validation with messages an officer understands at a glance.

Validation never throws the officer's input away: it returns the cleaned values
*and* the problems, so the form can show each message beside its field. Each message
is a :class:`~complaint_domain.messages.Message`: Indonesian as a ``str``, and
translatable by the desk's UI (the field labels in it too).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import phonenumbers
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.id import nik as stdnum_nik

from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.text import clean_line, clean_paragraphs

LIMITS = {
    "name": 120,
    "address": 300,
    "street": 200,
    "landmark": 200,
    "rt_rw": 7,
    "description": 4000,
    "reference": 60,
    "note": 2000,
}
MIN_DESCRIPTION = 10


@dataclass
class ValidationResult:
    """Cleaned values and, per field, the first problem found (empty when all is well)."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)


# The intake form's field names, as the messages below name them.
LABELS = {
    "name": QT_TRANSLATE_NOOP("Fields", "Nama pelapor"),
    "address": QT_TRANSLATE_NOOP("Fields", "Alamat pelapor"),
    "street": QT_TRANSLATE_NOOP("Fields", "Nama jalan"),
    "landmark": QT_TRANSLATE_NOOP("Fields", "Patokan lokasi"),
    "description": QT_TRANSLATE_NOOP("Fields", "Uraian aduan"),
    "kelurahan_code": QT_TRANSLATE_NOOP("Fields", "Kelurahan"),
    "category_code": QT_TRANSLATE_NOOP("Fields", "Kategori"),
}


def check_required(value: str, label: str) -> str | None:
    """``label``: the field's name, best a Message itself (translated with the rest)."""
    if value:
        return None
    return QT_TRANSLATE_NOOP("Validation", "{field} wajib diisi.").format(field=label)


def check_length(value: str, label: str, limit: int) -> str | None:
    if len(value) > limit:
        return QT_TRANSLATE_NOOP(
            "Validation", "{field} terlalu panjang: {length} dari paling banyak {limit} karakter."
        ).format(field=label, length=len(value), limit=limit)
    return None


def normalise_nik(raw: str) -> tuple[str, str | None]:
    """The NIK as 16 digits and an error message, or ("", None) when left empty."""
    digits = "".join(ch for ch in raw if not ch.isspace() and ch not in ".-")
    if not digits:
        return "", None
    if not digits.isdigit():
        return digits, QT_TRANSLATE_NOOP("Validation", "NIK hanya berisi angka.")
    try:
        return str(stdnum_nik.validate(digits)), None
    except InvalidLength:
        return digits, QT_TRANSLATE_NOOP(
            "Validation", "NIK harus 16 angka (sekarang {count})."
        ).format(count=len(digits))
    except (InvalidComponent, InvalidChecksum):
        return digits, QT_TRANSLATE_NOOP(
            "Validation",
            "NIK tidak sah: kode wilayah atau tanggal lahir di dalamnya tidak cocok.",
        )
    except InvalidFormat:
        return digits, QT_TRANSLATE_NOOP("Validation", "NIK hanya berisi angka.")


def normalise_phone(raw: str) -> tuple[str, str | None]:
    """The phone number in E.164 (+62…) and an error message, or ("", None) when empty."""
    text = clean_line(raw)
    if not text:
        return "", None
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return text, QT_TRANSLATE_NOOP(
            "Validation", "Nomor telepon tidak dikenali. Contoh: 0812-3456-7890 atau 021-3822255."
        )
    if not phonenumbers.is_valid_number(number):
        return text, QT_TRANSLATE_NOOP(
            "Validation", "Nomor telepon tidak sah: periksa jumlah angka dan kode areanya."
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None


def format_phone_for_display(e164: str) -> str:
    try:
        number = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def validate_rt_rw(raw: str) -> tuple[str, str | None]:
    """RT/RW as "003/007"; accepts "3/7", "03 07", "RT 3 RW 7"."""
    text = clean_line(raw).upper().replace("RT", " ").replace("RW", " ")
    parts = [p for p in text.replace("/", " ").replace(".", " ").split() if p]
    if not parts:
        return "", None
    if len(parts) != 2 or not all(p.isdigit() and 0 < int(p) < 1000 for p in parts):
        return clean_line(raw), QT_TRANSLATE_NOOP("Validation", "RT/RW ditulis seperti 003/007.")
    return f"{int(parts[0]):03d}/{int(parts[1]):03d}", None


def validate_complaint_fields(raw: dict[str, str]) -> ValidationResult:
    """Validate the intake form's text fields. Keys: name, nik, phone, address,
    rt_rw, street, landmark, description, kelurahan_code, category_code, consent."""
    result = ValidationResult()

    def line(name: str, *, required: bool = False) -> None:
        label = LABELS[name]
        value = clean_line(raw.get(name, ""))
        result.values[name] = value
        problem = (check_required(value, label) if required else None) or check_length(
            value, label, LIMITS[name]
        )
        if problem:
            result.add(name, problem)

    line("name", required=True)
    line("address")
    line("street")
    line("landmark")

    nik, problem = normalise_nik(raw.get("nik", ""))
    result.values["nik"] = nik
    if problem:
        result.add("nik", problem)

    phone, problem = normalise_phone(raw.get("phone", ""))
    result.values["phone"] = phone
    if problem:
        result.add("phone", problem)

    rt_rw, problem = validate_rt_rw(raw.get("rt_rw", ""))
    result.values["rt_rw"] = rt_rw
    if problem:
        result.add("rt_rw", problem)

    description = clean_paragraphs(raw.get("description", ""))
    result.values["description"] = description
    problem = check_required(description, LABELS["description"]) or check_length(
        description, LABELS["description"], LIMITS["description"]
    )
    if not problem and len(description) < MIN_DESCRIPTION:
        problem = QT_TRANSLATE_NOOP(
            "Validation", "Uraian aduan terlalu singkat: tulis paling sedikit {count} karakter."
        ).format(count=MIN_DESCRIPTION)
    if problem:
        result.add("description", problem)

    for name in ("kelurahan_code", "category_code"):
        value = clean_line(raw.get(name, ""))
        result.values[name] = value
        if not value:
            result.add(
                name,
                QT_TRANSLATE_NOOP("Validation", "{field} wajib dipilih.").format(
                    field=LABELS[name]
                ),
            )

    consent = raw.get("consent", "") in ("1", "true", "yes", "ya")
    result.values["consent"] = "1" if consent else ""
    if not consent:
        result.add(
            "consent",
            QT_TRANSLATE_NOOP("Validation", "Persetujuan pemrosesan data pribadi wajib dicentang."),
        )
    return result
