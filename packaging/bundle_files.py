"""What the desk's bundle carries besides the Python modules PyInstaller finds by itself.

The one list the recipe (``packaging/desk.spec``) reads and the fast test
(``tests/packaging/test_recipe.py``) checks against the packages: every file inside
``desk_app/`` and ``complaint_domain/`` that is not a module is either bundled here or
named in :data:`NOT_BUNDLED` with the reason, so a new data file cannot be forgotten.

Plain Python with no imports of the project or of PyInstaller: the spec loads it by
path, the test too. (This folder has no ``__init__.py`` on purpose: ``packaging`` is
also the name of a library.)
"""

from __future__ import annotations

from pathlib import Path

# (pattern relative to the repository root, folder inside the bundle)
DATA: tuple[tuple[str, str], ...] = (
    # the official areas of DKI Jakarta, the default of every new desk
    ("complaint_domain/data/*.csv", "complaint_domain/data"),
    # our catalogues: the desk's English, and Qt's own words in Indonesian
    ("desk_app/translations/*.qm", "desk_app/translations"),
    # Alembic reads the migrations as files (script_location "desk_app.store:migrations"):
    # env.py and versions/*.py as sources, beside the compiled modules in the archive
    ("desk_app/store/migrations/*.py", "desk_app/store/migrations"),
    ("desk_app/store/migrations/*.mako", "desk_app/store/migrations"),
    ("desk_app/store/migrations/versions/*.py", "desk_app/store/migrations/versions"),
)

# Files inside the packages the desk never reads at run time, and why.
NOT_BUNDLED: tuple[tuple[str, str], ...] = (
    ("desk_app/translations/*.ts", "the sources of the .qm catalogues (scripts/i18n.sh)"),
)

# Modules imported by name at run time, which PyInstaller's analysis cannot see.
HIDDEN_IMPORTS: tuple[str, ...] = (
    # holidays.country_holidays("ID") imports its country module by name
    "holidays.countries.indonesia",
    # what the migrations (read as files, see DATA) import
    "alembic.op",
    "alembic.context",
    "alembic.ddl.sqlite",
    # the keyring back-end of each desk OS (the keyring hook adds its entry points)
    "keyring.backends.Windows",
    "keyring.backends.SecretService",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "keyring.backends.null",
)

# Third-party packages whose own data files the desk reads: (package, includes).
PACKAGE_DATA: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("escpos", ("*.json", "**/*.json")),  # the printers' capabilities (capabilities.json)
    # the names of Indonesia's public holidays, in Indonesian and English (working-day
    # arithmetic; the catalogues of the other countries are not needed: ID.mo only)
    ("holidays", ("locale/id/**/ID.mo", "locale/en_US/**/ID.mo")),
)

# Distributions whose metadata the bundle keeps: our own version (importlib.metadata,
# sent in every heartbeat) and keyring's back-end entry points.
METADATA: tuple[str, ...] = ("meja-aduan", "keyring")

