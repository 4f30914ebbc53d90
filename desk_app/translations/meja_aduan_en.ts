<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Accounts</name>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Koordinator</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Nama pengguna atau kata sandi salah.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Silakan masuk terlebih dahulu.</source>
        <translation>Please sign in first.</translation>
    </message>
    <message>
        <source>Tindakan ini hanya untuk {role}.</source>
        <translation>Only the {role} role may do this.</translation>
    </message>
    <message>
        <source>Nama pengguna hanya huruf, angka, titik dan garis bawah.</source>
        <translation>A user name may only contain letters, digits, dots and underscores.</translation>
    </message>
    <message>
        <source>Nama pengguna dan nama tampilan wajib diisi (tidak terlalu panjang).</source>
        <translation>Enter a user name and a display name (not too long).</translation>
    </message>
    <message>
        <source>Kata sandi paling sedikit {count} karakter.</source>
        <translation>The password needs at least {count} characters.</translation>
    </message>
    <message>
        <source>Admin pertama sudah dibuat; masuk sebagai admin.</source>
        <translation>The first admin already exists; sign in as an admin.</translation>
    </message>
    <message>
        <source>Nama pengguna {username} sudah dipakai.</source>
        <translation>The user name {username} is already taken.</translation>
    </message>
    <message>
        <source>Admin tidak dapat menonaktifkan akunnya sendiri.</source>
        <translation>An admin cannot deactivate their own account.</translation>
    </message>
    <message>
        <source>Akun {username} tidak ada.</source>
        <translation>There is no account {username}.</translation>
    </message>
    <message>
        <source>{username} adalah admin aktif terakhir: meja harus selalu punya satu admin aktif. Jadikan akun lain admin dahulu.</source>
        <translation>{username} is the last enabled admin: the desk must always have one enabled admin. Make another account an admin first.</translation>
    </message>
    <message>
        <source>Akun ini dinonaktifkan dan tidak dapat masuk. Hubungi admin meja.</source>
        <translation>This account is disabled and cannot sign in. Ask the desk&apos;s admin.</translation>
    </message>
    <message>
        <source>Kata sandi ini sementara. Pilih kata sandi baru Anda sendiri untuk masuk.</source>
        <translation>This password is a temporary one. Choose your own new password to sign in.</translation>
    </message>
    <message>
        <source>Kata sandi baru harus berbeda dari kata sandi sementara.</source>
        <translation>The new password must differ from the temporary one.</translation>
    </message>
    <message>
        <source>Akun dikunci sementara. Coba lagi dalam {minutes} menit.</source>
        <translation>The account is locked for now. Try again in {minutes} minutes.</translation>
    </message>
    <message>
        <source>Terlalu banyak percobaan salah. Akun dikunci {minutes} menit.</source>
        <translation>Too many wrong attempts. The account is locked for {minutes} minutes.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Akun</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Akun petugas meja ini</source>
        <translation>This desk&apos;s accounts</translation>
    </message>
    <message>
        <source>Daftar akun</source>
        <translation>Account list</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Terakhir masuk</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>&amp;Daftar akun (panah: pilih)</source>
        <translation>Account &amp;list (arrows: choose)</translation>
    </message>
    <message>
        <source>&amp;Tambah akun</source>
        <translation>&amp;Add account</translation>
    </message>
    <message>
        <source>Peran baru</source>
        <translation>New role</translation>
    </message>
    <message>
        <source>Pe&amp;ran:</source>
        <translation>R&amp;ole:</translation>
    </message>
    <message>
        <source>Ubah &amp;peran</source>
        <translation>Change &amp;role</translation>
    </message>
    <message>
        <source>Atur &amp;ulang kata sandi</source>
        <translation>Reset &amp;password</translation>
    </message>
    <message>
        <source>&amp;Nonaktifkan</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>Tutup (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Kesalahan</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Aktif — belum memilih kata sandi</source>
        <translation>Enabled — own password not chosen yet</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>&amp;Aktifkan</source>
        <translation>&amp;Enable</translation>
    </message>
</context>
<context>
    <name>AccountsFlow</name>
    <message>
        <source>Akun {username} dibuat. Ia memilih kata sandinya sendiri saat pertama kali masuk.</source>
        <translation>Account {username} created. Its owner chooses their own password at the first sign-in.</translation>
    </message>
    <message>
        <source>Peran {username} sekarang {role}.</source>
        <translation>{username}&apos;s role is now {role}.</translation>
    </message>
    <message>
        <source>Kata sandi {username} diatur ulang. Ia memilih kata sandi baru saat masuk.</source>
        <translation>{username}&apos;s password was reset. Its owner chooses a new one at the next sign-in.</translation>
    </message>
    <message>
        <source>Akun {username} diaktifkan kembali.</source>
        <translation>Account {username} enabled again.</translation>
    </message>
    <message>
        <source>Akun {username} dinonaktifkan; ia tidak dapat masuk lagi.</source>
        <translation>Account {username} disabled; it can no longer sign in.</translation>
    </message>
</context>
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
    <message>
        <source>{name} dicatat sebagai pelapor aduan {code} (masalah yang sama sudah diadukan), dengan data dan persetujuannya sendiri, dan dikirim ke CRM. Tanda terimanya dicetak atas namanya dengan nomor tiket yang sama.</source>
        <translation>{name} is recorded as a reporter of complaint {code} (the same problem was already reported), with their own details and consent, and sent to the CRM. Their receipt is printed in their name with the same ticket number.</translation>
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
    <message>
        <source>Tidak ada kelurahan bernama “%1”</source>
        <translation>No kelurahan is called “%1”</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Baris {line}: kode wilayah &apos;{code}&apos; tidak sah.</source>
        <translation>Line {line}: area code &apos;{code}&apos; is not valid.</translation>
    </message>
    <message>
        <source>Baris {line}: nama wilayah kosong.</source>
        <translation>Line {line}: the area name is empty.</translation>
    </message>
    <message>
        <source>Baris {line}: tingkat &apos;{level}&apos; tidak cocok dengan kode {code} (seharusnya {expected}).</source>
        <translation>Line {line}: level &apos;{level}&apos; does not match code {code} (it should be {expected}).</translation>
    </message>
    <message>
        <source>Baris {line}: kode {code} sudah ada di baris {first}.</source>
        <translation>Line {line}: code {code} already appears on line {first}.</translation>
    </message>
    <message>
        <source>Baris {line}: induk {parent} dari {code} tidak ada di berkas.</source>
        <translation>Line {line}: {parent}, the parent of {code}, is not in the file.</translation>
    </message>
    <message>
        <source>Berkas wilayah tidak berisi satu baris pun.</source>
        <translation>The area file has no rows.</translation>
    </message>
    <message>
        <source>Kolom wajib tidak ada: {columns}.</source>
        <translation>Required columns are missing: {columns}.</translation>
    </message>
    <message>
        <source>{file} bukan berkas teks UTF-8.</source>
        <translation>{file} is not a UTF-8 text file.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>Berkas {name} kosong.</source>
        <translation>The file {name} is empty.</translation>
    </message>
    <message>
        <source>Berkas {name} terlalu besar ({size} MB; batas {limit} MB).</source>
        <translation>The file {name} is too large ({size} MB; the limit is {limit} MB).</translation>
    </message>
    <message>
        <source>Berkas {name} bukan foto (JPG, PNG, WEBP, TIFF) atau PDF.</source>
        <translation>The file {name} is not a photo (JPG, PNG, WEBP, TIFF) or a PDF.</translation>
    </message>
    <message>
        <source>Berkas {name} tidak dapat dibaca: {reason}.</source>
        <translation>The file {name} cannot be read: {reason}.</translation>
    </message>
    <message>
        <source>Paling banyak {count} lampiran per aduan.</source>
        <translation>At most {count} attachments per complaint.</translation>
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
    <name>Audit</name>
    <message>
        <source>Jejak audit utuh: {count} catatan diperiksa.</source>
        <translation>The audit trail is whole: {count} entries checked.</translation>
    </message>
    <message>
        <source>Jejak audit TIDAK utuh: catatan nomor {pk} ({action}, {at} UTC) telah diubah atau catatan sebelumnya dihapus. {count} catatan sebelumnya cocok.</source>
        <translation>The audit trail is NOT whole: entry number {pk} ({action}, {at} UTC) was altered, or the entry before it was removed. The {count} entries before it match.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Cuti bersama</source>
        <translation>Collective leave day</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>Jalan dan trotoar</source>
        <translation>Roads and pavements</translation>
    </message>
    <message>
        <source>Jalan rusak / berlubang</source>
        <translation>Damaged road / potholes</translation>
    </message>
    <message>
        <source>Trotoar rusak</source>
        <translation>Damaged pavement</translation>
    </message>
    <message>
        <source>Lampu penerangan jalan mati</source>
        <translation>Street light out</translation>
    </message>
    <message>
        <source>Sampah dan kebersihan</source>
        <translation>Waste and cleanliness</translation>
    </message>
    <message>
        <source>Sampah menumpuk / tidak diangkut</source>
        <translation>Waste piling up / not collected</translation>
    </message>
    <message>
        <source>Pembuangan sampah liar</source>
        <translation>Illegal dumping</translation>
    </message>
    <message>
        <source>Pencemaran udara, air atau bau</source>
        <translation>Air or water pollution, or smell</translation>
    </message>
    <message>
        <source>Genangan, banjir dan saluran</source>
        <translation>Standing water, floods and drains</translation>
    </message>
    <message>
        <source>Genangan / banjir</source>
        <translation>Standing water / flood</translation>
    </message>
    <message>
        <source>Saluran air tersumbat</source>
        <translation>Blocked drain</translation>
    </message>
    <message>
        <source>Tanggul atau pompa air rusak</source>
        <translation>Damaged embankment or water pump</translation>
    </message>
    <message>
        <source>Lalu lintas dan parkir</source>
        <translation>Traffic and parking</translation>
    </message>
    <message>
        <source>Parkir liar</source>
        <translation>Illegal parking</translation>
    </message>
    <message>
        <source>Lampu lalu lintas mati</source>
        <translation>Traffic light out</translation>
    </message>
    <message>
        <source>Angkutan umum</source>
        <translation>Public transport</translation>
    </message>
    <message>
        <source>Ketertiban umum</source>
        <translation>Public order</translation>
    </message>
    <message>
        <source>Pedagang kaki lima (PKL)</source>
        <translation>Street vendors (PKL)</translation>
    </message>
    <message>
        <source>Gangguan ketertiban / kebisingan</source>
        <translation>Disturbance / noise</translation>
    </message>
    <message>
        <source>Bangunan tanpa izin</source>
        <translation>Building without a permit</translation>
    </message>
    <message>
        <source>Pohon dan taman</source>
        <translation>Trees and parks</translation>
    </message>
    <message>
        <source>Pohon tumbang / rawan tumbang</source>
        <translation>Fallen tree / tree at risk of falling</translation>
    </message>
    <message>
        <source>Taman kota rusak</source>
        <translation>Damaged city park</translation>
    </message>
    <message>
        <source>Pungutan liar oleh petugas</source>
        <translation>Illegal charges by officials</translation>
    </message>
    <message>
        <source>Pungli dalam pelayanan</source>
        <translation>Illegal charges for a service</translation>
    </message>
    <message>
        <source>Perilaku petugas</source>
        <translation>Conduct of officials</translation>
    </message>
    <message>
        <source>Layanan masyarakat</source>
        <translation>Public services</translation>
    </message>
    <message>
        <source>KTP, KK dan akta</source>
        <translation>ID card (KTP), family card (KK) and certificates</translation>
    </message>
    <message>
        <source>Layanan kesehatan / puskesmas</source>
        <translation>Health services / puskesmas</translation>
    </message>
    <message>
        <source>Sekolah dan bantuan pendidikan</source>
        <translation>Schools and education aid</translation>
    </message>
    <message>
        <source>Bantuan sosial / PMKS</source>
        <translation>Social aid / PMKS</translation>
    </message>
    <message>
        <source>Bahaya kebakaran</source>
        <translation>Fire hazard</translation>
    </message>
    <message>
        <source>Pelayanan administrasi kelurahan</source>
        <translation>Kelurahan administrative services</translation>
    </message>
    <message>
        <source>Surat tidak ditandatangani / tidak diproses</source>
        <translation>Letter not signed / not processed</translation>
    </message>
    <message>
        <source>Dokumen warga ditahan</source>
        <translation>Citizen&apos;s documents held back</translation>
    </message>
    <message>
        <source>Pelayanan lambat / berbelit</source>
        <translation>Slow or convoluted service</translation>
    </message>
    <message>
        <source>Pertanahan</source>
        <translation>Land affairs</translation>
    </message>
    <message>
        <source>Sertifikat atau surat tanah</source>
        <translation>Land certificate or land papers</translation>
    </message>
    <message>
        <source>Sengketa tanah</source>
        <translation>Land dispute</translation>
    </message>
    <message>
        <source>Dugaan pungutan liar atas tanah</source>
        <translation>Alleged illegal levy over land</translation>
    </message>
    <message>
        <source>Sikap dan kehadiran petugas</source>
        <translation>Staff conduct and absence</translation>
    </message>
    <message>
        <source>Petugas tidak ada di tempat</source>
        <translation>Staff never at their desk</translation>
    </message>
    <message>
        <source>Petugas tidak sopan</source>
        <translation>Rude staff</translation>
    </message>
    <message>
        <source>Pungli oleh petugas atau pejabat</source>
        <translation>Illegal levy by staff or officials</translation>
    </message>
    <message>
        <source>Bantuan sosial</source>
        <translation>Social assistance</translation>
    </message>
    <message>
        <source>Bantuan sosial tidak diterima</source>
        <translation>Social assistance not received</translation>
    </message>
    <message>
        <source>Data penerima bantuan tidak tepat</source>
        <translation>Wrong data on assistance recipients</translation>
    </message>
    <message>
        <source>Bantuan dipotong oleh petugas</source>
        <translation>Assistance cut by officials</translation>
    </message>
    <message>
        <source>Layanan kesehatan</source>
        <translation>Health services</translation>
    </message>
    <message>
        <source>Pelayanan puskesmas</source>
        <translation>Puskesmas (community health centre) service</translation>
    </message>
    <message>
        <source>Pelayanan rumah sakit daerah (RSUD)</source>
        <translation>Regional hospital (RSUD) service</translation>
    </message>
    <message>
        <source>Jaminan kesehatan (BPJS / KJS)</source>
        <translation>Health insurance (BPJS / KJS)</translation>
    </message>
    <message>
        <source>Layanan pendidikan</source>
        <translation>Education services</translation>
    </message>
    <message>
        <source>Penerimaan murid baru</source>
        <translation>New pupil admission</translation>
    </message>
    <message>
        <source>Kartu Jakarta Pintar (KJP Plus)</source>
        <translation>Jakarta Smart Card (KJP Plus)</translation>
    </message>
    <message>
        <source>Pungutan di sekolah</source>
        <translation>Levies at school</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Lainnya (belum ada kategorinya)</source>
        <translation>Other (no category for it yet)</translation>
    </message>
    <message>
        <source>{parent} › {name}</source>
        <translation>{parent} › {name}</translation>
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
    <name>DeskKey</name>
    <message>
        <source>Tidak ada keyring sistem di komputer ini: kunci enkripsi data meja disimpan di berkas {path} yang hanya dapat dibaca pengguna ini. Lindungi akun komputer ini.</source>
        <translation>This computer has no system keyring: the desk data&apos;s encryption key is kept in the file {path}, which only this user can read. Protect this computer account.</translation>
    </message>
    <message>
        <source>Data meja ini terenkripsi, tetapi kuncinya tidak ada di komputer ini (misalnya akun Windows baru atau keyring dikosongkan). Data meja tidak diubah. Ketik kunci pemulihan yang dicetak admin saat meja dipasang, atau hubungi TI.</source>
        <translation>This desk&apos;s data is encrypted, but its key is not on this computer (for example a new Windows account, or the keyring was emptied). The desk&apos;s data was not changed. Type the recovery key the admin printed when the desk was set up, or call IT.</translation>
    </message>
    <message>
        <source>Data meja tidak bisa dibuka dengan kunci yang tersimpan: kuncinya tidak cocok, atau berkas data meja rusak. Jangan hapus apa pun; ketik kunci pemulihan yang dicetak admin saat meja dipasang, atau hubungi TI.</source>
        <translation>The desk&apos;s data cannot be opened with the stored key: the key does not match, or the desk&apos;s data file is damaged. Do not delete anything; type the recovery key the admin printed when the desk was set up, or call IT.</translation>
    </message>
    <message>
        <source>Kunci pemulihan tidak sah: periksa lagi setiap hurufnya.</source>
        <translation>The recovery key is not valid: check every character again.</translation>
    </message>
    <message>
        <source>Kunci pemulihan ini bukan milik data meja ini.</source>
        <translation>This recovery key does not belong to this desk&apos;s data.</translation>
    </message>
    <message>
        <source>PDF tidak dapat disimpan: {reason}.</source>
        <translation>The PDF could not be saved: {reason}.</translation>
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
        <source>Ditolak CRM</source>
        <translation>Refused by the CRM</translation>
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
    <message>
        <source>Ditolak CRM: {n}</source>
        <translation>Refused by the CRM: {n}</translation>
    </message>
    <message>
        <source>Lihat dan perbaiki di Sinkronisasi (Ctrl+K)</source>
        <translation>See and correct them under Sync (Ctrl+K)</translation>
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
        <source>Tampilkan &amp;QR</source>
        <translation>Show &amp;QR</translation>
    </message>
    <message>
        <source>Tampilkan kode QR pelacakan</source>
        <translation>Show the tracking QR code</translation>
    </message>
    <message>
        <source>ya, ke nomor ini</source>
        <translation>yes, to this number</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
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
        <source>Kabar lewat SMS</source>
        <translation>News by SMS</translation>
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
        <source>kabar lewat SMS</source>
        <translation>news by SMS</translation>
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
        <source>Ditolak CRM: {reason}</source>
        <translation>Refused by the CRM: {reason}</translation>
    </message>
    <message>
        <source>Diperbaiki dan dikirim ulang ke CRM</source>
        <translation>Corrected and sent to the CRM again</translation>
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
    <message>
        <source>Dilaporkan oleh</source>
        <translation>Reported by</translation>
    </message>
    <message numerus="yes">
        <source>%n warga</source>
        <translation>
            <numerusform>%n citizen</numerusform>
            <numerusform>%n citizens</numerusform>
        </translation>
    </message>
    <message>
        <source>Pelapor lain</source>
        <translation>Other reporter</translation>
    </message>
    <message>
        <source>Warga lain melaporkan masalah yang sama: {name}</source>
        <translation>Another citizen reported the same problem: {name}</translation>
    </message>
</context>
<context>
    <name>DisplayScreen</name>
    <message>
        <source>Layar antrean</source>
        <translation>Queue display</translation>
    </message>
    <message>
        <source>Antrean</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Nomor dipanggil</source>
        <translation>Number called</translation>
    </message>
    <message>
        <source>Terakhir dipanggil</source>
        <translation>Last called</translation>
    </message>
    <message>
        <source>Antrean {site}</source>
        <translation>Queue — {site}</translation>
    </message>
    <message>
        <source>Meja {desk}</source>
        <translation>Desk {desk}</translation>
    </message>
    <message>
        <source>Belum ada panggilan</source>
        <translation>No call yet</translation>
    </message>
    <message>
        <source>{number}  ·  Meja {desk}</source>
        <translation>{number}  ·  Desk {desk}</translation>
    </message>
    <message>
        <source>Menunggu: {n} orang  ·  Tunggu terlama: {m} menit</source>
        <translation>Waiting: {n}  ·  Longest wait: {m} min</translation>
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
    <name>Duplicates</name>
    <message>
        <source>NIK sama</source>
        <translation>Same NIK</translation>
    </message>
    <message>
        <source>Nomor telepon sama</source>
        <translation>Same phone number</translation>
    </message>
    <message>
        <source>Kelurahan dan kategori sama, uraian mirip</source>
        <translation>Same kelurahan and category, similar description</translation>
    </message>
</context>
<context>
    <name>Enrolment</name>
    <message>
        <source>Tidak ada keyring sistem di komputer ini: token meja disimpan di berkas {path} yang hanya dapat dibaca pengguna ini. Lindungi akun komputer ini.</source>
        <translation>This computer has no system keyring: the desk token is kept in the file {path}, which only this user can read. Protect this computer account.</translation>
    </message>
    <message>
        <source>Alamat CRM harus berupa https://nama-server.</source>
        <translation>The CRM address must look like https://server-name.</translation>
    </message>
    <message>
        <source>Alamat CRM harus memakai https:// (koneksi terenkripsi).</source>
        <translation>The CRM address must use https:// (an encrypted connection).</translation>
    </message>
    <message>
        <source>Berkas CA tidak ditemukan: {file}.</source>
        <translation>CA file not found: {file}.</translation>
    </message>
    <message>
        <source>Isi kode pendaftaran dari CRM.</source>
        <translation>Enter the enrolment code from the CRM.</translation>
    </message>
    <message>
        <source>Kode pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa.</source>
        <translation>The enrolment code is unknown, already used, or expired.</translation>
    </message>
    <message>
        <source>CRM tidak dapat dihubungi: {reason}</source>
        <translation>The CRM cannot be reached: {reason}</translation>
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
    <name>Fields</name>
    <message>
        <source>Nama pelapor</source>
        <translation>Complainant&apos;s name</translation>
    </message>
    <message>
        <source>Alamat pelapor</source>
        <translation>Complainant&apos;s address</translation>
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
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
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
    <name>HistoryDialog</name>
    <message>
        <source>Riwayat aduan {code}</source>
        <translation>History of complaint {code}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{code}&lt;/b&gt; (meja {desk})&lt;br&gt;{category} · {area}&lt;br&gt;Status: {status} · {unit}&lt;br&gt;Jatuh tempo: {due} · terlambat {late} hari kerja</source>
        <translation>&lt;b&gt;{code}&lt;/b&gt; (desk {desk})&lt;br&gt;{category} · {area}&lt;br&gt;Status: {status} · {unit}&lt;br&gt;Due: {due} · {late} working days late</translation>
    </message>
    <message>
        <source>Langkah publik</source>
        <translation>Public steps</translation>
    </message>
    <message>
        <source>&amp;Langkah di CRM (label publik):</source>
        <translation>&amp;Steps at the CRM (public labels):</translation>
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
        <source>&amp;Akun</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <source>Akun petugas</source>
        <translation>Officer accounts</translation>
    </message>
    <message>
        <source>Akun petugas (Ctrl+U)</source>
        <translation>Officer accounts (Ctrl+U)</translation>
    </message>
    <message>
        <source>Pan&amp;tauan</source>
        <translation>Superv&amp;ision</translation>
    </message>
    <message>
        <source>Pantauan koordinator</source>
        <translation>Supervisor&apos;s view</translation>
    </message>
    <message>
        <source>Semua meja di lokasi ini (Ctrl+P)</source>
        <translation>Every desk of this site (Ctrl+P)</translation>
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
    <message>
        <source>A&amp;ntrean  (F4)</source>
        <translation>&amp;Queue  (F4)</translation>
    </message>
    <message>
        <source>Antrean pengunjung</source>
        <translation>Visitor queue</translation>
    </message>
</context>
<context>
    <name>HourChart</name>
    <message>
        <source>Aduan</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Jam (WIB)</source>
        <translation>Hour (WIB)</translation>
    </message>
    <message>
        <source>Grafik aduan per jam</source>
        <translation>Chart of complaints per hour</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>Data belum lengkap atau belum benar: {count} isian perlu diperbaiki.</source>
        <translation>Some data is missing or not right: {count} fields to correct.</translation>
    </message>
    <message>
        <source>Aduan tidak ditemukan.</source>
        <translation>Complaint not found.</translation>
    </message>
    <message>
        <source>Belum ada yang diubah. Perbaiki isian yang disebut CRM, atau pilih &quot;Kirim ulang&quot; bila masalahnya sudah dibereskan di CRM.</source>
        <translation>Nothing has been changed yet. Correct the fields the CRM named, or choose &quot;Resend&quot; if the problem was fixed at the CRM.</translation>
    </message>
    <message>
        <source>Tulis keterangan tambahan (paling sedikit {count} karakter).</source>
        <translation>Write the additional information (at least {count} characters).</translation>
    </message>
    <message>
        <source>Keterangan tambahan paling panjang {count} karakter.</source>
        <translation>The additional information may be at most {count} characters long.</translation>
    </message>
    <message>
        <source>Aduan {code} sudah diterima CRM: isian awalnya tidak dapat diubah lagi. Bila ada yang perlu diluruskan, tambahkan keterangan pada aduan ini.</source>
        <translation>Complaint {code} has already been accepted by the CRM: its original fields can no longer be changed. If something needs setting right, add information to this complaint.</translation>
    </message>
    <message>
        <source>Aduan {code} sedang menunggu dikirim ke CRM. Hanya aduan yang ditolak CRM yang dapat diperbaiki.</source>
        <translation>Complaint {code} is waiting to be sent to the CRM. Only complaints the CRM refused can be corrected.</translation>
    </message>
    <message>
        <source>Aduan {code} tidak ada di antrean pengiriman.</source>
        <translation>Complaint {code} is not in the sending queue.</translation>
    </message>
    <message>
        <source>Kelurahan tidak dikenal: pilih dari daftar.</source>
        <translation>Unknown kelurahan: choose one from the list.</translation>
    </message>
    <message>
        <source>Kategori tidak dikenal: pilih dari daftar.</source>
        <translation>Unknown category: choose one from the list.</translation>
    </message>
    <message>
        <source>Pilih sub-kategori yang paling sesuai.</source>
        <translation>Choose the sub-category that fits best.</translation>
    </message>
    <message>
        <source>Tingkat urgensi tidak dikenal.</source>
        <translation>Unknown urgency level.</translation>
    </message>
    <message>
        <source>Kanal aduan tidak dikenal.</source>
        <translation>Unknown complaint channel.</translation>
    </message>
    <message>
        <source>Nomor laporan sebelumnya paling panjang {count} karakter.</source>
        <translation>An earlier report number may be at most {count} characters long.</translation>
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
        <source>Kirim kabar lewat SMS</source>
        <translation>Send news by SMS</translation>
    </message>
    <message>
        <source>Kirim kabar aduan lewat SMS ke nomor telepon ini</source>
        <translation>Send news of the complaint by SMS to this phone number</translation>
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
    <name>Kiosk</name>
    <message>
        <source>Aduan tercatat di meja dan segera dikirim.</source>
        <translation>The complaint is recorded at the desk and will be sent shortly.</translation>
    </message>
    <message>
        <source>Aduan akan diperiksa dan diteruskan ke dinas.</source>
        <translation>The complaint will be checked and passed to the agency.</translation>
    </message>
    <message>
        <source>Dinas sedang menentukan siapa yang menangani.</source>
        <translation>The agency is deciding who handles it.</translation>
    </message>
    <message>
        <source>Aduan sudah diteruskan ke petugas lapangan.</source>
        <translation>The complaint has been passed to field staff.</translation>
    </message>
    <message>
        <source>Petugas sedang menangani masalahnya.</source>
        <translation>Staff are working on the problem.</translation>
    </message>
    <message>
        <source>Hasil pekerjaan sedang diperiksa.</source>
        <translation>The work done is being checked.</translation>
    </message>
    <message>
        <source>Pekerjaan diperbaiki lagi oleh dinas.</source>
        <translation>The agency is redoing the work.</translation>
    </message>
    <message>
        <source>Aduan sudah selesai ditangani.</source>
        <translation>The complaint has been resolved.</translation>
    </message>
    <message>
        <source>Aduan tidak dapat ditindaklanjuti.</source>
        <translation>The complaint cannot be followed up.</translation>
    </message>
    <message>
        <source>Aduan digabung dengan aduan yang sama.</source>
        <translation>The complaint was merged with the same complaint.</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <source>Cek status aduan</source>
        <translation>Check a complaint&apos;s status</translation>
    </message>
    <message>
        <source>Cek status aduan Anda</source>
        <translation>Check your complaint&apos;s status</translation>
    </message>
    <message>
        <source>Pindai kode QR pada tanda terima, atau ketik kode tiket.</source>
        <translation>Scan the QR code on the receipt, or type the ticket code.</translation>
    </message>
    <message>
        <source>Kode tiket</source>
        <translation>Ticket code</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Cek</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Tidak ditemukan</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Periksa kode pada tanda terima, atau tanyakan kepada petugas.</source>
        <translation>Check the code on the receipt, or ask the staff.</translation>
    </message>
    <message>
        <source>Aduan {code}</source>
        <translation>Complaint {code}</translation>
    </message>
    <message>
        <source>Status terakhir yang diketahui meja ini, per {date}.</source>
        <translation>The last status this desk knows, as of {date}.</translation>
    </message>
    <message>
        <source>Langkah berikutnya paling lambat {date}.</source>
        <translation>The next step is due by {date}.</translation>
    </message>
    <message>
        <source>Aduan ini terlambat dari batas waktunya. Mohon maaf; petugas kami dapat membantu.</source>
        <translation>This complaint is past its deadline. We apologise; our staff can help.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Meja terkunci</source>
        <translation>Desk locked</translation>
    </message>
    <message>
        <source>Meja terkunci karena lama tidak dipakai. {name}, ketik kata sandi Anda untuk melanjutkan; isian yang sedang diketik tetap ada.</source>
        <translation>The desk locked itself after a while unused. {name}, type your password to go on; what was being typed is still there.</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Buka kunci</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Close the application</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <source>Karakter cek tidak cocok: salah ketik? ({code})</source>
        <translation>The check character does not match: a typing mistake? ({code})</translation>
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
    <name>NewAccountDialog</name>
    <message>
        <source>Tambah akun</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <source>Kata sandi ini sementara: pemilik akun memilih kata sandinya sendiri saat pertama kali masuk.</source>
        <translation>This password is temporary: the account&apos;s owner chooses their own at the first sign-in.</translation>
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
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kata sandi sementara</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Ulangi kata sandi sementara</source>
        <translation>Repeat the temporary password</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Nama &amp;tampilan</source>
        <translation>&amp;Display name</translation>
    </message>
    <message>
        <source>&amp;Peran</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>&amp;Kata sandi sementara (min. 8)</source>
        <translation>Temporary &amp;password (min. 8)</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>R&amp;epeat the password</translation>
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
    <name>NewPasswordDialog</name>
    <message>
        <source>Atur ulang kata sandi</source>
        <translation>Reset the password</translation>
    </message>
    <message>
        <source>Kata sandi sementara untuk {username}. Berikan kepadanya; ia memilih kata sandinya sendiri saat pertama kali masuk.</source>
        <translation>A temporary password for {username}. Give it to them; they choose their own at the first sign-in.</translation>
    </message>
    <message>
        <source>Atur ulang</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Pilih kata sandi Anda</source>
        <translation>Choose your password</translation>
    </message>
    <message>
        <source>Akun ini masuk dengan kata sandi sementara dari admin. Pilih kata sandi baru yang hanya Anda ketahui, lalu ketik sekali lagi.</source>
        <translation>This account signed in with a temporary password from the admin. Choose a new password that only you know, and type it once more.</translation>
    </message>
    <message>
        <source>Simpan dan masuk</source>
        <translation>Save and sign in</translation>
    </message>
    <message>
        <source>Kata sandi baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Ulangi kata sandi baru</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>Pesan kata sandi</source>
        <translation>Password message</translation>
    </message>
    <message>
        <source>Kata sandi &amp;baru (min. 8)</source>
        <translation>&amp;New password (min. 8)</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi baru</source>
        <translation>&amp;Repeat the new password</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>Pantauan</name>
    <message>
        <source>CRM tidak dapat dihubungi ({reason}).</source>
        <translation>The CRM cannot be reached ({reason}).</translation>
    </message>
    <message>
        <source>Meja ini belum terdaftar di CRM.</source>
        <translation>This desk is not enrolled with the CRM yet.</translation>
    </message>
    <message>
        <source>CRM menolak token meja ini: daftarkan meja lagi.</source>
        <translation>The CRM refused this desk&apos;s token: enrol the desk again.</translation>
    </message>
    <message>
        <source>Jawaban CRM tidak dapat dibaca.</source>
        <translation>The CRM&apos;s answer could not be read.</translation>
    </message>
    <message>
        <source>Aduan {code} tidak ada di lokasi ini.</source>
        <translation>Complaint {code} is not one of this site.</translation>
    </message>
    <message>
        <source>Proses (dikembalikan)</source>
        <translation>In progress (returned)</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>{age} lalu</source>
        <translation>{age} ago</translation>
    </message>
    <message>
        <source>tepat</source>
        <translation>on time</translation>
    </message>
    <message>
        <source>{age} lebih cepat</source>
        <translation>{age} fast</translation>
    </message>
    <message>
        <source>{age} lebih lambat</source>
        <translation>{age} slow</translation>
    </message>
    <message>
        <source>struk tertahan &gt; {age}</source>
        <translation>receipts held &gt; {age}</translation>
    </message>
    <message>
        <source>tanpa kabar di jam buka</source>
        <translation>no word in opening hours</translation>
    </message>
    <message>
        <source>daring</source>
        <translation>online</translation>
    </message>
    <message>
        <source>luring</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>{a}; {b}</source>
        <translation>{a}; {b}</translation>
    </message>
    <message>
        <source>⚠ DIAM: {reasons} ({online})</source>
        <translation>⚠ SILENT: {reasons} ({online})</translation>
    </message>
    <message>
        <source>{state} · ⬆ versi lama</source>
        <translation>{state} · ⬆ old version</translation>
    </message>
    <message>
        <source>Meja di lokasi ini</source>
        <translation>Desks of this site</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <source>Tidak hadir</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <source>Tunggu</source>
        <translation>Wait</translation>
    </message>
    <message>
        <source>Jalan</source>
        <translation>Walk</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>(belum dipanggil)</source>
        <translation>(not called yet)</translation>
    </message>
    <message>
        <source>Antrean per nomor (menit)</source>
        <translation>Queue per number (minutes)</translation>
    </message>
    <message>
        <source>Diambil</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Antrean pengunjung</source>
        <translation>Visitor queue</translation>
    </message>
    <message>
        <source>Nomor diambil</source>
        <translation>Numbers taken</translation>
    </message>
    <message>
        <source>Selesai dilayani</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Antrean: waktu per nomor (menit)</source>
        <translation>Queue: time per number (minutes)</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Rata-rata</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Terlama</source>
        <translation>Longest</translation>
    </message>
    <message>
        <source>Antrean per meja (rata-rata, menit)</source>
        <translation>Queue per desk (mean, minutes)</translation>
    </message>
    <message>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>dipanggil</source>
        <translation>called</translation>
    </message>
    <message>
        <source>dilayani</source>
        <translation>being served</translation>
    </message>
    <message>
        <source>selesai</source>
        <translation>served</translation>
    </message>
    <message>
        <source>tidak hadir</source>
        <translation>no-show</translation>
    </message>
    <message>
        <source>Antrean per petugas (rata-rata, menit)</source>
        <translation>Queue per officer (mean, minutes)</translation>
    </message>
    <message>
        <source>Antrean per jam ambil nomor (rata-rata, menit)</source>
        <translation>Queue per hour the number was taken (mean, minutes)</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Belum terkirim</source>
        <translation>Unsent</translation>
    </message>
    <message>
        <source>Tertua belum terkirim</source>
        <translation>Oldest unsent</translation>
    </message>
    <message>
        <source>Kabar terakhir</source>
        <translation>Last heartbeat</translation>
    </message>
    <message>
        <source>Kirim terakhir</source>
        <translation>Last send</translation>
    </message>
    <message>
        <source>Petugas masuk</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Versi aplikasi</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>Selisih jam</source>
        <translation>Clock difference</translation>
    </message>
    <message>
        <source>{version} (terbaru {latest})</source>
        <translation>{version} (latest {latest})</translation>
    </message>
    <message>
        <source>{code} (meja ini)</source>
        <translation>{code} (this desk)</translation>
    </message>
    <message>
        <source>Aduan tercatat per meja</source>
        <translation>Complaints recorded per desk</translation>
    </message>
    <message>
        <source>Aduan</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Aduan tercatat per petugas</source>
        <translation>Complaints recorded per officer</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Aduan tercatat per jam</source>
        <translation>Complaints recorded per hour</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Aduan tercatat per hari</source>
        <translation>Complaints recorded per day</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Aduan lokasi ini di CRM per status</source>
        <translation>This site&apos;s complaints at the CRM per state</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Kode tiket</source>
        <translation>Ticket code</translation>
    </message>
    <message>
        <source>Terlambat (hari kerja)</source>
        <translation>Late (working days)</translation>
    </message>
    <message>
        <source>Tanpa kabar (hari kerja)</source>
        <translation>No news (working days)</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Unit penangan</source>
        <translation>Handling unit</translation>
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
        <source>{shown} terlama dari {total} ditampilkan</source>
        <translation>the {shown} oldest of {total} shown</translation>
    </message>
    <message>
        <source>Terlambat: lewat batas waktu status sekarang ({n})</source>
        <translation>Overdue: past the time limit of their current state ({n})</translation>
    </message>
    <message>
        <source>Digantung: tanpa kabar publik {days} hari kerja atau lebih ({n})</source>
        <translation>Digantung: no public update for {days} working days or more ({n})</translation>
    </message>
    <message>
        <source>Meja ini ({code})</source>
        <translation>This desk ({code})</translation>
    </message>
    <message>
        <source>Hal</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Aduan tercatat</source>
        <translation>Complaints recorded</translation>
    </message>
    <message>
        <source>Belum terkirim ke CRM</source>
        <translation>Not yet sent to the CRM</translation>
    </message>
    <message>
        <source>Sinkron berhasil terakhir</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <source>Belum ada data CRM di meja ini.</source>
        <translation>No CRM data on this desk yet.</translation>
    </message>
    <message>
        <source>Data CRM per {time}</source>
        <translation>CRM data as of {time}</translation>
    </message>
    <message>
        <source>{line} — {problem}</source>
        <translation>{line} — {problem}</translation>
    </message>
    <message>
        <source>Tunggu (ambil → dipanggil)</source>
        <translation>Wait (taken → called)</translation>
    </message>
    <message>
        <source>Jalan (dipanggil → dilayani)</source>
        <translation>Walk (called → served)</translation>
    </message>
    <message>
        <source>Layanan (mulai → selesai)</source>
        <translation>Service (start → finish)</translation>
    </message>
</context>
<context>
    <name>PantauanPage</name>
    <message>
        <source>Pantauan</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>&amp;Muat ulang (F5)</source>
        <translation>&amp;Refresh (F5)</translation>
    </message>
    <message>
        <source>&amp;Ekspor .xlsx (Ctrl+E)</source>
        <translation>&amp;Export .xlsx (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Kembali (Esc)</source>
        <translation>&amp;Back (Esc)</translation>
    </message>
    <message>
        <source>Satu hari</source>
        <translation>One day</translation>
    </message>
    <message>
        <source>Satu minggu (7 hari)</source>
        <translation>One week (7 days)</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Mulai tanggal</source>
        <translation>Starting on</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>mulai &amp;tanggal:</source>
        <translation>starting &amp;on:</translation>
    </message>
    <message>
        <source>CRM tidak terjangkau</source>
        <translation>CRM unreachable</translation>
    </message>
    <message>
        <source>Data CRM terbaru</source>
        <translation>CRM data up to date</translation>
    </message>
    <message>
        <source>Pantauan — {site}</source>
        <translation>Supervision — {site}</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>Langkah antrean ini tidak dapat dilakukan sekarang.</source>
        <translation>This queue step cannot be taken now.</translation>
    </message>
    <message>
        <source>CRM tidak terjangkau: nomor tidak dapat dipindah ke meja lain sekarang.</source>
        <translation>The CRM cannot be reached: the number cannot be moved to another desk now.</translation>
    </message>
    <message>
        <source>Slip antrean tidak tercetak ({kind}).</source>
        <translation>The queue slip was not printed ({kind}).</translation>
    </message>
    <message>
        <source>Lansia (60+)</source>
        <translation>Elderly (60+)</translation>
    </message>
    <message>
        <source>Penyandang disabilitas</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <source>Ibu hamil / membawa balita</source>
        <translation>Pregnant / with a small child</translation>
    </message>
</context>
<context>
    <name>QueueControls</name>
    <message>
        <source>Ambil nomor</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Umum</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Panggil di tempat duduk</source>
        <translation>Call at the seat</translation>
    </message>
    <message>
        <source>Pindai tanda terima (kunjungan ulang)</source>
        <translation>Scan the receipt (return visit)</translation>
    </message>
    <message>
        <source>Kode tiket aduan</source>
        <translation>Complaint ticket code</translation>
    </message>
    <message>
        <source>Ambil nomor (F2)</source>
        <translation>Take a number (F2)</translation>
    </message>
    <message>
        <source>Kode meja</source>
        <translation>Desk code</translation>
    </message>
    <message>
        <source>Pindah ke meja</source>
        <translation>Move to desk</translation>
    </message>
    <message>
        <source>Panggil berikutnya (F5)</source>
        <translation>Call next (F5)</translation>
    </message>
    <message>
        <source>Panggil ulang (F6)</source>
        <translation>Call again (F6)</translation>
    </message>
    <message>
        <source>Tidak hadir</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Reinstate</translation>
    </message>
    <message>
        <source>Pindahkan</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Mulai layani</source>
        <translation>Start serving</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Nomor {number} diberikan.</source>
        <translation>Number {number} issued.</translation>
    </message>
    <message>
        <source>Tidak ada yang menunggu.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <source>Menunggu: {n} orang · tunggu terlama {m} menit</source>
        <translation>Waiting: {n} · longest wait {m} min</translation>
    </message>
    <message>
        <source>CRM tidak terjangkau: antrean meja ini sendiri</source>
        <translation>CRM unreachable: this desk&apos;s own queue</translation>
    </message>
    <message>
        <source>Belum ada nomor dipanggil</source>
        <translation>No number called yet</translation>
    </message>
    <message>
        <source>panggil di tempat duduk</source>
        <translation>call at the seat</translation>
    </message>
    <message>
        <source>kunjungan ulang {code}</source>
        <translation>return visit {code}</translation>
    </message>
</context>
<context>
    <name>QueueFlow</name>
    <message>
        <source>Antrean: {n} menunggu, terlama {m} menit</source>
        <translation>Queue: {n} waiting, longest {m} min</translation>
    </message>
    <message>
        <source>CRM tidak terjangkau: antrean meja ini sendiri</source>
        <translation>CRM unreachable: this desk&apos;s own queue</translation>
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
    <message>
        <source>Pelapor tambahan tercatat pada aduan ini.</source>
        <translation>The further reporter is recorded on this complaint.</translation>
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
    <name>Receipts</name>
    <message>
        <source>Halaman uji gagal dicetak ({reason}).</source>
        <translation>The test page could not be printed ({reason}).</translation>
    </message>
    <message>
        <source>Tanda terima gagal dicetak ({reason}). Aduan sudah tersimpan; tanda terima dapat dicetak ulang dari daftar aduan.</source>
        <translation>The receipt could not be printed ({reason}). The complaint is saved; the receipt can be printed again from the list of complaints.</translation>
    </message>
    <message>
        <source>PDF tidak dapat disimpan: {reason}.</source>
        <translation>The PDF could not be saved: {reason}.</translation>
    </message>
</context>
<context>
    <name>RecoveryFlow</name>
    <message>
        <source>Kunci pemulihan dicetak.</source>
        <translation>Recovery key printed.</translation>
    </message>
    <message>
        <source>Simpan kunci pemulihan</source>
        <translation>Save the recovery key</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Kunci pemulihan data meja</source>
        <translation>Recovery key of the desk&apos;s data</translation>
    </message>
    <message>
        <source>Data meja ini terenkripsi. Kuncinya tersimpan di komputer ini; bila hilang (akun Windows baru, keyring dikosongkan), hanya kunci pemulihan ini yang dapat membuka data. Cetak atau simpan sebagai PDF, lalu simpan di tempat terkunci, terpisah dari komputer meja.</source>
        <translation>This desk&apos;s data is encrypted. Its key is kept on this computer; if it is lost (a new Windows account, an emptied keyring), only this recovery key can open the data. Print it or save it as a PDF, then keep it locked away, apart from the desk computer.</translation>
    </message>
    <message>
        <source>Kunci pemulihan</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>&amp;Cetak</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>&amp;Simpan PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>RemoteLookup</name>
    <message>
        <source>CRM tidak ditanya: meja ini belum terdaftar.</source>
        <translation>The CRM was not asked: this desk is not enrolled yet.</translation>
    </message>
    <message>
        <source>CRM tidak dapat ditanya ({reason}); yang tampil hanya hasil di meja ini.</source>
        <translation>The CRM could not be asked ({reason}); only this desk&apos;s results are shown.</translation>
    </message>
    <message>
        <source>CRM menolak token meja ini: daftarkan meja lagi untuk mencari di CRM.</source>
        <translation>The CRM refused this desk&apos;s token: enrol the desk again to search the CRM.</translation>
    </message>
    <message>
        <source>CRM menolak pencarian ini ({reason}).</source>
        <translation>The CRM refused this search ({reason}).</translation>
    </message>
    <message>
        <source>Tulis catatan kunjungan (paling sedikit {count} karakter).</source>
        <translation>Write a note of the visit (at least {count} characters).</translation>
    </message>
    <message>
        <source>Catatan kunjungan paling panjang {count} karakter.</source>
        <translation>A note of the visit is at most {count} characters.</translation>
    </message>
</context>
<context>
    <name>RemoteResultsPanel</name>
    <message>
        <source>Di CRM — kanal lain</source>
        <translation>At the CRM — other channels</translation>
    </message>
    <message>
        <source>Hasil dari CRM</source>
        <translation>Results from the CRM</translation>
    </message>
    <message>
        <source>Aduan dari kanal lain</source>
        <translation>Complaints from other channels</translation>
    </message>
    <message>
        <source>Nomor tiket</source>
        <translation>Ticket code</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Batas / terlambat</source>
        <translation>Due / late</translation>
    </message>
    <message>
        <source>Enter atau klik dua kali: lihat dan catat kunjungan warga.</source>
        <translation>Enter or double-click: see it and record the citizen&apos;s visit.</translation>
    </message>
    <message>
        <source>Menanyakan CRM…</source>
        <translation>Asking the CRM…</translation>
    </message>
    <message>
        <source>Aduan terbaru warga ini di CRM sudah ada di meja ini.</source>
        <translation>This citizen&apos;s newest complaints at the CRM are all on this desk already.</translation>
    </message>
    <message>
        <source>Tidak ada aduan lain di CRM untuk pencarian ini.</source>
        <translation>No other complaint at the CRM for this search.</translation>
    </message>
    <message numerus="yes">
        <source>%n aduan dari kanal lain di CRM.</source>
        <translation>
            <numerusform>%n complaint from another channel at the CRM.</numerusform>
            <numerusform>%n complaints from other channels at the CRM.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warga ini punya lebih banyak aduan; yang tampil hanya yang terbaru. Untuk aduan yang lebih lama, tanyakan nomor tiketnya.</source>
        <translation>This citizen has more complaints; only the newest are shown. For an older one, ask for its ticket number.</translation>
    </message>
    <message>
        <source>terlambat {n} hari kerja</source>
        <translation>{n} working days late</translation>
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
        <source>&amp;Kembali (Esc)</source>
        <translation>&amp;Back (Esc)</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Kunjungan dicatat pada aduan {code}; dikirim ke CRM (menunggu bila offline).</source>
        <translation>Visit recorded on complaint {code}; sent to the CRM (it waits while offline).</translation>
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
        <source>Tidak ditemukan di meja ini (dicari menurut {how}).</source>
        <translation>Nothing found on this desk (searched by {how}).</translation>
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
    <name>Settings</name>
    <message>
        <source>Jenis printer tidak dikenal: {value}.</source>
        <translation>Unknown printer type: {value}.</translation>
    </message>
    <message>
        <source>Format tanda terima tidak dikenal: {value}.</source>
        <translation>Unknown receipt format: {value}.</translation>
    </message>
    <message>
        <source>Bahasa harus id atau en.</source>
        <translation>The language must be id or en.</translation>
    </message>
    <message>
        <source>Ukuran huruf harus 100–200 %.</source>
        <translation>The font size must be 100–200 %.</translation>
    </message>
    <message>
        <source>Lebar cetak printer harus 200–2400 titik (0: bawaan).</source>
        <translation>The printer&apos;s print width must be 200–2400 dots (0: its default).</translation>
    </message>
    <message>
        <source>Batas tanggapan pertama harus 1–30 hari kerja.</source>
        <translation>The first response limit must be 1–30 working days.</translation>
    </message>
    <message>
        <source>Jeda sinkronisasi harus 10–3600 detik.</source>
        <translation>The sync interval must be 10–3600 seconds.</translation>
    </message>
    <message>
        <source>Batas meja diam harus 5–1440 menit.</source>
        <translation>The silent-desk limit must be 5–1440 minutes.</translation>
    </message>
    <message>
        <source>Jam buka ditulis JJ:MM-JJ:MM, misalnya 08:00-16:00.</source>
        <translation>Opening hours are written HH:MM-HH:MM, e.g. 08:00-16:00.</translation>
    </message>
    <message>
        <source>Kunci otomatis harus 0–240 menit (0: tidak pernah).</source>
        <translation>The automatic lock must be 0–240 minutes (0: never).</translation>
    </message>
    <message>
        <source>Masa simpan data pribadi harus 30–3650 hari.</source>
        <translation>Personal data must be kept 30–3650 days.</translation>
    </message>
    <message>
        <source>Tanggal cuti bersama tidak sah: {value}.</source>
        <translation>Invalid collective leave date: {value}.</translation>
    </message>
    <message>
        <source>Berkas pengaturan rusak, disimpan sebagai {file}; pengaturan bawaan dipakai.</source>
        <translation>The settings file was damaged and has been kept as {file}; the default settings are used.</translation>
    </message>
    <message>
        <source>Pengaturan {name} tidak sah; nilai bawaan dipakai.</source>
        <translation>The setting {name} is not valid; its default value is used.</translation>
    </message>
    <message>
        <source>{problem} Nilai bawaan dipakai.</source>
        <translation>{problem} The default value is used.</translation>
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
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>tidak pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>&amp;Kunci pemulihan…</source>
        <translation>&amp;Recovery key…</translation>
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
        <source>Kunci meja setelah tidak dipakai</source>
        <translation>Lock the desk after it is unused for</translation>
    </message>
    <message>
        <source>Masa simpan data pribadi setelah aduan selesai</source>
        <translation>How long personal data is kept after a complaint is closed</translation>
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
        <source>Privasi</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Kunci meja setelah</source>
        <translation>Lock the desk after</translation>
    </message>
    <message>
        <source>Simpan data pribadi</source>
        <translation>Keep personal data</translation>
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
    <name>Status</name>
    <message>
        <source>Belum terkirim — tercatat di meja</source>
        <translation>Not sent yet — recorded at the desk</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Koordinasi</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <source>Disposisi</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Proses</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Verifikasi</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Digabung</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Ditolak — {reason}</source>
        <translation>Rejected — {reason}</translation>
    </message>
    <message>
        <source>Digabung dengan {code}</source>
        <translation>Merged with {code}</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>Penyimpanan komputer ini penuh; data belum tersimpan. Kosongkan ruang disk atau hubungi TI, lalu coba lagi.</source>
        <translation>This computer&apos;s storage is full; the data has not been saved. Free some disk space or call IT, then try again.</translation>
    </message>
    <message>
        <source>Berkas data meja tidak dapat ditulisi (hanya-baca). Hubungi TI.</source>
        <translation>The desk&apos;s data file cannot be written (read-only). Call IT.</translation>
    </message>
    <message>
        <source>Data meja sedang dipakai proses lain terlalu lama. Coba lagi sebentar lagi.</source>
        <translation>Another process has been using the desk&apos;s data for too long. Try again in a moment.</translation>
    </message>
    <message>
        <source>Disk komputer ini gagal membaca atau menulis data meja. Hubungi TI segera.</source>
        <translation>This computer&apos;s disk failed to read or write the desk&apos;s data. Call IT at once.</translation>
    </message>
    <message>
        <source>Berkas data meja rusak. Jangan hapus apa pun; hubungi TI segera.</source>
        <translation>The desk&apos;s data file is damaged. Do not delete anything; call IT at once.</translation>
    </message>
    <message>
        <source>Nomor tiket hari ini sudah habis ({count}).</source>
        <translation>Today&apos;s ticket numbers are used up ({count}).</translation>
    </message>
</context>
<context>
    <name>SupervisionFlow</name>
    <message>
        <source>Simpan laporan Pantauan</source>
        <translation>Save the supervision report</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Pantauan hanya untuk koordinator dan admin.</source>
        <translation>The supervision view is for supervisors and admins only.</translation>
    </message>
    <message>
        <source>Pantauan tidak dapat dimuat.</source>
        <translation>The supervision view could not be loaded.</translation>
    </message>
    <message>
        <source>Laporan disimpan: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>TLS: sertifikat CRM tidak dapat diverifikasi ({kind}).</source>
        <translation>TLS: the CRM&apos;s certificate cannot be verified ({kind}).</translation>
    </message>
    <message>
        <source>CRM tidak menjawab tepat waktu (timeout).</source>
        <translation>The CRM did not answer in time (timeout).</translation>
    </message>
    <message>
        <source>Tidak dapat terhubung ke CRM (offline).</source>
        <translation>Cannot connect to the CRM (offline).</translation>
    </message>
    <message>
        <source>Gangguan jaringan ({kind}).</source>
        <translation>Network problem ({kind}).</translation>
    </message>
    <message>
        <source>Token meja tidak berlaku.</source>
        <translation>The desk&apos;s token is not valid.</translation>
    </message>
    <message>
        <source>CRM sedang bermasalah (HTTP {status}).</source>
        <translation>The CRM is having problems (HTTP {status}).</translation>
    </message>
    <message>
        <source>CRM menolak permintaan (HTTP {status}).</source>
        <translation>The CRM refused the request (HTTP {status}).</translation>
    </message>
    <message>
        <source>Jawaban CRM tidak utuh.</source>
        <translation>The CRM&apos;s answer was incomplete.</translation>
    </message>
    <message>
        <source>Jawaban pendaftaran CRM tidak lengkap.</source>
        <translation>The CRM&apos;s enrolment answer was incomplete.</translation>
    </message>
    <message>
        <source>Jawaban CRM tanpa hasil per item.</source>
        <translation>The CRM&apos;s answer had no result per item.</translation>
    </message>
    <message>
        <source>Jawaban perubahan CRM tidak lengkap.</source>
        <translation>The CRM&apos;s list of changes was incomplete.</translation>
    </message>
    <message>
        <source>Data referensi CRM tidak sah.</source>
        <translation>The CRM&apos;s reference data is not valid.</translation>
    </message>
    <message>
        <source>Token meja ditolak CRM: daftarkan meja ini lagi. {reason}</source>
        <translation>The CRM refused the desk&apos;s token: enrol this desk again. {reason}</translation>
    </message>
    <message>
        <source>Data meja tidak dapat ditulis atau dibaca; periksa ruang disk atau hubungi TI.</source>
        <translation>The desk&apos;s data cannot be written or read; check the disk space or call IT.</translation>
    </message>
    <message>
        <source>CRM belum mengonfirmasi {n} item; dicoba lagi nanti.</source>
        <translation>The CRM has not confirmed {n} items; trying again later.</translation>
    </message>
    <message>
        <source>{n} detik</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} menit</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{n} jam</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <source>{n} hari</source>
        <translation>{n} d</translation>
    </message>
    <message>
        <source>{head} · {tail}</source>
        <translation>{head} · {tail}</translation>
    </message>
    <message>
        <source>Meja belum terdaftar di CRM — daftarkan di Pengaturan</source>
        <translation>This desk is not enrolled with the CRM — enrol it in Settings</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Luring</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Belum tersambung</source>
        <translation>Not connected yet</translation>
    </message>
    <message>
        <source>{n} menunggu dikirim</source>
        <translation>{n} waiting to be sent</translation>
    </message>
    <message>
        <source>tertua {age}</source>
        <translation>oldest {age}</translation>
    </message>
    <message>
        <source>{n} ditolak CRM</source>
        <translation>{n} refused by the CRM</translation>
    </message>
    <message>
        <source>sinkron terakhir {time}</source>
        <translation>last sync {time}</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <source>Item ini tidak sedang ditolak.</source>
        <translation>This item is not refused.</translation>
    </message>
    <message>
        <source>{n} aduan/tambahan belum terkirim ke CRM. Data aman tersimpan di komputer ini dan akan dikirim saat aplikasi dibuka lagi.</source>
        <translation>{n} complaints/additions have not reached the CRM yet. The data is safely stored on this computer and will be sent when the application is opened again.</translation>
    </message>
    <message>
        <source>{n} item ditolak CRM dan perlu diperbaiki (panel Sinkronisasi).</source>
        <translation>{n} items were refused by the CRM and need correcting (Sync panel).</translation>
    </message>
    <message>
        <source>{unsent} {refused}</source>
        <translation>{unsent} {refused}</translation>
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
        <source>Kunjungan (kanal lain)</source>
        <translation>Visit (another channel)</translation>
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
    <message>
        <source>Aduan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Tambahan</source>
        <translation>Addition</translation>
    </message>
</context>
<context>
    <name>SyncRefusal</name>
    <message>
        <source>Ditolak CRM.</source>
        <translation>Refused by the CRM.</translation>
    </message>
    <message>
        <source>Kelurahan tidak dikenal CRM — pilih kelurahan lain</source>
        <translation>The CRM does not know this kelurahan — choose another kelurahan</translation>
    </message>
    <message>
        <source>Kategori tidak dikenal CRM — pilih kategori lain</source>
        <translation>The CRM does not know this category — choose another category</translation>
    </message>
    <message>
        <source>Kanal aduan tidak dikenal CRM</source>
        <translation>The CRM does not know this complaint channel</translation>
    </message>
    <message>
        <source>Data tidak sah menurut CRM</source>
        <translation>The CRM finds the data not valid</translation>
    </message>
    <message>
        <source>Kode tiket tidak sah</source>
        <translation>The ticket code is not valid</translation>
    </message>
    <message>
        <source>Kode tiket bukan milik meja ini (kode meja berubah?)</source>
        <translation>The ticket code does not belong to this desk (did the desk code change?)</translation>
    </message>
    <message>
        <source>Kode tiket sudah dipakai aduan lain di CRM</source>
        <translation>Another complaint at the CRM already has this ticket code</translation>
    </message>
    <message>
        <source>Aduan lain di CRM memakai pengenal yang sama</source>
        <translation>Another complaint at the CRM uses the same identifier</translation>
    </message>
    <message>
        <source>Aduan induknya belum ada di CRM</source>
        <translation>Its complaint is not at the CRM yet</translation>
    </message>
    <message>
        <source>Lampiran belum ada di CRM; dikirim lagi</source>
        <translation>The attachment is not at the CRM yet; sending it again</translation>
    </message>
    <message>
        <source>Berkas lampiran rusak di komputer ini</source>
        <translation>The attached file is damaged on this computer</translation>
    </message>
    <message>
        <source>Data ini rusak di komputer ini — hubungi petugas TI</source>
        <translation>This data is damaged on this computer — call IT</translation>
    </message>
    <message>
        <source>Lampiran ditolak CRM</source>
        <translation>The CRM refused the attachment</translation>
    </message>
    <message>
        <source>Jenis berkas lampiran ditolak CRM</source>
        <translation>The CRM refused the attached file&apos;s type</translation>
    </message>
    <message>
        <source>Berkas lampiran terlalu besar untuk CRM</source>
        <translation>The attached file is too large for the CRM</translation>
    </message>
    <message>
        <source>Berkas lampiran berubah dalam perjalanan ke CRM</source>
        <translation>The attached file changed on its way to the CRM</translation>
    </message>
    <message>
        <source>Isi berkas lampiran tidak sesuai jenisnya</source>
        <translation>The attached file&apos;s content does not match its type</translation>
    </message>
    <message>
        <source>Berkas lampiran kosong</source>
        <translation>The attached file is empty</translation>
    </message>
    <message>
        <source>Token meja tidak berlaku</source>
        <translation>The desk&apos;s token is not valid</translation>
    </message>
    <message>
        <source>CRM tidak mengizinkan permintaan ini</source>
        <translation>The CRM does not allow this request</translation>
    </message>
    <message>
        <source>Kode pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa</source>
        <translation>The enrolment code is unknown, already used, or expired</translation>
    </message>
    <message>
        <source>Terlalu banyak permintaan ke CRM; dicoba lagi nanti</source>
        <translation>Too many requests to the CRM; trying again later</translation>
    </message>
    <message>
        <source>Kiriman terlalu besar untuk CRM</source>
        <translation>The upload is too large for the CRM</translation>
    </message>
    <message>
        <source>CRM tidak dapat membaca kiriman meja</source>
        <translation>The CRM cannot read what the desk sent</translation>
    </message>
    <message>
        <source>Kiriman ulang tidak cocok dengan yang pertama</source>
        <translation>The resent request does not match the first one</translation>
    </message>
    <message>
        <source>Alamat tidak dikenal CRM (versi CRM berbeda?)</source>
        <translation>The CRM does not know this address (a different CRM version?)</translation>
    </message>
    <message>
        <source>{reason} ({crm_text})</source>
        <translation>{reason}</translation>
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
    <name>Ticket</name>
    <message>
        <source>angka nol (0)</source>
        <translation>the digit zero (0)</translation>
    </message>
    <message>
        <source>huruf O</source>
        <translation>the letter O</translation>
    </message>
    <message>
        <source>angka satu (1)</source>
        <translation>the digit one (1)</translation>
    </message>
    <message>
        <source>huruf I</source>
        <translation>the letter I</translation>
    </message>
    <message>
        <source>huruf L</source>
        <translation>the letter L</translation>
    </message>
    <message>
        <source>Kode meja harus 1–6 huruf A–Z atau angka 0–9, tanpa huruf I, L dan O (agar tidak tertukar dengan 1 dan 0).</source>
        <translation>A desk code is 1–6 letters A–Z or digits 0–9, without the letters I, L and O (so they are not mistaken for 1 and 0).</translation>
    </message>
    <message>
        <source>Nomor urut harian harus 1–{limit}.</source>
        <translation>The daily sequence number must be 1–{limit}.</translation>
    </message>
    <message>
        <source>Tanggal tiket di luar rentang 2000–2099.</source>
        <translation>The ticket date is outside 2000–2099.</translation>
    </message>
    <message>
        <source>Kode tiket terlalu pendek. Contoh: PBK1-261122-0042-K.</source>
        <translation>The ticket code is too short. Example: PBK1-261122-0042-K.</translation>
    </message>
    <message>
        <source>Kode tiket kosong.</source>
        <translation>The ticket code is empty.</translation>
    </message>
    <message>
        <source>Bagian tanggal kode tiket harus 6 angka (TTBBHH).</source>
        <translation>The date part of the ticket code must be 6 digits (YYMMDD).</translation>
    </message>
    <message>
        <source>Nomor urut kode tiket harus 4 angka.</source>
        <translation>The sequence number of the ticket code must be 4 digits.</translation>
    </message>
    <message>
        <source>Karakter pemeriksa kode tiket harus satu huruf atau angka.</source>
        <translation>The check character of the ticket code must be one letter or digit.</translation>
    </message>
    <message>
        <source>Kode meja pada tiket harus 1–6 huruf atau angka.</source>
        <translation>The desk code in the ticket must be 1–6 letters or digits.</translation>
    </message>
    <message>
        <source>Tanggal pada kode tiket tidak ada di kalender.</source>
        <translation>The date in the ticket code does not exist in the calendar.</translation>
    </message>
    <message>
        <source>Nomor urut kode tiket tidak boleh 0000.</source>
        <translation>The sequence number of the ticket code cannot be 0000.</translation>
    </message>
    <message>
        <source>Karakter terakhir kode tiket mungkin {meant}, bukan {typed}. Periksa tanda terima.</source>
        <translation>The last character of the ticket code is probably {meant}, not {typed}. Check the receipt.</translation>
    </message>
    <message>
        <source>Karakter pemeriksa tidak cocok: kode tiket salah ketik. Periksa lagi setiap huruf.</source>
        <translation>The check character does not match: the ticket code was mistyped. Check every character again.</translation>
    </message>
</context>
<context>
    <name>TrackingQrDialog</name>
    <message>
        <source>QR pelacakan {code}</source>
        <translation>Tracking QR {code}</translation>
    </message>
    <message>
        <source>Kode QR pelacakan</source>
        <translation>Tracking QR code</translation>
    </message>
    <message>
        <source>Pindai dengan kamera ponsel untuk melihat status aduan {code}.</source>
        <translation>Scan with a phone camera to see the status of complaint {code}.</translation>
    </message>
    <message>
        <source>Alamat pelacakan</source>
        <translation>Tracking address</translation>
    </message>
</context>
<context>
    <name>TypeRecoveryKeyDialog</name>
    <message>
        <source>Kunci data meja tidak ditemukan</source>
        <translation>The desk data&apos;s key was not found</translation>
    </message>
    <message>
        <source>Kunci pemulihan</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>&amp;Buka data meja</source>
        <translation>&amp;Open the desk&apos;s data</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>UpdateNoteLabel</name>
    <message>
        <source>Versi baru Meja Aduan</source>
        <translation>New version of Meja Aduan</translation>
    </message>
    <message>
        <source>Versi baru Meja Aduan tersedia: {latest} (terpasang {installed}). Minta petugas TI memasangnya; data meja tetap aman.</source>
        <translation>A new version of Meja Aduan is available: {latest} (installed: {installed}). Ask IT to install it; the desk&apos;s data stays safe.</translation>
    </message>
    <message>
        <source>Unduh: {url}</source>
        <translation>Download: {url}</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <source>Biasa</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Mendesak</source>
        <translation>Urgent</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>{field} wajib diisi.</source>
        <translation>{field} is required.</translation>
    </message>
    <message>
        <source>{field} terlalu panjang: {length} dari paling banyak {limit} karakter.</source>
        <translation>{field} is too long: {length} of at most {limit} characters.</translation>
    </message>
    <message>
        <source>NIK hanya berisi angka.</source>
        <translation>A NIK contains digits only.</translation>
    </message>
    <message>
        <source>NIK harus 16 angka (sekarang {count}).</source>
        <translation>A NIK has 16 digits (this one has {count}).</translation>
    </message>
    <message>
        <source>NIK tidak sah: kode wilayah atau tanggal lahir di dalamnya tidak cocok.</source>
        <translation>Invalid NIK: the area code or the date of birth in it does not fit.</translation>
    </message>
    <message>
        <source>Nomor telepon tidak dikenali. Contoh: 0812-3456-7890 atau 021-3822255.</source>
        <translation>Phone number not recognised. Example: 0812-3456-7890 or 021-3822255.</translation>
    </message>
    <message>
        <source>Nomor telepon tidak sah: periksa jumlah angka dan kode areanya.</source>
        <translation>Invalid phone number: check the number of digits and the area code.</translation>
    </message>
    <message>
        <source>RT/RW ditulis seperti 003/007.</source>
        <translation>Write RT/RW like 003/007.</translation>
    </message>
    <message>
        <source>Uraian aduan terlalu singkat: tulis paling sedikit {count} karakter.</source>
        <translation>The description is too short: write at least {count} characters.</translation>
    </message>
    <message>
        <source>{field} wajib dipilih.</source>
        <translation>{field} must be chosen.</translation>
    </message>
    <message>
        <source>Persetujuan pemrosesan data pribadi wajib dicentang.</source>
        <translation>Tick the consent to processing personal data.</translation>
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
    <name>VisitDialog</name>
    <message>
        <source>Aduan {code}</source>
        <translation>Complaint {code}</translation>
    </message>
    <message>
        <source>Kanal:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Ditangani:</source>
        <translation>Handled by:</translation>
    </message>
    <message>
        <source>Kelurahan:</source>
        <translation>Kelurahan:</translation>
    </message>
    <message>
        <source>Kategori:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Diterima CRM:</source>
        <translation>Received by the CRM:</translation>
    </message>
    <message>
        <source>{date} — terlambat {n} hari kerja</source>
        <translation>{date} — {n} working days late</translation>
    </message>
    <message>
        <source>Batas waktu:</source>
        <translation>Due by:</translation>
    </message>
    <message>
        <source>Catatan terakhir:</source>
        <translation>Last note:</translation>
    </message>
    <message>
        <source>Warga datang ke meja tentang aduan ini? Catat kunjungannya sebagai tindak lanjut pada aduan ini (bukan aduan baru). Catatan dikirim ke CRM untuk petugas yang menanganinya, tidak tampil di halaman publik.</source>
        <translation>Has the citizen come to the desk about this complaint? Record the visit as a follow-up on it (not a new complaint). The note goes to the CRM for the staff handling it; it is not shown on the public page.</translation>
    </message>
    <message>
        <source>Catatan kunjungan</source>
        <translation>Note of the visit</translation>
    </message>
    <message>
        <source>Mis.: warga menanyakan kapan diperbaiki.</source>
        <translation>E.g. the citizen asks when it will be repaired.</translation>
    </message>
    <message>
        <source>Catat kunjungan</source>
        <translation>Record the visit</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
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
