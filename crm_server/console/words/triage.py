"""English of the words of the channels' triage (e-mail, SMS)."""

ENGLISH = {
    "Triase e-mail": "E-mail triage",
    "E-mail dicatat sebagai aduan {ticket}; pengirim diberi tahu.": (
        "The e-mail was recorded as complaint {ticket}; the sender was told."
    ),
    "E-mail digabung ke aduan {ticket}; pengirim dicatat sebagai pelapor.": (
        "The e-mail was merged into complaint {ticket}; the sender is now one of its reporters."
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
    "Triase SMS": "SMS triage",
    "SMS dicatat sebagai aduan {ticket}; pengirim diberi tahu lewat SMS.": (
        "The SMS was recorded as complaint {ticket}; the sender is told by SMS."
    ),
    "SMS digabung ke aduan {ticket}; pengirim dicatat sebagai pelapor.": (
        "The SMS was merged into complaint {ticket}; the sender is now one of its reporters."
    ),
    "SMS diabaikan.": "The SMS was dismissed.",
    "SMS ini sudah diputuskan.": "This SMS was decided already.",
    "Tidak ada SMS yang menunggu triase.": "No SMS is waiting for triage.",
    "Abaikan SMS": "Dismiss the SMS",
    "SMS dari {sender}": "SMS from {sender}",
    "Diterima {when}": "Received {when}",
    "Mungkin aduan yang sama": "Perhaps the same complaint",
    "diterima {date}": "received {date}",
    "Disarankan karena:": "Suggested because:",
    "nomor telepon sama": "same phone number",
    "e-mail sama": "same e-mail",
    "NIK sama": "same NIK",
    "isi mirip": "similar text",
    "Gabung ke {ticket}": "Merge into {ticket}",
    "Uraian aduan (boleh diperjelas)": "Description (may be made clearer)",
    "{n} lagi menunggu: tampil setelah yang di atas diputuskan.": (
        "{n} more waiting: shown once those above are decided."
    ),
    "Pelapor tambahan (triase kanal)": "Further reporter (channel triage)",
    "Aduan {ticket} sudah ditutup: catat sebagai aduan baru.": (
        "Complaint {ticket} is closed: record this as a new complaint."
    ),
    "Bila sama dengan salah satu di bawah, buka aduan {ticket} dan gabungkan.": (
        "If it is the same as one below, open complaint {ticket} and merge it."
    ),
}