# What the desk never uses: kept out of the bundle (size) even when some library
# would pull it in. The desk's Qt is QtCore, QtGui, QtWidgets, QtPrintSupport, QtPdf.
EXCLUDES: tuple[str, ...] = (
    "tkinter",
    "unittest",
    "pydoc_data",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebChannel",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.Qt3DCore",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtNetwork",
    "PySide6.QtSvg",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSerialPort",
    "PySide6.QtDBus",
    # the CRM's side and the database drivers the desk never loads (SQLAlchemy's hook
    # names every dialect's driver)
    "crm_server",
    "fastapi",
    "starlette",
    "uvicorn",
    "jinja2",
    "psycopg",
    "psycopg_binary",
    "psycopg2",
    "pymysql",
    "MySQLdb",
    # keyring's Secret Service back-end (Linux desktops); a desk is a Windows PC
    # (keyring's Windows back-end), elsewhere the token-file fallback
    "secretstorage",
    # the CRM's encryption (12 MB in one binary): the desk seals its attachment files
    # with PyCryptodome's AES-GCM (Cryptodome, trimmed below), the same format
    "cryptography",
    # the tests' PDF renderer (7.5 MB): the desk renders PDFs with QtPdf
    # (desk_app/printing/pdf_pages.py), which it carries for the system printer anyway
    "pypdfium2",
    "pypdfium2_raw",
    "pytest",
    "pygments",
    # pkg_resources (setuptools) is only python-stdnum's fallback for old Pythons; in
    # a bundle PyInstaller would import it at every start (~0.1-0.2 s: it scans every
    # installed distribution)
    "pkg_resources",
    "setuptools",
    # phonenumbers' place names, carriers and time zones (20 MB): the desk only checks
    # and formats numbers
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
    # Pillow's AVIF codec (5 MB): the desk reads JPEG, PNG, WEBP and TIFF attachments
    "PIL._avif",
    "PIL.AvifImagePlugin",
    # Pillow's FreeType text drawing (with FreeType, HarfBuzz, libpng and Brotli: 2.9 MB
    # on Linux): no one draws text with Pillow (thumbnails are scaled photos and PDF
    # pages, the ESC/POS printer gets rendered receipts); PIL.ImageFont itself stays
    # importable without it (it imports _imagingft under try/except ImportError).
    # (_imagingcms stays: converting a LAB-mode TIFF to RGB needs it.)
    "PIL._imagingft",
    # RapidFuzz's AVX2 builds (5.3 MB): it imports them only on a CPU with AVX2, under
    # contextlib.suppress(ImportError), and falls back to its plain builds, which every
    # desk PC runs (many kelurahan PCs have no AVX2 anyway); the duplicate check scores
    # a few hundred short texts, where AVX2 gains nothing one would notice.
    "rapidfuzz.fuzz_cpp_avx2",
    "rapidfuzz.distance.metrics_cpp_avx2",
    # … and its distance metrics and process.extract* in C++ (3.7 MB): the desk calls
    # fuzz.token_set_ratio alone (in fuzz_cpp, which needs neither); rapidfuzz.distance
    # and rapidfuzz.process, which rapidfuzz/__init__ imports, fall back to their pure
    # Python versions (same suppress(ImportError))
    "rapidfuzz.distance.metrics_cpp",
    "rapidfuzz.process_cpp_impl",
    # ReportLab's charts and drawings, and its page-layout engine (1.4 MB): the desk
    # draws its receipts and slips on a pdfgen canvas (desk_app/printing/layout), which
    # needs neither (none of them is imported while tests/printing lays out every
    # document); they are reached only from ReportLab's own modules the desk never calls
    "reportlab.graphics",
    "reportlab.platypus",
    # the stock exchanges' calendars of holidays (holidays/__init__ names them for its
    # lazy loader only; they are imported when asked for by name): the desk asks for
    # Indonesia's public holidays only
    "holidays.financial",
)
# (SQLAlchemy's other dialects go as files, DROPPED: Alembic's DDL package imports them.)

