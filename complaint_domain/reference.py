"""Reference vocabulary the desk and the CRM share: the CRM's 13 intake channels,
the agencies (Dinas / PD) that handle complaints, and the two-level complaint
categories with the Dinas each one goes to by default (DESIGN.md, routing rules)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from complaint_domain.messages import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Channel:
    code: str
    name: str


CHANNELS: tuple[Channel, ...] = (
    Channel("PENDOPO", "Pendopo Balai Kota"),
    Channel("JAKI", "Aplikasi JAKI"),
    Channel("TWITTER", "Twitter/X"),
    Channel("FACEBOOK", "Facebook"),
    Channel("EMAIL", "E-mail"),
    Channel("SOSMED_GUB", "Media sosial Gubernur"),
    Channel("SMS", "SMS"),
    Channel("INSPEKTORAT", "Kantor Inspektorat"),
    Channel("WALIKOTA", "Kantor Wali Kota"),
    Channel("CAMAT", "Kantor Camat"),
    Channel("LURAH", "Kantor Lurah"),
    Channel("MEDIA_MASSA", "Aspirasi media massa"),
    Channel("LAPOR", "LAPOR! 1708"),
)
CHANNEL_BY_CODE = {c.code: c for c in CHANNELS}


@dataclass(frozen=True)
class Agency:
    """A provincial agency (perangkat daerah). ``kota_unit`` names its unit in a kota
    (the Suku Dinas, UKPD) with ``{kota}`` standing for the kota's short name; empty
    when the agency has no unit per kota."""

    code: str
    name: str
    kota_unit: str = ""

    def unit_name(self, kota_short_name: str) -> str:
        return self.kota_unit.format(kota=kota_short_name) if self.kota_unit else self.name


AGENCIES: tuple[Agency, ...] = (
    Agency("BINAMARGA", "Dinas Bina Marga", "Suku Dinas Bina Marga {kota}"),
    Agency("LH", "Dinas Lingkungan Hidup", "Suku Dinas Lingkungan Hidup {kota}"),
    Agency("SDA", "Dinas Sumber Daya Air", "Suku Dinas Sumber Daya Air {kota}"),
    Agency("DISHUB", "Dinas Perhubungan", "Suku Dinas Perhubungan {kota}"),
    Agency("SATPOLPP", "Satuan Polisi Pamong Praja", "Satpol PP {kota}"),
    Agency(
        "PERTAMANAN",
        "Dinas Pertamanan dan Hutan Kota",
        "Suku Dinas Pertamanan dan Hutan Kota {kota}",
    ),
    Agency("INSPEKTORAT", "Inspektorat", "Inspektur Pembantu {kota}"),
    Agency(
        "CITATA",
        "Dinas Cipta Karya, Tata Ruang dan Pertanahan",
        "Suku Dinas Cipta Karya, Tata Ruang dan Pertanahan {kota}",
    ),
    Agency("DINKES", "Dinas Kesehatan", "Suku Dinas Kesehatan {kota}"),
    Agency("DISDIK", "Dinas Pendidikan", "Suku Dinas Pendidikan {kota}"),
    Agency(
        "DUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Suku Dinas Kependudukan dan Pencatatan Sipil {kota}",
    ),
    Agency("DINSOS", "Dinas Sosial", "Suku Dinas Sosial {kota}"),
    Agency(
        "GULKARMAT",
        "Dinas Penanggulangan Kebakaran dan Penyelamatan",
        "Suku Dinas Penanggulangan Kebakaran dan Penyelamatan {kota}",
    ),
    Agency("BIRO_PEM", "Biro Pemerintahan"),
    Agency(
        "PEMKOT",
        "Sekretariat Kota/Kabupaten Administrasi",
        "Bagian Pemerintahan {kota}",
    ),
)
# The agency of a category whose complaints the channel admin routes by hand (triage).
TRIAGE = ""
AGENCY_BY_CODE = {a.code: a for a in AGENCIES}


@dataclass(frozen=True)
class Category:
    """A complaint category. Top-level categories have ``parent`` None; a
    sub-category inherits its parent's Dinas unless it names its own. ``name`` is a
    translatable Message (Indonesian as a ``str``)."""

    code: str
    name: str
    parent: str | None = None
    agency: str = ""


CATEGORIES: tuple[Category, ...] = (
    Category("JALAN", QT_TRANSLATE_NOOP("Categories", "Jalan dan trotoar"), agency="BINAMARGA"),
    Category("JALAN.RUSAK", QT_TRANSLATE_NOOP("Categories", "Jalan rusak / berlubang"), "JALAN"),
    Category("JALAN.TROTOAR", QT_TRANSLATE_NOOP("Categories", "Trotoar rusak"), "JALAN"),
    Category("JALAN.PJU", QT_TRANSLATE_NOOP("Categories", "Lampu penerangan jalan mati"), "JALAN"),
    Category("KEBERSIHAN", QT_TRANSLATE_NOOP("Categories", "Sampah dan kebersihan"), agency="LH"),
    Category(
        "KEBERSIHAN.SAMPAH",
        QT_TRANSLATE_NOOP("Categories", "Sampah menumpuk / tidak diangkut"),
        "KEBERSIHAN",
    ),
    Category(
        "KEBERSIHAN.TPS", QT_TRANSLATE_NOOP("Categories", "Pembuangan sampah liar"), "KEBERSIHAN"
    ),
    Category(
        "KEBERSIHAN.POLUSI",
        QT_TRANSLATE_NOOP("Categories", "Pencemaran udara, air atau bau"),
        "KEBERSIHAN",
    ),
    Category("AIR", QT_TRANSLATE_NOOP("Categories", "Genangan, banjir dan saluran"), agency="SDA"),
    Category("AIR.GENANGAN", QT_TRANSLATE_NOOP("Categories", "Genangan / banjir"), "AIR"),
    Category("AIR.SALURAN", QT_TRANSLATE_NOOP("Categories", "Saluran air tersumbat"), "AIR"),
    Category("AIR.TANGGUL", QT_TRANSLATE_NOOP("Categories", "Tanggul atau pompa air rusak"), "AIR"),
    Category(
        "TRANSPORTASI", QT_TRANSLATE_NOOP("Categories", "Lalu lintas dan parkir"), agency="DISHUB"
    ),
    Category("TRANSPORTASI.PARKIR", QT_TRANSLATE_NOOP("Categories", "Parkir liar"), "TRANSPORTASI"),
    Category(
        "TRANSPORTASI.LAMPU",
        QT_TRANSLATE_NOOP("Categories", "Lampu lalu lintas mati"),
        "TRANSPORTASI",
    ),
    Category(
        "TRANSPORTASI.ANGKUTAN", QT_TRANSLATE_NOOP("Categories", "Angkutan umum"), "TRANSPORTASI"
    ),
    Category("KETERTIBAN", QT_TRANSLATE_NOOP("Categories", "Ketertiban umum"), agency="SATPOLPP"),
    Category(
        "KETERTIBAN.PKL", QT_TRANSLATE_NOOP("Categories", "Pedagang kaki lima (PKL)"), "KETERTIBAN"
    ),
    Category(
        "KETERTIBAN.GANGGUAN",
        QT_TRANSLATE_NOOP("Categories", "Gangguan ketertiban / kebisingan"),
        "KETERTIBAN",
    ),
    Category(
        "KETERTIBAN.BANGUNAN",
        QT_TRANSLATE_NOOP("Categories", "Bangunan tanpa izin"),
        "KETERTIBAN",
        "CITATA",
    ),
    Category("POHON", QT_TRANSLATE_NOOP("Categories", "Pohon dan taman"), agency="PERTAMANAN"),
    Category(
        "POHON.TUMBANG", QT_TRANSLATE_NOOP("Categories", "Pohon tumbang / rawan tumbang"), "POHON"
    ),
    Category("POHON.TAMAN", QT_TRANSLATE_NOOP("Categories", "Taman kota rusak"), "POHON"),
    Category(
        "PUNGLI",
        QT_TRANSLATE_NOOP("Categories", "Pungutan liar oleh petugas"),
        agency="INSPEKTORAT",
    ),
    Category(
        "PUNGLI.PELAYANAN", QT_TRANSLATE_NOOP("Categories", "Pungli dalam pelayanan"), "PUNGLI"
    ),
    Category("PUNGLI.PERILAKU", QT_TRANSLATE_NOOP("Categories", "Perilaku petugas"), "PUNGLI"),
    Category("LAYANAN", QT_TRANSLATE_NOOP("Categories", "Layanan masyarakat"), agency="DUKCAPIL"),
    Category("LAYANAN.ADMINDUK", QT_TRANSLATE_NOOP("Categories", "KTP, KK dan akta"), "LAYANAN"),
    Category(
        "LAYANAN.KESEHATAN",
        QT_TRANSLATE_NOOP("Categories", "Layanan kesehatan / puskesmas"),
        "LAYANAN",
        "DINKES",
    ),
    Category(
        "LAYANAN.PENDIDIKAN",
        QT_TRANSLATE_NOOP("Categories", "Sekolah dan bantuan pendidikan"),
        "LAYANAN",
        "DISDIK",
    ),
    Category(
        "LAYANAN.SOSIAL",
        QT_TRANSLATE_NOOP("Categories", "Bantuan sosial / PMKS"),
        "LAYANAN",
        "DINSOS",
    ),
    Category(
        "LAYANAN.KEBAKARAN",
        QT_TRANSLATE_NOOP("Categories", "Bahaya kebakaran"),
        "LAYANAN",
        "GULKARMAT",
    ),
    # What a kelurahan counter hears most (issue 14): the kelurahan's own service,
    # land, the staff, assistance, health, schools, and what nobody foresaw.
    Category(
        "ADMINISTRASI",
        QT_TRANSLATE_NOOP("Categories", "Pelayanan administrasi kelurahan"),
        agency="PEMKOT",
    ),
    Category(
        "ADMINISTRASI.SURAT",
        QT_TRANSLATE_NOOP("Categories", "Surat tidak ditandatangani / tidak diproses"),
        "ADMINISTRASI",
    ),
    Category(
        "ADMINISTRASI.DOKUMEN",
        QT_TRANSLATE_NOOP("Categories", "Dokumen warga ditahan"),
        "ADMINISTRASI",
    ),
    Category(
        "ADMINISTRASI.LAMBAT",
        QT_TRANSLATE_NOOP("Categories", "Pelayanan lambat / berbelit"),
        "ADMINISTRASI",
    ),
    Category("PERTANAHAN", QT_TRANSLATE_NOOP("Categories", "Pertanahan"), agency="CITATA"),
    Category(
        "PERTANAHAN.SERTIFIKAT",
        QT_TRANSLATE_NOOP("Categories", "Sertifikat atau surat tanah"),
        "PERTANAHAN",
    ),
    Category(
        "PERTANAHAN.SENGKETA", QT_TRANSLATE_NOOP("Categories", "Sengketa tanah"), "PERTANAHAN"
    ),
    Category(
        "PERTANAHAN.PUNGUTAN",
        QT_TRANSLATE_NOOP("Categories", "Dugaan pungutan liar atas tanah"),
        "PERTANAHAN",
        "INSPEKTORAT",
    ),
    Category(
        "PETUGAS",
        QT_TRANSLATE_NOOP("Categories", "Sikap dan kehadiran petugas"),
        agency="INSPEKTORAT",
    ),
    Category(
        "PETUGAS.TIDAK_HADIR",
        QT_TRANSLATE_NOOP("Categories", "Petugas tidak ada di tempat"),
        "PETUGAS",
    ),
    Category(
        "PETUGAS.TIDAK_SOPAN", QT_TRANSLATE_NOOP("Categories", "Petugas tidak sopan"), "PETUGAS"
    ),
    Category(
        "PETUGAS.PUNGLI",
        QT_TRANSLATE_NOOP("Categories", "Pungli oleh petugas atau pejabat"),
        "PETUGAS",
    ),
    Category("BANSOS", QT_TRANSLATE_NOOP("Categories", "Bantuan sosial"), agency="DINSOS"),
    Category(
        "BANSOS.TIDAK_DITERIMA",
        QT_TRANSLATE_NOOP("Categories", "Bantuan sosial tidak diterima"),
        "BANSOS",
    ),
    Category(
        "BANSOS.DATA",
        QT_TRANSLATE_NOOP("Categories", "Data penerima bantuan tidak tepat"),
        "BANSOS",
    ),
    Category(
        "BANSOS.POTONGAN",
        QT_TRANSLATE_NOOP("Categories", "Bantuan dipotong oleh petugas"),
        "BANSOS",
        "INSPEKTORAT",
    ),
    Category("KESEHATAN", QT_TRANSLATE_NOOP("Categories", "Layanan kesehatan"), agency="DINKES"),
    Category(
        "KESEHATAN.PUSKESMAS", QT_TRANSLATE_NOOP("Categories", "Pelayanan puskesmas"), "KESEHATAN"
    ),
    Category(
        "KESEHATAN.RSUD",
        QT_TRANSLATE_NOOP("Categories", "Pelayanan rumah sakit daerah (RSUD)"),
        "KESEHATAN",
    ),
    Category(
        "KESEHATAN.JAMINAN",
        QT_TRANSLATE_NOOP("Categories", "Jaminan kesehatan (BPJS / KJS)"),
        "KESEHATAN",
    ),
    Category("PENDIDIKAN", QT_TRANSLATE_NOOP("Categories", "Layanan pendidikan"), agency="DISDIK"),
    Category(
        "PENDIDIKAN.PENERIMAAN",
        QT_TRANSLATE_NOOP("Categories", "Penerimaan murid baru"),
        "PENDIDIKAN",
    ),
    Category(
        "PENDIDIKAN.KJP",
        QT_TRANSLATE_NOOP("Categories", "Kartu Jakarta Pintar (KJP Plus)"),
        "PENDIDIKAN",
    ),
    Category(
        "PENDIDIKAN.PUNGUTAN",
        QT_TRANSLATE_NOOP("Categories", "Pungutan di sekolah"),
        "PENDIDIKAN",
        "INSPEKTORAT",
    ),
    # Anything unforeseen: no default agency, the channel admin routes it (triage).
    Category("LAINNYA", QT_TRANSLATE_NOOP("Categories", "Lainnya"), agency=TRIAGE),
    Category(
        "LAINNYA.LAIN",
        QT_TRANSLATE_NOOP("Categories", "Lainnya (belum ada kategorinya)"),
        "LAINNYA",
    ),
)
CATEGORY_BY_CODE = {c.code: c for c in CATEGORIES}


def top_categories() -> list[Category]:
    return [c for c in CATEGORIES if c.parent is None]


def sub_categories(parent: str) -> list[Category]:
    return [c for c in CATEGORIES if c.parent == parent]


def default_agency(category_code: str) -> Agency | None:
    """The Dinas a category is routed to by default: its own, else its parent's;
    None for **Lainnya** and a category not known here (the channel admin's triage)."""
    category = CATEGORY_BY_CODE.get(category_code)
    while category is not None:
        if category.agency:
            return AGENCY_BY_CODE[category.agency]
        category = CATEGORY_BY_CODE.get(category.parent or "")
    return None


def category_label(category_code: str, by_code: Mapping[str, Category] | None = None) -> str:
    """ "Jalan dan trotoar › Jalan rusak / berlubang" (a Message: the desk shows it in
    the officer's language; the receipt and the CRM use it as the Indonesian str).
    ``by_code``: the categories in use (the CRM's, on a desk), ours by default."""
    table = CATEGORY_BY_CODE if by_code is None else by_code
    category = table.get(category_code) or CATEGORY_BY_CODE.get(category_code)
    if category is None:
        return category_code
    parent = table.get(category.parent or "") or CATEGORY_BY_CODE.get(category.parent or "")
    if parent is not None:
        return QT_TRANSLATE_NOOP("Categories", "{parent} › {name}").format(
            parent=parent.name, name=category.name
        )
    return category.name


def categories_from(raw: Iterable[Any]) -> tuple[Category, ...]:
    """The categories of the CRM's reference document (``code, name, parent,
    agency``), in its order: a code known here keeps its translatable name, with the
    CRM's agency; a new one has the CRM's (Indonesian) name. Entries it cannot read
    are left out; nothing readable: ours."""
    out: list[Category] = []
    for entry in raw:
        if not isinstance(entry, Mapping):
            continue
        code, name = entry.get("code"), entry.get("name")
        parent, agency = entry.get("parent"), entry.get("agency") or ""
        if not isinstance(code, str) or not code or not isinstance(name, str):
            continue
        if parent is not None and not isinstance(parent, str):
            continue
        ours = CATEGORY_BY_CODE.get(code)
        if ours is not None:
            out.append(replace(ours, parent=parent or None, agency=str(agency)))
        else:
            out.append(Category(code, name, parent or None, str(agency)))
    return tuple(out) or CATEGORIES
