"""The ``desk-app`` command: run the desk, or administer it from a terminal.

desk-app [--data-dir DIR]                      open the desk (the window)
desk-app [--data-dir DIR] create-admin ...     first run: create the admin account
desk-app [--data-dir DIR] import-areas FILE    load the official area list
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desk_app.services.errors import UserFacingError, message_for
from desk_app.services.settings import default_data_dir


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
    areas = sub.add_parser("import-areas", help="import an official area file (kode,nama,tingkat)")
    areas.add_argument("file", type=Path)
    enrol = sub.add_parser(
        "enrol", help="exchange a one-time CRM enrolment code for this desk's token"
    )
    enrol.add_argument("--crm", required=True, help="the CRM address, e.g. https://crm.example")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code")
    enrol.add_argument("--ca-file", default="", help="a pinned CA certificate (PEM) for the CRM")
    return parser


def _read_password(from_stdin: bool) -> str:
    import getpass  # here: the window's first screen does not wait for it (or termios)

    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    env = os.environ.get("MEJA_ADMIN_PASSWORD")
    if env:
        return env
    first = getpass.getpass("Kata sandi admin: ")
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


if __name__ == "__main__":
    sys.exit(main())
