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
    "Warga menyebut kode tiket salah satu aduannya dan NIK atau nomor telepon yang ia berikan saat itu. Jawabannya mencakup semua aduan warga itu.": (
        "The citizen gives the ticket code of one of their complaints and the NIK or phone "
        "number they gave with it. The answer covers all of that citizen's complaints."
    ),
    "Aduan warga ini": "This citizen's complaints",
    "Jawaban berlaku untuk semua aduan tempat warga ini tercatat (sebagai pelapor atau pelapor tambahan, dari kanal mana pun), dicari dengan NIK atau nomor teleponnya: ekspor memuat semuanya, perbaikan dan penghapusan mengubah semuanya.": (
        "The answer applies to every complaint this citizen is recorded on (as the "
        "complainant or a co-reporter, from any channel), found by their NIK or phone "
        "number: the export holds them all, a correction and a removal change them all."
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
    "Data diperbaiki; log audit mencatat kolomnya, bukan isinya. Draf triase tetap seperti diterima.": (
        "Data corrected; the audit log records the fields, not their contents. The triage "
        "drafts stay as received."
    ),
    "Data pribadi dihapus; fakta aduan tetap untuk statistik.": (
        "Personal data removed; the complaint's facts stay for the statistics."
    ),
    "Permintaan {kind} · {code}": "Request: {kind} · {code}",
    "Ekspor data": "Export the data",
    "Semua yang disimpan tentang warga ini, di semua aduan dan draf triase di atas dan SMS ke nomornya, sebagai berkas untuk diserahkan kepadanya. Dicatat di log audit.": (
        "Everything held about this citizen, on every complaint and triage draft above and "
        "in the SMS to their number, as a file to hand to them. Recorded in the audit log."
    ),
    "Unduh berkas data (.json)": "Download the data file (.json)",
    "Perbaiki data": "Correct the data",
    "Isi hanya yang diperbaiki; berlaku di semua aduan di atas. Draf triase tidak diperbaiki: itu pesan seperti diterima (hapus bila warga memintanya). Log audit mencatat kolomnya, bukan isinya.": (
        "Fill in only what is corrected; it applies on every complaint above. The triage "
        "drafts are not corrected: they are messages as received (remove them if the "
        "citizen asks). The audit log records the fields, not their contents."
    ),
    "Nomor telepon": "Phone number",
    "Simpan perbaikan": "Save the correction",
    "Hapus data pribadi": "Remove the personal data",
    "Nama, NIK, telepon dan alamat warga ini dihapus dari semua aduan di atas, juga nomornya dari SMS, dan draf triase di atas dilupakan (pengirim dan isinya); fakta aduan tetap untuk statistik. Hanya bila undang-undang membolehkan.": (
        "This citizen's name, NIK, phone and address are removed from every complaint above, "
        "and their number from the SMS, and the triage drafts above are forgotten (sender "
        "and text); the complaints' facts stay for the statistics. Only where the law "
        "allows it."
    ),
    "Draf triase dari nomor atau alamat e-mailnya": "Triage drafts from their number or e-mail address",
    "SMS dan e-mail yang masuk ke triase dan masih menyimpan pengirim dan isinya (menunggu keputusan, ditolak, atau sudah diputuskan), dari nomor telepon atau alamat e-mail di aduan di atas. Nomor atau alamat yang juga tercatat untuk orang lain tidak termasuk: jawab secara manual.": (
        "SMS and e-mails that reached the triage and still hold their sender and text "
        "(waiting, dismissed or decided), from a phone number or e-mail address on the "
        "complaints above. A number or address also recorded for someone else is left out: "
        "answer for it by hand."
    ),
    "Tidak ada draf.": "No drafts.",
    "menunggu keputusan": "waiting for a decision",
    "diterima sebagai aduan": "received as a complaint",
    "digabung ke aduan": "merged into a complaint",
    "ditolak": "dismissed",
    "Kembali ke daftar permintaan": "Back to the requests",
}
