<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="169"/>
        <location filename="../../desk_app/ui/intake_form.py" line="260"/>
        <source>Nama pelapor</source>
        <translation>Complainant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="170"/>
        <location filename="../../desk_app/ui/intake_form.py" line="261"/>
        <source>NIK</source>
        <translation>NIK (ID number)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="171"/>
        <source>16 angka, boleh kosong</source>
        <translation>16 digits, may be empty</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="172"/>
        <source>Nomor telepon</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="173"/>
        <source>mis. 0812 3456 7890</source>
        <translation>e.g. 0812 3456 7890</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="174"/>
        <source>Alamat pelapor</source>
        <translation>Complainant&apos;s address</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="175"/>
        <source>Rahasiakan identitas saya dari instansi</source>
        <translation>Keep my identity from the agencies</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="176"/>
        <source>Rahasiakan identitas dari instansi</source>
        <translation>Keep identity from the agencies</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="177"/>
        <source>Pelapor menyetujui pemrosesan data pribadi (wajib)</source>
        <translation>The complainant consents to the processing of personal data (required)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="178"/>
        <source>Persetujuan pemrosesan data pribadi</source>
        <translation>Consent to the processing of personal data</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="181"/>
        <source>Saya setuju nama, NIK, nomor telepon dan alamat saya diproses oleh Pemerintah Provinsi DKI Jakarta hanya untuk menangani aduan ini, sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. Data pribadi tidak dicetak pada tanda terima dan tidak tampil di halaman pemantauan.</source>
        <translation>I agree that my name, NIK, phone number and address are processed by the Provincial Government of DKI Jakarta only to handle this complaint, under Law No. 27 of 2022 on Personal Data Protection. Personal data is not printed on the receipt and does not appear on the tracking page.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="186"/>
        <location filename="../../desk_app/ui/intake_form.py" line="266"/>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="187"/>
        <source>003/007</source>
        <translation>003/007</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="189"/>
        <source>Nama jalan</source>
        <translation>Street name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="190"/>
        <source>Patokan lokasi</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="198"/>
        <source>Uraian aduan</source>
        <translation>Description of the complaint</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="199"/>
        <source>Apa masalahnya, sejak kapan, di mana persisnya</source>
        <translation>What is the problem, since when, exactly where</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="201"/>
        <source>Jumlah karakter uraian</source>
        <translation>Description length</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="203"/>
        <source>Tingkat urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="204"/>
        <source>Biasa</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="205"/>
        <source>Mendesak (bahaya bagi jiwa atau kesehatan)</source>
        <translation>Urgent (danger to life or health)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="207"/>
        <source>Nomor laporan {channel}</source>
        <translation>{channel} report number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="217"/>
        <source>Alasan penolakan CRM</source>
        <translation>CRM&apos;s reason for refusal</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="224"/>
        <source>Lampiran tersimpan</source>
        <translation>Saved attachments</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="225"/>
        <source>Hilangkan centang untuk melepas lampiran yang ditolak CRM</source>
        <translation>Untick to remove an attachment the CRM refused</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="228"/>
        <source>Cetak ulang tanda terima (SALINAN) setelah disimpan</source>
        <translation>Reprint the receipt (COPY) after saving</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="231"/>
        <source>Simpan dan cetak</source>
        <translation>Save and print</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="235"/>
        <source>Yang belum lengkap</source>
        <translation>What is still missing</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="237"/>
        <source>Status draf</source>
        <translation>Draft state</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="239"/>
        <source>Draf dipulihkan</source>
        <translation>Draft restored</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="262"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="263"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="264"/>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="265"/>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="267"/>
        <source>Jalan</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="268"/>
        <source>Patokan</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="269"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="270"/>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="271"/>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="272"/>
        <source>Laporan sebelumnya</source>
        <translation>Earlier reports</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="273"/>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="274"/>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="300"/>
        <source>Pelapor</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="302"/>
        <source>&amp;Nama *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="303"/>
        <source>N&amp;IK</source>
        <translation>N&amp;IK</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="304"/>
        <source>&amp;Telepon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="305"/>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="312"/>
        <source>Persetujuan *</source>
        <translation>Consent *</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="314"/>
        <source>Lokasi masalah</source>
        <translation>Location of the problem</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="316"/>
        <source>&amp;Kelurahan *</source>
        <translation>&amp;Kelurahan *</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="317"/>
        <source>&amp;RT/RW</source>
        <translation>&amp;RT/RW</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="318"/>
        <source>&amp;Jalan</source>
        <translation>S&amp;treet</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="319"/>
        <source>&amp;Patokan</source>
        <translation>&amp;Landmark</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="321"/>
        <source>Aduan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="323"/>
        <source>Kate&amp;gori *</source>
        <translation>Cate&amp;gory *</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="329"/>
        <source>&amp;Uraian *</source>
        <translation>&amp;Description *</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="332"/>
        <source>Urgen&amp;si</source>
        <translation>Urgen&amp;cy</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="334"/>
        <source>Laporan sebelumnya di kanal lain (jika ada)</source>
        <translation>Earlier reports in other channels (if any)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="346"/>
        <source>Lampiran: scan surat, foto</source>
        <translation>Attachments: scanned letters, photos</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="212"/>
        <source>Aduan baru</source>
        <translation>New complaint</translation>
    </message>
