"""The koordinator's "Pantauan": every desk of the site, what was recorded, and the
site's complaints that are overdue or *digantung* — for supervisors and admins only
(refused here, not only hidden in the UI).

The CRM answers for the whole site (``GET /api/v1/supervision``, scoped to this
desk's site by its token); this desk adds what it knows itself (its own counts and
unsent items), which it can say with no network at all. The last CRM answer is kept
in the data folder (it holds no personal data: codes, counts, staff names) and is
shown, with its time, when the CRM cannot be reached.

Every call here blocks on the network or the disk: the UI runs them off the GUI
thread (its own runner, apart from the database worker). One service, one thread:
the HTTP client it builds is used by that thread only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from complaint_domain.complaint import WIB
from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.services.accounts import Officer, Role, require
from desk_app.services.desk import Desk
from desk_app.services.errors import NotFound
from desk_app.services.queue_figures import QueueFigures, fetch_figures
from desk_app.store import keyvalue, outbox
from desk_app.store.recorded import recorded_between
from desk_app.sync.client import AuthFailed, SyncError
from desk_app.sync.state import LAST_SUCCESS_KEY

if TYPE_CHECKING:
    from desk_app.services.sync_control import SyncControl
    from desk_app.sync.client import CrmClient

CACHE_FILE = "pantauan-crm.json"
TIMEOUT = (3.0, 10.0)  # connect, read: the page says "unreachable" rather than wait long


def _time(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class DeskLine:
    code: str
    officer: str
    online: bool
    last_heartbeat_at: dt.datetime | None
    heartbeat_age_s: int | None
    pending: int | None
    oldest_unsent_age_s: int | None
    last_push_at: dt.datetime | None
    app_version: str
    outdated: bool
    clock_offset_s: int | None
    silent: bool
    reasons: tuple[str, ...]  # "unsent", "no_heartbeat"
    own: bool = False

    @classmethod
    def read(cls, d: dict[str, Any], own_code: str) -> DeskLine:
        return cls(
            d["code"],
            d.get("officer") or "",
            bool(d["online"]),
            _time(d["last_heartbeat_at"]),
            d["heartbeat_age_seconds"],
            d["pending_count"],
            d["oldest_unsent_age_seconds"],
            _time(d["last_push_at"]),
            d.get("app_version") or "",
            bool(d["outdated"]),
            d.get("clock_offset_seconds"),
            bool(d["silent"]),
            tuple(d["silent_reasons"]),
            d["code"] == own_code,
        )


@dataclass(frozen=True)
class CaseLine:
    """A complaint of the site at the CRM, as listed: no personal data."""

    ticket_code: str
    desk: str
    category_code: str
    kelurahan_code: str
    status: str
    public_label: str
    unit: str
    due_date: dt.date | None
    working_days_late: int
    quiet_working_days: int
    last_public_update_at: dt.datetime | None
    own: bool = False  # recorded at this desk: its detail view may open

    @classmethod
    def read(cls, c: dict[str, Any], own_code: str) -> CaseLine:
        return cls(
            c["ticket_code"],
            c["desk"],
            c["category_code"],
            c["kelurahan_code"],
            c["status"],
            c["public_label"],
            c["unit"],
            _day(c["due_date"]),
            int(c["working_days_late"]),
            int(c["quiet_working_days"]),
            _time(c["last_public_update_at"]),
            c["desk"] == own_code,
        )


@dataclass(frozen=True)
class Recorded:
    """Complaints recorded from ``first_day`` for ``days`` days (Jakarta time)."""

    first_day: dt.date
    days: int
    total: int = 0
    per_desk: tuple[tuple[str, int], ...] = ()
    per_officer: tuple[tuple[str, str, int], ...] = ()  # desk, officer, count
    per_hour: tuple[int, ...] = (0,) * 24
    per_day: tuple[tuple[dt.date, int], ...] = ()

    @classmethod
    def read(cls, r: dict[str, Any]) -> Recorded:
        hours = {h["hour"]: h["count"] for h in r["per_hour"]}
        return cls(
            dt.date.fromisoformat(r["first_day"]),
            int(r["days"]),
            int(r["total"]),
            tuple((d["desk"], d["count"]) for d in r["per_desk"]),
            tuple((o["desk"], o["officer"], o["count"]) for o in r["per_officer"]),
            tuple(hours.get(h, 0) for h in range(24)),
            tuple((dt.date.fromisoformat(d["day"]), d["count"]) for d in r["per_day"]),
        )


@dataclass(frozen=True)
class CrmPicture:
    """The CRM's answer for the site, at ``as_of`` (the CRM's clock)."""

    as_of: dt.datetime
    site: str
    expected_version: str
    desks: tuple[DeskLine, ...]
    recorded: Recorded
    per_state: tuple[tuple[str, int], ...]
    overdue_total: int
    overdue: tuple[CaseLine, ...]
    digantung_days: int
    digantung_total: int
    digantung: tuple[CaseLine, ...]

    @classmethod
    def read(cls, body: dict[str, Any], own_code: str) -> CrmPicture:
        return cls(
            dt.datetime.fromisoformat(body["as_of"]),
            body["site"],
            body.get("expected_app_version") or "",
            tuple(DeskLine.read(d, own_code) for d in body["desks"]),
            Recorded.read(body["recorded"]),
            tuple((s["status"], s["count"]) for s in body["per_state"]),
            int(body["overdue_total"]),
            tuple(CaseLine.read(c, own_code) for c in body["overdue"]),
            int(body["digantung_days"]),
            int(body["digantung_total"]),
            tuple(CaseLine.read(c, own_code) for c in body["digantung"]),
        )


@dataclass(frozen=True)
class OwnPicture:
    """What this desk knows by itself, network or not."""

    desk_code: str
    as_of: dt.datetime
    recorded: Recorded
    unsent: int
    oldest_unsent_at: dt.datetime | None
    last_sync_at: dt.datetime | None


@dataclass(frozen=True)
class Pantauan:
    own: OwnPicture
    crm: CrmPicture | None  # None: the CRM never answered this desk yet
    live: bool  # the CRM answered just now (else: the kept answer, or none)
    problem: str = ""  # a Message: why the CRM's part is not fresh ("" it is)
    queue: QueueFigures | None = None  # the site's visitor queue (None: not from the CRM)


@dataclass(frozen=True)
class Step:
    at: dt.datetime
    status: str
    public_label: str  # the CRM's words (Indonesian); the page says the state itself
    unit: str
    note: str


@dataclass(frozen=True)
class CaseHistory:
    line: CaseLine
    steps: tuple[Step, ...] = field(default=())


UNREACHABLE = QT_TRANSLATE_NOOP("Pantauan", "CRM tidak dapat dihubungi ({reason}).")
NOT_ENROLLED = QT_TRANSLATE_NOOP("Pantauan", "Meja ini belum terdaftar di CRM.")
TOKEN_REFUSED = QT_TRANSLATE_NOOP("Pantauan", "CRM menolak token meja ini: daftarkan meja lagi.")
BAD_ANSWER = QT_TRANSLATE_NOOP("Pantauan", "Jawaban CRM tidak dapat dibaca.")


class SupervisionService:
    """The Pantauan page's data; supervisors and admins only."""

    def __init__(self, desk: Desk, sync: SyncControl) -> None:
        self._desk = desk
        self._sync = sync
        self._client: CrmClient | None = None
        self._cache = desk.data_dir / CACHE_FILE

    # ------------------------------------------------------------------ the page

    def refresh(
        self, officer: Officer | None, first_day: dt.date | None = None, days: int = 1
    ) -> Pantauan:
        """The page for the day ``first_day`` (today) or the week from it (``days`` 7):
        this desk's own part, and the CRM's answer (or the one kept, with why)."""
        require(officer, Role.SUPERVISOR)
        now = self._desk.clock()
        first = first_day or now.astimezone(WIB).date()
        own = self.own_picture(first, days)
        if not self._sync.enrolled:
            return Pantauan(own, self._kept(), False, NOT_ENROLLED)
        try:
            body = self.client.get_json("/supervision", self._params(first_day, days))
            crm = CrmPicture.read(body, own.desk_code)
        except AuthFailed:
            self._client = None  # the desk may be enrolled again: read the token anew
            return Pantauan(own, self._kept(), False, TOKEN_REFUSED)
        except SyncError as exc:
            return Pantauan(own, self._kept(), False, UNREACHABLE.format(reason=exc.message))
        except (KeyError, TypeError, ValueError):
            return Pantauan(own, self._kept(), False, BAD_ANSWER)
        self._keep(body)
        return Pantauan(own, crm, True, queue=self._queue(first, days))

    def _queue(self, first: dt.date, days: int) -> QueueFigures | None:
        """The site's queue figures for the same days; None when the CRM has none to
        give (a CRM without the queue, or it went away since the answer above)."""
        try:
            return fetch_figures(self.client, first, first + dt.timedelta(days=days - 1))
        except (SyncError, KeyError, TypeError, ValueError):
            return None

    def history(self, officer: Officer | None, ticket_code: str) -> CaseHistory:
        """A complaint of the site: its public steps (for another desk's complaint,
        all the page may show of it)."""
        require(officer, Role.SUPERVISOR)
        own_code = self._desk.settings.desk_code
        try:
            body = self.client.get_json(f"/supervision/complaints/{ticket_code}")
        except SyncError as exc:
            if exc.status == 404:
                raise NotFound(
                    QT_TRANSLATE_NOOP("Pantauan", "Aduan {code} tidak ada di lokasi ini.").format(
                        code=ticket_code
                    )
                ) from None
            raise NotFound(UNREACHABLE.format(reason=exc.message)) from None
        steps = tuple(
            Step(
                dt.datetime.fromisoformat(e["at"]),
                e["status"],
                e["public_label"],
                e["unit"],
                e["note"],
            )
            for e in body["events"]
        )
        return CaseHistory(CaseLine.read(body, own_code), steps)

    def own_picture(self, first: dt.date, days: int = 1) -> OwnPicture:
        db = self._desk.database
        code = self._desk.settings.desk_code
        with db.read() as session:
            rows = recorded_between(session, first, first + dt.timedelta(days=days - 1))
            unsent, oldest = outbox.pending_summary(session)
            last = keyvalue.get(session, LAST_SUCCESS_KEY)
        per_officer: Counter[str] = Counter()
        per_hour: Counter[int] = Counter()
        per_day: Counter[dt.date] = Counter()
        for name, at in rows:
            local = at.astimezone(WIB)
            per_officer[name] += 1
            per_hour[local.hour] += 1
            per_day[local.date()] += 1
        recorded = Recorded(
            first,
            days,
            len(rows),
            ((code, len(rows)),),
            tuple((code, name, n) for name, n in sorted(per_officer.items())),
            tuple(per_hour[h] for h in range(24)),
            tuple(
                (first + dt.timedelta(days=i), per_day[first + dt.timedelta(days=i)])
                for i in range(days)
            ),
        )
        return OwnPicture(code, self._desk.clock(), recorded, unsent, oldest, _time(last))

    # ------------------------------------------------------------------ plumbing

    @property
    def client(self) -> CrmClient:
        """Built on first use, and again when the CRM's address was changed."""
        if self._client is not None and self._client.base_url != self._crm_url():
            self._client = None
        if self._client is None:
            self._client = self._sync.crm_client(timeout=TIMEOUT)
        return self._client

    def _crm_url(self) -> str:
        return self._desk.settings.crm_url.rstrip("/")

    def forget_client(self) -> None:
        """After an enrolment or a change of CRM address: the next call builds anew."""
        self._client = None

    def _params(self, first_day: dt.date | None, days: int) -> dict[str, Any]:
        settings = self._desk.settings
        opens, closes = settings.opening_window() or ("08:00", "16:00")
        params: dict[str, Any] = {
            "unsent_minutes": settings.silent_unsent_minutes,
            "heartbeat_minutes": settings.silent_heartbeat_minutes,
            "opens": opens,
            "closes": closes,
            "days": days,
        }
        if first_day is not None:
            params["day"] = first_day.isoformat()
        return params

    def _keep(self, body: dict[str, Any]) -> None:
        """The answer kept for when the CRM cannot be reached (written whole, then
        moved into place: a crash leaves the old one or the new one)."""
        part = self._cache.with_suffix(".part")
        try:
            part.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
            os.replace(part, self._cache)
        except OSError:
            pass  # a full disk loses the copy, not the page

    def _kept(self) -> CrmPicture | None:
        return read_kept(self._cache, self._desk.settings.desk_code)


def read_kept(path: Path, own_code: str) -> CrmPicture | None:
    try:
        return CrmPicture.read(json.loads(path.read_text(encoding="utf-8")), own_code)
    except (OSError, ValueError, KeyError, TypeError):
        return None
