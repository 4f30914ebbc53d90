"""Rate limits per client address on enrolment and the tracking page, through the app.

The limiters' clock is a number the test moves by hand: nothing depends on how fast
the machine runs the requests.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from crm_server.app import create_app
from crm_server.core.crm import Crm
from tests.crm_server.conftest import assert_no_personal_data, complaint_item

Push = Callable[..., dict[str, Any]]
ENROL = "/api/v1/enrol"
WRONG_CODE = {"enrolment_code": "AAAA-BBBB-CCCC"}


class Ticks:
    """The limiters' clock, in seconds."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


@pytest.fixture
def make_app(crm: Crm, ticks: Ticks) -> Callable[..., FastAPI]:
    def make(**settings: Any) -> FastAPI:
        return create_app(dataclasses.replace(crm.settings, **settings), crm=crm, rate_clock=ticks)

    return make


def from_address(app: FastAPI, address: str) -> TestClient:
    return TestClient(app, client=(address, 40000), raise_server_exceptions=False)


def test_enrolment_is_limited_per_address(make_app: Callable[..., FastAPI], ticks: Ticks) -> None:
    app = make_app()  # the default: 10 a minute
    guesser = from_address(app, "203.0.113.7")
    for _ in range(10):
        assert guesser.post(ENROL, json=WRONG_CODE).status_code == 401
    refused = guesser.post(ENROL, json=WRONG_CODE)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "6"  # one more try every 6 s
    assert refused.json() == {
        "error": {
            "code": "rate_limited",
            "message": "Too many enrolment attempts from this address; try again in 6 s.",
            "field": None,
        }
    }
    # Another address is not affected.
    assert from_address(app, "203.0.113.8").post(ENROL, json=WRONG_CODE).status_code == 401
    ticks.now += 5
    assert guesser.post(ENROL, json=WRONG_CODE).headers["Retry-After"] == "1"
    ticks.now += 1
    assert guesser.post(ENROL, json=WRONG_CODE).status_code == 401
    assert guesser.post(ENROL, json=WRONG_CODE).status_code == 429


def test_a_desk_enrols_even_while_its_neighbour_is_refused(
    make_app: Callable[..., FastAPI], crm: Crm
) -> None:
    app = make_app(enrol_per_minute=2)
    guesser = from_address(app, "198.51.100.1")
    tries = [guesser.post(ENROL, json=WRONG_CODE).status_code for _ in range(3)]
    assert tries == [401, 401, 429]
    desk = from_address(app, "198.51.100.2")
    answer = desk.post(ENROL, json={"enrolment_code": crm.create_enrolment("PBK1", "Balai")})
    assert answer.status_code == 200, answer.text


def test_tracking_page_is_limited_per_address(
    make_app: Callable[..., FastAPI], ticks: Ticks, push: Push
) -> None:
    item = complaint_item()
    push(item)
    page = f"/T/{item['ticket_code']}/{item['tracking_token']}"
    app = make_app(tracking_per_minute=4)
    citizen = from_address(app, "192.0.2.10")
    for path in (page, page + ".json", page, page + ".json"):
        assert citizen.get(path).status_code == 200
    refused = citizen.get(page)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "15"  # 4 a minute: one every 15 s
    assert refused.headers["content-type"].startswith("text/html")
    html = refused.text
    assert "Mohon tunggu sebentar" in html and "dalam <strong>15 detik</strong>" in html
    assert "font-size: 20px" in html  # the large type of every tracking page
    assert "<script" not in html.lower()
    assert item["ticket_code"] not in html
    assert_no_personal_data(html)
    as_json = citizen.get(page + ".json")
    assert as_json.status_code == 429 and as_json.headers["Retry-After"] == "15"
    assert as_json.json()["error"]["code"] == "rate_limited"
    assert set(as_json.json()["error"]) == {"code", "message", "field"}
    # Another address still sees the page; this one again after the wait.
    assert from_address(app, "192.0.2.11").get(page).status_code == 200
    ticks.now += 15
    assert citizen.get(page).status_code == 200


def test_the_longest_wait_and_no_limit(make_app: Callable[..., FastAPI], ticks: Ticks) -> None:
    citizen = from_address(make_app(tracking_per_minute=1), "192.0.2.20")
    assert citizen.get("/T/NOT-A-CODE/ABCDEF").status_code == 404
    refused = citizen.get("/T/NOT-A-CODE/ABCDEF")
    assert refused.headers["Retry-After"] == "60"
    assert "dalam <strong>60 detik</strong>" in refused.text
    ticks.now += 59.5
    assert citizen.get("/T/NOT-A-CODE/ABCDEF").headers["Retry-After"] == "1"
    unlimited = from_address(make_app(tracking_per_minute=0), "192.0.2.20")
    for _ in range(50):
        assert unlimited.get("/T/NOT-A-CODE/ABCDEF").status_code == 404


