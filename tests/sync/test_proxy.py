"""A desk behind an HTTP proxy named in the environment still syncs through it (the
client looks the proxy up once, for its one host, instead of on every request), and
NO_PROXY still takes the host past it."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from desk_app.services.desk import open_desk
from desk_app.sync.client import AuthFailed, CrmClient
from tests.sync.conftest import OFFICER, fast_engine, form
from tests.sync.crm import CrmProcess, assert_converged
from tests.sync.faultproxy import FaultProxy

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture
def clean_proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


@pytest.mark.parametrize("bypassed", [False, True], ids=["proxied", "no_proxy"])
def test_the_proxy_from_the_environment_carries_the_sync(
    tmp_path: Path,
    crm_server: CrmProcess,
    proxy: FaultProxy,
    clean_proxy_env: pytest.MonkeyPatch,
    bypassed: bool,
):
    clean_proxy_env.setenv("HTTP_PROXY", proxy.url)
    if bypassed:
        clean_proxy_env.setenv("NO_PROXY", "localhost,127.0.0.1")
    desk = open_desk(tmp_path / "desk")
    desk.settings.desk_code = "PBK1"
    try:
        for i in range(3):
            desk.intake.record(OFFICER, form(i))
        token = CrmClient(crm_server.url).enrol(crm_server.enrolment_code("PBK1")).token
        engine = fast_engine(desk, CrmClient(crm_server.url, token))
        report = engine.run_once()
        assert report.ok and report.accepted == 3
        through = 0 if bypassed else 1
        assert proxy.count("/api/v1/sync/complaints", "POST", proxied=True) == through
        assert proxy.count("/api/v1/sync/changes", proxied=True) == through
        assert proxy.count("/api/v1/sync/heartbeat", proxied=True) == through
        assert_converged(crm_server, desk)
    finally:
        desk.close()


def test_a_ca_bundle_named_in_the_environment_is_still_used(
    tmp_path: Path, clean_proxy_env: pytest.MonkeyPatch
):
    """What the client hands to requests as ``verify=`` on every request (the client
    passes it explicitly, so requests' own reading of the environment is bypassed and
    must be done by the client: this is that reading)."""
    bundle = tmp_path / "corporate-ca.pem"
    clean_proxy_env.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    assert CrmClient("https://crm.example.go.id").verify == str(bundle)
    # A CA pinned at enrolment wins, as in requests.
    assert CrmClient("https://crm.example.go.id", verify="/pinned.pem").verify == "/pinned.pem"


def test_clients_sharing_a_session_each_take_their_own_host_s_proxy(
    crm_server: CrmProcess, proxy: FaultProxy, clean_proxy_env: pytest.MonkeyPatch
):
    """The desk builds its engine's client for the address in its settings at start,
    then enrols (another client, the same session) with the address an admin types:
    the second must still go through the proxy its own host needs."""
    clean_proxy_env.setenv("HTTP_PROXY", proxy.url)
    clean_proxy_env.setenv("NO_PROXY", "localhost")
    session = requests.Session()
    at_start = CrmClient("http://localhost:8765", session=session)  # bypassed
    enrolling = CrmClient(crm_server.url, session=session)  # 127.0.0.1: proxied
    assert enrolling.enrol(crm_server.enrolment_code("PBK1")).token
    assert proxy.count("/api/v1/enrol", "POST", proxied=True) == 1
    # And an address changed afterwards (the engine's client after enrolment) too.
    at_start.base_url = crm_server.url
    at_start.token = "salah"
    with pytest.raises(AuthFailed):
        at_start.heartbeat(0, None, "t")
    assert proxy.count("/api/v1/sync/heartbeat", "POST", proxied=True) == 1
