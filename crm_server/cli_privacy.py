"""``crm-server`` commands for personal data (issue 18): ``audit-verify``,
``retention [--dry-run]`` and ``rotate-data-key``. They print counts, ticket codes
and entry ids, never personal data."""

from __future__ import annotations

import argparse
from typing import Any

COMMANDS = ("audit-verify", "retention", "rotate-data-key")


def add_parsers(sub: Any) -> None:
    sub.add_parser(
        "audit-verify", help="walk the audit log's hash chain; name the first altered entry"
    )
    retention = sub.add_parser(
        "retention",
        help="remove the personal data of complaints closed MEJA_CRM_RETENTION_DAYS ago",
    )
    retention.add_argument("--dry-run", action="store_true", help="only list what would be removed")
    sub.add_parser(
        "rotate-data-key",
        help="re-encrypt every personal column under the first MEJA_CRM_DATA_KEY(_FILE) key",
    )


def run(crm: Any, args: argparse.Namespace) -> int:
    from crm_server.core import audit, data_keys, retention

    if args.command == "audit-verify":
        checked, broken = audit.verify(crm)
        if broken is not None:
            print(
                f"audit log altered: entry {broken} does not match the chain"
                f" ({checked} entries before it are whole)"
            )
            return 1
        print(f"audit log whole: {checked} entries")
        return 0
    if args.command == "retention":
        run_ = retention.run_retention(crm, dry_run=args.dry_run)
        print(run_.summary())
        for ticket in run_.tickets:
            print(ticket)
        return 0
    done = data_keys.rotate(crm)
    print(
        f"re-encrypted under key {crm.data_keys.current_id}: "
        f"{done['complaints']} complaints, {done['co_reporters']} co-reporters, "
        f"{done['sms_messages']} SMS, {done['sms_inbound']} received SMS, "
        f"{done['sms_optouts']} SMS opt-outs"
    )
    return 0
