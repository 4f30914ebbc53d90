"""The heartbeat's answer names the desk release the CRM rolls out (issue 20)."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient

from crm_server.core.crm import Crm
from crm_server.settings import Settings
from tests.crm_server.conftest import auth

BEAT = {"pending_count": 0, "oldest_unsent_age_seconds": None, "app_version": "0.1.0"}


def test_no_release_announced_answers_null(client: TestClient, desk: dict[str, str]) -> None:
    answer = client.post("/api/v1/sync/heartbeat", json=BEAT, headers=auth(desk))
    assert answer.status_code == 200
    body = answer.json()
    assert body["desk_release"] is None and body["desk_download_url"] is None
    assert "received_at" in body  # what older desks read is still there


def test_the_announced_release_and_its_download(
    crm: Crm, client: TestClient, desk: dict[str, str]
) -> None:
    crm.settings = dataclasses.replace(
        crm.settings, desk_release="0.2.0", desk_download_url="https://unduh.example/meja.exe"
    )
    body = client.post("/api/v1/sync/heartbeat", json=BEAT, headers=auth(desk)).json()
    assert body["desk_release"] == "0.2.0"
    assert body["desk_download_url"] == "https://unduh.example/meja.exe"
    # the heartbeat itself is recorded as before: the supervisor sees the desk's version
    desks = client.get("/api/v1/desks", headers=auth(desk)).json()["desks"]
    assert desks[0]["app_version"] == "0.1.0"


def test_the_setting_is_read_from_the_environment() -> None:
    env = {"MEJA_CRM_DATA_DIR": "/tmp/x", "MEJA_CRM_DESK_RELEASE": " 1.2.0rc1 "}
    settings = Settings.from_env(env | {"MEJA_CRM_DESK_DOWNLOAD_URL": "https://u.example/s"})
    assert settings.desk_release == "1.2.0rc1"
    assert settings.desk_download_url == "https://u.example/s"
    assert Settings.from_env({"MEJA_CRM_DATA_DIR": "/tmp/x"}).desk_release == ""


@pytest.mark.parametrize("bad", ["latest", "v1.2", "1.2 beta", "-1"])
def test_a_release_that_is_not_a_version_stops_the_start(bad: str) -> None:
    with pytest.raises(SystemExit, match="MEJA_CRM_DESK_RELEASE"):
        Settings.from_env({"MEJA_CRM_DATA_DIR": "/tmp/x", "MEJA_CRM_DESK_RELEASE": bad})
