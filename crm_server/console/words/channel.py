"""English of the words of recording a complaint on behalf of a channel."""

ENGLISH = {
    "Catat dari kanal": "Record from a channel",
    "Catat aduan dari kanal": "Record a complaint from a channel",
    "Aduan tercatat: {ticket}": "Complaint recorded: {ticket}",
    "Tempelkan balasan ini ke kanal tempat aduan datang.": (
        "Paste this reply into the channel the complaint came from."
    ),
    "Balasan untuk warga": "Reply to the citizen",
    "Tersalin": "Copied",
    "Salin balasan": "Copy the reply",
    "Buka aduan {ticket}": "Open complaint {ticket}",
    "Catat aduan berikutnya": "Record the next complaint",
    "Pilih lagi lampirannya sebelum mengirim.": "Choose the attachments again before sending.",
    "Kanal: {name}": "Channel: {name}",
    "Sumber": "Source",
    "Sumber: tautan unggahan untuk media sosial, Message-ID untuk e-mail, nomor pengirim untuk SMS.": (
        "Source: the post's link for social media, the Message-ID for e-mail, "
        "the sender's number for SMS."
    ),
    "Tautan unggahan": "Link to the post",
    "Message-ID e-mail": "E-mail Message-ID",
    "Nomor pengirim SMS": "SMS sender's number",
    "Salin alamat unggahan, mis. https://x.com/akun/status/123.": (
        "Copy the post's address, e.g. https://x.com/account/status/123."
    ),
    "Dari kepala e-mail, mis. <abc123@mail.example.id>.": (
        "From the e-mail's header, e.g. <abc123@mail.example.id>."
    ),
    "Nomor pengirim, mis. 0812-3456-7890.": "The sender's number, e.g. 0812-3456-7890.",
    "Kontak warga seperti tertulis (akun, e-mail, atau telepon)": (
        "The citizen's contact as given (account, e-mail or phone)"
    ),
    "Nama warga (bila disebut)": "The citizen's name (if given)",
    "Uraian aduan": "Description of the complaint",
    "Kelurahan (ketik nama atau kode)": "Kelurahan (type the name or the code)",
    "Contoh: 31.71.01.1001 atau Gambir.": "For example: 31.71.01.1001 or Gambir.",
    "Pilih kategori…": "Choose a category…",
    "Lampiran (tangkapan layar, foto, PDF)": "Attachments (screenshots, photos, PDF)",
    "Catat aduan": "Record the complaint",
    "Pilih kanal.": "Choose the channel.",
    "Tautan unggahan tidak dikenali: salin alamat lengkap unggahannya.": (
        "The post's link is not recognised: copy the post's whole address."
    ),
    "Message-ID tidak dikenali: bentuknya <…@…>.": (
        "The Message-ID is not recognised: it looks like <…@…>."
    ),
    "Nomor pengirim SMS tidak dikenali.": "The SMS sender's number is not recognised.",
    "Isi kontak warga seperti yang tertulis di kanal.": (
        "Enter the citizen's contact as it appears in the channel."
    ),
    "Uraian aduan 10 sampai 4000 karakter.": "The description takes 10 to 4000 characters.",
    "Kelurahan tidak dikenali: pilih dari daftar atau ketik kodenya.": (
        "Unknown kelurahan: choose one from the list or type its code."
    ),
    "Pilih kategori.": "Choose a category.",
    "Terlalu banyak lampiran.": "Too many attachments.",
    "Berkas terlalu besar.": "The file is too large.",
    "Lampiran harus foto (JPEG, PNG, WebP, TIFF) atau PDF.": (
        "Attachments must be photos (JPEG, PNG, WebP, TIFF) or PDF."
    ),
    "Sumber ini sudah pernah dicatat sebagai aduan {ticket}.": (
        "This source was already recorded as complaint {ticket}."
    ),
    "Per kanal": "By channel",
    "Aduan per kanal dari {start} sampai {end}": "Complaints by channel from {start} to {end}",
    "Diterima": "Received",
    "Tanggapan pertama (median, jam)": "First response (median, hours)",
    "Duplikat digabung": "Duplicates merged",
    "Angka per kanal": "Figures by channel",
}