</context>
<context>
    <name>AddEventDialog</name>
    <message>
        <location filename="../../desk_app/ui/add_event_dialog.py" line="28"/>
        <source>Tambahkan ke aduan {code}</source>
        <translation>Add to complaint {code}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/add_event_dialog.py" line="31"/>
        <source>Keterangan ini dicatat sebagai tambahan pada aduan {code} dan dikirim ke CRM. Tanda terima dicetak dengan nomor tiket yang sama.</source>
        <translation>This note is recorded as an addition to complaint {code} and sent to the CRM. A receipt is printed with the same ticket number.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/add_event_dialog.py" line="38"/>
        <source>Keterangan tambahan</source>
        <translation>Additional note</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk_app/ui/add_event_dialog.py" line="40"/>
        <source>Lampiran ikut ditambahkan: %n berkas</source>
        <translation>
            <numerusform>Attachments added as well: %n file(s)</numerusform>
            <numerusform>Attachments added as well: %n file(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/add_event_dialog.py" line="44"/>
        <source>Tambahkan dan cetak</source>
        <translation>Add and print</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/add_event_dialog.py" line="45"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AreaPicker</name>
    <message>
        <location filename="../../desk_app/ui/area_picker.py" line="33"/>
        <source>— pilih kota —</source>
        <translation>— choose kota —</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/area_picker.py" line="37"/>
        <source>Ketik nama kelurahan, mis. gunung sah</source>
        <translation>Type a kelurahan name, e.g. gunung sah</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/area_picker.py" line="38"/>
        <source>Cari kelurahan</source>
        <translation>Find kelurahan</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/area_picker.py" line="46"/>
        <location filename="../../desk_app/ui/area_picker.py" line="62"/>
        <source>Kota</source>
        <translation>Kota</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/area_picker.py" line="48"/>
        <location filename="../../desk_app/ui/area_picker.py" line="63"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/area_picker.py" line="50"/>
        <location filename="../../desk_app/ui/area_picker.py" line="64"/>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/area_picker.py" line="99"/>
        <location filename="../../desk_app/ui/area_picker.py" line="148"/>
        <source>— pilih kecamatan —</source>
        <translation>— choose kecamatan —</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/area_picker.py" line="101"/>
        <location filename="../../desk_app/ui/area_picker.py" line="155"/>
        <source>— pilih kelurahan —</source>
        <translation>— choose kelurahan —</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="49"/>
        <source>Tambah &amp;berkas (foto / PDF)…</source>
        <translation>Add &amp;file (photo / PDF)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="50"/>
        <source>Tambah lampiran</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="51"/>
        <location filename="../../desk_app/ui/attachments_panel.py" line="52"/>
        <source>Hapus lampiran terpilih</source>
        <translation>Remove selected attachment</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="62"/>
        <source>Daftar lampiran</source>
        <translation>Attachment list</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="68"/>
        <source>JPG, PNG, WEBP, TIFF atau PDF; paling besar {mb} MB per berkas, paling banyak {n} berkas. Berkas juga dapat diseret ke sini.</source>
        <translation>JPG, PNG, WEBP, TIFF or PDF; at most {mb} MB per file, at most {n} files. Files can also be dragged here.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="76"/>
        <source>Pesan lampiran</source>
        <translation>Attachment message</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="129"/>
        <source>Pilih scan atau foto</source>
        <translation>Choose a scan or photo</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="130"/>
        <source>Foto dan PDF (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.pdf)</source>
        <translation>Photos and PDF (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="146"/>
        <source>Paling banyak {n} lampiran; tidak ditambahkan: {names}.</source>
        <translation>At most {n} attachments; not added: {names}.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="164"/>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/attachments_panel.py" line="169"/>
        <source>Berkas ditolak: </source>
        <translation>File refused: </translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <location filename="../../desk_app/ui/category_picker.py" line="24"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/category_picker.py" line="33"/>
        <source>Ketik mis. lubang, sampah, parkir</source>
        <translation>Type e.g. lubang, sampah, parkir</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="58"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="59"/>
        <source>Kode tiket</source>
        <translation>Ticket code</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="60"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="61"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="62"/>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="63"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="64"/>
        <source>Ke CRM</source>
        <translation>To CRM</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="65"/>
        <source>Tanda terima</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="77"/>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="77"/>
        <source>Belum terkirim</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="78"/>
        <source>Belum dicetak</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/complaint_table.py" line="78"/>
        <source>Dicetak</source>
        <translation>Printed</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="36"/>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="43"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="45"/>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="47"/>
        <source>Koneksi CRM</source>
        <translation>CRM connection</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="49"/>
        <source>Belum terkirim ke CRM</source>
        <translation>Not yet sent to the CRM</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="83"/>
        <source>Petugas: {name}</source>
        <translation>Officer: {name}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="86"/>
        <source>Meja {code}</source>
        <translation>Desk {code}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="91"/>
        <source>CRM: belum tersambung</source>
        <translation>CRM: not connected yet</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="92"/>
        <source>CRM: tersambung</source>
        <translation>CRM: connected</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="93"/>
        <source>CRM: terputus, dicoba lagi</source>
        <translation>CRM: offline, retrying</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="94"/>
        <source>CRM: sedang mengirim…</source>
        <translation>CRM: sending…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="100"/>
        <source>Belum terkirim: 0</source>
        <translation>Not sent: 0</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="102"/>
        <source>Belum terkirim: {n}</source>
        <translation>Not sent: {n}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_bar.py" line="105"/>
        <source>Yang tertua dicatat {since}</source>
        <translation>The oldest was recorded {since}</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="76"/>
        <source>Rincian aduan</source>
        <translation>Complaint details</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="86"/>
        <location filename="../../desk_app/ui/detail_view.py" line="87"/>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="92"/>
        <source>Riwayat status</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="93"/>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="110"/>
        <source>Cetak &amp;ulang tanda terima</source>
        <translation>&amp;Reprint receipt</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="111"/>
        <source>Cetak ulang tanda terima</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="112"/>
        <source>&amp;Tambah keterangan dari pelapor</source>
        <translation>&amp;Add the complainant&apos;s new information</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="113"/>
        <source>Tambah keterangan dari pelapor</source>
        <translation>Add the complainant&apos;s new information</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="114"/>
        <source>&amp;Kembali (Esc)</source>
        <translation>&amp;Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="115"/>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="151"/>
        <source>Status: {label}</source>
        <translation>Status: {label}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="154"/>
        <source>Dicatat</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="155"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="156"/>
        <source>Pelapor</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="157"/>
        <source>NIK</source>
        <translation>NIK (ID number)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="158"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="159"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="161"/>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="162"/>
        <source>DIRAHASIAKAN dari instansi</source>
        <translation>KEPT from the agencies</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="164"/>
        <source>boleh diketahui instansi</source>
        <translation>may be known to the agencies</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="166"/>
        <source>Lokasi</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="168"/>
        <source>RT/RW, jalan</source>
        <translation>RT/RW, street</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="171"/>
        <source>Patokan</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="172"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="173"/>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="174"/>
        <source>Laporan sebelumnya</source>
        <translation>Earlier reports</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="180"/>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="189"/>
        <source>Dicatat di meja — {label}</source>
        <translation>Recorded at the desk — {label}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="193"/>
        <source>Pelapor menambahkan keterangan: {note}</source>
        <translation>The complainant added: {note}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="201"/>
        <source>Belum ada riwayat.</source>
        <translation>No history yet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk_app/ui/detail_view.py" line="214"/>
        <source>Lampiran: %n berkas</source>
        <translation>
            <numerusform>Attachments: %n file(s)</numerusform>
            <numerusform>Attachments: %n file(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="216"/>
        <source>Lampiran: tidak ada</source>
        <translation>Attachments: none</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/detail_view.py" line="222"/>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <location filename="../../desk_app/ui/duplicate_panel.py" line="38"/>
        <source>Aduan serupa yang masih terbuka</source>
        <translation>Similar open complaints</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/duplicate_panel.py" line="43"/>
        <source>Belum ada. Petunjuk muncul saat NIK, telepon, atau kelurahan, kategori dan uraian diisi.</source>
        <translation>None yet. Hints appear once the NIK, the phone, or the kelurahan, category and description are filled in.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/duplicate_panel.py" line="84"/>
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
        <location filename="../../desk_app/ui/duplicate_panel.py" line="96"/>
        <source>Tambahkan ke aduan ini</source>
        <translation>Add to this complaint</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/duplicate_panel.py" line="98"/>
        <source>Tambahkan ke aduan {code}</source>
        <translation>Add to complaint {code}</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="30"/>
        <source>Akun admin pertama</source>
        <translation>First admin account</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="33"/>
        <source>Belum ada akun di meja ini. Buat akun admin pertama; akun petugas lain dibuat kemudian oleh admin.</source>
        <translation>This desk has no account yet. Create the first admin account; the admin creates the officers&apos; accounts later.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="39"/>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="53"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="41"/>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="54"/>
        <source>Nama tampilan</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="44"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="47"/>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="56"/>
        <source>Ulangi kata sandi</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="55"/>
        <source>Kata sandi (min. 8)</source>
        <translation>Password (min. 8)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="60"/>
        <source>Buat akun</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="61"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/first_admin_dialog.py" line="72"/>
        <source>⚠ Kedua kata sandi tidak sama.</source>
        <translation>⚠ The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="43"/>
        <source>Aduan &amp;baru  (Ctrl+N)</source>
        <translation>&amp;New complaint  (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="44"/>
        <source>Aduan baru</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="45"/>
        <source>&amp;Cari aduan  (Ctrl+F)</source>
        <translation>&amp;Find a complaint  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="46"/>
        <source>Cari aduan</source>
        <translation>Find a complaint</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="52"/>
        <source>&amp;Sinkronisasi  (Ctrl+K)</source>
        <translation>&amp;Sync  (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="53"/>
        <source>Sinkronisasi dengan CRM</source>
        <translation>Sync with the CRM</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="54"/>
        <source>&amp;Pengaturan</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="55"/>
        <source>Pengaturan meja</source>
        <translation>Desk settings</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="66"/>
        <location filename="../../desk_app/ui/home_page.py" line="67"/>
        <source>Aduan hari ini</source>
        <translation>Today&apos;s complaints</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="73"/>
        <source>Tanda terima belum dicetak</source>
        <translation>Receipts not printed yet</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/home_page.py" line="74"/>
        <source>Tanda terima belum dicetak (Enter: cetak ulang)</source>
        <translation>Receipts not printed yet (Enter: print again)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk_app/ui/home_page.py" line="96"/>
        <source>Aduan hari ini: %n</source>
        <translation>
            <numerusform>Today&apos;s complaints: %n</numerusform>
            <numerusform>Today&apos;s complaints: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeFormPage</name>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="286"/>
        <source>Kesalahan {field}</source>
        <translation>Problem with {field}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="702"/>
        <source>{n} / {limit} karakter</source>
        <translation>{n} / {limit} characters</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="725"/>
        <location filename="../../desk_app/ui/intake_form.py" line="730"/>
        <source>Simpan dan cetak (Ctrl+S)</source>
        <translation>Save and print (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="717"/>
        <location filename="../../desk_app/ui/intake_form.py" line="727"/>
        <source>Belum dapat disimpan — periksa: {fields}</source>
        <translation>Cannot be saved yet — check: {fields}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="615"/>
        <source>Perbaiki aduan {code}</source>
        <translation>Correct complaint {code}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="617"/>
        <source>Ditolak CRM: {reason}</source>
        <translation>Refused by the CRM: {reason}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="617"/>
        <source>(tanpa alasan)</source>
        <translation>(no reason given)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="662"/>
        <source>Draf perbaikan dipulihkan</source>
        <translation>Correction draft restored</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="668"/>
        <source>Aduan baru</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="710"/>
        <source>CRM: {reason}</source>
        <translation>CRM: {reason}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="713"/>
        <source>Simpan perbaikan (Ctrl+S)</source>
        <translation>Save correction (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="721"/>
        <source>✓ Siap disimpan — nomor tiket tetap, dikirim ulang ke CRM</source>
        <translation>✓ Ready to save — same ticket number, sent to the CRM again</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="731"/>
        <source>✓ Siap disimpan</source>
        <translation>✓ Ready to save</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="793"/>
        <source>Draf tersimpan</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="806"/>
        <source>(tanpa nama)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="809"/>
        <source>Lanjutkan isian sebelumnya?</source>
        <translation>Continue the earlier form?</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="811"/>
        <source>Ada aduan yang belum selesai diketik (pelapor: {name}). Lanjutkan mengisinya?</source>
        <translation>A complaint was not finished (complainant: {name}). Continue filling it in?</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="813"/>
        <source>Lanjutkan</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="814"/>
        <location filename="../../desk_app/ui/intake_form.py" line="830"/>
        <location filename="../../desk_app/ui/intake_form.py" line="845"/>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="817"/>
        <source>Draf dipulihkan</source>
        <translation>Draft restored</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="828"/>
        <source>Buang isian?</source>
        <translation>Discard the form?</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="829"/>
        <source>Isian aduan ini belum disimpan. Buang semuanya?</source>
        <translation>This complaint has not been saved. Discard everything?</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="831"/>
        <source>Kembali mengisi</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="843"/>
        <source>Buang perbaikan?</source>
        <translation>Discard the correction?</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="844"/>
        <source>Perbaikan aduan ini belum disimpan. Buang perubahannya?</source>
        <translation>This correction is not saved. Discard the changes?</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="846"/>
        <source>Kembali memperbaiki</source>
        <translation>Back to correcting</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="874"/>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="889"/>
        <source>Menyimpan perbaikan…</source>
        <translation>Saving the correction…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="916"/>
        <source>Isian tetap ada di layar.</source>
        <translation>The form is still on the screen.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/intake_form.py" line="919"/>
        <source>Aduan gagal disimpan karena kesalahan program. Isian tetap ada di layar dan di draf.</source>
        <translation>The complaint could not be saved because of a program error. What was typed stays on screen and in the draft.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="111"/>
        <source>Meja Aduan — {site} ({desk})</source>
        <translation>Complaint Desk — {site} ({desk})</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="237"/>
        <source>Terjadi kesalahan program; data tetap tersimpan.</source>
        <translation>A program error occurred; the data is still saved.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="269"/>
        <source>⚠ CRM menolak token meja ini. Admin perlu mendaftarkan meja lagi (Pengaturan).</source>
        <translation>⚠ The CRM refused this desk&apos;s token. An admin must enrol the desk again (Settings).</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="273"/>
        <source>Meja ini belum terdaftar di CRM: aduan tetap tersimpan dan dikirim setelah admin mendaftarkan meja (Pengaturan).</source>
        <translation>This desk is not enrolled with the CRM yet: complaints are kept and sent once an admin enrols the desk (Settings).</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="328"/>
        <source>Belum ada akun. Buat admin pertama untuk mulai.</source>
        <translation>No account yet. Create the first admin to start.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="421"/>
        <location filename="../../desk_app/ui/main_window.py" line="616"/>
        <source>Aduan tidak ditemukan.</source>
        <translation>Complaint not found.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="447"/>
        <source>Aduan {code} tersimpan.</source>
        <translation>Complaint {code} saved.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="459"/>
        <source>Keterangan tambahan tersimpan.</source>
        <translation>Additional information saved.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="526"/>
        <source>Simpan tanda terima</source>
        <translation>Save receipt</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="526"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="561"/>
        <source>Halaman uji dikirim ke {printer}.</source>
        <translation>Test page sent to {printer}.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="572"/>
        <source>Meja {desk} terdaftar di CRM ({site}).</source>
        <translation>Desk {desk} enrolled with the CRM ({site}).</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="599"/>
        <source>Pengaturan tersimpan.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="628"/>
        <source>Perbaikan aduan {code} tersimpan dan dikirim ulang ke CRM.</source>
        <translation>Correction of complaint {code} saved and sent to the CRM again.</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="38"/>
        <source>Tanda terima {code}</source>
        <translation>Receipt {code}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="40"/>
        <source>SALINAN</source>
        <translation>COPY</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="46"/>
        <source>Pratinjau tanda terima</source>
        <translation>Receipt preview</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="54"/>
        <source>Status cetak</source>
        <translation>Print status</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="55"/>
        <source>&amp;Cetak (Enter)</source>
        <translation>&amp;Print (Enter)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="56"/>
        <source>Cetak tanda terima</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="59"/>
        <source>Simpan &amp;PDF…</source>
        <translation>Save &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="60"/>
        <source>Simpan tanda terima sebagai PDF</source>
        <translation>Save the receipt as PDF</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="61"/>
        <source>&amp;Tutup (Esc)</source>
        <translation>&amp;Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="62"/>
        <source>Tutup pratinjau</source>
        <translation>Close preview</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="87"/>
        <source>Mencetak…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="91"/>
        <source>✓ Tanda terima dicetak.</source>
        <translation>✓ Receipt printed.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="95"/>
        <source>✓ PDF disimpan: {path}</source>
        <translation>✓ PDF saved: {path}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_preview.py" line="102"/>
        <source>&amp;Coba cetak lagi</source>
        <translation>&amp;Try printing again</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="42"/>
        <source>Cari aduan</source>
        <translation>Find a complaint</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="45"/>
        <source>Kotak pencarian</source>
        <translation>Search box</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="47"/>
        <source>Nomor tiket, pindai QR tanda terima, NIK, telepon, nama atau kata</source>
        <translation>Ticket number, scan the receipt QR, NIK, phone, name or words</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="50"/>
        <source>Cari (Enter)</source>
        <translation>Search (Enter)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="51"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="52"/>
        <source>&amp;Cari:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="60"/>
        <source>Hasil pencarian</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="63"/>
        <source>Daftar hasil</source>
        <translation>Result list</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="87"/>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="94"/>
        <source>nomor tiket {code}</source>
        <translation>ticket number {code}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="95"/>
        <source>NIK</source>
        <translation>NIK (ID number)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="96"/>
        <source>nomor telepon</source>
        <translation>phone number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="97"/>
        <source>nama atau kata</source>
        <translation>name or words</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="101"/>
        <source>Ketik sesuatu untuk dicari.</source>
        <translation>Type something to search for.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="103"/>
        <source>Tidak ditemukan (dicari menurut {how}).</source>
        <translation>Nothing found (searched by {how}).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk_app/ui/search_page.py" line="106"/>
        <source>%n aduan ditemukan</source>
        <translation>
            <numerusform>%n complaint(s) found</numerusform>
            <numerusform>%n complaint(s) found</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/search_page.py" line="108"/>
        <source>(menurut {how}).</source>
        <translation>(by {how}).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="46"/>
        <source>Pengaturan meja</source>
        <translation>Desk settings</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="66"/>
        <source>Simpan sebagai PDF (tanpa printer)</source>
        <translation>Save as PDF (no printer)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="67"/>
        <source>Printer sistem (Windows/CUPS)</source>
        <translation>System printer (Windows/CUPS)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="68"/>
        <source>Printer termal di jaringan (IP:9100)</source>
        <translation>Network thermal printer (IP:9100)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="69"/>
        <source>Printer termal lewat spooler Windows</source>
        <translation>Thermal printer via the Windows spooler</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="70"/>
        <source>Printer termal lewat CUPS (lp)</source>
        <translation>Thermal printer via CUPS (lp)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="71"/>
        <source>Printer termal sebagai berkas/perangkat</source>
        <translation>Thermal printer as a file/device</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="77"/>
        <source>Gulungan 80 mm</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="78"/>
        <source>Gulungan 58 mm</source>
        <translation>58 mm roll</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="85"/>
        <source>bawaan kertas</source>
        <translation>paper default</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="86"/>
        <source>Huruf besar (untuk A5/A4)</source>
        <translation>Large print (for A5/A4)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="87"/>
        <source>Cetak &amp;halaman uji</source>
        <translation>Print &amp;test page</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="96"/>
        <source>Kontras tinggi</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="100"/>
        <source>kosong: sertifikat sistem</source>
        <translation>empty: system certificates</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="103"/>
        <source> detik</source>
        <translation> seconds</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="105"/>
        <source>&amp;Daftarkan meja ke CRM</source>
        <translation>&amp;Enrol desk with the CRM</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="116"/>
        <location filename="../../desk_app/ui/settings_dialog.py" line="154"/>
        <source>Nama lokasi</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="117"/>
        <source>Alamat halaman pemantauan</source>
        <translation>Tracking page address</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="118"/>
        <source>Nomor telepon bantuan</source>
        <translation>Help phone number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="119"/>
        <source>Batas tanggapan pertama (hari kerja)</source>
        <translation>First response limit (working days)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="120"/>
        <source>Cuti bersama</source>
        <translation>Collective leave days</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="121"/>
        <source>Jenis printer</source>
        <translation>Printer type</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="122"/>
        <source>Alamat atau nama printer</source>
        <translation>Printer address or name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="123"/>
        <source>Format tanda terima</source>
        <translation>Receipt format</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="124"/>
        <source>Lebar cetak (titik)</source>
        <translation>Print width (dots)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="125"/>
        <location filename="../../desk_app/ui/settings_dialog.py" line="179"/>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="126"/>
        <location filename="../../desk_app/ui/settings_dialog.py" line="180"/>
        <source>Ukuran huruf</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="127"/>
        <location filename="../../desk_app/ui/settings_dialog.py" line="189"/>
        <source>Alamat CRM</source>
        <translation>CRM address</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="128"/>
        <source>Berkas sertifikat CA</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="129"/>
        <location filename="../../desk_app/ui/settings_dialog.py" line="191"/>
        <source>Jeda sinkronisasi</source>
        <translation>Sync interval</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="130"/>
        <source>Kode pendaftaran sekali pakai</source>
        <translation>One-time enrolment code</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="151"/>
        <source>Meja</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="153"/>
        <source>Kode meja</source>
        <translation>Desk code</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="155"/>
        <source>Halaman pemantauan</source>
        <translation>Tracking page</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="156"/>
        <source>Telepon bantuan</source>
        <translation>Help phone</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="157"/>
        <source>Tanggapan pertama (hari kerja)</source>
        <translation>First response (working days)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="158"/>
        <source>Cuti bersama (TTTT-BB-HH)</source>
        <translation>Collective leave (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="164"/>
        <source>Printer tanda terima</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="166"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="167"/>
        <source>Alamat / nama</source>
        <translation>Address / name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="168"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="169"/>
        <source>Lebar cetak</source>
        <translation>Print width</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="177"/>
        <source>Tampilan</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="187"/>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="190"/>
        <source>Sertifikat CA</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="192"/>
        <source>Kode pendaftaran</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="204"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="205"/>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="274"/>
        <source>Nama lokasi wajib diisi.</source>
        <translation>The site name is required.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="281"/>
        <source>folder untuk berkas PDF (kosong: folder data meja)</source>
        <translation>folder for PDF files (empty: the desk&apos;s data folder)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="282"/>
        <source>nama printer (kosong: printer bawaan)</source>
        <translation>printer name (empty: the default printer)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="284"/>
        <source>nama printer di Windows</source>
        <translation>printer name in Windows</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="285"/>
        <source>nama antrean CUPS</source>
        <translation>CUPS queue name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/settings_dialog.py" line="304"/>
        <source>⚠ Isi alamat CRM dan kode pendaftaran dari CRM.</source>
        <translation>⚠ Enter the CRM address and the enrolment code from the CRM.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../desk_app/ui/sign_in_page.py" line="39"/>
        <source>Meja Aduan</source>
        <translation>Complaint Desk</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sign_in_page.py" line="44"/>
        <source>{site} — meja {desk}</source>
        <translation>{site} — desk {desk}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sign_in_page.py" line="49"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sign_in_page.py" line="52"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sign_in_page.py" line="56"/>
        <source>Pesan masuk</source>
        <translation>Sign-in message</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sign_in_page.py" line="58"/>
        <source>&amp;Masuk</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sign_in_page.py" line="59"/>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sign_in_page.py" line="64"/>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sign_in_page.py" line="65"/>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sign_in_page.py" line="99"/>
        <source>⚠ Isi nama pengguna.</source>
        <translation>⚠ Enter the user name.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../desk_app/ui/start_window.py" line="120"/>
        <source>Meja Aduan — {site} ({desk})</source>
        <translation>Complaint Desk — {site} ({desk})</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/start_window.py" line="127"/>
        <location filename="../../desk_app/ui/start_window.py" line="201"/>
        <source>Memuat data meja…</source>
        <translation>Loading the desk&apos;s data…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/start_window.py" line="170"/>
        <source>Data meja tidak bisa dibuka. {detail}</source>
        <translation>The desk&apos;s data cannot be opened. {detail}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/start_window.py" line="173"/>
        <source>Data meja tidak bisa dibuka. Tutup aplikasi dan hubungi TI; rinciannya ada di catatan aplikasi.</source>
        <translation>The desk&apos;s data cannot be opened. Close the application and call IT; the details are in the application log.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="114"/>
        <source>Sinkronisasi dengan CRM</source>
        <translation>Sync with the CRM</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="121"/>
        <source>&amp;Kembali (Esc)</source>
        <translation>&amp;Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="123"/>
        <source>Kirim sekarang</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="125"/>
        <source>Kirim ulang yang dipilih</source>
        <translation>Resend the selected</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="127"/>
        <source>&amp;Perbaiki… (Enter)</source>
        <translation>&amp;Correct… (Enter)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="128"/>
        <source>Perbaiki aduan yang ditolak</source>
        <translation>Correct the refused complaint</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="130"/>
        <source>Menunggu dikirim</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="131"/>
        <source>Ditolak CRM — perbaiki, lalu kirim ulang</source>
        <translation>Refused by the CRM — correct, then resend</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="134"/>
        <location filename="../../desk_app/ui/sync_panel.py" line="142"/>
        <source>Kode tiket</source>
        <translation>Ticket code</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="135"/>
        <location filename="../../desk_app/ui/sync_panel.py" line="143"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="136"/>
        <source>Dicatat</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="137"/>
        <source>Percobaan</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="146"/>
        <source>Alasan CRM</source>
        <translation>CRM&apos;s reason</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="145"/>
        <source>Bagian</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="144"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="213"/>
        <source>Menunggu dikirim ({n})</source>
        <translation>Waiting to be sent ({n})</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="215"/>
        <source>Ditolak CRM — perbaiki, lalu kirim ulang ({n})</source>
        <translation>Refused by the CRM — correct, then resend ({n})</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="226"/>
        <source>Dicoba lagi {when} (percobaan ke-{n} berturut-turut gagal)</source>
        <translation>Retrying {when} ({n} failed attempts in a row)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_panel.py" line="236"/>
        <source>Perhatian: pengiriman gagal terus ({error}). Data aman di komputer ini; yang tertua menunggu {age}. Hubungi petugas TI bila berlanjut.</source>
        <translation>Attention: sending keeps failing ({error}). The data is safe on this computer; the oldest has waited {age}. Call IT support if this goes on.</translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <location filename="../../desk_app/ui/sync_worker.py" line="90"/>
        <source>— meja belum terdaftar</source>
        <translation>— desk not enrolled</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_worker.py" line="97"/>
        <source>(terakhir {time})</source>
        <translation>(last {time})</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_worker.py" line="105"/>
        <source>tertua menunggu {age}</source>
        <translation>oldest waiting {age}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../desk_app/ui/tasks.py" line="109"/>
        <source>Terjadi kesalahan program; data tetap tersimpan.</source>
        <translation>A program error occurred; the data is still saved.</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../desk_app/ui/sync_worker.py" line="120"/>
        <source>Belum terkirim ke CRM</source>
        <translation>Not yet sent to the CRM</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_worker.py" line="122"/>
        <source>Tutup aplikasi sekarang?</source>
        <translation>Close the application now?</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_worker.py" line="123"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/sync_worker.py" line="124"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
