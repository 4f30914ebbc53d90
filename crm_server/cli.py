"""The ``crm-server`` command: serve, migrate, jobs, enrol-desk, import-areas,
seed-demo, add-user, add-api-key, act, show, audit-verify, retention, rotate-data-key.
Settings come from MEJA_CRM_* environment variables."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from crm_server import cli_privacy
from crm_server.core.auth import ROLES
from crm_server.settings import Settings


def _crm(settings: Settings) -> object:
    from crm_server.core.crm import Crm
    from crm_server.db import crypto
    from crm_server.db.engine import migrate

    crypto.load_and_install(settings.data_key, settings.data_key_file, settings.data_dir)
    migrate(settings.database_url)
    crm = Crm(settings)
    crm.ensure_reference_data()
    return crm


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crm-server", description="Meja Aduan central CRM")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP service (uvicorn)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (PostgreSQL for more than 1)"
    )
    sub.add_parser("jobs", help="run the periodic jobs that are due, once (for cron)")
    sub.add_parser("migrate", help="create or upgrade the database schema")
    enrol = sub.add_parser("enrol-desk", help="print a one-time enrolment code for a desk")
    enrol.add_argument("--code", required=True, help="desk code, 1–6 of A–Z/0–9 without I, L, O")
    enrol.add_argument("--site", default="", help="where the desk stands")
    areas = sub.add_parser("import-areas", help="import the official area file (kode,nama,tingkat)")
    areas.add_argument("file", type=Path)
    sub.add_parser("seed-demo", help="demo staff, an Open311 key and demo complaints")
    user = sub.add_parser(
        "add-user", help="create or update a staff account and print its API token"
    )
    user.add_argument("username")
    user.add_argument("--name", required=True)
    user.add_argument("--role", required=True, choices=list(ROLES))
    user.add_argument("--unit", default="", help="kelurahan code, agency code, or AGENCY@KOTA")
    user.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the console password from the first line of standard input",
    )
    key = sub.add_parser("add-api-key", help="create an Open311 API key and print it")
    key.add_argument("name")
    act = sub.add_parser("act", help="take a workflow action as a staff user")
    act.add_argument("ticket_code")
    act.add_argument(
        "action",
        choices=[
            "accept",
            "reject",
            "merge",
            "handle",
            "forward",
            "assign",
            "report",
            "approve",
            "return",
        ],
    )
    act.add_argument("--as", dest="username", required=True, help="the staff user acting")
    act.add_argument("--note", default="", help="the public note (the citizen reads it)")
    act.add_argument(
        "--internal-note", default="", help="a note for the staff only, never published"
    )
    act.add_argument("--reason", default="")
    act.add_argument("--target", default="", help="ticket code of the original (merge)")
    act.add_argument("--agency", default="", help="agency code (forward; default: routing rule)")
    show = sub.add_parser("show", help="print a complaint's workflow state and history (JSON)")
    show.add_argument("ticket_code")
    sms = sub.add_parser("sms-run", help="send SMS to citizens (MEJA_CRM_SMS_*, docs/sms.md)")
    sms.add_argument("--once", action="store_true", help="one run, then stop")
    sms_show = sub.add_parser("sms-show", help="a complaint's SMS, or the day's totals (JSON)")
    sms_show.add_argument("ticket_code", nargs="?", help="none: today's totals and failures")
    cli_privacy.add_parsers(sub)
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.command == "serve":
        return _serve(settings, args.host, args.port, args.workers)
    if args.command == "migrate":
        from crm_server.db.engine import migrate

        migrate(settings.database_url)
        print(f"database is at the latest schema ({_safe_url(settings.database_url)})")
        return 0
    if args.command.startswith("sms-"):
        return _sms(settings, args)
    return _run(settings, args)


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _serve(settings: Settings, host: str | None, port: int | None, workers: int) -> int:
    import os

    import uvicorn

    from crm_server.app import create_app
    from crm_server.web.logs import log_config

    options: dict[str, object] = {
        "host": host or settings.host,
        "port": port or settings.port,
        "log_level": settings.log_level,
        "log_config": log_config(settings.log_level, settings.log_format),
        # The app believes X-Forwarded-For only from MEJA_CRM_TRUSTED_PROXIES;
        # uvicorn's own would believe it from 127.0.0.1 whatever the settings say.
        "proxy_headers": False,
        # On SIGTERM: stop accepting, let the requests in flight finish (up to 30 s).
        "timeout_graceful_shutdown": 30,
    }
    if workers <= 1:
        uvicorn.run(create_app(settings), **options)  # type: ignore[arg-type]
        return 0
    if settings.database_url.startswith("sqlite"):
        print(
            "crm-server: several workers need PostgreSQL (SQLite is one process)", file=sys.stderr
        )
        return 2
    if settings.auto_migrate:  # once, here, not in every worker at the same moment
        from crm_server.db.engine import migrate

        migrate(settings.database_url)
        os.environ["MEJA_CRM_AUTO_MIGRATE"] = "0"
    # Each worker writes its counters to one folder; a scrape of any worker adds
    # them up (web/metrics.py).
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        import tempfile

        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="meja-metrics-")
    # Each worker process builds its application from the same environment.
    uvicorn.run("crm_server.app:create_app", factory=True, workers=workers, **options)  # type: ignore[arg-type]
    return 0


def _run(settings: Settings, args: argparse.Namespace) -> int:
    from complaint_domain.areas import AreaFileError, read_area_file
    from complaint_domain.ticket import TicketCodeError
    from crm_server.core.auth import add_api_key
    from crm_server.core.crm import Crm

    crm = _crm(settings)
    assert isinstance(crm, Crm)
    try:
        if args.command == "enrol-desk":
            try:
                code = crm.create_enrolment(args.code, args.site)
            except (TicketCodeError, ValueError) as exc:
                print(f"crm-server: {exc}", file=sys.stderr)
                return 2
            print(code)
            print(
                f"one-time enrolment code for desk {args.code.upper()}; valid "
                f"{settings.enrolment_code_days} days",
                file=sys.stderr,
            )
        elif args.command == "import-areas":
            try:
                count = crm.import_areas(read_area_file(args.file))
            except (AreaFileError, OSError) as exc:
                print(f"crm-server: {exc}", file=sys.stderr)
                return 2
            print(f"{count} areas imported")
        elif args.command == "seed-demo":
            from crm_server.seed import demo_password, seed_demo

            password = demo_password()
            seeded = seed_demo(crm, password)
            print(
                json.dumps(
                    {
                        "staff_tokens": seeded.staff_tokens,
                        "open311_api_key": seeded.open311_api_key,
                    },
                    indent=2,
                )
            )
            _print_demo_accounts(password)
        elif args.command == "add-user":
            return _add_user(crm, args)
        elif args.command == "add-api-key":
            print(add_api_key(crm, args.name))
        elif args.command == "act":
            return _act(crm, args)
        elif args.command in cli_privacy.COMMANDS:
            return cli_privacy.run(crm, args)
        elif args.command == "jobs":
            from crm_server.core.jobs import CRM_JOBS, run_due

            ran = run_due(crm, CRM_JOBS)
            print("ran: " + (", ".join(ran) or "nothing was due"))
        elif args.command == "show":
            from crm_server.core.workflow import Workflow

            detail = Workflow(crm).detail(args.ticket_code)
            if detail is None:
                print("crm-server: no complaint has this ticket code", file=sys.stderr)
                return 1
            print(json.dumps(detail, indent=2, default=str))
    finally:
        crm.close()
    return 0


def _print_demo_accounts(password: str) -> None:
    """On standard error: standard output is the JSON some scripts keep."""
    from crm_server.core.auth import ROLE_LABELS
    from crm_server.seed import DEMO_USERS

    print("\nconsole accounts (sign in at /console/login):", file=sys.stderr)
    print(f"  {'user name':<22} {'role':<34} unit", file=sys.stderr)
    for user in DEMO_USERS:
        role = f"{user.role} ({ROLE_LABELS[user.role]})"
        print(f"  {user.username:<22} {role:<34} {user.unit_code or '-'}", file=sys.stderr)
    print(f"  password of each: {password}", file=sys.stderr)


def _add_user(crm: object, args: argparse.Namespace) -> int:
    from crm_server.core.crm import Crm
    from crm_server.core.staff_sign_in import WeakPassword, hash_password, set_password

    assert isinstance(crm, Crm)
    password = ""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        try:
            hash_password(password)  # refused before anything is stored
        except WeakPassword as exc:
            print(f"crm-server: {exc}", file=sys.stderr)
            return 2
    print(crm.create_user(args.username, args.name, args.role, args.unit))
    if password:
        set_password(crm, args.username.strip().lower(), password, actor="crm-server add-user")
        print(f"console password set for {args.username.strip().lower()}", file=sys.stderr)
    return 0


def _act(crm: object, args: argparse.Namespace) -> int:
    from crm_server.core.auth import user_by_name
    from crm_server.core.crm import Crm
    from crm_server.core.errors import ApiError
    from crm_server.core.schemas import ActionRequest
    from crm_server.core.workflow import Workflow

    assert isinstance(crm, Crm)
    auth = user_by_name(crm, args.username)
    if auth is None:
        print(f"crm-server: no staff user {args.username}", file=sys.stderr)
        return 2
    request = ActionRequest(
        action=args.action,
        note=args.note,
        internal_note=args.internal_note,
        reason=args.reason,
        target_ticket=args.target,
        agency_code=args.agency,
    )
    try:
        complaint = Workflow(crm).act(auth, args.ticket_code, request)
    except ApiError as exc:
        print(f"crm-server: {exc.message}", file=sys.stderr)
        return 1
    print(f"{complaint.ticket_code}: {complaint.status} ({complaint.unit_name})")
    return 0


def _sms(settings: Settings, args: argparse.Namespace) -> int:
    import logging.config

    from crm_server.core.crm import Crm
    from crm_server.core.sms import staff
    from crm_server.sms_gateway import runner
    from crm_server.web.logs import log_config

    crm = _crm(settings)
    assert isinstance(crm, Crm)
    try:
        if args.command == "sms-show":
            shown = (
                staff.complaint_messages(crm, args.ticket_code)
                if args.ticket_code
                else staff.daily_totals(crm)
            )
            if shown is None:
                print("crm-server: no complaint has this ticket code", file=sys.stderr)
                return 1
            print(json.dumps(shown, indent=2, default=str))
            return 0
        # The server's logging (redacted, an exception's type only), not basicConfig's
        # tracebacks: a database error's text may carry a phone number.
        logging.config.dictConfig(log_config(settings.log_level, settings.log_format))
        gateway = runner.gateway_from(settings, crm)
        if not args.once:
            runner.run_forever(crm, gateway, settings.sms_interval)
        runner.check_templates(crm)
        report = runner.run_once(crm, gateway)
        print(report.line() if report else "another worker is running the SMS jobs")
    finally:
        crm.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
