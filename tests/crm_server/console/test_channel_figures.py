"""The koordinator's figures per channel (issue 22): received, the median time to
the first response, closed within the limits, duplicates merged; only the city
roles open the page, linked from the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from crm_server.core.channel_figures import channel_figures
from crm_server.core.crm import Crm
from tests.crm_server.conftest import FakeClock
from tests.crm_server.console.conftest import Console
from tests.crm_server.console.test_channel_record import channel_admins, report  # noqa: F401
from tests.crm_server.console.test_dashboard import table
from tests.crm_server.sms.helpers import step

SignedIn = Callable[[str], Console]
pytestmark = pytest.mark.usefixtures("channel_admins")


def recorded(console: Console, **overrides: Any) -> str:
    answer: Any = console.post("/console/kanal/catat", report(**overrides))
    assert answer.status_code == 200, answer.text
    return str(answer.text.split("nomor tiket ", 1)[1].split(".", 1)[0])


def test_the_figures_per_channel(crm: Crm, clock: FakeClock, signed_in: SignedIn) -> None:
    twitter = signed_in("admin.twitter")
    first = recorded(twitter)
    second = recorded(twitter, source="https://x.com/b/status/2")
    recorded(signed_in("admin.kanal"), channel="EMAIL", source="<a@b.id>", contact="a@b.id")
    clock.advance(hours=3)
    step(crm, "admin.twitter", first, "accept")
    clock.advance(hours=2)
    step(crm, "admin.twitter", second, "merge", target_ticket=first)

    _, _, rows = channel_figures(crm)
    by = {r.channel: r for r in rows}
    assert (by["TWITTER"].received, by["EMAIL"].received, by["SMS"].received) == (2, 1, 0)
    assert by["TWITTER"].first_response_hours == 4.0  # the median of 3 and 5 hours
    assert by["EMAIL"].first_response_hours is None
    assert (by["TWITTER"].closed, by["TWITTER"].duplicates) == (1, 1)
    assert by["TWITTER"].in_time_share == 1.0

    console = signed_in("koordinator")
    assert 'href="/console/kanal"' in console.get("/console/dashboard").text  # type: ignore[attr-defined]
    html = console.get("/console/kanal").text  # type: ignore[attr-defined]
    rows_shown = {row[0]: row[1:] for row in table(html, "by-channel")}
    assert rows_shown["Twitter/X"] == ["2", "4.0", "1", "100%", "1"]
    assert rows_shown["E-mail"] == ["1", "–", "0", "–", "0"]
    for username in ("admin.twitter", "lurah.gambir"):
        assert signed_in(username).get("/console/kanal").status_code == 403  # type: ignore[attr-defined]
