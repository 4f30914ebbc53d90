"""Exponential backoff with full jitter, respecting ``Retry-After``.

Full jitter (a delay drawn uniformly between 0 and the exponential ceiling) keeps
many desks that lost the CRM at the same moment from all coming back at once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base_s: float = 2.0
    cap_s: float = 300.0
    max_retry_after_s: float = 3600.0  # a server asking for more is not believed
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        """Seconds to wait after the ``failures``-th failure in a row (1, 2, …)."""
        if failures <= 0:
            return 0.0
        ceiling = min(self.cap_s, self.base_s * (2 ** min(failures - 1, 30)))
        wait = self.rng.uniform(0.0, ceiling)
        if retry_after is not None:
            # The server knows best, within reason.
            wait = max(wait, min(retry_after, self.max_retry_after_s))
        return wait
