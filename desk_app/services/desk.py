"""Assembles one desk from its data folder: database, files, settings, services.

This is the composition root: the UI and the command line get a :class:`Desk` and
call its services; nothing above this module builds stores or engines itself.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from complaint_domain.areas import AreaIndex, default_area_file, read_area_file
from complaint_domain.reference import CATEGORIES, Category, categories_from
from complaint_domain.workdays import WorkCalendar
from desk_app.services.accounts import AccountService, Officer, Role, require
from desk_app.services.drafts import DraftService
from desk_app.services.intake import IntakeService
from desk_app.services.lookup import LookupService
from desk_app.services.settings import Settings, load_settings, save_settings, settings_path
from desk_app.store import areas as area_repo
from desk_app.store import audit, keyvalue
from desk_app.store.attachments import FileStore
from desk_app.store.crypto import FileCipher
from desk_app.store.db import Database, open_database

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class CrmReference:
    """What the CRM last published (``GET /api/v1/reference``) beside the areas,
    which the pull stores in their table: its categories, the working days of a
    first response and its extra leave days."""

    categories: tuple[Category, ...] = CATEGORIES
    first_response_days: int | None = None
    leave_days: tuple[dt.date, ...] = ()

    @classmethod
    def from_document(cls, text: str) -> CrmReference:
        """Read leniently: what it cannot read is left to the desk's own data."""
        try:
            document = json.loads(text) if text else {}
        except ValueError:
            document = {}
        if not isinstance(document, dict):
            document = {}
        limits = document.get("time_limits")
        days = limits.get("received") if isinstance(limits, dict) else None
        leave = []
        for raw in document.get("cuti_bersama") or []:
            try:
                leave.append(dt.date.fromisoformat(str(raw)))
            except ValueError:
                continue
        return cls(
            categories=categories_from(document.get("categories") or []),
            first_response_days=days if isinstance(days, int) and 0 < days <= 60 else None,
            leave_days=tuple(leave),
        )


@dataclass
class Desk:
    data_dir: Path
    database: Database
    files: FileStore
    settings: Settings
    settings_warnings: list[str]
    areas: AreaIndex
    clock: Clock
    reference: CrmReference = field(default_factory=CrmReference)
    accounts: AccountService = field(init=False)
    intake: IntakeService = field(init=False)
    lookup: LookupService = field(init=False)
    drafts: DraftService = field(init=False)

    def __post_init__(self) -> None:
        self.accounts = AccountService(self.database, self.clock)
        # Areas and desk code are read at use: an area import or an enrolment changes them.
        self.intake = IntakeService(
            self.database,
            self.files,
            lambda: self.areas,
            lambda: self.settings.desk_code,
            self.clock,
            lambda: self.category_by_code,
        )
        self.lookup = LookupService(self.database)
        self.drafts = DraftService(self.database, self.clock)

    @property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar((*self.settings.leave_days(), *self.reference.leave_days))

    @property
    def categories(self) -> tuple[Category, ...]:
        """The CRM's categories once it published them; the shipped ones until then."""
        return self.reference.categories

    @property
    def category_by_code(self) -> Mapping[str, Category]:
        return {c.code: c for c in self.reference.categories}

    @property
    def first_response_days(self) -> int:
        """The working days the receipt promises: the CRM's limit for a received
        complaint (what its tracking page counts), the setting until the CRM says."""
        return self.reference.first_response_days or self.settings.first_response_working_days

    def reload_reference(self) -> None:
        """The CRM published new reference data (stored by the sync pull): use it.
        Each value is replaced whole, so a reader on another thread sees the old
        or the new, never a mixture."""
        with self.database.read() as session:
            stored = area_repo.load_all(session)
            text = keyvalue.get(session, keyvalue.CRM_REFERENCE)
        if stored:
            self.areas = AreaIndex(stored)
        self.reference = CrmReference.from_document(text)

    def save_settings(self, actor: Officer, settings: Settings) -> None:
        require(actor, Role.ADMIN)
        save_settings(settings_path(self.data_dir), settings)
        self.settings = settings
        with self.database.write() as session:
            audit.record(session, self.clock(), actor.username, "settings.save", "")

    def import_areas(self, actor: Officer | None, path: Path) -> int:
        """Replace the area list with an official file; returns how many areas."""
        if actor is not None:  # None: the command line, run by whoever owns the files
            require(actor, Role.ADMIN)
        found = read_area_file(path)
        with self.database.write() as session:
            area_repo.replace_all(session, found)
            audit.record(
                session,
                self.clock(),
                actor.username if actor else "cli",
                "areas.import",
                path.name,
                count=len(found),
            )
        self.areas = AreaIndex(found)
        return len(found)

    def close(self) -> None:
        self.database.close()


def open_desk(
    data_dir: Path,
    clock: Clock = system_clock,
    settings_read: tuple[Settings, list[str]] | None = None,
) -> Desk:
    """``settings_read``: the settings and their warnings when the caller has read them
    already (the window reads them first for its language and theme; reading twice
    would lose the warning about a damaged file, which the first read moved aside)."""
    from desk_app.services.desk_key import desk_keys

    keys = desk_keys(data_dir)  # DeskKeyMissing: said plainly, nothing created
    database = open_database(data_dir, keys)
    files = FileStore(data_dir / "files", FileCipher(keys) if keys is not None else None)
    files.seal_all()  # files kept in clear before encryption, once
    settings, warnings = settings_read or load_settings(settings_path(data_dir))
    with database.read() as session:
        stored = area_repo.load_all(session)
        published = keyvalue.get(session, keyvalue.CRM_REFERENCE)
    shipped = read_area_file(default_area_file())
    if not stored or (not published and {a.code for a in stored} < {a.code for a in shipped}):
        # Empty, or the small demo set of earlier versions: the official list (a
        # list the CRM published is used as it is; an imported one is not a part).
        stored = shipped
        with database.write() as session:
            area_repo.replace_all(session, stored)
    return Desk(
        data_dir=data_dir,
        database=database,
        files=files,
        settings=settings,
        settings_warnings=warnings,
        areas=AreaIndex(stored),
        clock=clock,
        reference=CrmReference.from_document(published),
    )
