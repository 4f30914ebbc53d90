"""Reference vocabulary the desk and the CRM share: the CRM's 13 intake channels,
the agencies (Dinas / PD) that handle complaints, and the two-level complaint
categories with the Dinas each one goes to by default (DESIGN.md, routing rules)."""

from __future__ import annotations

from dataclasses import dataclass


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
)
AGENCY_BY_CODE = {a.code: a for a in AGENCIES}


@dataclass(frozen=True)
class Category:
    """A complaint category. Top-level categories have ``parent`` None; a
    sub-category inherits its parent's Dinas unless it names its own."""

    code: str
    name: str
    parent: str | None = None
    agency: str = ""


CATEGORIES: tuple[Category, ...] = (
    Category("JALAN", "Jalan dan trotoar", agency="BINAMARGA"),
    Category("JALAN.RUSAK", "Jalan rusak / berlubang", "JALAN"),
    Category("JALAN.TROTOAR", "Trotoar rusak", "JALAN"),
    Category("JALAN.PJU", "Lampu penerangan jalan mati", "JALAN"),
    Category("KEBERSIHAN", "Sampah dan kebersihan", agency="LH"),
    Category("KEBERSIHAN.SAMPAH", "Sampah menumpuk / tidak diangkut", "KEBERSIHAN"),
    Category("KEBERSIHAN.TPS", "Pembuangan sampah liar", "KEBERSIHAN"),
    Category("KEBERSIHAN.POLUSI", "Pencemaran udara, air atau bau", "KEBERSIHAN"),
    Category("AIR", "Genangan, banjir dan saluran", agency="SDA"),
    Category("AIR.GENANGAN", "Genangan / banjir", "AIR"),
    Category("AIR.SALURAN", "Saluran air tersumbat", "AIR"),
    Category("AIR.TANGGUL", "Tanggul atau pompa air rusak", "AIR"),
    Category("TRANSPORTASI", "Lalu lintas dan parkir", agency="DISHUB"),
    Category("TRANSPORTASI.PARKIR", "Parkir liar", "TRANSPORTASI"),
    Category("TRANSPORTASI.LAMPU", "Lampu lalu lintas mati", "TRANSPORTASI"),
    Category("TRANSPORTASI.ANGKUTAN", "Angkutan umum", "TRANSPORTASI"),
    Category("KETERTIBAN", "Ketertiban umum", agency="SATPOLPP"),
    Category("KETERTIBAN.PKL", "Pedagang kaki lima (PKL)", "KETERTIBAN"),
    Category("KETERTIBAN.GANGGUAN", "Gangguan ketertiban / kebisingan", "KETERTIBAN"),
    Category("KETERTIBAN.BANGUNAN", "Bangunan tanpa izin", "KETERTIBAN", "CITATA"),
    Category("POHON", "Pohon dan taman", agency="PERTAMANAN"),
    Category("POHON.TUMBANG", "Pohon tumbang / rawan tumbang", "POHON"),
    Category("POHON.TAMAN", "Taman kota rusak", "POHON"),
    Category("PUNGLI", "Pungutan liar oleh petugas", agency="INSPEKTORAT"),
    Category("PUNGLI.PELAYANAN", "Pungli dalam pelayanan", "PUNGLI"),
    Category("PUNGLI.PERILAKU", "Perilaku petugas", "PUNGLI"),
    Category("LAYANAN", "Layanan masyarakat", agency="DUKCAPIL"),
    Category("LAYANAN.ADMINDUK", "KTP, KK dan akta", "LAYANAN"),
    Category("LAYANAN.KESEHATAN", "Layanan kesehatan / puskesmas", "LAYANAN", "DINKES"),
    Category("LAYANAN.PENDIDIKAN", "Sekolah dan bantuan pendidikan", "LAYANAN", "DISDIK"),
    Category("LAYANAN.SOSIAL", "Bantuan sosial / PMKS", "LAYANAN", "DINSOS"),
    Category("LAYANAN.KEBAKARAN", "Bahaya kebakaran", "LAYANAN", "GULKARMAT"),
)
CATEGORY_BY_CODE = {c.code: c for c in CATEGORIES}


def top_categories() -> list[Category]:
    return [c for c in CATEGORIES if c.parent is None]


def sub_categories(parent: str) -> list[Category]:
    return [c for c in CATEGORIES if c.parent == parent]


def default_agency(category_code: str) -> Agency | None:
    """The Dinas a category is routed to by default: its own, else its parent's."""
    category = CATEGORY_BY_CODE.get(category_code)
    while category is not None:
        if category.agency:
            return AGENCY_BY_CODE[category.agency]
        category = CATEGORY_BY_CODE.get(category.parent or "")
    return None


def category_label(category_code: str) -> str:
    """ "Jalan dan trotoar › Jalan rusak / berlubang"."""
    category = CATEGORY_BY_CODE.get(category_code)
    if category is None:
        return category_code
    if category.parent:
        return f"{CATEGORY_BY_CODE[category.parent].name} › {category.name}"
    return category.name
