"""What the Linux bundle carries differently: ICU's data in part, and none of the
desktop's own libraries. (Windows has neither question: Qt uses Windows' ICU, and
what Qt needs of Windows is Windows.)

Plain Python with no imports of the project or of PyInstaller, loaded by path by the
spec and the tests, like ``bundle_files.py``.
"""

from __future__ import annotations

# Linux: ICU's data (libicudata, 32 MB), which Qt's Linux wheel links (the Windows
# bundle has none: Qt uses Windows' own). QtCore is its only user in the bundle, for
# collation (QCollator), case mapping by locale, time-zone names and text codecs; the
# recipe rebuilds the library with the items icu_item_kept() keeps (packaging/icu_data.py,
# with ICU's icupkg and genccode; without them the library stays whole). Left out:
# the break iterators, transliterators and spelled-out numbers (no ICU function that
# QtCore calls uses them), and every locale's data but those below, so Indonesian and
# English collate and name time zones as before and other locales fall back to ICU's
# root (the desk speaks Indonesian and English). Converters and normalisation stay.
ICU_TREES_DROPPED: tuple[str, ...] = ("brkitr", "translit", "rbnf")
ICU_LOCALES_KEPT: tuple[str, ...] = (
    "root", "pool", "res_index",  # every tree's root, shared keys and index
    "id", "id_ID", "in", "in_ID",  # Indonesian ("in": ICU's old code for it)
    "en", "en_001", "en_US", "en_US_POSIX",  # English; en_US_POSIX is the "C" locale
)  # fmt: skip


def icu_item_kept(item: str) -> bool:
    """Whether an item of ICU's data package ("coll/id.res", "zone/fr.res",
    "brkitr/word.brk", "ibm-1252_P100-2000.cnv") stays in the bundle's libicudata."""
    import re

    tree, _, name = item.rpartition("/")
    if tree in ICU_TREES_DROPPED:
        return False
    locale = re.fullmatch(r"([a-z]{2,3}(?:_[A-Za-z0-9]*)*)\.res", name)
    return locale is None or locale.group(1) in ICU_LOCALES_KEPT


# The Linux desktop's own libraries: on a Linux PC they come with its desktop, and
# only Qt links them (X11 and xcb, xkbcommon, fontconfig and FreeType, GLib, D-Bus,
# CUPS with GnuTLS, Kerberos and Avahi, PulseAudio and the sound codecs libsndfile
# reads, systemd, and what those link in turn): 22 MB the recipe leaves to the
# system, as PySide6's own wheel does (it carries none of them either; the venv's Qt
# loads the system's: scripts/desk-system-deps.sh names their Debian packages), so the
# bundle runs wherever the venv's Qt runs. Carrying them would also be fragile: a
# Debian 12 GLib or libX11 in front of another distribution's graphics drivers is a
# known breakage of bundled apps (AppImage's exclude list leaves X11, fontconfig and
# FreeType to the system for that reason). Named exactly (the part of the file name
# before ".so"), only at the top of the bundle: Pillow's own copies
# (pillow.libs/libxcb-<hash>.so…) stay. What Python and its packages link
# (OpenSSL, SQLite, libffi, zlib, bzip2, xz, libstdc++, libgcc_s…) stays in the bundle;
# the smoke test checks with ldd that every link of the bundle resolves.
LINUX_DESKTOP_LIBRARIES: frozenset[str] = frozenset({
    # X11 and xcb (Qt's xcb platform), keyboard maps. The xcb-util libraries (cursor,
    # icccm, image, keysyms, render-util, util) and xkbcommon-x11 stay in the bundle
    # (0.2 MB): stock installs often lack them, libxcb-cursor0 above all, and Qt then
    # refuses to start with nothing but "could not load the Qt platform plugin xcb".
    "libX11", "libX11-xcb", "libXau", "libXdmcp", "libxkbcommon",
    "libxcb-glx", "libxcb-randr", "libxcb-render", "libxcb-shape", "libxcb-shm",
    "libxcb-sync", "libxcb-xfixes", "libxcb-xkb",
    # fonts
    "libfontconfig", "libfreetype", "libpng16", "libexpat", "libbrotlicommon", "libbrotlidec",
    # GLib (QtCore's event loop) and D-Bus
    "libglib-2.0", "libgthread-2.0", "libpcre2-8", "libdbus-1", "libsystemd", "libcap",
    "libgcrypt", "libgpg-error", "liblz4", "libzstd",
    # CUPS (Qt's print support) with what it links: GnuTLS, Kerberos, Avahi
    "libcups", "libgnutls", "libnettle", "libhogweed", "libgmp", "libp11-kit", "libtasn1",
    "libidn2", "libunistring", "libgssapi_krb5", "libkrb5", "libk5crypto",
    "libkrb5support", "libkeyutils", "libcom_err", "libavahi-client", "libavahi-common",
    "libbsd", "libmd",
    # PulseAudio (Qt's sound) and the codecs libsndfile links
    "libpulse", "libpulsecommon-16.1", "libasyncns", "libsndfile", "libFLAC", "libogg",
    "libopus", "libvorbis", "libvorbisenc", "libmp3lame", "libmpg123",
})  # fmt: skip


def is_desktop_library(path_in_bundle: str) -> bool:
    """Whether a library PyInstaller collected is one of the desktop's own (left to
    the system): a file at the top of the bundle named in LINUX_DESKTOP_LIBRARIES."""
    if "/" in path_in_bundle or "\\" in path_in_bundle:
        return False
    base, dot_so, _ = path_in_bundle.partition(".so")
    return bool(dot_so) and base in LINUX_DESKTOP_LIBRARIES
