"""``desk-app self-check``: the desk's real parts, run from a terminal without a person.

For the frozen app above all (``make package`` runs it from the bundle, outside the
checkout; the Windows workflow too), and for the tests from the virtual environment.
This module imports nothing heavy at the top: ``desk-app`` builds its parser with it
before the window's first screen.

desk-app --data-dir D self-check receipt --username U --pdf FILE   (password on stdin)
    signs in through the composition root (desk_app/services/root.py), records one
    complaint, lays out its receipt and saves it as PDF, then opens that PDF with
    QtPdf; also loads the English catalogues (ours and Qt's), names the keyring
    back-end and the SQLite driver, and uses each library the bundle carries only in
    part (holidays, RapidFuzz, python-stdnum, Pillow's codecs, ICU's data through Qt's
    collation). Prints one JSON line.
desk-app --data-dir D self-check sync
    one sync cycle with the CRM the desk is enrolled with; prints one JSON line:
    what still waits, what was refused, and the note of a newer release if any.
desk-app --data-dir D self-check window [--username U]   (password on stdin)
    the real window (``desk-app`` with no command), offscreen where no screen is:
    prints ``MARK sign_in`` when the sign-in is ready for typing, then signs in and
    prints ``MARK home`` when the home page is shown, and closes the window (answering
    "Tutup" if items are unsent: they stay for the next start). Without a user
    name it closes at the sign-in once the desk has loaded behind it. The exit code
    is the window's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# The complaint the self-check records (an area and a category every desk ships).
FORM_FIELDS: dict[str, Any] = {
    "name": "Uji Mandiri",
    "phone": "0812 3456 7890",
    "consent": True,
    "kelurahan_code": "31.71.03.1005",
    "category_code": "JALAN.RUSAK",
    "description": "Pemeriksaan paket aplikasi: jalan berlubang di depan kantor kelurahan.",
}


def add_parser(sub: Any) -> None:
    """The ``self-check`` command (``sub``: the subparsers)."""
    check = sub.add_parser(
        "self-check",
        help="check the desk's parts without a person (builds, IT; see --help)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    what = check.add_subparsers(dest="check", required=True)
    receipt = what.add_parser("receipt")
    receipt.add_argument("--username", required=True)
    receipt.add_argument("--pdf", type=Path, required=True)
    what.add_parser("sync")
    window = what.add_parser("window")
    window.add_argument("--username", default="")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    if args.check == "window":
        password = sys.stdin.readline().rstrip("\n") if args.username else ""
        return run_window(data_dir, args.username, password)
    from desk_app.services.root import open_services  # the composition root

    services = open_services(data_dir)
    try:
        if args.check == "receipt":
            password = sys.stdin.readline().rstrip("\n")
            report = record_and_print(services, args.username, password, args.pdf)
        else:
            report = sync_once(services)
    finally:
        services.close()
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0 if report["ok"] else 1


def record_and_print(services: Any, username: str, password: str, pdf: Path) -> dict[str, Any]:
    import sqlite3

    from desk_app.printing.qr import qr_payload
    from desk_app.services.intake.form import IntakeForm
    from desk_app.sync.release import app_version

    officer = services.accounts.sign_in(username, password)
    complaint = services.intake.record(officer, IntakeForm(**FORM_FIELDS)).complaint
    receipt = services.receipts.prepare_new(officer, complaint)
    services.receipts.save_pdf(receipt, pdf)
    services.intake.mark_printed(receipt.complaint_id, True)
    pages = _qt_pdf_pages(pdf)
    translations = _english_catalogues()
    trimmed = _trimmed_libraries()
    return {
        "ok": pages > 0 and all(translations.values()) and all(trimmed.values()),
        "version": app_version(),
        "ticket_code": complaint.ticket_code,
        "tracking_url": qr_payload(
            services.settings.tracking_host, complaint.ticket_code, complaint.tracking_token
        ),
        "pdf": str(pdf),
        "qtpdf_pages": pages,
        "translations": translations,
        "trimmed": trimmed,
        "keyring": _keyring_backend(),
        "sqlite": sqlite3.sqlite_version,
        "frozen": bool(getattr(sys, "frozen", False)),
    }


def sync_once(services: Any) -> dict[str, Any]:
    ok = services.sync.run_once()
    status = services.sync.status()
    note = services.updates.note()
    return {
        "ok": ok,
        "error": str(status.last_error),
        "pending": status.pending_count,
        "rejected": status.rejected_count,
        "installed": services.updates.installed,
        "newer_release": note.latest if note else "",
        "download_url": note.download_url if note else "",
    }


def _qt_pdf_pages(pdf: Path) -> int:
    """The receipt opened and its first page drawn by QtPdf (what the system-printer
    back-end prints with): its page count, 0 when QtPdf could not."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPdf import QPdfDocument

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    document = QPdfDocument(app)
    if document.load(str(pdf)) != QPdfDocument.Error.None_:
        return 0
    image = document.render(0, QSize(288, 400))
    return document.pageCount() if not image.isNull() else 0


