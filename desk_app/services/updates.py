"""Whether a newer desk release exists: the quiet note on the home page.

The CRM announces the release it rolls out in the heartbeat's answer (kept by the sync,
:mod:`desk_app.sync.release`); this compares it with the installed one, as release
numbers (PEP 440: ``0.10.0`` after ``0.9.1``, ``1.0.0`` after ``1.0.0rc2``), never as
text. A development checkout (``dev``) or a number that cannot be read gets no note:
a wrong note is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from packaging.version import InvalidVersion, Version

from desk_app.sync.release import announced, app_version

if TYPE_CHECKING:
    from desk_app.services.desk import Desk


@dataclass(frozen=True)
class UpdateNote:
    """A newer release than the one installed: its number and where to get it."""

    installed: str
    latest: str
    download_url: str = ""


def newer(installed: str, latest: str) -> bool:
    """Whether ``latest`` is a later release than ``installed`` (False when either
    cannot be read as a release number)."""
    try:
        return Version(latest) > Version(installed)
    except InvalidVersion:
        return False


class UpdateService:
    """Reads the announced release from the desk's database (a worker's task)."""

    def __init__(self, desk: Desk, installed: str | None = None) -> None:
        self._desk = desk
        self._installed = installed

    @property
    def installed(self) -> str:
        if self._installed is None:
            self._installed = app_version()
        return self._installed

    def note(self) -> UpdateNote | None:
        """The note to show, or None when this desk runs the current release."""
        release = announced(self._desk.database)
        if not release.version or not newer(self.installed, release.version):
            return None
        return UpdateNote(self.installed, release.version, release.download_url)
