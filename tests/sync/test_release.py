"""The release the CRM rolls out reaches the desk in the heartbeat's answer, is kept in
its database (the note survives a restart offline) and compared with the installed one
(issue 20). A real CRM on loopback, started with MEJA_CRM_DESK_RELEASE."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.services.desk import open_desk
from desk_app.services.updates import UpdateNote, UpdateService, newer
from desk_app.sync.client import CrmClient
from desk_app.sync.release import AnnouncedRelease, announced, app_version, remember
from tests.sync.conftest import fast_engine
from tests.sync.crm import CrmProcess

URL = "https://unduh.example/MejaAduan-setup.exe"


@pytest.fixture
def announcing(tmp_path: Path) -> Iterator[CrmProcess]:
    server = CrmProcess(tmp_path / "crm")
    server.env |= {"MEJA_CRM_DESK_RELEASE": "0.10.0", "MEJA_CRM_DESK_DOWNLOAD_URL": URL}
    server.start()
    yield server
    server.close()


def test_the_heartbeat_brings_the_release_and_the_desk_keeps_it(
    tmp_path: Path, announcing: CrmProcess
) -> None:
    desk = open_desk(tmp_path / "desk")
    try:
        token = CrmClient(announcing.url).enrol(announcing.enrolment_code("PBK1")).token
        engine = fast_engine(desk, CrmClient(announcing.url, token), version="0.9.2")
        assert announced(desk.database) == AnnouncedRelease()
        assert engine.run_once().ok
        assert announced(desk.database) == AnnouncedRelease("0.10.0", URL)
        # 0.10.0 after 0.9.2: numbers, not text ("0.10.0" < "0.9.2" as strings)
        note = UpdateService(desk, installed="0.9.2").note()
        assert note == UpdateNote("0.9.2", "0.10.0", URL)
        assert UpdateService(desk, installed="0.10.0").note() is None
        # the CRM recorded the version this desk sent
        (row,) = announcing.crm.desk_statuses()
        assert row.code == "PBK1" and row.app_version == "0.9.2"

        # The CRM stops announcing it: the desk forgets it at the next heartbeat.
        announcing.env.pop("MEJA_CRM_DESK_RELEASE")
        announcing.restart()
        assert engine.run_once().ok
        assert announced(desk.database) == AnnouncedRelease("", URL)
        assert UpdateService(desk, installed="0.9.2").note() is None
    finally:
        desk.close()


def test_the_note_survives_a_restart_with_no_network(tmp_path: Path) -> None:
    desk = open_desk(tmp_path / "desk")
    assert remember(desk.database, {"desk_release": "2.0.0", "desk_download_url": None})
    assert not remember(desk.database, {"desk_release": "2.0.0", "desk_download_url": None})
    desk.close()
    desk = open_desk(tmp_path / "desk")
    try:
        assert UpdateService(desk, installed="1.4.1").note() == UpdateNote("1.4.1", "2.0.0", "")
        # An older CRM's answer (no such field) or no answer at all leaves it as it was.
        received = {"received_at": dt.datetime.now(dt.UTC).isoformat()}
        assert not remember(desk.database, received)
        assert not remember(desk.database, None)
        assert announced(desk.database).version == "2.0.0"
    finally:
        desk.close()


@pytest.mark.parametrize(
    ("installed", "latest", "expected"),
    [
        ("0.9.1", "0.10.0", True),
        ("1.0.0rc2", "1.0.0", True),
        ("1.0.0", "1.0.0", False),
        ("1.0", "1.0.0", False),  # the same release written two ways
        ("0.2.0", "0.1.9", False),  # the desk is ahead of the CRM's note (a pilot)
        ("1.0.0", "1.0.1.dev3", True),
        ("dev", "1.0.0", False),  # a development checkout is never nagged
        ("0.1.0", "latest", False),  # unreadable: no note rather than a wrong one
    ],
)
def test_releases_compare_as_numbers(installed: str, latest: str, expected: bool) -> None:
    assert newer(installed, latest) is expected


def test_the_installed_version_is_the_distribution_s() -> None:
    from importlib import metadata

    assert app_version() == metadata.version("meja-aduan")
