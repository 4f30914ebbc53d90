"""Per-address rate limits for what a stranger can hammer: desk enrolment (guessing
one-time codes) and the public tracking page (guessing tracking tokens).

A token bucket per client address: up to N requests at once, then N a minute evenly;
an IPv6 client is counted by its /64, and against its /48 as well (see
``RateLimiter.hit_client``). Where the buckets are kept is ``core.rate_buckets``: on
PostgreSQL in the database, so that every worker on every host counts the same; on
SQLite (one process by design) in memory, bounded to ``max_keys`` addresses.

Our own small module rather than the ``limits`` library: its in-memory storage puts
no bound on the number of keys, and its clock is not injectable, where here tests
move the clock by hand.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import HTTPConnection

from crm_server.core.rate_buckets import Bucket, BucketStore

# How many addresses' worth of requests a whole IPv6 /48 may send (see hit_client).
IPV6_BLOCK_SHARE = 16


class RateLimiter:
    """One limit: ``per_minute`` requests per address, its buckets in ``store``.
    ``clock``: seconds; the wall clock where several processes share the buckets."""

    def __init__(
        self, per_minute: int, store: BucketStore, clock: Callable[[], float] = time.time
    ) -> None:
        self.capacity = float(per_minute)
        self.per_second = per_minute / 60
        self.store = store
        self.clock = clock

    def __len__(self) -> int:
        return len(self.store)

    def hit_client(self, connection: HTTPConnection) -> int | None:
        """Count one request from the connection's client (see :func:`client_key`);
        an IPv6 client is counted against its /48 as well, which may send
        ``IPV6_BLOCK_SHARE`` times one address's limit: whoever holds a /48 has 65 536
        /64s, and would otherwise have as many full buckets. May wait on the
        database: call it from a worker thread."""
        buckets = [(client_key(connection), 1)]
        address = _client_address(connection)
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is None:
            block = ipaddress.IPv6Network((address, 48), strict=False)
            buckets.append((str(block), IPV6_BLOCK_SHARE))
        return self.hit(*buckets)

    def hit(self, *buckets: tuple[str, int]) -> int | None:
        """Count one request against each ``(key, scale)``, a key whose limit is
        ``scale`` times the limiter's: None when every one allows it, else the whole
        seconds to wait (for Retry-After). A refused request is taken from none of
        them: a client hammering past its own limit must not use up what its
        neighbours in the same /48 share. A limit of 0 is no limit."""
        if self.capacity <= 0:
            return None
        return self.store.hit(
            [Bucket(key, self.capacity * scale, self.per_second * scale) for key, scale in buckets],
            self.clock(),
        )


@dataclass(frozen=True)
class RateLimits:
    """The limiters of one application (``app.state.rate_limits``)."""

    enrol: RateLimiter
    tracking: RateLimiter
    # Per desk (its id), not per address: several desks of a site share one address.
    desk_lookup: RateLimiter


def client_key(connection: HTTPConnection) -> str:
    """The client's address as the limits count it. The peer of the connection,
    unless MEJA_CRM_TRUSTED_PROXIES names that peer (then the address its proxy
    forwarded; see app.create_app). An IPv6 client counts by its /64, the block a
    single subscriber usually holds, or it could take a fresh address per request."""
    address = _client_address(connection)
    if address is None:  # not an IP address (a Unix socket, the test client)
        return connection.client.host if connection.client else ""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def _client_address(
    connection: HTTPConnection,
) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    host = connection.client.host if connection.client else ""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None
