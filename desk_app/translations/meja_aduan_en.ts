<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddEventDialog</name>
    <message>
        <source>Tambahkan ke aduan {code}</source>
        <translation>Add to complaint {code}</translation>
    </message>
    <message>
        <source>Keterangan ini dicatat sebagai tambahan pada aduan {code} dan dikirim ke CRM. Tanda terima dicetak dengan nomor tiket yang sama.</source>
        <translation>This note is recorded as an addition to complaint {code} and sent to the CRM. A receipt is printed with the same ticket number.</translation>
    </message>
    <message>
        <source>Keterangan tambahan</source>
        <translation>Additional note</translation>
    </message>
    <message numerus="yes">
        <source>Lampiran ikut ditambahkan: %n berkas</source>
        <translation>
            <numerusform>Attachments added as well: %n file(s)</numerusform>
            <numerusform>Attachments added as well: %n file(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tambahkan dan cetak</source>
        <translation>Add and print</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AreaPicker</name>
    <message>
        <source>— pilih kota —</source>
        <translation>— choose kota —</translation>
    </message>
    <message>
        <source>Ketik nama kelurahan, mis. gunung sah</source>
        <translation>Type a kelurahan name, e.g. gunung sah</translation>
    </message>
    <message>
        <source>Cari kelurahan</source>
        <translation>Find kelurahan</translation>
    </message>
    <message>
        <source>Kota</source>
        <translation>Kota</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>— pilih kecamatan —</source>
        <translation>— choose kecamatan —</translation>
    </message>
    <message>
        <source>— pilih kelurahan —</source>
        <translation>— choose kelurahan —</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Tambah &amp;berkas (foto / PDF)…</source>
        <translation>Add &amp;file (photo / PDF)…</translation>
    </message>
    <message>
        <source>Tambah lampiran</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>Hapus lampiran terpilih</source>
        <translation>Remove selected attachment</translation>
    </message>
    <message>
        <source>Daftar lampiran</source>
        <translation>Attachment list</translation>
    </message>
    <message>
        <source>JPG, PNG, WEBP, TIFF atau PDF; paling besar {mb} MB per berkas, paling banyak {n} berkas. Berkas juga dapat diseret ke sini.</source>
        <translation>JPG, PNG, WEBP, TIFF or PDF; at most {mb} MB per file, at most {n} files. Files can also be dragged here.</translation>
    </message>
    <message>
        <source>Pesan lampiran</source>
        <translation>Attachment message</translation>
    </message>
    <message>
        <source>Pilih scan atau foto</source>
        <translation>Choose a scan or photo</translation>
    </message>
    <message>
        <source>Foto dan PDF (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.pdf)</source>
        <translation>Photos and PDF (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <source>Paling banyak {n} lampiran; tidak ditambahkan: {names}.</source>
        <translation>At most {n} attachments; not added: {names}.</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Berkas ditolak: </source>
        <translation>File refused: </translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Ketik mis. lubang, sampah, parkir</source>
        <translation>Type e.g. lubang, sampah, parkir</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kode tiket</source>
        <translation>Ticket code</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ke CRM</source>
        <translation>To CRM</translation>
    </message>
    <message>
        <source>Tanda terima</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Belum terkirim</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <source>Belum dicetak</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>Dicetak</source>
        <translation>Printed</translation>
    </message>
</context>
<context>
    <name>Correction</name>
    <message>
        <source>Perbaiki aduan {code}</source>
        <translation>Correct complaint {code}</translation>
    </message>
    <message>
        <source>Ditolak CRM: {reason}</source>
        <translation>Refused by the CRM: {reason}</translation>
    </message>
    <message>
        <source>(tanpa alasan)</source>
        <translation>(no reason given)</translation>
    </message>
    <message>
        <source>Simpan perbaikan (Ctrl+S)</source>
        <translation>Save correction (Ctrl+S)</translation>
    </message>
    <message>
        <source>✓ Siap disimpan — nomor tiket tetap, dikirim ulang ke CRM</source>
        <translation>✓ Ready to save — same ticket number, sent to the CRM again</translation>
    </message>
    <message>
        <source>Menyimpan perbaikan…</source>
        <translation>Saving the correction…</translation>
    </message>
    <message>
        <source>CRM: {reason}</source>
        <translation>CRM: {reason}</translation>
    </message>
    <message>
        <source>Buang perbaikan?</source>
        <translation>Discard the correction?</translation>
    </message>
    <message>
        <source>Perbaikan aduan ini belum disimpan. Buang perubahannya?</source>
        <translation>This correction is not saved. Discard the changes?</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Kembali memperbaiki</source>
        <translation>Back to correcting</translation>
    </message>
</context>
<context>
    <name>CorrectionFlow</name>
    <message>
        <source>Aduan tidak ditemukan.</source>
        <translation>Complaint not found.</translation>
    </message>
    <message>
        <source>Perbaikan aduan {code} tersimpan dan dikirim ulang ke CRM.</source>
        <translation>Correction of complaint {code} saved and sent to the CRM again.</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Koneksi CRM</source>
        <translation>CRM connection</translation>
    </message>
    <message>
        <source>Belum terkirim ke CRM</source>
        <translation>Not yet sent to the CRM</translation>
    </message>
    <message>
        <source>Petugas: {name}</source>
        <translation>Officer: {name}</translation>
    </message>
    <message>
        <source>Meja {code}</source>
        <translation>Desk {code}</translation>
    </message>
    <message>
        <source>CRM: belum tersambung</source>
        <translation>CRM: not connected yet</translation>
    </message>
    <message>
        <source>CRM: tersambung</source>
        <translation>CRM: connected</translation>
    </message>
    <message>
        <source>CRM: terputus, dicoba lagi</source>
        <translation>CRM: offline, retrying</translation>
    </message>
    <message>
        <source>CRM: sedang mengirim…</source>
        <translation>CRM: sending…</translation>
    </message>
    <message>
        <source>Belum terkirim: 0</source>
        <translation>Not sent: 0</translation>
    </message>
    <message>
        <source>Belum terkirim: {n}</source>
        <translation>Not sent: {n}</translation>
    </message>
    <message>
        <source>Yang tertua dicatat {since}</source>
        <translation>The oldest was recorded {since}</translation>
    </message>
</context>
<context>
    <name>DetailFlow</name>
    <message>
        <source>Aduan tidak ditemukan.</source>
        <translation>Complaint not found.</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Rincian aduan</source>
        <translation>Complaint details</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Riwayat status</source>
        <translation>Status history</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Cetak &amp;ulang tanda terima</source>
        <translation>&amp;Reprint receipt</translation>
    </message>
    <message>
        <source>Cetak ulang tanda terima</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <source>&amp;Tambah keterangan dari pelapor</source>
        <translation>&amp;Add the complainant&apos;s new information</translation>
    </message>
    <message>
        <source>Tambah keterangan dari pelapor</source>
        <translation>Add the complainant&apos;s new information</translation>
    </message>
    <message>
        <source>&amp;Kembali (Esc)</source>
        <translation>&amp;Back (Esc)</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Status: {label}</source>
        <translation>Status: {label}</translation>
    </message>
    <message>
        <source>Dicatat</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Pelapor</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK (ID number)</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>DIRAHASIAKAN dari instansi</source>
        <translation>KEPT from the agencies</translation>
    </message>
    <message>
        <source>boleh diketahui instansi</source>
        <translation>may be known to the agencies</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>RT/RW, jalan</source>
        <translation>RT/RW, street</translation>
    </message>
    <message>
        <source>Patokan</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Laporan sebelumnya</source>
        <translation>Earlier reports</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Dicatat di meja — {label}</source>
        <translation>Recorded at the desk — {label}</translation>
    </message>
    <message>
        <source>Pelapor menambahkan keterangan: {note}</source>
        <translation>The complainant added: {note}</translation>
    </message>
    <message>
        <source>Belum ada riwayat.</source>
        <translation>No history yet.</translation>
    </message>
    <message numerus="yes">
        <source>Lampiran: %n berkas</source>
        <translation>
            <numerusform>Attachments: %n file(s)</numerusform>
            <numerusform>Attachments: %n file(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Lampiran: tidak ada</source>
        <translation>Attachments: none</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <source>Aduan serupa yang masih terbuka</source>
        <translation>Similar open complaints</translation>
    </message>
    <message>
        <source>Belum ada. Petunjuk muncul saat NIK, telepon, atau kelurahan, kategori dan uraian diisi.</source>
        <translation>None yet. Hints appear once the NIK, the phone, or the kelurahan, category and description are filled in.</translation>
    </message>
    <message>
        <source>{code}
{when}
{name}
{category}
{area}
Status: {status}</source>
        <translation>{code}
{when}
{name}
{category}
{area}
Status: {status}</translation>
    </message>
    <message>
        <source>Tambahkan ke aduan ini</source>
        <translation>Add to this complaint</translation>
    </message>
    <message>
        <source>Tambahkan ke aduan {code}</source>
        <translation>Add to complaint {code}</translation>
    </message>
</context>
<context>
    <name>EnrolmentFlow</name>
    <message>
        <source>Meja {desk} terdaftar di CRM ({site}).</source>
        <translation>Desk {desk} enrolled with the CRM ({site}).</translation>
    </message>
    <message>
        <source>⚠ CRM menolak token meja ini. Admin perlu mendaftarkan meja lagi (Pengaturan).</source>
        <translation>⚠ The CRM refused this desk&apos;s token. An admin must enrol the desk again (Settings).</translation>
    </message>
    <message>
        <source>Meja ini belum terdaftar di CRM: aduan tetap tersimpan dan dikirim setelah admin mendaftarkan meja (Pengaturan).</source>
        <translation>This desk is not enrolled with the CRM yet: complaints are kept and sent once an admin enrols the desk (Settings).</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Akun admin pertama</source>
        <translation>First admin account</translation>
    </message>
    <message>
        <source>Belum ada akun di meja ini. Buat akun admin pertama; akun petugas lain dibuat kemudian oleh admin.</source>
        <translation>This desk has no account yet. Create the first admin account; the admin creates the officers&apos; accounts later.</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nama tampilan</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Ulangi kata sandi</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>Kata sandi (min. 8)</source>
        <translation>Password (min. 8)</translation>
    </message>
    <message>
        <source>Buat akun</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>⚠ Kedua kata sandi tidak sama.</source>
        <translation>⚠ The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Aduan &amp;baru  (Ctrl+N)</source>
        <translation>&amp;New complaint  (Ctrl+N)</translation>
    </message>
    <message>
        <source>Aduan baru</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <source>&amp;Cari aduan  (Ctrl+F)</source>
        <translation>&amp;Find a complaint  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cari aduan</source>
        <translation>Find a complaint</translation>
    </message>
    <message>
        <source>&amp;Sinkronisasi  (Ctrl+K)</source>
        <translation>&amp;Sync  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Sinkronisasi dengan CRM</source>
        <translation>Sync with the CRM</translation>
    </message>
    <message>
        <source>&amp;Pengaturan</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>Pengaturan meja</source>
        <translation>Desk settings</translation>
    </message>
    <message>
        <source>Aduan hari ini</source>
        <translation>Today&apos;s complaints</translation>
    </message>
    <message>
        <source>Tanda terima belum dicetak</source>
        <translation>Receipts not printed yet</translation>
    </message>
    <message>
        <source>Tanda terima belum dicetak (Enter: cetak ulang)</source>
        <translation>Receipts not printed yet (Enter: print again)</translation>
    </message>
    <message numerus="yes">
        <source>Aduan hari ini: %n</source>
        <translation>
            <numerusform>Today&apos;s complaints: %n</numerusform>
            <numerusform>Today&apos;s complaints: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeDrafts</name>
    <message>
        <source>Draf tersimpan</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <source>(tanpa nama)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>Lanjutkan isian sebelumnya?</source>
        <translation>Continue the earlier form?</translation>
    </message>
    <message>
        <source>Ada aduan yang belum selesai diketik (pelapor: {name}). Lanjutkan mengisinya?</source>
        <translation>A complaint was not finished (complainant: {name}). Continue filling it in?</translation>
    </message>
    <message>
        <source>Lanjutkan</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Draf dipulihkan</source>
        <translation>Draft restored</translation>
    </message>
    <message>
        <source>Draf perbaikan dipulihkan</source>
        <translation>Correction draft restored</translation>
    </message>
</context>
<context>
    <name>IntakeFormPage</name>
    <message>
        <source>Isian tetap ada di layar.</source>
        <translation>The form is still on the screen.</translation>
    </message>
    <message>
        <source>Aduan gagal disimpan karena kesalahan program. Isian tetap ada di layar dan di draf.</source>
        <translation>The complaint could not be saved because of a program error. What was typed stays on screen and in the draft.</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Nama pelapor</source>
        <translation>Complainant&apos;s name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK (ID number)</translation>
    </message>
    <message>
        <source>16 angka, boleh kosong</source>
        <translation>16 digits, may be empty</translation>
    </message>
    <message>
        <source>Nomor telepon</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>mis. 0812 3456 7890</source>
        <translation>e.g. 0812 3456 7890</translation>
    </message>
    <message>
        <source>Alamat pelapor</source>
        <translation>Complainant&apos;s address</translation>
    </message>
    <message>
        <source>Rahasiakan identitas saya dari instansi</source>
        <translation>Keep my identity from the agencies</translation>
    </message>
    <message>
        <source>Rahasiakan identitas dari instansi</source>
        <translation>Keep identity from the agencies</translation>
    </message>
    <message>
        <source>Pelapor menyetujui pemrosesan data pribadi (wajib)</source>
        <translation>The complainant consents to the processing of personal data (required)</translation>
    </message>
    <message>
        <source>Persetujuan pemrosesan data pribadi</source>
        <translation>Consent to the processing of personal data</translation>
    </message>
    <message>
        <source>Saya setuju nama, NIK, nomor telepon dan alamat saya diproses oleh Pemerintah Provinsi DKI Jakarta hanya untuk menangani aduan ini, sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. Data pribadi tidak dicetak pada tanda terima dan tidak tampil di halaman pemantauan.</source>
        <translation>I agree that my name, NIK, phone number and address are processed by the Provincial Government of DKI Jakarta only to handle this complaint, under Law No. 27 of 2022 on Personal Data Protection. Personal data is not printed on the receipt and does not appear on the tracking page.</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>003/007</source>
        <translation>003/007</translation>
    </message>
    <message>
        <source>Nama jalan</source>
        <translation>Street name</translation>
    </message>
    <message>
        <source>Patokan lokasi</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <source>Uraian aduan</source>
        <translation>Description of the complaint</translation>
    </message>
    <message>
        <source>Apa masalahnya, sejak kapan, di mana persisnya</source>
        <translation>What is the problem, since when, exactly where</translation>
    </message>
    <message>
        <source>Jumlah karakter uraian</source>
        <translation>Description length</translation>
    </message>
    <message>
        <source>Tingkat urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Biasa</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Mendesak (bahaya bagi jiwa atau kesehatan)</source>
        <translation>Urgent (danger to life or health)</translation>
    </message>
    <message>
        <source>Nomor laporan {channel}</source>
        <translation>{channel} report number</translation>
    </message>
    <message>
        <source>Aduan baru</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <source>Alasan penolakan CRM</source>
        <translation>CRM&apos;s reason for refusal</translation>
    </message>
    <message>
        <source>Lampiran tersimpan</source>
        <translation>Saved attachments</translation>
    </message>
    <message>
        <source>Hilangkan centang untuk melepas lampiran yang ditolak CRM</source>
        <translation>Untick to remove an attachment the CRM refused</translation>
    </message>
    <message>
        <source>Cetak ulang tanda terima (SALINAN) setelah disimpan</source>
        <translation>Reprint the receipt (COPY) after saving</translation>
    </message>
    <message>
        <source>Simpan dan cetak</source>
        <translation>Save and print</translation>
    </message>
    <message>
        <source>Yang belum lengkap</source>
        <translation>What is still missing</translation>
    </message>
    <message>
        <source>Status draf</source>
        <translation>Draft state</translation>
    </message>
    <message>
        <source>Draf dipulihkan</source>
        <translation>Draft restored</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Jalan</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Patokan</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Laporan sebelumnya</source>
        <translation>Earlier reports</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Kesalahan {field}</source>
        <translation>Problem with {field}</translation>
    </message>
    <message>
        <source>Pelapor</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>&amp;Nama *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <source>N&amp;IK</source>
        <translation>N&amp;IK</translation>
    </message>
    <message>
        <source>&amp;Telepon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Persetujuan *</source>
        <translation>Consent *</translation>
    </message>
    <message>
        <source>Lokasi masalah</source>
        <translation>Location of the problem</translation>
    </message>
    <message>
        <source>&amp;Kelurahan *</source>
        <translation>&amp;Kelurahan *</translation>
    </message>
    <message>
        <source>&amp;RT/RW</source>
        <translation>&amp;RT/RW</translation>
    </message>
    <message>
        <source>&amp;Jalan</source>
        <translation>S&amp;treet</translation>
    </message>
    <message>
        <source>&amp;Patokan</source>
        <translation>&amp;Landmark</translation>
    </message>
    <message>
        <source>Aduan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Kate&amp;gori *</source>
        <translation>Cate&amp;gory *</translation>
    </message>
    <message>
        <source>&amp;Uraian *</source>
        <translation>&amp;Description *</translation>
    </message>
    <message>
        <source>Urgen&amp;si</source>
        <translation>Urgen&amp;cy</translation>
    </message>
    <message>
        <source>Laporan sebelumnya di kanal lain (jika ada)</source>
        <translation>Earlier reports in other channels (if any)</translation>
    </message>
    <message>
        <source>Lampiran: scan surat, foto</source>
        <translation>Attachments: scanned letters, photos</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Meja Aduan — {site} ({desk})</source>
        <translation>Complaint Desk — {site} ({desk})</translation>
    </message>
    <message>
        <source>Terjadi kesalahan program; data tetap tersimpan.</source>
        <translation>A program error occurred; the data is still saved.</translation>
    </message>
</context>
<context>
    <name>NewComplaint</name>
    <message>
        <source>Aduan baru</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <source>Simpan dan cetak (Ctrl+S)</source>
        <translation>Save and print (Ctrl+S)</translation>
    </message>
    <message>
        <source>✓ Siap disimpan</source>
        <translation>✓ Ready to save</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Buang isian?</source>
        <translation>Discard the form?</translation>
    </message>
    <message>
        <source>Isian aduan ini belum disimpan. Buang semuanya?</source>
        <translation>This complaint has not been saved. Discard everything?</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Kembali mengisi</source>
        <translation>Back to the form</translation>
    </message>
</context>
<context>
    <name>ReceiptFlow</name>
    <message>
        <source>Aduan {code} tersimpan.</source>
        <translation>Complaint {code} saved.</translation>
    </message>
    <message>
        <source>Keterangan tambahan tersimpan.</source>
        <translation>Additional information saved.</translation>
    </message>
    <message>
        <source>Simpan tanda terima</source>
        <translation>Save receipt</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Tanda terima {code}</source>
        <translation>Receipt {code}</translation>
    </message>
    <message>
        <source>SALINAN</source>
        <translation>COPY</translation>
    </message>
    <message>
        <source>Pratinjau tanda terima</source>
        <translation>Receipt preview</translation>
    </message>
    <message>
        <source>Status cetak</source>
        <translation>Print status</translation>
    </message>
    <message>
        <source>&amp;Cetak (Enter)</source>
        <translation>&amp;Print (Enter)</translation>
    </message>
    <message>
        <source>Cetak tanda terima</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Simpan &amp;PDF…</source>
        <translation>Save &amp;PDF…</translation>
    </message>
    <message>
        <source>Simpan tanda terima sebagai PDF</source>
        <translation>Save the receipt as PDF</translation>
    </message>
    <message>
        <source>&amp;Tutup (Esc)</source>
        <translation>&amp;Close (Esc)</translation>
    </message>
    <message>
        <source>Tutup pratinjau</source>
        <translation>Close preview</translation>
    </message>
    <message>
        <source>Mencetak…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>✓ Tanda terima dicetak.</source>
        <translation>✓ Receipt printed.</translation>
    </message>
    <message>
        <source>✓ PDF disimpan: {path}</source>
        <translation>✓ PDF saved: {path}</translation>
    </message>
    <message>
        <source>&amp;Coba cetak lagi</source>
        <translation>&amp;Try printing again</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Cari aduan</source>
        <translation>Find a complaint</translation>
    </message>
    <message>
        <source>Kotak pencarian</source>
        <translation>Search box</translation>
    </message>
    <message>
        <source>Nomor tiket, pindai QR tanda terima, NIK, telepon, nama atau kata</source>
        <translation>Ticket number, scan the receipt QR, NIK, phone, name or words</translation>
    </message>
    <message>
        <source>Cari (Enter)</source>
        <translation>Search (Enter)</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>&amp;Cari:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Hasil pencarian</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Daftar hasil</source>
        <translation>Result list</translation>
    </message>
    <message>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>nomor tiket {code}</source>
        <translation>ticket number {code}</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK (ID number)</translation>
    </message>
    <message>
        <source>nomor telepon</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>nama atau kata</source>
        <translation>name or words</translation>
    </message>
    <message>
        <source>Ketik sesuatu untuk dicari.</source>
        <translation>Type something to search for.</translation>
    </message>
    <message>
        <source>Tidak ditemukan (dicari menurut {how}).</source>
        <translation>Nothing found (searched by {how}).</translation>
    </message>
    <message numerus="yes">
        <source>%n aduan ditemukan</source>
        <translation>
            <numerusform>%n complaint(s) found</numerusform>
            <numerusform>%n complaint(s) found</numerusform>
        </translation>
    </message>
    <message>
        <source>(menurut {how}).</source>
        <translation>(by {how}).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Pengaturan meja</source>
        <translation>Desk settings</translation>
    </message>
    <message>
        <source>Simpan sebagai PDF (tanpa printer)</source>
        <translation>Save as PDF (no printer)</translation>
    </message>
    <message>
        <source>Printer sistem (Windows/CUPS)</source>
        <translation>System printer (Windows/CUPS)</translation>
    </message>
    <message>
        <source>Printer termal di jaringan (IP:9100)</source>
        <translation>Network thermal printer (IP:9100)</translation>
    </message>
    <message>
        <source>Printer termal lewat spooler Windows</source>
        <translation>Thermal printer via the Windows spooler</translation>
    </message>
    <message>
        <source>Printer termal lewat CUPS (lp)</source>
        <translation>Thermal printer via CUPS (lp)</translation>
    </message>
    <message>
        <source>Printer termal sebagai berkas/perangkat</source>
        <translation>Thermal printer as a file/device</translation>
    </message>
    <message>
        <source>Gulungan 80 mm</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <source>Gulungan 58 mm</source>
        <translation>58 mm roll</translation>
    </message>
    <message>
        <source>bawaan kertas</source>
        <translation>paper default</translation>
    </message>
    <message>
        <source>Huruf besar (untuk A5/A4)</source>
        <translation>Large print (for A5/A4)</translation>
    </message>
    <message>
        <source>Cetak &amp;halaman uji</source>
        <translation>Print &amp;test page</translation>
    </message>
    <message>
        <source>Kontras tinggi</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>kosong: sertifikat sistem</source>
        <translation>empty: system certificates</translation>
    </message>
    <message>
        <source> detik</source>
        <translation> seconds</translation>
    </message>
    <message>
        <source>&amp;Daftarkan meja ke CRM</source>
        <translation>&amp;Enrol desk with the CRM</translation>
    </message>
    <message>
        <source>Nama lokasi</source>
        <translation>Site name</translation>
    </message>
    <message>
        <source>Alamat halaman pemantauan</source>
        <translation>Tracking page address</translation>
    </message>
    <message>
        <source>Nomor telepon bantuan</source>
        <translation>Help phone number</translation>
    </message>
    <message>
        <source>Batas tanggapan pertama (hari kerja)</source>
        <translation>First response limit (working days)</translation>
    </message>
    <message>
        <source>Cuti bersama</source>
        <translation>Collective leave days</translation>
    </message>
    <message>
        <source>Jenis printer</source>
        <translation>Printer type</translation>
    </message>
    <message>
        <source>Alamat atau nama printer</source>
        <translation>Printer address or name</translation>
    </message>
    <message>
        <source>Format tanda terima</source>
        <translation>Receipt format</translation>
    </message>
    <message>
        <source>Lebar cetak (titik)</source>
        <translation>Print width (dots)</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Ukuran huruf</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>Alamat CRM</source>
        <translation>CRM address</translation>
    </message>
    <message>
        <source>Berkas sertifikat CA</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <source>Jeda sinkronisasi</source>
        <translation>Sync interval</translation>
    </message>
    <message>
        <source>Kode pendaftaran sekali pakai</source>
        <translation>One-time enrolment code</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Kode meja</source>
        <translation>Desk code</translation>
    </message>
    <message>
        <source>Halaman pemantauan</source>
        <translation>Tracking page</translation>
    </message>
    <message>
        <source>Telepon bantuan</source>
        <translation>Help phone</translation>
    </message>
    <message>
        <source>Tanggapan pertama (hari kerja)</source>
        <translation>First response (working days)</translation>
    </message>
    <message>
        <source>Cuti bersama (TTTT-BB-HH)</source>
        <translation>Collective leave (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Printer tanda terima</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Alamat / nama</source>
        <translation>Address / name</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Lebar cetak</source>
        <translation>Print width</translation>
    </message>
    <message>
        <source>Tampilan</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Sertifikat CA</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Kode pendaftaran</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Nama lokasi wajib diisi.</source>
        <translation>The site name is required.</translation>
    </message>
    <message>
        <source>folder untuk berkas PDF (kosong: folder data meja)</source>
        <translation>folder for PDF files (empty: the desk&apos;s data folder)</translation>
    </message>
    <message>
        <source>nama printer (kosong: printer bawaan)</source>
        <translation>printer name (empty: the default printer)</translation>
    </message>
    <message>
        <source>nama printer di Windows</source>
        <translation>printer name in Windows</translation>
    </message>
    <message>
        <source>nama antrean CUPS</source>
        <translation>CUPS queue name</translation>
    </message>
    <message>
        <source>⚠ Isi alamat CRM dan kode pendaftaran dari CRM.</source>
        <translation>⚠ Enter the CRM address and the enrolment code from the CRM.</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>Halaman uji dikirim ke {printer}.</source>
        <translation>Test page sent to {printer}.</translation>
    </message>
    <message>
        <source>Pengaturan tersimpan.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>Belum ada akun. Buat admin pertama untuk mulai.</source>
        <translation>No account yet. Create the first admin to start.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Meja Aduan</source>
        <translation>Complaint Desk</translation>
    </message>
    <message>
        <source>{site} — meja {desk}</source>
        <translation>{site} — desk {desk}</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Pesan masuk</source>
        <translation>Sign-in message</translation>
    </message>
    <message>
        <source>&amp;Masuk</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>⚠ Isi nama pengguna.</source>
        <translation>⚠ Enter the user name.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Meja Aduan — {site} ({desk})</source>
        <translation>Complaint Desk — {site} ({desk})</translation>
    </message>
    <message>
        <source>Memuat data meja…</source>
        <translation>Loading the desk&apos;s data…</translation>
    </message>
    <message>
        <source>Data meja tidak bisa dibuka. {detail}</source>
        <translation>The desk&apos;s data cannot be opened. {detail}</translation>
    </message>
    <message>
        <source>Data meja tidak bisa dibuka. Tutup aplikasi dan hubungi TI; rinciannya ada di catatan aplikasi.</source>
        <translation>The desk&apos;s data cannot be opened. Close the application and call IT; the details are in the application log.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sinkronisasi dengan CRM</source>
        <translation>Sync with the CRM</translation>
    </message>
    <message>
        <source>&amp;Kembali (Esc)</source>
        <translation>&amp;Back (Esc)</translation>
    </message>
    <message>
        <source>Kirim sekarang</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Kirim ulang yang dipilih</source>
        <translation>Resend the selected</translation>
    </message>
    <message>
        <source>&amp;Perbaiki… (Enter)</source>
        <translation>&amp;Correct… (Enter)</translation>
    </message>
    <message>
        <source>Perbaiki aduan yang ditolak</source>
        <translation>Correct the refused complaint</translation>
    </message>
    <message>
        <source>Menunggu dikirim</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Ditolak CRM — perbaiki, lalu kirim ulang</source>
        <translation>Refused by the CRM — correct, then resend</translation>
    </message>
    <message>
        <source>Kode tiket</source>
        <translation>Ticket code</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Dicatat</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Percobaan</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Alasan CRM</source>
        <translation>CRM&apos;s reason</translation>
    </message>
    <message>
        <source>Bagian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Menunggu dikirim ({n})</source>
        <translation>Waiting to be sent ({n})</translation>
    </message>
    <message>
        <source>Ditolak CRM — perbaiki, lalu kirim ulang ({n})</source>
        <translation>Refused by the CRM — correct, then resend ({n})</translation>
    </message>
    <message>
        <source>Dicoba lagi {when} (percobaan ke-{n} berturut-turut gagal)</source>
        <translation>Retrying {when} ({n} failed attempts in a row)</translation>
    </message>
    <message>
        <source>Perhatian: pengiriman gagal terus ({error}). Data aman di komputer ini; yang tertua menunggu {age}. Hubungi petugas TI bila berlanjut.</source>
        <translation>Attention: sending keeps failing ({error}). The data is safe on this computer; the oldest has waited {age}. Call IT support if this goes on.</translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <source>— meja belum terdaftar</source>
        <translation>— desk not enrolled</translation>
    </message>
    <message>
        <source>(terakhir {time})</source>
        <translation>(last {time})</translation>
    </message>
    <message>
        <source>tertua menunggu {age}</source>
        <translation>oldest waiting {age}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Terjadi kesalahan program; data tetap tersimpan.</source>
        <translation>A program error occurred; the data is still saved.</translation>
    </message>
</context>
<context>
    <name>ValidationDisplay</name>
    <message>
        <source>{n} / {limit} karakter</source>
        <translation>{n} / {limit} characters</translation>
    </message>
    <message>
        <source>Belum dapat disimpan — periksa: {fields}</source>
        <translation>Cannot be saved yet — check: {fields}</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <source>Belum terkirim ke CRM</source>
        <translation>Not yet sent to the CRM</translation>
    </message>
    <message>
        <source>Tutup aplikasi sekarang?</source>
        <translation>Close the application now?</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
