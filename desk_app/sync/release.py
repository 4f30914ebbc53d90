"""Which desk release this is, and which one the CRM says is current.

The desk sends its version in every heartbeat; the CRM answers with the release it
rolls out now (``desk_release``, and ``desk_download_url`` where the IT officer gets
the installer; both null when none is announced). The answer is kept in the desk's
database, so that the note survives a restart with no network; the services compare
the two (:mod:`desk_app.services.updates`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata

from desk_app.store import keyvalue
from desk_app.store.db import Database

RELEASE_KEY = "sync.desk_release"
DEV_VERSION = "dev"


def app_version() -> str:
    """This desk's release: the installed distribution's version (also in the frozen
    app, which carries its metadata); ``dev`` when it cannot be known."""
    try:
        return metadata.version("meja-aduan")
    except metadata.PackageNotFoundError:
        return DEV_VERSION


@dataclass(frozen=True)
class AnnouncedRelease:
    """The release the CRM said is current ("" when it announced none)."""

    version: str = ""
    download_url: str = ""


def _text(answer: Mapping[str, object], key: str) -> str:
    value = answer.get(key)
    return value.strip()[:200] if isinstance(value, str) else ""


def remember(database: Database, answer: object) -> bool:
    """Keep the heartbeat answer's release; whether it changed. An answer without the
    fields (an older CRM) leaves what was kept; null fields clear it."""
    if not isinstance(answer, Mapping) or "desk_release" not in answer:
        return False
    release = AnnouncedRelease(_text(answer, "desk_release"), _text(answer, "desk_download_url"))
    if release == announced(database):
        return False
    value = json.dumps({"version": release.version, "url": release.download_url})
    with database.write() as session:
        keyvalue.put(session, RELEASE_KEY, value)
    return True


def announced(database: Database) -> AnnouncedRelease:
    with database.read() as session:
        raw = keyvalue.get(session, RELEASE_KEY)
    try:
        kept = json.loads(raw) if raw else {}
    except ValueError:
        return AnnouncedRelease()
    if not isinstance(kept, dict):
        return AnnouncedRelease()
    return AnnouncedRelease(_text(kept, "version"), _text(kept, "url"))
