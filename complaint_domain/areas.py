"""Administrative areas of DKI Jakarta: provinsi → kabupaten/kota → kecamatan → kelurahan.

Areas are keyed by their Kemendagri code (``31.71.03.1005``); the level follows
from the number of dotted parts. ``read_area_file`` takes the official master-data
file (columns ``kode,nama,tingkat``) and checks it thoroughly, because an operator
imports it by hand and a bad row must be named, not silently skipped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from importlib.abc import Traversable
from importlib.resources import files
from pathlib import Path

from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.text import clean_line, fold


class AreaLevel(StrEnum):
    PROVINSI = "provinsi"
    KOTA = "kabupaten_kota"
    KECAMATAN = "kecamatan"
    KELURAHAN = "kelurahan"


_LEVEL_BY_PARTS = {
    1: AreaLevel.PROVINSI,
    2: AreaLevel.KOTA,
    3: AreaLevel.KECAMATAN,
    4: AreaLevel.KELURAHAN,
}
_CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    level: AreaLevel

    @property
    def parent_code(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None

    @property
    def kota_code(self) -> str | None:
        parts = self.code.split(".")
        return ".".join(parts[:2]) if len(parts) >= 2 else None

    @property
    def short_name(self) -> str:
        """ "Jakarta Pusat" for "Kota Administrasi Jakarta Pusat"."""
        for prefix in ("Kota Administrasi ", "Kabupaten Administrasi "):
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name


class AreaFileError(ValueError):
    """An area file that cannot be imported; the message names the line. ``message``
    is a translatable :class:`~complaint_domain.messages.Message`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_area_rows(rows: Iterable[dict[str, str]]) -> list[Area]:
    areas: list[Area] = []
    seen: dict[str, int] = {}
    for line_no, row in enumerate(rows, start=2):
        code = clean_line(row.get("kode") or "")
        name = clean_line(row.get("nama") or "")
        level_text = clean_line(row.get("tingkat") or "").lower()
        if not code and not name:
            continue
        if not _CODE_RE.match(code):
            raise AreaFileError(
                QT_TRANSLATE_NOOP("Areas", "Baris {line}: kode wilayah '{code}' tidak sah.").format(
                    line=line_no, code=code
                )
            )
        if not name:
            raise AreaFileError(
                QT_TRANSLATE_NOOP("Areas", "Baris {line}: nama wilayah kosong.").format(
                    line=line_no
                )
            )
        expected = _LEVEL_BY_PARTS[code.count(".") + 1]
        if level_text != expected.value:
            raise AreaFileError(
                QT_TRANSLATE_NOOP(
                    "Areas",
                    "Baris {line}: tingkat '{level}' tidak cocok dengan kode {code} "
                    "(seharusnya {expected}).",
                ).format(line=line_no, level=level_text, code=code, expected=expected.value)
            )
        if code in seen:
            raise AreaFileError(
                QT_TRANSLATE_NOOP(
                    "Areas", "Baris {line}: kode {code} sudah ada di baris {first}."
                ).format(line=line_no, code=code, first=seen[code])
            )
        seen[code] = line_no
        areas.append(Area(code, name, expected))
    codes = set(seen)
    for area in areas:
        parent = area.parent_code
        if parent is not None and parent not in codes:
            raise AreaFileError(
                QT_TRANSLATE_NOOP(
                    "Areas", "Baris {line}: induk {parent} dari {code} tidak ada di berkas."
                ).format(line=seen[area.code], parent=parent, code=area.code)
            )
    if not areas:
        raise AreaFileError(
            QT_TRANSLATE_NOOP("Areas", "Berkas wilayah tidak berisi satu baris pun.")
        )
    return areas


def read_area_text(text: str) -> list[Area]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"kode", "nama", "tingkat"} - {clean_line(f).lower() for f in reader.fieldnames or []}
    if missing:
        raise AreaFileError(
            QT_TRANSLATE_NOOP("Areas", "Kolom wajib tidak ada: {columns}.").format(
                columns=", ".join(sorted(missing))
            )
        )
    reader.fieldnames = [clean_line(f).lower() for f in reader.fieldnames or []]
    return parse_area_rows(reader)


def read_area_file(path: Path | Traversable) -> list[Area]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise AreaFileError(
            QT_TRANSLATE_NOOP("Areas", "{file} bukan berkas teks UTF-8.").format(file=path.name)
        ) from None
    return read_area_text(text)


class AreaIndex:
    """All areas in memory, with the lookups the intake form and the router need."""

    def __init__(self, areas: Iterable[Area]) -> None:
        self._by_code = {a.code: a for a in areas}
        self._children: dict[str | None, list[Area]] = {}
        for area in sorted(self._by_code.values(), key=lambda a: a.name):
            self._children.setdefault(area.parent_code, []).append(area)
        self._folded = {code: fold(a.name) for code, a in self._by_code.items()}

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> Area | None:
        return self._by_code.get(code)

    def children(self, code: str | None) -> list[Area]:
        return list(self._children.get(code, []))

    def at_level(self, level: AreaLevel) -> list[Area]:
        return sorted((a for a in self._by_code.values() if a.level is level), key=lambda a: a.name)

    def count(self, level: AreaLevel) -> int:
        return sum(1 for a in self._by_code.values() if a.level is level)

    def kota_of(self, code: str) -> Area | None:
        area = self._by_code.get(code)
        return self._by_code.get(area.kota_code or "") if area else None

    def path(self, code: str) -> list[Area]:
        """From the kota down to the area itself."""
        parts = code.split(".")
        return [
            a for i in range(2, len(parts) + 1) if (a := self._by_code.get(".".join(parts[:i])))
        ]

    def search(
        self, text: str, level: AreaLevel = AreaLevel.KELURAHAN, limit: int = 20
    ) -> list[Area]:
        """Type-ahead: every word typed must start a word of the name, or appear in it
        ("gunung sah" finds Gunung Sahari Selatan), or the text without its spaces
        must appear in the name without its own ("pulogadung" finds Pulo Gadung).
        Names starting with the text first."""
        words = fold(text).split()
        if not words:
            return []
        compact = "".join(words)
        hits = []
        for code, folded in self._folded.items():
            area = self._by_code[code]
            if area.level is not level:
                continue
            if all(w in folded for w in words) or compact in folded.replace(" ", ""):
                name_words = folded.split()
                starts = all(any(nw.startswith(w) for nw in name_words) for w in words)
                hits.append((not folded.startswith(words[0]), not starts, area.name, area))
        hits.sort(key=lambda h: h[:3])
        return [h[3] for h in hits[:limit]]

    def describe(self, code: str) -> str:
        """ "Kel. Gunung Sahari Selatan, Kec. Kemayoran, Jakarta Pusat"."""
        labels = {AreaLevel.KELURAHAN: "Kel. ", AreaLevel.KECAMATAN: "Kec. ", AreaLevel.KOTA: ""}
        out = []
        for area in reversed(self.path(code)):
            name = area.short_name if area.level is AreaLevel.KOTA else area.name
            out.append(labels.get(area.level, "") + name)
        return ", ".join(out)


def default_area_file() -> Traversable:
    """The official areas of DKI Jakarta shipped inside this package (Kepmendagri
    No. 300.2.2-2430 Tahun 2025: 6 kabupaten/kota, 44 kecamatan, 267 kelurahan),
    found wherever the package is installed: the default area set of the desk and
    the CRM until the CRM publishes its own (or the next decree's file is imported)."""
    return files("complaint_domain") / "data" / "wilayah_dki_jakarta.csv"


demo_area_file = default_area_file  # the former name (the demo set it read is gone)
