"""Handing the outbox to a gateway: once per message, with back-off on failure, never
between the quiet hours (21.00–06.00 WIB: held until the morning), never past a
number's daily cap (held until the next morning), never to a number that said STOP.

A message is first marked ``handing`` (committed), then handed over, then marked
``handed``. A CRM killed in between leaves it ``handing``; the next run hands it
over again under the same reference, which the gateway recognises (the spool file
of that reference exists; the HTTP gateway's ``Idempotency-Key``): neither lost nor
doubled. Runs take the SMS run lock (``outbox.run_lock``): one across all workers.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import bindparam, func, select, update

from complaint_domain.complaint import WIB
from crm_server.core.context import CrmContext
from crm_server.core.sms.outbox import MESSAGES, opted_out

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
BATCH = 500
# Replies to a STOP are sent whatever the cap: the one confirmation a citizen asked for.
UNCAPPED = frozenset({"stopped"})


@dataclass(frozen=True)
class Outgoing:
    ref: str  # ours, unique per message: the gateway's idempotency key
    phone: str
    text: str
    retry: bool  # handed over before, maybe: the gateway checks whether it has it


@dataclass(frozen=True)
class Outcome:
    """What became of a handed message (a delivery report, or the modem's word)."""

    ref: str
    state: str  # sent | delivered | failed
    error: str = ""


class GatewayError(Exception):
    """The gateway would not take a message now (its words, never a number or text)."""


class Gateway(Protocol):
    name: str

    def submit(self, message: Outgoing) -> str:
        """Hand one message over; the gateway's reference. Idempotent by ``ref``."""

    def outcomes(self) -> Iterable[Outcome]:
        """What became of handed messages since the last call."""


def ref_of(message_id: int) -> str:
    """Our reference of a message (zero-padded: spool file names sort in its order)."""
    return f"meja{message_id:010d}"


def is_quiet(crm: CrmContext, at: dt.datetime) -> bool:
    start, end = crm.settings.sms_quiet_hours
    hour = at.astimezone(WIB).hour
    return hour >= start or hour < end if start > end else start <= hour < end


def next_morning(crm: CrmContext, at: dt.datetime) -> dt.datetime:
    """The end of the quiet hours after ``at`` (Jakarta time), in UTC."""
    local = at.astimezone(WIB)
    morning = local.replace(hour=crm.settings.sms_quiet_hours[1], minute=0, second=0, microsecond=0)
    if morning <= local:
        morning += dt.timedelta(days=1)
    return morning.astimezone(dt.UTC)


def backoff(attempts: int) -> dt.timedelta:
    """Exponential from 30 s, at most an hour, with full jitter."""
    ceiling = min(30 * 2 ** max(attempts - 1, 0), 3600)
    return dt.timedelta(seconds=random.uniform(ceiling / 2, ceiling))


@dataclass
class HandOver:
    handed: int = 0
    held: int = 0
    cancelled: int = 0
    failed: int = 0
    retried: int = 0

    @property
    def touched(self) -> int:
        """Messages this step moved on (handed, held, cancelled, failed or retried)."""
        return self.handed + self.held + self.cancelled + self.failed + self.retried


def hand_over(crm: CrmContext, gateway: Gateway, limit: int = BATCH) -> HandOver:
    """Hand the messages that are due to ``gateway`` (the caller holds the run lock)."""
    now = crm.now()
    result = HandOver()
    if is_quiet(crm, now):
        return result
    claimed = _claim(crm, now, limit, result)
    done: list[tuple[int, str]] = []
    for message_id, attempts, outgoing in claimed:
        try:
            done.append((message_id, gateway.submit(outgoing)))
        except GatewayError as err:
            _failed_attempt(crm, message_id, attempts, str(err)[:200], result)
    if done:
        handed_at = crm.now()
        with crm.engine.begin() as conn:  # one executemany for the whole batch
            conn.execute(
                update(MESSAGES)
                .where(MESSAGES.c.id == bindparam("message_id"))
                .values(state="handed", handed_at=handed_at, gateway_ref=bindparam("ref")),
                [{"message_id": i, "ref": ref} for i, ref in done],
            )
        result.handed = len(done)
    return result


def _claim(
    crm: CrmContext, now: dt.datetime, limit: int, result: HandOver
) -> list[tuple[int, int, Outgoing]]:
    """Mark the due messages ``handing`` (committed before any is handed over)."""
    m = MESSAGES.c
    day_start = dt.datetime.combine(now.astimezone(WIB).date(), dt.time(), WIB)
    with crm.engine.begin() as conn:
        rows = conn.execute(
            select(m.id, m.phone, m.phone_hash, m.text, m.kind, m.state, m.attempts)
            .where(m.state.in_(("queued", "handing")), m.next_attempt_at <= now)
            .order_by(m.id)
            .limit(limit)
        ).all()
        blocked = opted_out(conn, {r.phone for r in rows})
        # Counted by the keyed hash: the numbers themselves are stored encrypted.
        hashes = {r.phone_hash for r in rows}
        sent_today: Counter[str] = (
            Counter(
                dict(
                    conn.execute(
                        select(m.phone_hash, func.count())
                        .where(
                            m.phone_hash.in_(hashes),
                            m.handed_at >= day_start,
                            m.kind.not_in(UNCAPPED),
                        )
                        .group_by(m.phone_hash)
                    ).all()
                )
            )
            if hashes
            else Counter()
        )
        claimed, cancel, hold = [], [], []
        for r in rows:
            if r.state == "handing":  # a run that died mid-way: hand over again
                outgoing = Outgoing(ref_of(r.id), r.phone, r.text, True)
                claimed.append((r.id, r.attempts + 1, outgoing))
            elif r.phone in blocked and r.kind not in UNCAPPED:
                cancel.append(r.id)
            elif r.kind not in UNCAPPED and sent_today[r.phone_hash] >= crm.settings.sms_daily_cap:
                hold.append(r.id)
            else:
                sent_today[r.phone_hash] += r.kind not in UNCAPPED
                claimed.append(
                    (r.id, r.attempts + 1, Outgoing(ref_of(r.id), r.phone, r.text, r.attempts > 0))
                )
        if claimed:
            conn.execute(
                update(MESSAGES)
                .where(m.id.in_([i for i, _attempts, _outgoing in claimed]))
                .values(state="handing", attempts=m.attempts + 1)
            )
        if cancel:
            conn.execute(
                update(MESSAGES).where(m.id.in_(cancel)).values(state="cancelled", done_at=now)
            )
        if hold:
            conn.execute(
                update(MESSAGES)
                .where(m.id.in_(hold))
                .values(next_attempt_at=next_morning(crm, now + dt.timedelta(hours=1)))
            )
    result.cancelled, result.held = len(cancel), len(hold)
    return claimed


def _failed_attempt(
    crm: CrmContext, message_id: int, attempts: int, error: str, result: HandOver
) -> None:
    now = crm.now()
    final = attempts >= MAX_ATTEMPTS
    values = (
        {"state": "failed", "done_at": now, "error": error}
        if final
        else {"state": "queued", "next_attempt_at": now + backoff(attempts), "error": error}
    )
    with crm.engine.begin() as conn:
        conn.execute(update(MESSAGES).where(MESSAGES.c.id == message_id).values(**values))
    if final:
        result.failed += 1
    else:
        result.retried += 1
    log.warning("SMS %s not handed over (attempt %d): %s", ref_of(message_id), attempts, error)


def record_outcomes(crm: CrmContext, outcomes: Sequence[Outcome]) -> int:
    """Delivery reports (or the modem's sent/failed) by our reference; the number
    recorded. A report for a message already delivered changes nothing."""
    now = crm.now()
    count = 0
    with crm.engine.begin() as conn:
        for outcome in outcomes:
            if not outcome.ref.startswith("meja") or not outcome.ref[4:].isdigit():
                continue
            # Forward only: a late "sent" never undoes "delivered"; a delivery report
            # may still turn "sent" into "delivered" or "failed".
            states = (
                ("handing", "handed") if outcome.state == "sent" else ("handing", "handed", "sent")
            )
            count += conn.execute(
                update(MESSAGES)
                .where(MESSAGES.c.id == int(outcome.ref[4:]), MESSAGES.c.state.in_(states))
                .values(state=outcome.state, done_at=now, error=outcome.error[:200])
            ).rowcount
    return count
