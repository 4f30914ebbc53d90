"""The SMS channel in the console (issue 21 item 5): the complaint page shows the
messages sent for it with their delivery state and masked numbers; the
koordinator's SMS page shows a day's totals and failures, linked from the
dashboard; other roles may not open it."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from typing import Any

from crm_server.core.crm import Crm
from crm_server.core.sms import planner, sender
from crm_server.core.sms.sender import Outcome
from tests.crm_server.conftest import assert_no_personal_data
from tests.crm_server.console.conftest import Console
from tests.crm_server.sms.helpers import KeepingGateway, sms_item, step

Push = Callable[..., dict[str, Any]]
SignedIn = Callable[[str], Console]
_TAG = re.compile(r"<[^>]+>")


def text_of(html: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def sent_and_failed(crm: Crm, push: Push) -> str:
    item = sms_item()
    push(item)
    ticket = str(item["ticket_code"])
    step(crm, "admin.kanal", ticket, "accept")
    planner.plan_events(crm)
    gateway = KeepingGateway()
    sender.hand_over(crm, gateway)
    first_ref = next(iter(gateway.kept))
    sender.record_outcomes(crm, [Outcome(first_ref, "failed", "Gammu SMSD could not send it")])
    return ticket


def test_the_complaint_page_shows_its_sms_and_their_state(
    crm: Crm, push: Push, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    ticket = sent_and_failed(crm, push)
    html = signed_in("admin.kanal").get(f"/console/c/{ticket}").text  # type: ignore[attr-defined]
    section = text_of(html.split('id="h-sms"', 1)[1].split("</section>", 1)[0])
    assert section.count("Ke +62812******90") == 2
    assert section.index("Gagal") < section.index("Menunggu") < section.index("Di gateway")
    assert "Alasan gagal: Gammu SMSD could not send it" in section
    assert_no_personal_data(html.split('id="h-sms"', 1)[1])


def test_a_complaint_without_sms_says_so(
    crm: Crm, push: Push, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    item = sms_item(consent=False)
    push(item)
    html = signed_in("admin.kanal").get(f"/console/c/{item['ticket_code']}").text  # type: ignore[attr-defined]
    assert "Belum ada SMS untuk aduan ini." in html


def test_the_koordinator_sees_the_days_totals_and_failures(
    crm: Crm, push: Push, accounts: dict[str, str], signed_in: SignedIn
) -> None:
    ticket = sent_and_failed(crm, push)
    console = signed_in("koordinator")
    assert 'href="/console/sms"' in console.get("/console/dashboard").text  # type: ignore[attr-defined]
    html = console.get("/console/sms?hari=2026-11-18").text  # type: ignore[attr-defined]
    figures = text_of(html.split('class="figures"', 1)[1].split("</ul>", 1)[0])
    assert "2 pesan dibuat pada 18-11-2026" in figures and "1 gagal" in figures
    failures = html.split('id="sms-failures"', 1)[1].split("</table>", 1)[0]
    assert f'href="/console/c/{ticket}"' in failures
    assert "Gammu SMSD could not send it" in failures
    assert_no_personal_data(html)
    other = console.get("/console/sms?hari=2026-11-17").text  # type: ignore[attr-defined]
    assert "0 pesan dibuat pada 17-11-2026" in text_of(other)
    assert "Tidak ada pesan yang gagal." in other
    for username in ("admin.kanal", "lurah.gambir"):
        assert signed_in(username).get("/console/sms").status_code == 403  # type: ignore[attr-defined]
