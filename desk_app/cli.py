"""The ``desk-app`` command: run the desk, or administer it from a terminal.

desk-app [--data-dir DIR]                      open the desk (the window)
desk-app [--data-dir DIR] create-admin ...     first run: create the admin account
desk-app [--data-dir DIR] import-areas FILE    load the official area list
desk-app [--data-dir DIR] add-user USERNAME --name N --role R [--password-stdin]
desk-app [--data-dir DIR] list-users           the accounts (never their hashes)
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
    return parser


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
