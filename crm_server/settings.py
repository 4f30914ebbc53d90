"""Settings of the CRM service, read from environment variables in one place.

Every variable is documented in the README ("The CRM service"). Defaults give a
working single-machine service on SQLite in a data folder.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from complaint_domain.complaint import MAX_ATTACHMENT_BYTES
from complaint_domain.queue import DEFAULT_PRIORITY_RUN
from complaint_domain.status import Status

# Working days a complaint may stay in each state before it is overdue.
DEFAULT_TIME_LIMITS: dict[str, int] = {
    Status.RECEIVED: 1,
    Status.COORDINATION: 2,
    Status.DISPOSITION: 2,
    Status.IN_PROGRESS: 10,
    Status.RETURNED: 5,
    Status.VERIFICATION: 3,
}


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {raw!r}") from None


def _not_negative(env: Mapping[str, str], name: str, default: int) -> int:
    """A per-minute limit: 0 turns it off; a negative number is a mistake, not "off"."""
    value = _int(env, name, default)
    if value < 0:
        raise SystemExit(f"{name} must be 0 (no limit) or more")
    return value


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    value = _int(env, name, default)
    if value < 1:
        raise SystemExit(f"{name} must be at least 1")
    return value


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    """On unless 0, false or no (any case); unset: ``default``."""
    raw = env.get(name, "").strip().lower()
    return default if not raw else raw not in ("0", "false", "no")


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` (the first by default)."""
    value = env.get(name, "").strip().lower() or choices[0]
    if value not in choices:
        shown = ", ".join(c or "empty" for c in choices)
        raise SystemExit(f"{name} must be one of {shown}, not {value!r}")
    return value


def _time_limits(raw: str) -> dict[str, int]:
    """``received=1,in_progress=8``: overrides of the default limits."""
    limits = dict(DEFAULT_TIME_LIMITS)
    for part in filter(None, (p.strip() for p in raw.split(","))):
        state, _, days = part.partition("=")
        if state.strip() not in limits or not days.strip().isdigit():
            raise SystemExit(f"MEJA_CRM_TIME_LIMITS: cannot read {part!r}")
        limits[state.strip()] = int(days)
    return limits


def _dates(raw: str) -> tuple[dt.date, ...]:
    try:
        return tuple(dt.date.fromisoformat(p.strip()) for p in raw.split(",") if p.strip())
    except ValueError:
        raise SystemExit("MEJA_CRM_CUTI_BERSAMA: dates are YYYY-MM-DD, comma-separated") from None


def _networks(raw: str) -> tuple[str, ...]:
    """``10.0.0.2,192.168.1.0/24``: addresses or networks, checked here and written in
    their canonical form (``10.0.0.5/8`` becomes ``10.0.0.0/8``): uvicorn's proxy
    middleware parses them strictly and would otherwise never match such an entry."""
    parts = []
    for part in (p.strip() for p in raw.split(",") if p.strip()):
        try:
            network = ipaddress.ip_network(part, strict=False)
        except ValueError:
            raise SystemExit(
                f"MEJA_CRM_TRUSTED_PROXIES: {part!r} is not an IP address or network"
            ) from None
        single = network.num_addresses == 1
        parts.append(str(network.network_address) if single else str(network))
    return tuple(parts)


def _hours(raw: str) -> tuple[int, int]:
    """``21-6``: no SMS from 21.00 until 06.00 Jakarta time."""
    start, _, end = raw.strip().partition("-")
    if not (start.isdigit() and end.isdigit() and 0 <= int(start) < 24 and 0 <= int(end) < 24):
        raise SystemExit("MEJA_CRM_SMS_QUIET_HOURS: two hours, e.g. 21-6")
    return int(start), int(end)


