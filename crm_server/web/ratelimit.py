"""Per-address rate limits for what a stranger can hammer: desk enrolment (guessing
one-time codes) and the public tracking page (guessing tracking tokens).

A token bucket per client address, kept in this process: up to N requests at once,
then N a minute evenly; an IPv6 client is counted by its /64, and against its /48 as
well (see ``RateLimiter.hit_client``). The table remembers at most ``max_keys``
buckets and forgets the least recently seen first, so a flood from many addresses cannot grow
it; a forgotten address starts again with a full bucket, which gains nothing to
someone who already has that many addresses.

Our own small module rather than the ``limits`` library: its in-memory storage puts
no bound on the number of keys (it only expires them with time) and reads the system
clock, where here the clock is injected so that tests need no waiting.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import HTTPConnection

# Refills of n/60 a second add up a hair off whole numbers (6 s at 10 a minute gives
# 0.9999999999999999 tokens): that close counts as whole, or a client that waited
# its Retry-After would be refused again.
_HAIR = 1e-9
# How many addresses' worth of requests a whole IPv6 /48 may send (see hit_client).
IPV6_BLOCK_SHARE = 16


class RateLimiter:
    """One limit: ``per_minute`` requests per address, for at most ``max_keys``
    addresses at a time."""

    def __init__(
        self, per_minute: int, max_keys: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.capacity = float(per_minute)
        self.per_second = per_minute / 60
        self.max_keys = max_keys
        self.clock = clock
        # address -> (tokens left, when last counted), least recently seen first
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        # Callers may be on the event loop or in the thread pool.
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._buckets)

    def hit_client(self, connection: HTTPConnection) -> int | None:
        """Count one request from the connection's client (see :func:`client_key`);
        an IPv6 client is counted against its /48 as well, which may send
        ``IPV6_BLOCK_SHARE`` times one address's limit: whoever holds a /48 has 65 536
        /64s, and would otherwise have as many full buckets."""
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
        now = self.clock()
        with self._lock:
            refilled = []
            for key, scale in buckets:
                capacity, per_second = self.capacity * scale, self.per_second * scale
                tokens, last = self._buckets.pop(key, (capacity, now))
                refilled.append(
                    (key, min(capacity, tokens + (now - last) * per_second), per_second)
                )
            waits = [
                max(1, math.ceil((1 - tokens) / per_second - _HAIR))
                for _key, tokens, per_second in refilled
                if tokens < 1 - _HAIR
            ]
            for key, tokens, _per_second in refilled:
                # re-inserted: now the most recent
                self._buckets[key] = (tokens if waits else tokens - 1, now)
                if len(self._buckets) > self.max_keys:
                    self._buckets.popitem(last=False)
            return max(waits) if waits else None


@dataclass(frozen=True)
class RateLimits:
    """The limiters of one application (``app.state.rate_limits``)."""

    enrol: RateLimiter
    tracking: RateLimiter


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
