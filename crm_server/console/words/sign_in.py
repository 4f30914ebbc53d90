"""English of the sign-in page's words."""

ENGLISH = {
    "Masuk": "Sign in",
    "Masuk ke konsol staf": "Sign in to the staff console",
    "Nama pengguna": "User name",
    "Kata sandi": "Password",
    "Nama pengguna atau kata sandi salah.": "Wrong user name or password.",
    "Akun ini dikunci sementara karena terlalu banyak percobaan yang salah. Coba lagi dalam {minutes} menit.": (
        "This account is locked for a while after too many wrong attempts. "
        "Try again in {minutes} minutes."
    ),
    "Terlalu banyak percobaan masuk yang salah dari jaringan Anda. Coba lagi dalam {minutes} menit.": (
        "Too many wrong sign-ins from your network. Try again in {minutes} minutes."
    ),
    "Sesi Anda berakhir karena lama tidak digunakan. Silakan masuk lagi.": (
        "Your session ended after a long idle time. Please sign in again."
    ),
    "Anda sudah keluar.": "You have signed out.",
    "Isi nama pengguna dan kata sandi.": "Enter the user name and the password.",
    "Konsol ini untuk petugas CRM Pemerintah Provinsi DKI Jakarta. Setiap akses dicatat.": (
        "This console is for CRM staff of the Jakarta provincial government. "
        "Every access is recorded."
    ),
}
