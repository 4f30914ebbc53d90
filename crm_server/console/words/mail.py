"""English of the words of the e-mail triage."""

ENGLISH = {
    "Triase e-mail": "E-mail triage",
    "E-mail dicatat sebagai aduan {ticket}; pengirim diberi tahu.": (
        "The e-mail was recorded as complaint {ticket}; the sender was told."
    ),
    "E-mail digabung ke aduan {ticket}; pengirim diberi tahu.": (
        "The e-mail was merged into complaint {ticket}; the sender was told."
    ),
    "E-mail diabaikan.": "The e-mail was dismissed.",
    "Spam": "Spam",
    "Bukan aduan": "Not a complaint",
    "Alasan lain": "Another reason",
    "E-mail ini sudah diputuskan.": "This e-mail was decided already.",
    "Kode tiket tidak ditemukan.": "No complaint has this ticket code.",
    "Pilih alasan; untuk alasan lain tulis keterangannya.": (
        "Choose a reason; for another reason, write it down."
    ),
    "(tanpa subjek)": "(no subject)",
    "Dari {sender}": "From {sender}",
    "{n} lampiran": "{n} attachments",
    "{n} lampiran ditolak (jenis atau ukuran)": "{n} attachments refused (type or size)",
    "Catat sebagai aduan": "Record as a complaint",
    "Gabung ke aduan yang ada": "Merge into an existing complaint",
    "Abaikan": "Dismiss",
    "Keterangan (untuk alasan lain)": "Explanation (for another reason)",
    "Abaikan e-mail": "Dismiss the e-mail",
    "Tidak ada e-mail yang menunggu triase.": "No e-mail is waiting for triage.",
}
