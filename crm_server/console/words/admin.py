"""English of the words of the console's admin pages."""

ENGLISH: dict[str, str] = {
    # the frame of the admin pages and their index
    "Halaman administrasi": "Administration pages",
    "Pengguna": "Users",
    "Unit kerja": "Units",
    "Aturan rute": "Routing rules",
    "Batas waktu": "Time limits",
    "Hari libur": "Holidays",
    "Templat tanggapan": "Response templates",
    "Pendaftaran meja": "Desk enrolment",
    "Log audit": "Audit log",
    "Setiap perubahan di halaman ini dicatat di log audit: siapa, kapan dan apa.": (
        "Every change on these pages is recorded in the audit log: who, when and what."
    ),
    "akun staf, peran dan unit, kata sandi, menonaktifkan dan membuka kunci.": (
        "staff accounts, roles and units, passwords, deactivation and unlocking."
    ),
    "kelurahan, Dinas dan Suku Dinas per kota, dengan jumlah pengguna aktif.": (
        "kelurahan, agencies and their offices per kota, with their active users."
    ),
    "kategori ke Dinas; Suku Dinas mengikuti kota lokasi aduan.": (
        "category to agency; the agency office follows from the complaint's kota."
    ),
    "hari kerja untuk setiap status aduan.": "working days for each state of a complaint.",
    "cuti bersama dan hari libur yang tidak dihitung sebagai hari kerja.": (
        "collective leave days and holidays that are not counted as working days."
    ),
    "teks siap pakai per tindakan dan kategori.": "ready texts per action and category.",
    "kode pendaftaran sekali pakai untuk meja aduan.": "one-time enrolment codes for desks.",
    "semua perubahan administrasi dan setiap kali kontak warga dilihat.": (
        "every administrative change and every look at a citizen's contact details."
    ),
    # notices after a change
    "Perubahan disimpan.": "Changes saved.",
    "Tidak ada yang berubah.": "Nothing changed.",
    "Akun dibuat.": "Account created.",
    "Kata sandi diganti; semua sesi pengguna ini diakhiri.": (
        "Password changed; every session of this user has ended."
    ),
    "Akun dinonaktifkan; semua sesinya diakhiri.": "Account deactivated; all its sessions ended.",
    "Akun diaktifkan kembali.": "Account reactivated.",
    "Kunci akun dibuka.": "Account unlocked.",
    "Hari libur ditambahkan.": "Holiday added.",
    "Hari libur dihapus.": "Holiday removed.",
    "Templat dihapus.": "Template deleted.",
    # users
    "{n} akun": "{n} accounts",
    "Nama": "Name",
    "Peran": "Role",
    "Unit": "Unit",
    "Status": "State",
    "Dikunci sampai": "Locked until",
    "Aktif": "Active",
    "Nonaktif": "Inactive",
    "Akun baru": "New account",
    "— pilih peran —": "— choose a role —",
    "Kelurahan: kode kelurahan (31.71.01.1001). Dinas: kode Dinas (BINAMARGA). Suku Dinas: DINAS@KOTA (BINAMARGA@31.71). Admin kanal: kode kanal atau kosong. Verifikator, koordinator dan administrator: kosong.": (
        "Kelurahan: the kelurahan code (31.71.01.1001). Agency: the agency code "
        "(BINAMARGA). Agency office: AGENCY@KOTA (BINAMARGA@31.71). Channel admin: a "
        "channel code or empty. Verifier, coordinator and administrator: empty."
    ),
    "Daftar kode unit": "List of unit codes",
    "Minimal {n} karakter.": "At least {n} characters.",
    "Kata sandi sekali lagi": "Password again",
    "Buat akun": "Create account",
    "Semua pengguna": "All users",
    "Kata sandi konsol": "Console password",
    "Sudah diatur": "Set",
    "Belum ada": "None yet",
    "Tidak dikunci": "Not locked",
    "Ganti kata sandi": "Change the password",
    "Semua sesi pengguna ini berakhir; sampaikan kata sandi baru secara langsung.": (
        "Every session of this user ends; hand over the new password in person."
    ),
    "Kata sandi baru": "New password",
    "Simpan kata sandi": "Save password",
    "Status akun": "Account state",
    "Nonaktifkan akun ini? Semua sesinya berakhir.": (
        "Deactivate this account? All its sessions end."
    ),
    "Nonaktifkan akun": "Deactivate account",
    "Aktifkan kembali": "Reactivate",
    "Buka kunci akun": "Unlock account",
    "Nama pengguna 2–60 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.": (
        "A user name has 2–60 characters: lower-case letters, digits, dots, underscores or hyphens."
    ),
    "Nama pengguna ini sudah dipakai.": "This user name is taken.",
    "Isi nama (paling banyak 120 karakter).": "Enter the name (at most 120 characters).",
    "Pilih peran.": "Choose a role.",
    "Peran ini tidak bertugas untuk satu unit: kosongkan unit.": (
        "This role does not act for one unit: leave the unit empty."
    ),
    "Peran ini memerlukan unit.": "This role needs a unit.",
    "Kode kelurahan tidak dikenal (lihat Unit kerja).": "Unknown kelurahan code (see Units).",
    "Kode Dinas tidak dikenal (lihat Unit kerja).": "Unknown agency code (see Units).",
    "Kode kota tidak dikenal (lihat Unit kerja).": "Unknown kota code (see Units).",
    "Unit Suku Dinas ditulis DINAS@KOTA, misalnya BINAMARGA@31.71.": (
        "An agency office's unit is written AGENCY@KOTA, e.g. BINAMARGA@31.71."
    ),
    "Kode kanal tidak dikenal (lihat Unit kerja).": "Unknown channel code (see Units).",
    "Kata sandi minimal {n} karakter.": "A password needs at least {n} characters.",
    "Kedua kata sandi tidak sama.": "The two passwords differ.",
    "Anda tidak dapat menonaktifkan akun Anda sendiri.": "You cannot deactivate your own account.",
    "Anda tidak dapat mengubah peran akun Anda sendiri.": "You cannot change your own account's role.",
    "Nama, peran dan unit": "Name, role and unit",
    "Simpan perubahan": "Save changes",
    # units
    "Kode yang diisi sebagai unit sebuah akun, dengan jumlah pengguna aktifnya. Unit Suku Dinas mengikuti Dinas dan kota.": (
        "The codes entered as an account's unit, with their active users. An agency "
        "office's unit follows from the agency and the kota."
    ),
    "Kanal (admin kanal)": "Channel (channel admin)",
    "Kode": "Code",
    "Pengguna aktif": "Active users",
    "belum ada": "none yet",
    # routing rules
    "Dinas yang disarankan saat kelurahan meneruskan aduan dari setiap kategori. Suku Dinas dipilih dari Dinas ini dan kota lokasi aduan. Tanpa Dinas, admin kanal menentukan sendiri (triase).": (
        "The agency suggested when a kelurahan forwards a complaint of each category. "
        "The agency office follows from this agency and the complaint's kota. Without "
        "an agency the channel admin decides (triage)."
    ),
    "Formulir berisi kategori atau Dinas yang tidak dikenal. Tidak ada yang disimpan.": (
        "The form named an unknown category or agency. Nothing was saved."
    ),
    "Kategori": "Category",
    "Bawaan": "Default",
    "Triase admin kanal": "Channel admin's triage",
    "sama": "same",
    "diubah": "changed",
    "Simpan aturan rute": "Save routing rules",
    # time limits
    "Menunggu (diperiksa admin kanal)": "Waiting (checked by the channel admin)",
    "Koordinasi (di kelurahan)": "Coordination (at the kelurahan)",
    "Disposisi (di Dinas)": "Disposition (at the agency)",
    "Proses (tindak lanjut)": "In progress (follow-up)",
    "Dikembalikan (tindak lanjut lagi)": "Returned (follow-up again)",
    "Verifikasi (Biro Pemerintahan)": "Verification (Government Bureau)",
    "Hari kerja yang boleh dilalui sebuah aduan di setiap status sebelum terlambat. Perubahan berlaku untuk aduan yang masuk ke status itu sesudahnya; tenggat yang sudah tercatat tetap.": (
        "The working days a complaint may spend in each state before it is late. A "
        "change applies to complaints entering the state afterwards; due dates already "
        "set stay."
    ),
    "Aduan tanpa kabar publik selama {n} hari kerja ditandai digantung (pengaturan server).": (
        "A complaint without public news for {n} working days is flagged as hanging "
        "(a server setting)."
    ),
    "Setiap batas waktu adalah bilangan bulat 1 sampai {n} hari kerja. Tidak ada yang disimpan.": (
        "Each time limit is a whole number of 1 to {n} working days. Nothing was saved."
    ),
    "Hari kerja": "Working days",
    "Simpan batas waktu": "Save time limits",
    # holidays
    "Hari libur nasional sudah dihitung otomatis. Tambahkan di sini cuti bersama dan hari libur lain; tenggat aduan baru langsung melewatinya.": (
        "National holidays are counted already. Add collective leave days (cuti "
        "bersama) and other days off here; new complaints' due dates skip them at once."
    ),
    "Hari libur tambahan": "Additional days off",
    "Tanggal": "Date",
    "Tindakan": "Action",
    "Hapus hari libur ini?": "Remove this holiday?",
    "Hapus {name}, {day}": "Remove {name}, {day}",
    "Hapus": "Remove",
    "Belum ada hari libur tambahan.": "No additional days off yet.",
    "Cuti bersama dari pengaturan server (MEJA_CRM_CUTI_BERSAMA):": (
        "Collective leave days from the server's settings (MEJA_CRM_CUTI_BERSAMA):"
    ),
    "Tambah hari libur": "Add a day off",
    "Cuti bersama Idulfitri": "Eid collective leave",
    "Tambah": "Add",
    "Hari libur pada hari kerja dalam 120 hari ke depan": (
        "Holidays on weekdays in the next 120 days"
    ),
    "Tidak ada.": "None.",
    "Isi tanggal yang benar (tahun-bulan-tanggal).": "Enter a valid date (year-month-day).",
    "Isi nama hari libur (paling banyak 120 karakter).": (
        "Enter the holiday's name (at most 120 characters)."
    ),
    # response templates
    "Teks siap pakai yang mengisi catatan sebuah tindakan; templat kategori tertentu muncul lebih dulu daripada yang umum.": (
        "Ready texts that fill in an action's note; a category's templates come before "
        "the general ones."
    ),
    "Judul": "Title",
    "Teks": "Text",
    "Semua tindakan": "Any action",
    "Semua kategori": "Any category",
    "Belum ada templat.": "No templates yet.",
    "Templat baru": "New template",
    "Tambah templat": "Add template",
    "Semua templat": "All templates",
    "Ubah templat": "Edit template",
    "Simpan templat": "Save template",
    "Hapus templat ini?": "Delete this template?",
    "Hapus templat": "Delete template",
    "Petugas dapat mengubah teks ini sebelum mengirim. Jangan tulis data pribadi warga di templat.": (
        "Staff can edit this text before sending it. Never put a citizen's personal "
        "data in a template."
    ),
    "Terima aduan": "Accept the complaint",
    "Tolak aduan": "Reject the complaint",
    "Gabungkan dengan aduan lain": "Merge into another complaint",
    "Tangani sendiri (kelurahan)": "Handle it (kelurahan)",
    "Teruskan ke Dinas": "Forward to an agency",
    "Tugaskan Suku Dinas": "Assign the agency office",
    "Laporkan tindak lanjut": "Report the follow-up",
    "Verifikasi selesai": "Verify as done",
    "Kembalikan dengan catatan": "Return with a note",
    "Isi judul (paling banyak 120 karakter).": "Enter a title (at most 120 characters).",
    "Isi teks templat (paling banyak 4000 karakter).": (
        "Enter the template's text (at most 4000 characters)."
    ),
    "Pilih tindakan dari daftar.": "Choose an action from the list.",
    "Pilih kategori dari daftar.": "Choose a category from the list.",
    # desk enrolment
    "Kode pendaftaran meja {desk}": "Enrolment code of desk {desk}",
    "Berlaku sampai {when}, sekali pakai. Catat sekarang: kode ini tidak akan ditampilkan lagi.": (
        "Valid until {when}, once. Write it down now: this code will not be shown again."
    ),
    "Di meja: desk-app enrol --crm ALAMAT_CRM --code KODE, atau isi kode di layar pendaftaran meja.": (
        "At the desk: desk-app enrol --crm CRM_ADDRESS --code CODE, or enter the code "
        "on the desk's enrolment screen."
    ),
    "Daftar meja": "Desks",
    "Kode meja": "Desk code",
    "Lokasi": "Site",
    "Terdaftar pada": "Enrolled at",
    "Kode terbuka": "Open codes",
    "Kabar terakhir": "Last heartbeat",
    "{n} kode, berlaku sampai {when}": "{n} codes, valid until {when}",
    "Belum ada meja.": "No desks yet.",
    "Buat kode pendaftaran": "Create an enrolment code",
    "Untuk meja baru atau meja yang perlu didaftarkan ulang (misalnya komputer diganti). Token lama meja berhenti berlaku saat kode dipakai.": (
        "For a new desk or one to enrol again (a replaced PC, say). The desk's old "
        "token stops working when the code is used."
    ),
    "Kantor Kelurahan Gambir": "Gambir kelurahan office",
    "Buat kode": "Create code",
    "Terdaftar": "Enrolled",
    "Menunggu pendaftaran": "Waiting for enrolment",
    "Belum terdaftar": "Not enrolled",
    "Kode meja 1–6 huruf A–Z atau angka 0–9, tanpa huruf I, L dan O, misalnya PBK1.": (
        "A desk code has 1–6 letters A–Z or digits 0–9, without I, L and O, e.g. PBK1."
    ),
    "Kode meja ini dipakai CRM sendiri; pilih kode lain.": (
        "The CRM itself uses this desk code; choose another."
    ),
    "Isi nama lokasi meja (paling banyak 200 karakter).": (
        "Enter the desk's site (at most 200 characters)."
    ),
    # audit log
    "Tampilkan": "Show",
    "Terbaru lebih dulu; paling banyak {n} baris.": "Newest first; at most {n} rows.",
    "Waktu": "Time",
    "Oleh": "By",
    "Subjek": "Subject",
    "Alasan": "Reason",
    "Rincian": "Details",
    "sistem": "system",
    "Tidak ada catatan.": "No entries.",
    "Masuk ke konsol": "Signed in to the console",
    "Akun dikunci (salah kata sandi)": "Account locked (wrong passwords)",
    "Kata sandi diganti": "Password changed",
    "Akun dibuat": "Account created",
    "Akun diubah": "Account changed",
    "Akun dinonaktifkan": "Account deactivated",
    "Akun diaktifkan kembali": "Account reactivated",
    "Kunci akun dibuka": "Account unlocked",
    "Aturan rute diubah": "Routing rule changed",
    "Batas waktu diubah": "Time limit changed",
    "Hari libur ditambahkan": "Holiday added",
    "Hari libur dihapus": "Holiday removed",
    "Templat disimpan": "Template saved",
    "Templat dihapus": "Template deleted",
    "Kode pendaftaran meja dibuat": "Desk enrolment code created",
}