def _english_catalogues() -> dict[str, bool]:
    from PySide6.QtCore import QCoreApplication

    from desk_app.ui.i18n import install_qt_translator, install_translator

    app = QCoreApplication.instance()
    assert app is not None  # made by _qt_pdf_pages
    return {
        "meja_aduan_en": install_translator(app, "en") is not None,
        "qtbase_en": install_qt_translator(app, "en") is not None,
        "qtbase_id": install_qt_translator(app, "id") is not None,
    }


def _trimmed_libraries() -> dict[str, str]:
    """The libraries the bundle carries only in part (packaging/bundle_files.py), each
    doing what the desk asks of it; a value is empty when it could not."""
    import datetime as dt
    import io

    from PIL import Image
    from rapidfuzz import fuzz

    from complaint_domain.validation import normalise_nik
    from complaint_domain.workdays import WorkCalendar
    from desk_app.services.previews import thumbnail
    from desk_app.store.crypto import DeskKeys, FileCipher

    calendar = WorkCalendar()  # holidays: Indonesia's module alone
    independence = calendar.holiday_name(dt.date(2026, 8, 17)) or ""
    after = calendar.add_working_days(dt.date(2026, 8, 14), 1)  # Friday, then the 17th
    score = fuzz.token_set_ratio("jalan berlubang depan kantor", "jalan berlubang di depan kantor")
    nik, refused = normalise_nik("3171034501900001")  # stdnum: its Indonesian regions
    formats = []  # Pillow: each format an attachment may be in, as a thumbnail
    for name, media_type in (("JPEG", "image/jpeg"), ("PNG", "image/png"),
                             ("WEBP", "image/webp"), ("TIFF", "image/tiff")):  # fmt: skip
        data = io.BytesIO()
        Image.new("RGB", (320, 240), "#c04040").save(data, format=name)
        if thumbnail(data.getvalue(), media_type):
            formats.append(name)
    # the attachment files' seal (PyCryptodome, its AES and GCM alone in the bundle)
    cipher = FileCipher(DeskKeys.from_secret(bytes(32)))
    sealed = cipher.open(cipher.seal(b"foto", "sha"), "sha") == b"foto"
    # a PDF attachment's thumbnail (QtPdf, on this worker thread as on the desk's),
    # read back as the window shows it (a PNG: Qt's own decoder, no format plugin)
    from PySide6.QtCore import QCollator, QLocale
    from PySide6.QtGui import QImage

    pdf_thumbnail = thumbnail(_one_page_pdf(), "application/pdf")
    shown = not QImage.fromData(pdf_thumbnail).isNull()

    # Qt's collation (ICU on Linux, whose data the bundle carries in part)
    words = sorted(["budi", "Zaenal", "Ádi", "abdul"], key=QCollator(QLocale("id_ID")).sortKey)
    return {
        "holidays": independence if after == dt.date(2026, 8, 18) else "",
        "qt_collation": " ".join(words) if words == ["abdul", "Ádi", "budi", "Zaenal"] else "",
        "rapidfuzz": fuzz.token_set_ratio.__module__ if score == 100 else "",
        "stdnum": nik if refused is None else "",
        "pillow": " ".join(formats) if len(formats) == 4 else "",
        "file_seal": "AES-GCM" if sealed else "",
        "pdf_thumbnail": "QtPdf" if pdf_thumbnail and shown else "",
    }


def _one_page_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(200, 300))
    page.drawString(20, 150, "Surat pengantar RT 05")
    page.save()
    return out.getvalue()


def _keyring_backend() -> str:
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def run_window(data_dir: Path, username: str, password: str) -> int:
    """The real start (:func:`desk_app.ui.app.run_app`), watched from its event loop."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import desk_app.ui  # noqa: F401  (as desk-app: the ui package right after PySide6)
    from desk_app.ui import sync_worker
    from desk_app.ui.app import run_app
    from desk_app.ui.start_window import StartWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    # "Tutup" to the question about unsent items, as the officer would answer: they
    # stay in the outbox for the next start.
    sync_worker.UnsentOnCloseDialog.ask = classmethod(  # type: ignore[method-assign, assignment]
        lambda cls, parent, message: True
    )

    def on_handed_over(window: Any) -> None:
        QTimer.singleShot(0, lambda: at_home(window))

    def at_home(window: Any) -> None:
        if window.officer is None:  # refused: the window says why on its sign-in page
            print("FAILED sign_in refused", flush=True)
            app.exit(1)
            return
        print("MARK home", flush=True)
        window.close()

    def poll() -> None:
        start = next((w for w in app.topLevelWidgets() if isinstance(w, StartWindow)), None)
        if start is None or not start.isVisible() or not start.sign_in.username.hasFocus():
            return
        timer.stop()
        print("MARK sign_in", flush=True)
        if not username:  # closed once the desk has loaded (as an officer could)
            start.loader.finished.connect(lambda _loaded: QTimer.singleShot(0, start.close))
            if start.loader.result is not None:  # loaded before the connection
                start.close()
            return
        start.handed_over.connect(on_handed_over)
        start.sign_in.username.setText(username)
        start.sign_in.password.setText(password)
        start.sign_in.on_submit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(1)
    return run_app(data_dir)