# Files that Qt's hooks collect and the desk never loads, matched against the path
# inside the bundle (lower case, "/"): the platforms other than the desktop's (Wayland
# compositors, framebuffers, VNC, EGL devices), the on-screen keyboard (which brings
# QML and Quick), touch and tablet input, the GTK theme (which brings all of GTK on
# Linux), image formats no attachment uses, and Qt's catalogues of other languages.
DROPPED: tuple[str, ...] = (
    "*/plugins/wayland-*/*",
    "*/plugins/egldeviceintegrations/*",
    "*/plugins/generic/*",
    "*/plugins/platforminputcontexts/*virtualkeyboard*",
    "*/plugins/platforms/*wayland*",
    "*/plugins/platforms/*eglfs*",
    "*/plugins/platforms/*linuxfb*",
    "*/plugins/platforms/*vnc*",
    "*/plugins/platforms/*vkkhrdisplay*",
    "*/plugins/platforms/*minimalegl*",
    "*/plugins/platformthemes/*gtk3*",
    # Qt's image format plugins, all of them (1.2 MB): Qt decodes nothing but PNG, which
    # is built into QtGui. Every picture the desk shows is a PNG made on a worker (the
    # thumbnails of JPEG, WEBP and TIFF attachments by Pillow, the receipt preview by
    # QtPdf); its icons are drawn from Qt's style.
    "*/plugins/imageformats/*",
    "*/plugins/iconengines/*svg*",
    # Linux's speech back-end talks to the system's speech-dispatcher (libspeechd), which
    # a bundle cannot bring; Windows speaks through its own (SAPI / WinRT plugins)
    "*/plugins/texttospeech/*speechd*",
    "*qt6qml*",
    "*qt6quick*",
    "*qt6virtualkeyboard*",
    "*qt6wayland*",
    "*qt6wlshell*",
    "*qt6eglfs*",
    "*qt6svg*",
    "*opengl32sw.dll",  # Windows: Qt's software OpenGL (20 MB); widgets do not use it
    # Linux: GTK and its own libraries, there only for the GTK theme plugin
    "libgtk-3.so*",
    "libgdk-3.so*",
    "libgdk_pixbuf-2.0.so*",
    "libatk-1.0.so*",
    "libatk-bridge-2.0.so*",
    "libatspi.so*",
    "libepoxy.so*",
    "libcairo*.so*",
    "libpango*.so*",
    # … and what only GTK needed (no library left in the bundle links them: the smoke
    # test checks every library's links with ldd)
    "libxcomposite.so*",
    "libxcursor.so*",
    "libxdamage.so*",
    "libxext.so*",
    "libxfixes.so*",
    "libxi.so*",
    "libxinerama.so*",
    "libxrandr.so*",
    "libxrender.so*",
    "libdatrie.so*",
    "libthai.so*",
    "libfribidi.so*",
    "libgraphite2.so*",
    "libharfbuzz.so*",
    "libpixman-1.so*",
    "libgio-2.0.so*",
    "libgmodule-2.0.so*",
    "libgobject-2.0.so*",
    "libmount.so*",
    "libblkid.so*",
    "libselinux.so*",
    "libjpeg.so.62",
    "*pyside6/qt/translations/*",  # but for the few KEPT names below (Linux, macOS)
    "*pyside6/translations/*",  # (Windows)
    # holidays: every country's module (3 MB); the desk asks for Indonesia's alone
    # (KEPT), and the package's __init__, which imports them all, is replaced
    # (REPLACED_INITS below)
    "holidays/countries/*",
    # SQLAlchemy's dialects and Alembic's DDL for the databases other than SQLite (2 MB):
    # alembic/ddl/__init__ imports them all, and is replaced (REPLACED_INITS); the desk's
    # store is SQLite (SQLCipher through the sqlite dialect), SQLAlchemy loads a dialect
    # by its name only when an engine asks for it
    "sqlalchemy/dialects/postgresql/*",
    "sqlalchemy/dialects/mysql/*",
    "sqlalchemy/dialects/mssql/*",
    "sqlalchemy/dialects/oracle/*",
    "alembic/ddl/postgresql.pyc",
    "alembic/ddl/mysql.pyc",
    "alembic/ddl/mssql.pyc",
    "alembic/ddl/oracle.pyc",
    "alembic/ddl/__init__.pyc",
    # python-stdnum's data files (2.3 MB: the world's MAC prefixes, mobile networks,
    # Chinese regions, banks…); the NIK check reads Indonesia's regions alone (KEPT)
    "stdnum/*.dat",
    # PyCryptodome's compiled parts (its hook collects all 42: RSA, ECC, DES, ChaCha…,
    # 4 MB); the seal needs AES, its CTR and ECB modes, GHASH and BLAKE2s (KEPT)
    "cryptodome/*.so",
    "cryptodome/*.pyd",
)
# Kept whatever DROPPED says: Qt's own words in English (Indonesian is our own
# catalogue, desk_app/translations/qtbase_id.qm), Indonesia's holidays, the regions of
# Indonesia a NIK is checked against (stdnum.id.nik.validate).
KEPT: tuple[str, ...] = (
    "pyside6/qt/translations/qtbase_en.qm",
    "pyside6/translations/qtbase_en.qm",
    "holidays/countries/indonesia.pyc",
    "stdnum/id/loc.dat",
    *(
        f"cryptodome/{name}{suffix}"
        for name in (
            "cipher/_raw_aes", "cipher/_raw_aesni", "cipher/_raw_ctr", "cipher/_raw_ecb",
            "hash/_ghash_portable", "hash/_ghash_clmul", "hash/_blake2s", "util/_cpuid_c",
        )
        for suffix in (".abi3.so", ".pyd")
    ),
)  # fmt: skip