def _release(raw: str) -> str:
    """A desk release as the desks number theirs (``0.2.0``, ``1.0.1rc1``): digits first."""
    value = raw.strip()
    if value and not re.fullmatch(r"\d+(\.\d+)*([a-z0-9.+-]*)", value, re.IGNORECASE):
        raise SystemExit(f"MEJA_CRM_DESK_RELEASE must be a version such as 0.2.0, not {value!r}")
    return value


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    public_host: str = "localhost:8765"
    # The help line each desk prints on its receipts, given at enrolment ("": none).
    help_phone: str = ""
    host: str = "127.0.0.1"
    port: int = 8765
    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES
    max_json_bytes: int = 2 * 1024 * 1024
    digantung_days: int = 5
    enrolment_code_days: int = 7
    time_limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_TIME_LIMITS))
    cuti_bersama: tuple[dt.date, ...] = ()
    auto_migrate: bool = True
    log_level: str = "info"
    log_format: str = "json"  # or "text"
    # Requests per client address per minute (0: no limit), and how many addresses
    # each limit remembers (see ratelimit.py).
    enrol_per_minute: int = 10
    tracking_per_minute: int = 120
    # Lookups of complaints by phone, NIK or ticket code per desk per minute (a
    # stolen desk token must not become a way to ask who complained about what).
    desk_lookup_per_minute: int = 30
    rate_limit_addresses: int = 10_000
    # Reverse proxies whose X-Forwarded-For is believed; none: the socket's peer.
    trusted_proxies: tuple[str, ...] = ()
    # The staff console's sign-in (see core/staff_sign_in.py): a session ends after
    # this many idle minutes, or this many hours whatever happens; an account is
    # locked for ``console_lock_minutes`` after ``console_lock_after`` wrong
    # passwords in a row; one address gets ``console_address_failures`` wrong sign-ins
    # per ``console_address_window_minutes``; every wrong one is answered this late.
    console_idle_minutes: int = 30
    console_session_hours: int = 12
    console_lock_after: int = 5
    console_lock_minutes: int = 15
    console_address_failures: int = 20
    console_address_window_minutes: int = 15
    console_failure_delay_ms: int = 700
    # Cookies only over HTTPS (browsers also send them to http://localhost).
    secure_cookies: bool = True
    # Each worker runs the periodic jobs that are due every this many seconds
    # (core/jobs.py; once across all workers). Off unless from the environment, so
    # that an application made in a test runs none behind its back.
    run_jobs: bool = False
    job_tick_seconds: int = 30
    # SMS to citizens (issue 21, docs/sms.md): "" (none), "gammu-files", "gammu-sql", "http".
    sms_backend: str = ""
    sms_gammu_dir: str = ""  # Gammu SMSD's files spool: inbox/ outbox/ sent/ error/
    sms_gammu_schema: str = "gammu"  # Gammu SMSD's SQL tables in the CRM's PostgreSQL
    sms_http_url: str = ""
    sms_http_key: str = ""
    sms_reminder_days: int = 5  # working days of silence between "still handled" messages
    sms_daily_cap: int = 5  # messages per number per day (Jakarta time)
    sms_quiet_hours: tuple[int, int] = (21, 6)  # no SMS from 21.00 to 06.00 WIB
    sms_interval: int = 15  # seconds between two runs of sms-run
    # The desk release the CRM's operators roll out ("": none announced) and where an
    # IT officer gets its installer; told to every desk in the heartbeat's answer.
    desk_release: str = ""
    desk_download_url: str = ""
    # The visitor queue's fairness rule: at most this many priority calls in a row
    # while a regular visitor waits.
    queue_priority_run: int = DEFAULT_PRIORITY_RUN
    # Personal data at rest (issue 18, db/crypto.py): the data keys (base64, first
    # encrypts) from the environment or a file; neither: one generated in data_dir.
    data_key: str = field(default="", repr=False)
    data_key_file: str = ""
    # Days after a complaint is closed before its personal data is removed.
    retention_days: int = 730
    # The complaints mailbox (issue 22): read over IMAP, answered over SMTP. Empty
    # host: no mailbox is read.
    imap_host: str = ""
    imap_port: int = 993
    imap_ssl: bool = True
    imap_user: str = ""
    imap_password: str = ""
    imap_folder: str = "INBOX"
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_from: str = ""

    @property
    def attachment_dir(self) -> Path:
        return self.data_dir / "attachments"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        data_dir = Path(
            env.get("MEJA_CRM_DATA_DIR") or platformdirs.user_data_path("meja-aduan-crm")
        ).expanduser()
        url = env.get("MEJA_CRM_DATABASE_URL") or f"sqlite:///{data_dir / 'crm.sqlite3'}"
        return cls(
            data_dir=data_dir,
            database_url=url,
            public_host=env.get("MEJA_CRM_PUBLIC_HOST", "localhost:8765"),
            help_phone=env.get("MEJA_CRM_HELP_PHONE", "").strip(),
            host=env.get("MEJA_CRM_HOST", "127.0.0.1"),
            port=_int(env, "MEJA_CRM_PORT", 8765),
            max_attachment_bytes=_int(env, "MEJA_CRM_MAX_ATTACHMENT_BYTES", MAX_ATTACHMENT_BYTES),
            max_json_bytes=_int(env, "MEJA_CRM_MAX_JSON_BYTES", 2 * 1024 * 1024),
            digantung_days=_int(env, "MEJA_CRM_DIGANTUNG_DAYS", 5),
            enrolment_code_days=_int(env, "MEJA_CRM_ENROLMENT_DAYS", 7),
            time_limits=_time_limits(env.get("MEJA_CRM_TIME_LIMITS", "")),
            cuti_bersama=_dates(env.get("MEJA_CRM_CUTI_BERSAMA", "")),
            auto_migrate=_flag(env, "MEJA_CRM_AUTO_MIGRATE", True),
            log_level=env.get("MEJA_CRM_LOG_LEVEL", "info"),
            log_format=_choice(env, "MEJA_CRM_LOG_FORMAT", ("json", "text")),
            enrol_per_minute=_not_negative(env, "MEJA_CRM_ENROL_PER_MINUTE", 10),
            tracking_per_minute=_not_negative(env, "MEJA_CRM_TRACKING_PER_MINUTE", 120),
            desk_lookup_per_minute=_not_negative(env, "MEJA_CRM_DESK_LOOKUP_PER_MINUTE", 30),
            rate_limit_addresses=_positive(env, "MEJA_CRM_RATE_LIMIT_ADDRESSES", 10_000),
            trusted_proxies=_networks(env.get("MEJA_CRM_TRUSTED_PROXIES", "")),
            console_idle_minutes=_positive(env, "MEJA_CRM_CONSOLE_IDLE_MINUTES", 30),
            console_session_hours=_positive(env, "MEJA_CRM_CONSOLE_SESSION_HOURS", 12),
            console_lock_after=_positive(env, "MEJA_CRM_CONSOLE_LOCK_AFTER", 5),
            console_lock_minutes=_positive(env, "MEJA_CRM_CONSOLE_LOCK_MINUTES", 15),
            console_address_failures=_positive(env, "MEJA_CRM_CONSOLE_ADDRESS_FAILURES", 20),
            console_address_window_minutes=_positive(
                env, "MEJA_CRM_CONSOLE_ADDRESS_WINDOW_MINUTES", 15
            ),
            console_failure_delay_ms=_not_negative(env, "MEJA_CRM_CONSOLE_FAILURE_DELAY_MS", 700),
            secure_cookies=_flag(env, "MEJA_CRM_SECURE_COOKIES", True),
            run_jobs=_flag(env, "MEJA_CRM_RUN_JOBS", True),
            job_tick_seconds=_positive(env, "MEJA_CRM_JOB_TICK_SECONDS", 30),
            sms_backend=_choice(
                env, "MEJA_CRM_SMS_BACKEND", ("", "gammu-files", "gammu-sql", "http")
            ),
            sms_gammu_dir=env.get("MEJA_CRM_SMS_GAMMU_DIR", "").strip(),
            sms_gammu_schema=env.get("MEJA_CRM_SMS_GAMMU_SCHEMA", "gammu").strip(),
            sms_http_url=env.get("MEJA_CRM_SMS_HTTP_URL", "").strip(),
            sms_http_key=env.get("MEJA_CRM_SMS_HTTP_KEY", "").strip(),
            sms_reminder_days=_positive(env, "MEJA_CRM_SMS_REMINDER_DAYS", 5),
            sms_daily_cap=_positive(env, "MEJA_CRM_SMS_DAILY_CAP", 5),
            sms_quiet_hours=_hours(env.get("MEJA_CRM_SMS_QUIET_HOURS", "21-6")),
            sms_interval=_positive(env, "MEJA_CRM_SMS_INTERVAL", 15),
            desk_release=_release(env.get("MEJA_CRM_DESK_RELEASE", "")),
            desk_download_url=env.get("MEJA_CRM_DESK_DOWNLOAD_URL", "").strip(),
            queue_priority_run=_positive(env, "MEJA_CRM_QUEUE_PRIORITY_RUN", DEFAULT_PRIORITY_RUN),
            data_key=env.get("MEJA_CRM_DATA_KEY", ""),
            data_key_file=env.get("MEJA_CRM_DATA_KEY_FILE", "").strip(),
            retention_days=_positive(env, "MEJA_CRM_RETENTION_DAYS", 730),
            imap_host=env.get("MEJA_CRM_IMAP_HOST", "").strip(),
            imap_port=_positive(env, "MEJA_CRM_IMAP_PORT", 993),
            imap_ssl=_flag(env, "MEJA_CRM_IMAP_SSL", True),
            imap_user=env.get("MEJA_CRM_IMAP_USER", "").strip(),
            imap_password=env.get("MEJA_CRM_IMAP_PASSWORD", ""),
            imap_folder=env.get("MEJA_CRM_IMAP_FOLDER", "INBOX").strip() or "INBOX",
            smtp_host=env.get("MEJA_CRM_SMTP_HOST", "").strip(),
            smtp_port=_positive(env, "MEJA_CRM_SMTP_PORT", 25),
            smtp_from=env.get("MEJA_CRM_SMTP_FROM", "").strip(),
        )

    def with_database(self, url: str) -> Settings:
        return replace(self, database_url=url)
