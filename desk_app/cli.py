"""The ``desk-app`` command: run the desk, or administer it from a terminal.

desk-app [--data-dir DIR]                      open the desk (the window)
desk-app [--data-dir DIR] create-admin ...     first run: create the admin account
desk-app [--data-dir DIR] import-areas FILE    load the official area list
desk-app [--data-dir DIR] add-user USERNAME --name N --role R [--password-stdin]
desk-app [--data-dir DIR] list-users           the accounts (never their hashes)
desk-app [--data-dir DIR] self-check receipt|sync|window   builds and IT (selfcheck.py)
desk-app [--data-dir DIR] recovery-key [--pdf FILE]   the admin's recovery key (slip)
desk-app [--data-dir DIR] restore-key [--stdin]  the desk lost its key: type the recovery key
desk-app [--data-dir DIR] audit-verify          check the audit trail's hash chain
desk-app [--data-dir DIR] retention [--dry-run]  remove personal data kept past its time
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app.services.errors import UserFacingError, message_for
from desk_app.services.settings import default_data_dir

if TYPE_CHECKING:
    from desk_app.services.desk import Desk


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk-app", description="Meja Aduan — aplikasi meja aduan"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder for this desk's database, files and settings",
    )
    sub = parser.add_subparsers(dest="command")
    admin = sub.add_parser("create-admin", help="create the first admin account")
    admin.add_argument("--username", required=True)
    admin.add_argument("--name", required=True, help="display name")
    admin.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (for scripts)",
    )
    user = sub.add_parser(
        "add-user",
        help="add an account (its owner chooses a new password at the first sign-in)",
    )
    user.add_argument("username")
    user.add_argument("--name", required=True, help="display name")
    user.add_argument("--role", required=True, choices=["officer", "supervisor", "admin"])
    user.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the temporary password from standard input (for scripts)",
    )
    user.add_argument(
        "--no-password-change",
        action="store_true",
        help="the password typed is the owner's own: no change at the first sign-in",
    )
    sub.add_parser("display", help="the queue's display screen (full screen, numbers only)")
    sub.add_parser("kiosk", help="the self-check kiosk (scan a receipt, read its status)")
    sub.add_parser("list-users", help="list the accounts: role, enabled, last sign-in")
    areas = sub.add_parser("import-areas", help="import an official area file (kode,nama,tingkat)")
    areas.add_argument("file", type=Path)
    enrol = sub.add_parser(
        "enrol", help="exchange a one-time CRM enrolment code for this desk's token"
    )
    enrol.add_argument("--crm", required=True, help="the CRM address, e.g. https://crm.example")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code")
    enrol.add_argument("--ca-file", default="", help="a pinned CA certificate (PEM) for the CRM")
    from desk_app.selfcheck import add_parser as add_self_check  # builds and IT

    add_self_check(sub)
    recovery = sub.add_parser(
        "recovery-key", help="show the recovery key of this desk's encrypted data"
    )
    recovery.add_argument("--pdf", type=Path, help="save it as a slip to print (PDF)")
    restore = sub.add_parser(
        "restore-key", help="this computer lost the desk's key: give the recovery key"
    )
    restore.add_argument("--stdin", action="store_true", help="read it from standard input")
    sub.add_parser(
        "audit-verify", help="check the audit trail's hash chain; names the first altered entry"
    )
    retention = sub.add_parser(
        "retention", help="remove the personal data of complaints closed long enough ago"
    )
    retention.add_argument("--dry-run", action="store_true", help="only list what would be removed")
    return parser


def _key_command(args: argparse.Namespace, data_dir: Path) -> int:
    """Run without opening the desk: a desk whose key is lost cannot be opened."""
    from desk_app.services.desk_key import current_recovery_text, restore_from_recovery

    if args.command == "restore-key":
        import getpass

        typed = sys.stdin.readline() if args.stdin else getpass.getpass("Kunci pemulihan: ")
        restore_from_recovery(data_dir, typed)
        print("Kunci pemulihan diterima; data meja dapat dibuka lagi.")
        return 0
    text = current_recovery_text(data_dir)
    if args.pdf is None:
        print(text)
        return 0
    from desk_app.services.accounts import COMMAND_LINE
    from desk_app.services.desk import open_desk
    from desk_app.services.receipts import ReceiptService
    from desk_app.services.recovery import RecoveryKeys

    desk = open_desk(data_dir)
    try:
        RecoveryKeys(desk, ReceiptService(desk)).save_pdf(COMMAND_LINE, text, args.pdf)
    finally:
        desk.close()
    print(f"Kunci pemulihan disimpan di {args.pdf}. Cetak, lalu simpan di tempat terkunci.")
    return 0


def _read_password(from_stdin: bool, prompt: str = "") -> str:
    """From stdin, or asked twice; the first admin's also from MEJA_ADMIN_PASSWORD
    (``prompt`` empty), never another account's."""
    import getpass  # here: the window's first screen does not wait for it (or termios)

    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    env = "" if prompt else os.environ.get("MEJA_ADMIN_PASSWORD")
    if env:
        return env
    first = getpass.getpass(prompt or "Kata sandi admin: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise UserFacingError("Kedua kata sandi tidak sama.")
    return first


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data_dir: Path = args.data_dir or default_data_dir()
    try:
        if args.command is None:
            from desk_app.ui.app import run_app  # Qt only when the window is wanted

            return run_app(data_dir)
        if args.command == "self-check":
            from desk_app.selfcheck import run as self_check

            return self_check(args, data_dir)
        if args.command in ("recovery-key", "restore-key"):
            return _key_command(args, data_dir)
        if args.command in ("display", "kiosk"):
            from desk_app.ui.public_screens import run_public_screen

            return run_public_screen(data_dir, args.command)
        return _run_command(args, data_dir)
    except UserFacingError as err:
        print(f"Gagal: {err}", file=sys.stderr)
        return 2
    except RuntimeError as err:  # the store's StorageError (not imported: SQLAlchemy)
        message = message_for(err)
        if message is None:
            raise
        print(f"Gagal: {message}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"Gagal membaca/menulis berkas: {err.strerror} ({err.filename})", file=sys.stderr)
        return 2


def _run_command(args: argparse.Namespace, data_dir: Path) -> int:
    # Imported here, not at the top: the window's first screen does not wait for them.
    from complaint_domain.areas import AreaFileError
    from desk_app.services.desk import open_desk

    try:
        desk = open_desk(data_dir)  # the built-in area list could be refused too
        try:
            if args.command == "create-admin":
                password = _read_password(args.password_stdin)
                officer = desk.accounts.create_first_admin(args.username, args.name, password)
                print(f"Admin {officer.username} dibuat di {data_dir}.")
            elif args.command in ("add-user", "list-users"):
                _accounts_command(args, desk)
            elif args.command == "audit-verify":
                from desk_app.services.audit_trail import verify_audit

                check = verify_audit(desk)
                print(check.message(), file=sys.stdout if check.whole else sys.stderr)
                return 0 if check.whole else 1
            elif args.command == "retention":
                _retention_command(args, desk)
            elif args.command == "import-areas":
                count = desk.import_areas(None, args.file)
                print(f"{count} wilayah diimpor dari {args.file.name}.")
            elif args.command == "enrol":
                from desk_app.services.enrolment import enrol_desk

                result = enrol_desk(desk, None, args.crm, args.code, args.ca_file)
                print(f"Meja {result.desk_code} ({result.site}) terdaftar di {args.crm}.")
                if result.warning:
                    print(result.warning, file=sys.stderr)
        finally:
            desk.close()
    except AreaFileError as err:
        print(f"Gagal: {err}", file=sys.stderr)
        return 2
    return 0


def _retention_command(args: argparse.Namespace, desk: Desk) -> None:
    from desk_app.services.accounts import COMMAND_LINE
    from desk_app.services.retention import run_retention

    report = run_retention(desk, COMMAND_LINE, dry_run=args.dry_run)
    for line in report.lines():
        print(line)


def _accounts_command(args: argparse.Namespace, desk: Desk) -> None:
    """``add-user`` and ``list-users``, done by the command line (so the audit log
    says): whoever runs them holds the data folder, as for ``create-admin``."""
    from desk_app.services.accounts import COMMAND_LINE, Role

    if args.command == "add-user":
        password = _read_password(args.password_stdin, "Kata sandi sementara: ")
        officer = desk.accounts.add_account(
            COMMAND_LINE,
            args.username,
            args.name,
            password,
            Role(args.role),
            must_change_password=not args.no_password_change,
        )
        print(f"Akun {officer.username} ({officer.role.value}) dibuat di {desk.data_dir}.")
        if not args.no_password_change:
            print("Kata sandi baru dipilih pemiliknya saat pertama kali masuk.")
        return
    rows = [("USERNAME", "NAMA", "PERAN", "AKTIF", "MASUK TERAKHIR (UTC)")]
    for account in desk.accounts.list_accounts(COMMAND_LINE):
        last = account.last_sign_in_at
        rows.append(
            (
                account.username,
                account.display_name,
                account.role.value,
                "ya" if account.enabled else "tidak",
                last.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M") if last else "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


if __name__ == "__main__":
    sys.exit(main())