def forwarded(client: TestClient, address: str) -> int:
    """The status of a tracking page asked for on behalf of ``address``."""
    answer = client.get("/T/NOT-A-CODE/ABCDEF", headers={"X-Forwarded-For": address})
    return answer.status_code


def test_forwarded_address_is_believed_only_from_a_trusted_proxy(
    make_app: Callable[..., FastAPI],
) -> None:
    # By default the peer is the client: a made-up X-Forwarded-For buys nothing.
    direct = from_address(make_app(tracking_per_minute=2), "192.0.2.30")
    assert [forwarded(direct, f"10.0.0.{i}") for i in range(3)] == [404, 404, 429]
    # Behind a trusted proxy, each forwarded address has its own limit ...
    app = make_app(tracking_per_minute=2, trusted_proxies=("192.0.2.1",))
    proxy = from_address(app, "192.0.2.1")
    assert [forwarded(proxy, "10.0.0.1") for _ in range(3)] == [404, 404, 429]
    assert forwarded(proxy, "10.0.0.2") == 404
    # ... and the address the proxy saw is the last one it appended.
    assert forwarded(proxy, "10.0.0.2, 10.0.0.1") == 429
    # A peer that is not the proxy is not believed.
    stranger = from_address(app, "192.0.2.99")
    assert [forwarded(stranger, f"10.0.1.{i}") for i in range(3)] == [404, 404, 429]


def test_an_ipv6_client_counts_by_its_64(make_app: Callable[..., FastAPI]) -> None:
    app = make_app(tracking_per_minute=2, trusted_proxies=("192.0.2.1",))
    proxy = from_address(app, "192.0.2.1")
    assert [forwarded(proxy, a) for a in ("2001:db8:1:2::1", "2001:db8:1:2::ffff")] == [404, 404]
    assert forwarded(proxy, "2001:db8:1:2:aaaa::3") == 429  # same /64
    assert forwarded(proxy, "2001:db8:1:3::1") == 404  # the next /64


def test_a_whole_ipv6_48_shares_a_larger_limit(make_app: Callable[..., FastAPI]) -> None:
    """Whoever holds a /48 has 65 536 /64s: they do not get as many full buckets."""
    from crm_server.web.ratelimit import IPV6_BLOCK_SHARE

    app = make_app(tracking_per_minute=1, trusted_proxies=("192.0.2.1",))
    proxy = from_address(app, "192.0.2.1")
    answers = [forwarded(proxy, f"2001:db8:7:{i:x}::1") for i in range(IPV6_BLOCK_SHARE + 4)]
    assert answers == [404] * IPV6_BLOCK_SHARE + [429] * 4
    assert forwarded(proxy, "2001:db8:8::1") == 404  # another /48


def test_memory_stays_bounded(make_app: Callable[..., FastAPI], crm: Crm) -> None:
    """One process on SQLite keeps its buckets in memory, bounded."""
    if crm.dialect != "sqlite":
        pytest.skip("on PostgreSQL the buckets are rows (see the test after this one)")
    app = make_app(tracking_per_minute=1, rate_limit_addresses=50, trusted_proxies=("192.0.2.1",))
    proxy = from_address(app, "192.0.2.1")
    limiter = app.state.rate_limits.tracking
    for i in range(300):
        address = f"10.{i // 256}.{i % 256}.1"
        headers = {"X-Forwarded-For": address}
        assert proxy.get("/T/NOT-A-CODE/ABCDEF", headers=headers).status_code == 404
        assert len(limiter) <= 50
    assert len(limiter) == 50
    # The most recent addresses are remembered (and refused), the oldest forgotten.
    latest = {"X-Forwarded-For": "10.1.43.1"}  # i = 299
    assert proxy.get("/T/NOT-A-CODE/ABCDEF", headers=latest).status_code == 429
    first = {"X-Forwarded-For": "10.0.0.1"}
    assert proxy.get("/T/NOT-A-CODE/ABCDEF", headers=first).status_code == 404


