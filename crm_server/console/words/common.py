"""English of the words every console page shares (the frame, errors, roles)."""

ENGLISH = {
    "Konsol Staf Meja Aduan": "Meja Aduan Staff Console",
    "Lewati ke isi": "Skip to content",
    "Kotak masuk": "Inbox",
    "Dasbor kota": "City dashboard",
    "Administrasi": "Administration",
    "Keluar": "Sign out",
    "Bahasa": "Language",
    "Menu utama": "Main menu",
    "Masuk sebagai {name}": "Signed in as {name}",
    "Halaman tidak ditemukan": "Page not found",
    "Aduan atau halaman ini tidak ada, atau bukan untuk akun Anda.": (
        "This complaint or page does not exist, or is not for your account."
    ),
    "Kembali ke kotak masuk": "Back to the inbox",
    "Formulir kedaluwarsa": "The form has expired",
    "Formulir ini sudah kedaluwarsa atau tidak berasal dari konsol. Muat ulang halaman lalu coba lagi.": (
        "This form has expired or did not come from the console. Reload the page and try again."
    ),
    "Tidak diizinkan": "Not allowed",
    "Akun Anda tidak dapat membuka halaman ini.": "Your account cannot open this page.",
    "Admin kanal": "Channel admin",
    "Kelurahan": "Kelurahan",
    "Dinas": "Agency (Dinas)",
    "Suku Dinas": "Agency office (Suku Dinas)",
    "Biro Pemerintahan (verifikator)": "Government Bureau (verifier)",
    "Koordinator kota": "City coordinator",
    "Administrator CRM": "CRM administrator",
}
