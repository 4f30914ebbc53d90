"""The suggestions of open complaints that may be the same problem
(``core.triage.suggestions``), in words for a page: code, channel, the state for
the staff, kelurahan, the day received (WIB) and why each is suggested. Shown by
the channels' triage (with a merge button each) and after a recording from a
channel (with a link each: the new complaint is merged from its own page)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from complaint_domain.complaint import WIB
from complaint_domain.reference import CHANNEL_BY_CODE
from complaint_domain.status import Status
from crm_server.console.complaint_forms import STATE_WORDS
from crm_server.console.words import say
from crm_server.core.crm import Crm
from crm_server.core.triage.suggestions import Suggestion

WHY_WORDS = {
    "phone": say("nomor telepon sama"),
    "email": say("e-mail sama"),
    "nik": say("NIK sama"),
    "text": say("isi mirip"),
}


def shown(crm: Crm, suggestions: Iterable[Suggestion]) -> list[dict[str, Any]]:
    areas = crm.areas()
    listed = []
    for s in suggestions:
        area = areas.get(s.kelurahan_code)
        channel = CHANNEL_BY_CODE.get(s.channel)
        listed.append(
            {
                "ticket": s.ticket_code,
                "channel": channel.name if channel else s.channel,
                "state": STATE_WORDS[Status(s.status)],
                "kelurahan": area.name if area else s.kelurahan_code,
                "received": s.received_at.astimezone(WIB).strftime("%d-%m-%Y"),
                "why": [WHY_WORDS[r] for r in s.reasons],
            }
        )
    return listed