# Packages whose __init__ imports every one of their modules, of which the bundle
# carries a few (DROPPED, KEPT): (the __init__'s path in the bundle, what it says there
# instead), compiled by the recipe.
REPLACED_INITS: tuple[tuple[str, str], ...] = (
    # ~250 countries: Indonesia's names, all that holidays.country_holidays("ID")
    # imports (holidays.countries.indonesia, by name)
    (
        "holidays/countries/__init__.pyc",
        "from holidays.countries.indonesia import ID, IDN, Indonesia\n",
    ),
    # the DDL of each database: SQLite's (the desk's migrations), and the default
    (
        "alembic/ddl/__init__.pyc",
        "from . import sqlite\nfrom .impl import DefaultImpl as DefaultImpl\n",
    ),
)

# PyInstaller's run-time hooks left out (each runs at every start, before our code):
# multiprocessing's (~12 ms: it imports multiprocessing, pickle, socket, subprocess)
# is there for child processes started by multiprocessing, which the desk never starts
# (its workers are threads: concurrent.futures.ThreadPoolExecutor, threading).
RUNTIME_HOOKS_DROPPED: tuple[str, ...] = ("pyi_rth_multiprocessing",)


def kept(path_in_bundle: str) -> bool:
    """Whether a file PyInstaller collected stays in the bundle."""
    from fnmatch import fnmatchcase

    path = path_in_bundle.replace("\\", "/").lower()
    name = path.rsplit("/", 1)[-1]
    if path in KEPT:
        return True
    return not any(fnmatchcase(path, p) or fnmatchcase(name, p) for p in DROPPED)


def data_files(root: Path) -> list[tuple[str, str]]:
    """(absolute file, folder inside the bundle) for every file :data:`DATA` names."""
    found = []
    for pattern, target in DATA:
        for path in sorted(root.glob(pattern)):
            if path.is_file():
                found.append((str(path), target))
    return found


def matches(relative: str, patterns: tuple[tuple[str, str], ...]) -> bool:
    """Whether the path (relative to the repository root, with ``/``) is one of the
    patterns' files (a ``*`` never crosses a ``/``)."""
    from fnmatch import fnmatchcase

    return any(
        fnmatchcase(relative, pattern) and relative.count("/") == pattern.count("/")
        for pattern, _ in patterns
    )


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows file version from a release ("0.1.0", "1.2.3rc1",
    "2.0.dev4"): the leading numbers, padded with zeros; what follows them dropped."""
    numbers: list[int] = []
    for part in version.split("+")[0].split("."):
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        if not digits:
            break
        numbers.append(int(digits))
        if len(digits) != len(part):  # "3rc1": the number, then no more
            break
    numbers = [*numbers, 0, 0, 0, 0][:4]
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def windows_version_file(version: str) -> str:
    """PyInstaller's version file (the "Details" tab of the .exe's properties)."""
    numbers = version_tuple(version)
    fields = {
        "CompanyName": "Pemerintah Provinsi DKI Jakarta",
        "FileDescription": "Meja Aduan - aplikasi meja aduan",
        "FileVersion": version,
        "InternalName": "MejaAduan",
        "LegalCopyright": "Apache-2.0",
        "OriginalFilename": "MejaAduan.exe",
        "ProductName": "Meja Aduan",
        "ProductVersion": version,
    }
    strings = ",\n".join(
        f"            StringStruct({key!r}, {value!r})" for key, value in fields.items()
    )
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{strings}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
