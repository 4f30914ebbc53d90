import pytest

from complaint_domain.areas import (
    AreaFileError,
    AreaIndex,
    AreaLevel,
    default_area_file,
    read_area_file,
    read_area_text,
)
from complaint_domain.reference import (
    CATEGORIES,
    CATEGORY_BY_CODE,
    CHANNELS,
    category_label,
    default_agency,
    sub_categories,
    top_categories,
)
from complaint_domain.status import Status, can_transition, public_status_text


def test_thirteen_channels():
    assert len(CHANNELS) == 13
    assert len({c.code for c in CHANNELS}) == 13
    assert "LAPOR! 1708" in {c.name for c in CHANNELS}


def test_every_category_routes_to_a_dinas():
    for category in CATEGORIES:
        if category.code.startswith("LAINNYA"):
            continue  # the channel admin's triage, see below
        assert default_agency(category.code) is not None, category.code
    for top in top_categories():
        assert sub_categories(top.code), f"{top.code} has no sub-categories"
    assert default_agency("JALAN.RUSAK").name == "Dinas Bina Marga"
    assert default_agency("KEBERSIHAN.SAMPAH").name == "Dinas Lingkungan Hidup"
    assert default_agency("AIR.GENANGAN").name == "Dinas Sumber Daya Air"
    assert default_agency("TRANSPORTASI.PARKIR").name == "Dinas Perhubungan"
    assert default_agency("KETERTIBAN.PKL").name == "Satuan Polisi Pamong Praja"
    assert default_agency("POHON.TUMBANG").name == "Dinas Pertamanan dan Hutan Kota"
    assert default_agency("PUNGLI.PELAYANAN").name == "Inspektorat"
    assert category_label("JALAN.RUSAK") == "Jalan dan trotoar › Jalan rusak / berlubang"


@pytest.mark.parametrize(
    ("code", "agency"),
    [
        ("ADMINISTRASI.SURAT", "PEMKOT"),
        ("ADMINISTRASI.DOKUMEN", "PEMKOT"),
        ("ADMINISTRASI.LAMBAT", "PEMKOT"),
        ("PERTANAHAN.SERTIFIKAT", "CITATA"),
        ("PERTANAHAN.SENGKETA", "CITATA"),
        ("PERTANAHAN.PUNGUTAN", "INSPEKTORAT"),
        ("PETUGAS.TIDAK_HADIR", "INSPEKTORAT"),
        ("PETUGAS.TIDAK_SOPAN", "INSPEKTORAT"),
        ("PETUGAS.PUNGLI", "INSPEKTORAT"),
        ("BANSOS.TIDAK_DITERIMA", "DINSOS"),
        ("BANSOS.DATA", "DINSOS"),
        ("BANSOS.POTONGAN", "INSPEKTORAT"),
        ("KESEHATAN.PUSKESMAS", "DINKES"),
        ("KESEHATAN.RSUD", "DINKES"),
        ("KESEHATAN.JAMINAN", "DINKES"),
        ("PENDIDIKAN.PENERIMAAN", "DISDIK"),
        ("PENDIDIKAN.KJP", "DISDIK"),
        ("PENDIDIKAN.PUNGUTAN", "INSPEKTORAT"),
    ],
)
def test_the_kelurahan_counters_categories_route_to_their_agencies(code, agency):
    found = default_agency(code)
    assert found is not None and found.code == agency
    assert CATEGORY_BY_CODE[code].parent in {c.code for c in top_categories()}


def test_lainnya_goes_to_the_channel_admins_triage():
    assert [c.code for c in sub_categories("LAINNYA")] == ["LAINNYA.LAIN"]
    assert default_agency("LAINNYA.LAIN") is None
    assert default_agency("NOT.A.CATEGORY") is None
    assert category_label("LAINNYA.LAIN") == "Lainnya › Lainnya (belum ada kategorinya)"


def test_public_labels():
    assert Status.DONE.public_label == "Selesai"
    assert Status.RETURNED.public_label == "Proses"
    assert public_status_text(Status.DUPLICATE, merged_into="PBK1-261122-0042-K") == (
        "Digabung dengan PBK1-261122-0042-K"
    )
    assert can_transition(Status.RECEIVED, Status.COORDINATION)
    assert not can_transition(Status.RECEIVED, Status.DONE)


def test_the_shipped_areas_are_the_official_list():
    index = AreaIndex(read_area_file(default_area_file()))
    assert index.count(AreaLevel.PROVINSI) == 1
    assert index.count(AreaLevel.KOTA) == 6
    assert index.count(AreaLevel.KECAMATAN) == 44
    assert index.count(AreaLevel.KELURAHAN) == 267
    assert index.search("tugu utara")[0].code == "31.72.03.1002"
    assert index.search("gunung sah")[0].name.startswith("Gunung Sahari")
    assert index.describe("31.71.03.1005") == (
        "Kel. Gunung Sahari Selatan, Kec. Kemayoran, Jakarta Pusat"
    )


def test_the_shipped_areas_are_the_shared_copy(official_area_file):
    shipped = read_area_file(default_area_file())
    assert shipped == read_area_file(official_area_file)


def test_official_area_file_imports(official_area_file):
    index = AreaIndex(read_area_file(official_area_file))
    assert index.count(AreaLevel.KOTA) == 6
    assert index.count(AreaLevel.KECAMATAN) == 44
    assert index.count(AreaLevel.KELURAHAN) == 267
    assert index.get("31.72").name == "Kota Administrasi Jakarta Utara"  # trailing space cut
    assert "Gunung Sahari Selatan" in [a.name for a in index.search("gunung sah")]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("kode,nama\n31,DKI\n", "Kolom wajib"),
        ("kode,nama,tingkat\n31.7x,Foo,kabupaten_kota\n", "tidak sah"),
        ("kode,nama,tingkat\n31,DKI,provinsi\n31.71,Pusat,kecamatan\n", "tidak cocok"),
        ("kode,nama,tingkat\n31,DKI,provinsi\n31.71.01,Gambir,kecamatan\n", "induk"),
        ("kode,nama,tingkat\n31,DKI,provinsi\n31,DKI,provinsi\n", "sudah ada"),
        ("kode,nama,tingkat\n", "tidak berisi"),
    ],
)
def test_bad_area_files_name_the_problem(text, fragment):
    with pytest.raises(AreaFileError) as err:
        read_area_text(text)
    assert fragment in str(err.value)
