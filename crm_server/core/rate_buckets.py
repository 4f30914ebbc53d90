"""Token buckets for the per-address rate limits, and where they are kept.

A bucket holds up to ``capacity`` tokens and refills ``per_second``; a request takes
one from each of its buckets, or from none when any is empty (then the answer is the
whole seconds to wait). :func:`take` is that arithmetic, pure; the stores keep the
buckets:

- :class:`MemoryBuckets`, in this process, bounded to ``max_keys`` buckets (the least
  recently seen forgotten first): right for one process on SQLite;
- :class:`DatabaseBuckets`, rows of ``rate_buckets`` read and written under a row
  lock in one transaction: every worker on every host counts the same. Rows of
  buckets that have refilled completely are worth nothing (a fresh bucket is full)
  and :func:`forget_full_buckets` removes them (a periodic job).
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from crm_server.db.engine import transaction
from crm_server.db.models import RateBucket

# Refills of n/60 a second add up a hair off whole numbers (6 s at 10 a minute gives
# 0.9999999999999999 tokens): that close counts as whole, or a client that waited
# its Retry-After would be refused again.
_HAIR = 1e-9


@dataclass(frozen=True)
class Bucket:
    key: str
    capacity: float
    per_second: float


State = dict[str, tuple[float, float]]  # key -> (tokens left, when last counted)


def take(buckets: Sequence[Bucket], state: State, now: float) -> tuple[State, int | None]:
    """The buckets' new state after one request at ``now``, and the wait (None: it
    is allowed). A refused request takes from none of them."""
    refilled = []
    for bucket in buckets:
        tokens, last = state.get(bucket.key, (bucket.capacity, now))
        elapsed = max(0.0, now - last)  # a clock read a hair behind another's
        refilled.append((bucket, min(bucket.capacity, tokens + elapsed * bucket.per_second)))
    waits = [
        max(1, math.ceil((1 - tokens) / bucket.per_second - _HAIR))
        for bucket, tokens in refilled
        if tokens < 1 - _HAIR
    ]
    new_state = {b.key: (tokens if waits else tokens - 1, now) for b, tokens in refilled}
    return new_state, (max(waits) if waits else None)


class BucketStore(Protocol):
    def hit(self, buckets: Sequence[Bucket], now: float) -> int | None: ...

    def __len__(self) -> int: ...


class MemoryBuckets:
    def __init__(self, max_keys: int) -> None:
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()  # callers may be on the event loop or in threads

    def __len__(self) -> int:
        return len(self._buckets)

    def hit(self, buckets: Sequence[Bucket], now: float) -> int | None:
        with self._lock:
            state = {b.key: self._buckets.pop(b.key) for b in buckets if b.key in self._buckets}
            new_state, wait = take(buckets, state, now)
            for key, value in new_state.items():  # re-inserted: now the most recent
                self._buckets[key] = value
                if len(self._buckets) > self.max_keys:
                    self._buckets.popitem(last=False)
            return wait


class DatabaseBuckets:
    """The buckets of one limit (``name``) in the database."""

    def __init__(self, sessions: sessionmaker[Session], name: str) -> None:
        self.sessions = sessions
        self.name = name

    def __len__(self) -> int:
        with self.sessions() as session:
            return len(
                session.scalars(select(RateBucket.key).where(RateBucket.name == self.name)).all()
            )

    def hit(self, buckets: Sequence[Bucket], now: float) -> int | None:
        keys = sorted(b.key for b in buckets)  # one lock order: no deadlock between workers
        with transaction(self.sessions) as session:
            rows = {
                row.key: row
                for row in session.scalars(
                    select(RateBucket)
                    .where(RateBucket.name == self.name, RateBucket.key.in_(keys))
                    .order_by(RateBucket.key)
                    .with_for_update()
                )
            }
            state = {key: (row.tokens, row.updated_at) for key, row in rows.items()}
            new_state, wait = take(buckets, state, now)
            for key, (tokens, at) in new_state.items():
                row = rows.get(key)
                if row is None:
                    session.add(RateBucket(name=self.name, key=key, tokens=tokens, updated_at=at))
                else:
                    row.tokens, row.updated_at = tokens, at
        return wait


def forget_full_buckets(sessions: sessionmaker[Session], now: float, refill_seconds: float) -> int:
    """Remove the buckets untouched for ``refill_seconds`` (full again by now)."""
    with transaction(sessions) as session:
        result = session.execute(
            delete(RateBucket).where(RateBucket.updated_at < now - refill_seconds)
        )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
