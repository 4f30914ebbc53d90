"""English of the words of the console's complaint pages."""

ENGLISH: dict[str, str] = {
    # the page
    "Aduan {code}": "Complaint {code}",
    "Langkah Anda sekarang": "Your step now",
    "Tidak ada langkah untuk akun Anda pada tahap ini.": (
        "There is no step for your account at this stage."
    ),
    "Ditangani oleh {unit}": "Handled by {unit}",
    "Batas waktu tahap ini: {date}": "Time limit of this stage: {date}",
    "Warga melihat: {label}": "The citizen sees: {label}",
    "Terlambat": "Overdue",
    "Digantung: lama tanpa kabar publik": "Hanging: long without a public update",
    "Isi aduan": "The complaint",
    "Rujukan sebelumnya": "Earlier references",
    "Lampiran dari warga": "Files the citizen brought",
    "Tidak ada lampiran.": "No files.",
    "Lampiran": "File",
    "Bukti": "Evidence",
    "{what} {n}: buka ukuran penuh": "{what} {n}: open at full size",
    "Riwayat": "History",
    "Langkah publik dibaca warga di halaman pelacakan; catatan internal hanya untuk staf.": (
        "Public steps are read by the citizen on the tracking page; "
        "internal notes are for the staff only."
    ),
    "Publik": "Public",
    "Catatan internal": "Internal note",
    "Tambahan dari warga (meja)": "The citizen's addition (desk)",
    "Pelapor tambahan (meja)": "A further reporter (desk)",
    "Warga datang ke meja (tindak lanjut)": "The citizen came to a desk (follow-up)",
    # the fields
    "Kategori": "Category",
    "Lokasi": "Location",
    "Patokan": "Landmark",
    "Urgensi": "Urgency",
    "Mendesak": "Urgent",
    "Biasa": "Normal",
    "Kanal": "Channel",
    "Dicatat": "Recorded",
    "Diterima CRM": "Received by the CRM",
    "Petugas": "Officer",
    "Jumlah pelapor": "Number of reporters",
    # the states, as the staff read them
    "Menunggu pemeriksaan admin kanal": "Waiting for the channel admin's check",
    "Koordinasi di kelurahan": "Coordination at the kelurahan",
    "Disposisi: menunggu dinas menunjuk suku dinas": (
        "Disposition: waiting for the agency to assign its office"
    ),
    "Dalam penanganan": "Being handled",
    "Menunggu verifikasi Biro Pemerintahan": "Waiting for the Government Bureau's verification",
    "Dikembalikan verifikator: perlu penanganan lagi": (
        "Returned by the verifier: needs handling again"
    ),
    "Selesai": "Done",
    "Ditolak": "Rejected",
    "Digabung dengan aduan lain": "Merged into another complaint",
    # the actions
    "Terima dan teruskan ke kelurahan": "Accept and pass to the kelurahan",
    "Terima aduan": "Accept the complaint",
    "Tolak aduan": "Reject the complaint",
    "Gabungkan dengan aduan yang lebih dulu": "Merge into an earlier complaint",
    "Gabungkan": "Merge",
    "Tangani sendiri oleh kelurahan": "Handle at the kelurahan",
    "Tangani sendiri": "Handle it ourselves",
    "Teruskan ke dinas": "Forward to an agency",
    "Tunjuk suku dinas": "Assign the agency's office",
    "Laporkan hasil penanganan": "Report the follow-up",
    "Kirim laporan": "Send the report",
    "Verifikasi: aduan selesai": "Verify: the complaint is done",
    "Verifikasi selesai": "Verified, done",
    "Kembalikan ke penangan": "Return to the handler",
    "Kembalikan": "Return",
    "Yakin? Langkah ini tidak dapat dibatalkan.": "Are you sure? This step cannot be undone.",
    "Aduan yang mirip (kategori dan kelurahan sama, masih terbuka)": (
        "Similar complaints (same category and kelurahan, still open)"
    ),
    "kemiripan {p}%": "{p}% similar",
    "Tidak ada aduan terbuka yang mirip di kelurahan ini.": (
        "No similar open complaint in this kelurahan."
    ),
    "Atau kode tiket lain": "Or another ticket code",
    "Dinas tujuan": "Agency",
    "Pilih dinas…": "Choose an agency…",
    "saran aturan rute": "suggested by the routing rule",
    "Suku dinas untuk wilayah aduan ini: {unit}": "The agency's office for this area: {unit}",
    "Alasan penolakan (dibaca warga)": "Reason for rejecting (the citizen reads it)",
    "Catatan publik (dibaca warga)": "Public note (the citizen reads it)",
    "wajib": "required",
    "Isi dari templat balasan": "Fill in from a response template",
    "Pilih templat…": "Choose a template…",
    "Jangan menulis NIK, nomor telepon, atau alamat e-mail: teks ini diterbitkan.": (
        "Do not write a NIK, a phone number or an e-mail address: this text is published."
    ),
    "Teks templat untuk disalin": "Template texts to copy",
    "Catatan internal (hanya untuk staf, tidak diterbitkan)": (
        "Internal note (for the staff only, never published)"
    ),
    "Foto bukti penanganan": "Evidence photos of the follow-up",
    "JPEG, PNG, WebP, TIFF atau PDF; paling banyak 5 berkas.": (
        "JPEG, PNG, WebP, TIFF or PDF; at most 5 files."
    ),
    "Pilih lagi foto buktinya sebelum mengirim.": "Choose the evidence photos again before sending.",
    # outcomes
    "Aduan diterima dan diteruskan ke kelurahan.": (
        "The complaint is accepted and passed to the kelurahan."
    ),
    "Aduan ditolak. Warga membaca alasannya di halaman pelacakan.": (
        "The complaint is rejected. The citizen reads the reason on the tracking page."
    ),
    "Aduan digabung dengan aduan yang lebih dulu.": "The complaint is merged into the earlier one.",
    "Kelurahan menangani aduan ini sendiri.": "The kelurahan handles this complaint itself.",
    "Aduan diteruskan ke dinas.": "The complaint is forwarded to the agency.",
    "Suku dinas ditunjuk untuk menangani aduan ini.": (
        "The agency's office is assigned to handle this complaint."
    ),
    "Hasil penanganan dilaporkan dan menunggu verifikasi.": (
        "The follow-up is reported and waits for verification."
    ),
    "Penanganan diverifikasi: aduan selesai.": "The follow-up is verified: the complaint is done.",
    "Aduan dikembalikan ke penangan dengan catatan.": (
        "The complaint is returned to the handler with a note."
    ),
    # refusals
    "Teks ini akan dibaca warga, tetapi tampak berisi NIK. Hapus NIK itu; data pribadi hanya boleh ditulis di catatan internal.": (
        "The citizen would read this text, but it looks like it holds a NIK. Remove it; "
        "personal data belongs in the internal note only."
    ),
    "Teks ini akan dibaca warga, tetapi tampak berisi nomor telepon. Hapus nomor itu; data pribadi hanya boleh ditulis di catatan internal.": (
        "The citizen would read this text, but it looks like it holds a phone number. "
        "Remove it; personal data belongs in the internal note only."
    ),
    "Teks ini akan dibaca warga, tetapi tampak berisi alamat e-mail. Hapus alamat itu; data pribadi hanya boleh ditulis di catatan internal.": (
        "The citizen would read this text, but it looks like it holds an e-mail address. "
        "Remove it; personal data belongs in the internal note only."
    ),
    "Tulis alasan penolakan; warga akan membacanya.": (
        "Write the reason for rejecting; the citizen will read it."
    ),
    "Pilih atau tulis kode tiket aduan lain yang masih terbuka dan dapat Anda lihat.": (
        "Choose or type the ticket code of another open complaint you can see."
    ),
    "Tulis catatan publik untuk langkah ini.": "Write a public note for this step.",
    "Pilih dinas tujuan.": "Choose the agency.",
    "Pilih kelurahan lokasi aduan sebelum menerimanya.": (
        "Choose the kelurahan where the problem is before accepting the complaint."
    ),
    "Pilih kelurahan dari daftar.": "Choose a kelurahan from the list.",
    "Kelurahan lokasi aduan": "Kelurahan where the problem is",
    "Kelurahan aduan ini belum dikenal CRM. Pilih dari uraian dan lokasinya; aduan "
    "diteruskan ke kelurahan itu.": (
        "The CRM does not know this complaint's kelurahan. Choose it from the description "
        "and the location; the complaint goes to that kelurahan."
    ),
    "Pilih kelurahan…": "Choose a kelurahan…",
    "Aduan ini sudah berpindah tahap sejak halaman dibuka. Lihat keadaannya sekarang.": (
        "This complaint has moved on since the page was opened. See where it is now."
    ),
    "Langkah ini bukan untuk akun Anda.": "This step is not for your account.",
    "Hanya foto JPEG, PNG, WebP, TIFF atau berkas PDF yang diterima.": (
        "Only JPEG, PNG, WebP or TIFF photos and PDF files are accepted."
    ),
    "Salah satu berkas kosong.": "One of the files is empty.",
    "Paling banyak {n} foto bukti sekali kirim.": "At most {n} evidence files at a time.",
    "Berkas terlalu besar (paling besar {mb} MB).": "A file is too large (at most {mb} MB).",
    "Teks terlalu panjang atau berisi karakter yang tidak sah.": (
        "A text is too long or holds a character that is not allowed."
    ),
    # the contact
    "Kontak warga": "The citizen's contact",
    "Alasan melihat kontak": "Why you need the contact",
    "Setiap tampilan kontak dicatat: siapa, kapan, dan alasannya.": (
        "Every look at a contact is recorded: who, when and why."
    ),
    "Tampilkan kontak": "Show the contact",
    "Tulis alasan Anda perlu melihat kontak warga (paling sedikit 5 huruf).": (
        "Write why you need to see the citizen's contact (at least 5 characters)."
    ),
    "Ditampilkan untuk alasan: {reason}. Tampilan ini tercatat dan tidak disimpan di halaman.": (
        "Shown for the reason: {reason}. This look is recorded and not kept on the page."
    ),
    "Pelapor": "Reporter",
    "Pelapor tambahan": "Further reporter",
    "Telepon": "Phone",
    "Alamat": "Address",
    "Warga meminta identitasnya dirahasiakan dari instansi.": (
        "The citizen asked to keep their identity from the agencies."
    ),
    "Kontak warga hanya untuk unit yang sedang menangani aduan ini.": (
        "The citizen's contact is only for the unit handling this complaint now."
    ),
}
