"""English of the words of the citizen's rights pages (Administrasi › Hak warga)."""

ENGLISH: dict[str, str] = {
    "Hak warga": "Citizens' rights",
    "permintaan warga untuk melihat, memperbaiki atau menghapus datanya, dengan batas 3 × 24 jam.": (
        "citizens' requests to see, correct or remove their data, with the 3 × 24-hour limit."
    ),
    "Permintaan warga untuk melihat, memperbaiki atau menghapus data pribadinya (UU No. 27/2022). Jawab dalam 3 × 24 jam.": (
        "Citizens' requests to see, correct or remove their personal data (Law No. 27/2022). "
        "Answer within 3 × 24 hours."
    ),
    "Permintaan": "Requests",
    "Jenis": "Kind",
    "Diterima": "Received",
    "Batas jawaban": "Answer by",
    "Jawaban": "Answer",
    "belum dijawab": "not answered yet",
    "Belum ada permintaan.": "No requests yet.",
    "Catat permintaan": "Record a request",
    "Warga menyebut kode tiket aduannya dan NIK atau nomor telepon yang ia berikan saat itu.": (
        "The citizen gives the ticket code of their complaint and the NIK or phone number "
        "they gave with it."
    ),
    "NIK atau nomor telepon": "NIK or phone number",
    "Catat": "Record",
    "Melihat data": "See the data",
    "Memperbaiki data": "Correct the data",
    "Menghapus data": "Remove the data",
    "Data diekspor": "Data exported",
    "Data diperbaiki": "Data corrected",
    "Data dihapus": "Data removed",
    "Kode tiket dan NIK atau nomor telepon itu tidak cocok dengan aduan mana pun.": (
        "That ticket code and NIK or phone number match no complaint."
    ),
    "Pilih jenis permintaan.": "Choose the kind of request.",
    "Isi paling sedikit satu data yang diperbaiki.": "Fill in at least one corrected field.",
    "Nomor telepon tidak sah.": "The phone number is not valid.",
    "Permintaan dicatat. Jawab dalam 3 × 24 jam.": "Request recorded. Answer within 3 × 24 hours.",
    "Data diperbaiki; log audit mencatat kolomnya, bukan isinya.": (
        "Data corrected; the audit log records the fields, not their contents."
    ),
    "Data pribadi dihapus; fakta aduan tetap untuk statistik.": (
        "Personal data removed; the complaint's facts stay for the statistics."
    ),
    "Permintaan {kind} · {code}": "Request: {kind} · {code}",
    "Ekspor data": "Export the data",
    "Semua yang disimpan tentang warga ini, sebagai berkas untuk diserahkan kepadanya. Dicatat di log audit.": (
        "Everything held about this citizen, as a file to hand to them. Recorded in the audit log."
    ),
    "Unduh berkas data (.json)": "Download the data file (.json)",
    "Perbaiki data": "Correct the data",
    "Isi hanya yang diperbaiki. Log audit mencatat kolomnya, bukan isinya.": (
        "Fill in only what is corrected. The audit log records the fields, not their contents."
    ),
    "Nomor telepon": "Phone number",
    "Simpan perbaikan": "Save the correction",
    "Hapus data pribadi": "Remove the personal data",
    "Nama, NIK, telepon dan alamat warga ini dihapus; fakta aduan tetap untuk statistik. Hanya bila undang-undang membolehkan.": (
        "This citizen's name, NIK, phone and address are removed; the complaint's facts stay "
        "for the statistics. Only where the law allows it."
    ),
    "Kembali ke daftar permintaan": "Back to the requests",
}