def test_database_buckets_are_shared_and_forgotten_when_full(
    make_app: Callable[..., FastAPI], crm: Crm, ticks: Ticks
) -> None:
    """On PostgreSQL two applications (two workers) count in the same buckets, and
    the buckets that have refilled are removed by the periodic clean-up."""
    if crm.dialect == "sqlite":
        pytest.skip("SQLite serves one process: its buckets are in memory")
    from crm_server.core.rate_buckets import forget_full_buckets

    first = from_address(make_app(tracking_per_minute=2), "198.51.100.9")
    second = from_address(make_app(tracking_per_minute=2), "198.51.100.9")
    assert first.get("/T/NOT-A-CODE/ABCDEF").status_code == 404
    assert second.get("/T/NOT-A-CODE/ABCDEF").status_code == 404
    assert first.get("/T/NOT-A-CODE/ABCDEF").status_code == 429
    assert second.get("/T/NOT-A-CODE/ABCDEF").status_code == 429
    assert forget_full_buckets(crm.sessions, ticks.now, 60) == 0  # still counting
    ticks.now += 61
    assert forget_full_buckets(crm.sessions, ticks.now, 60) == 1
    assert first.get("/T/NOT-A-CODE/ABCDEF").status_code == 404  # a fresh, full bucket


def test_a_trusted_network_written_loosely_still_trusts_its_proxies(
    make_app: Callable[..., FastAPI],
) -> None:
    """``192.0.2.7/24`` (host bits set) is taken as 192.0.2.0/24, also by uvicorn's
    middleware, which parses strictly: otherwise the proxy would silently not be
    trusted and every citizen behind it would share one limit."""
    from crm_server.settings import Settings

    trusted = Settings.from_env({"MEJA_CRM_TRUSTED_PROXIES": "192.0.2.7/24, 198.51.100.9"})
    assert trusted.trusted_proxies == ("192.0.2.0/24", "198.51.100.9")
    proxy = from_address(
        make_app(tracking_per_minute=1, trusted_proxies=trusted.trusted_proxies), "192.0.2.1"
    )
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):  # each citizen their own limit
        assert forwarded(proxy, address) == 404


def test_a_negative_limit_is_refused_not_taken_as_no_limit() -> None:
    from crm_server.settings import Settings

    assert Settings.from_env({"MEJA_CRM_TRACKING_PER_MINUTE": "0"}).tracking_per_minute == 0
    for name in ("MEJA_CRM_TRACKING_PER_MINUTE", "MEJA_CRM_ENROL_PER_MINUTE"):
        with pytest.raises(SystemExit, match="0 \\(no limit\\) or more"):
            Settings.from_env({name: "-5"})


def test_one_64_hammering_does_not_use_up_its_48(make_app: Callable[..., FastAPI]) -> None:
    """Refused requests count against nothing: a phone looping on the page must not
    take it away from the other subscribers of its mobile network's /48."""
    from crm_server.web.ratelimit import IPV6_BLOCK_SHARE

    app = make_app(tracking_per_minute=2, trusted_proxies=("192.0.2.1",))
    proxy = from_address(app, "192.0.2.1")
    looping = [forwarded(proxy, "2001:db8:9:1::1") for _ in range(10 * IPV6_BLOCK_SHARE)]
    assert looping[:2] == [404, 404] and set(looping[2:]) == {429}
    assert forwarded(proxy, "2001:db8:9:2::1") == 404  # a neighbour in the same /48


def test_retry_after_is_the_longest_of_the_waits(make_app: Callable[..., FastAPI]) -> None:
    """A /64 refused by its own bucket and by its /48's is told the later of the two."""
    from crm_server.web.ratelimit import IPV6_BLOCK_SHARE

    app = make_app(tracking_per_minute=1, trusted_proxies=("192.0.2.1",))
    proxy = from_address(app, "192.0.2.1")
    for i in range(IPV6_BLOCK_SHARE):  # the /48's share used up, one request a /64
        assert forwarded(proxy, f"2001:db8:5:{i:x}::1") == 404

    def retry_after(address: str) -> str:
        answer = proxy.get("/T/NOT-A-CODE/ABCDEF", headers={"X-Forwarded-For": address})
        assert answer.status_code == 429
        return answer.headers["Retry-After"]

    assert retry_after("2001:db8:5:0::1") == "60"  # its own bucket: a minute
    assert retry_after("2001:db8:5:ff::1") == "4"  # a fresh /64: the /48's refill only


def test_ipv4_clients_on_a_dual_stack_socket_share_no_block(
    make_app: Callable[..., FastAPI],
) -> None:
    """A server listening on IPv6 sees IPv4 clients as ::ffff:a.b.c.d: each is one
    IPv4 address, not a member of one shared IPv6 /48."""
    from crm_server.web.ratelimit import IPV6_BLOCK_SHARE

    app = make_app(tracking_per_minute=1)
    for i in range(IPV6_BLOCK_SHARE + 4):
        citizen = from_address(app, f"::ffff:198.51.100.{i}")
        assert citizen.get("/T/NOT-A-CODE/ABCDEF").status_code == 404
