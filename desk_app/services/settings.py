"""The desk's settings, declared once with their types and defaults.

Stored as JSON in the user's config folder (platformdirs) or, with ``--data-dir``,
inside that folder, so several desks can run on one machine and tests never touch
the user's own files. A file that cannot be read is kept aside (``.bad``) and the
defaults are used: a broken settings file must never stop a desk from opening.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from complaint_domain.messages import QT_TRANSLATE_NOOP

APP_NAME = "MejaAduan"
SETTINGS_FILE = "settings.json"

# The printing module's PrinterKind values (kept as plain strings here so that reading
# the settings does not import the printing stack).
PRINTER_BACKENDS = (
    "pdf",
    "system",
    "escpos_network",
    "escpos_windows",
    "escpos_cups",
    "escpos_file",
)
RECEIPT_FORMATS = ("roll80", "roll58", "a5", "a4")
LANGUAGES = ("id", "en")


@dataclass
class Settings:
    desk_code: str = "PBK1"
    site_name: str = "Pendopo Balai Kota"
    crm_url: str = "http://127.0.0.1:8765"
    crm_ca_file: str = ""  # a pinned CA (PEM) for the CRM's TLS; empty: the system's CAs
    tracking_host: str = "lacak.jakarta.go.id"
    help_phone: str = ""  # printed on the receipt under "how to check"
    printer_backend: str = "pdf"
    printer_target: str = ""  # host:port, device file, CUPS queue or Windows printer name
    printer_width_dots: int = 0  # 0: the paper's own width; e.g. 512 for narrower heads
    receipt_format: str = "roll80"
    large_print: bool = False
    language: str = "id"
    font_scale: int = 100  # percent, 100–200
    high_contrast: bool = False
    sync_interval_s: int = 60
    extra_leave_days: list[str] = field(default_factory=list)  # cuti bersama, ISO dates
    first_response_working_days: int = 3
    # The Pantauan page: a desk is "silent" when its receipts wait unsent longer than
    # this, or, in opening hours (Jakarta time), no heartbeat came for longer than that.
    silent_unsent_minutes: int = 120
    silent_heartbeat_minutes: int = 30
    opening_hours: str = "08:00-16:00"
    lock_after_minutes: int = 10  # idle minutes before the desk locks; 0: never
    retention_days: int = 730  # personal data of a closed complaint kept this long

    def problems(self) -> dict[str, str]:
        """Per setting, why its value cannot be used (translatable Messages)."""
        errors: dict[str, str] = {}
        if self.printer_backend not in PRINTER_BACKENDS:
            errors["printer_backend"] = QT_TRANSLATE_NOOP(
                "Settings", "Jenis printer tidak dikenal: {value}."
            ).format(value=self.printer_backend)
        if self.receipt_format not in RECEIPT_FORMATS:
            errors["receipt_format"] = QT_TRANSLATE_NOOP(
                "Settings", "Format tanda terima tidak dikenal: {value}."
            ).format(value=self.receipt_format)
        if self.language not in LANGUAGES:
            errors["language"] = QT_TRANSLATE_NOOP("Settings", "Bahasa harus id atau en.")
        if not 100 <= self.font_scale <= 200:
            errors["font_scale"] = QT_TRANSLATE_NOOP("Settings", "Ukuran huruf harus 100–200 %.")
        if self.printer_width_dots and not 200 <= self.printer_width_dots <= 2400:
            errors["printer_width_dots"] = QT_TRANSLATE_NOOP(
                "Settings", "Lebar cetak printer harus 200–2400 titik (0: bawaan)."
            )
        if not 1 <= self.first_response_working_days <= 30:
            errors["first_response_working_days"] = QT_TRANSLATE_NOOP(
                "Settings", "Batas tanggapan pertama harus 1–30 hari kerja."
            )
        if not 10 <= self.sync_interval_s <= 3600:
            errors["sync_interval_s"] = QT_TRANSLATE_NOOP(
                "Settings", "Jeda sinkronisasi harus 10–3600 detik."
            )
        for name in ("silent_unsent_minutes", "silent_heartbeat_minutes"):
            if not 5 <= getattr(self, name) <= 1440:
                errors[name] = QT_TRANSLATE_NOOP("Settings", "Batas meja diam harus 5–1440 menit.")
        if self.opening_window() is None:
            errors["opening_hours"] = QT_TRANSLATE_NOOP(
                "Settings", "Jam buka ditulis JJ:MM-JJ:MM, misalnya 08:00-16:00."
            )
        if not 0 <= self.lock_after_minutes <= 240:
            errors["lock_after_minutes"] = QT_TRANSLATE_NOOP(
                "Settings", "Kunci otomatis harus 0–240 menit (0: tidak pernah)."
            )
        if not 30 <= self.retention_days <= 3650:
            errors["retention_days"] = QT_TRANSLATE_NOOP(
                "Settings", "Masa simpan data pribadi harus 30–3650 hari."
            )
        for day in self.extra_leave_days:
            try:
                dt.date.fromisoformat(day)
            except ValueError:
                errors["extra_leave_days"] = QT_TRANSLATE_NOOP(
                    "Settings", "Tanggal cuti bersama tidak sah: {value}."
                ).format(value=day)
        return errors

    def opening_window(self) -> tuple[str, str] | None:
        """("08:00", "16:00") from ``opening_hours``; None when it cannot be read."""
        parts = self.opening_hours.replace(" ", "").split("-")
        try:
            opens, closes = (dt.time.fromisoformat(p) for p in parts)
        except ValueError:
            return None
        if opens >= closes:
            return None
        return opens.strftime("%H:%M"), closes.strftime("%H:%M")

    def leave_days(self) -> list[dt.date]:
        out = []
        for day in self.extra_leave_days:
            try:
                out.append(dt.date.fromisoformat(day))
            except ValueError:
                continue
        return out


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_path(data_dir: Path | None) -> Path:
    if data_dir is not None:
        return data_dir / SETTINGS_FILE
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / SETTINGS_FILE


def _coerce(value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError
        return value
    if isinstance(default, str):
        if not isinstance(value, str):
            raise TypeError
        return value
    if isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError
        return value
    raise TypeError


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """The settings and a list of warnings (unreadable file, bad values replaced), each
    a translatable Message."""
    settings = Settings()
    warnings: list[str] = []
    if not path.exists():
        return settings, warnings
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
    except (OSError, ValueError):
        aside = path.with_suffix(".json.bad")
        os.replace(path, aside)
        return settings, [
            QT_TRANSLATE_NOOP(
                "Settings",
                "Berkas pengaturan rusak, disimpan sebagai {file}; pengaturan bawaan dipakai.",
            ).format(file=aside.name)
        ]
    defaults = Settings()
    for f in dataclasses.fields(Settings):
        if f.name not in raw:
            continue
        try:
            setattr(settings, f.name, _coerce(raw[f.name], getattr(defaults, f.name)))
        except TypeError:
            warnings.append(
                QT_TRANSLATE_NOOP(
                    "Settings", "Pengaturan {name} tidak sah; nilai bawaan dipakai."
                ).format(name=f.name)
            )
    for name, problem in settings.problems().items():
        setattr(settings, name, getattr(defaults, name))
        warnings.append(
            QT_TRANSLATE_NOOP("Settings", "{problem} Nilai bawaan dipakai.").format(problem=problem)
        )
    return settings, warnings


def save_settings(path: Path, settings: Settings) -> None:
    problems = settings.problems()
    if problems:
        raise ValueError(" ".join(problems.values()))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(
        json.dumps(dataclasses.asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8"
    )
    os.replace(tmp, path)
