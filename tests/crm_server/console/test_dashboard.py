"""The koordinator's city dashboard and its .xlsx: counts by state, Dinas and kota,
the share closed on time, the overdue and *digantung* lists, the desks' sync
health; the workbook read back holds the page's rows. Only the city roles open it."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from html import unescape
from typing import Any

import pytest
from sqlalchemy import update

from crm_server.core.city_figures import city_figures
from crm_server.core.crm import Crm
from crm_server.db.models import Desk
from tests.crm_server.conftest import FakeClock, assert_no_personal_data
from tests.crm_server.console.city import CASES, build_city, tickets_on
from tests.crm_server.console.conftest import Console

SignedIn = Callable[[str], Console]
Push = Callable[..., dict[str, Any]]
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def city(crm: Crm, push: Push, accounts: dict[str, str]) -> dict[str, str]:
    return build_city(crm, push)


def table(html: str, table_id: str) -> list[list[str]]:
    """The body rows of the table ``table_id``, each cell's text."""
    body = html.split(f'id="{table_id}"', 1)[1].split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [" ".join(unescape(_TAG.sub(" ", cell)).split()) for cell in _CELL.findall(row)]
        for row in _ROW.findall(body)
    ]


def test_only_the_city_roles_open_the_dashboard(city: dict[str, str], signed_in: SignedIn) -> None:
    for username in ("lurah.gambir", "dinas.binamarga", "verifikator", "admin.kanal"):
        console = signed_in(username)
        assert console.get("/console/dashboard").status_code == 403  # type: ignore[attr-defined]
        assert console.get("/console/dashboard.xlsx").status_code == 403  # type: ignore[attr-defined]
    for username in ("koordinator", "admin.crm"):
        assert signed_in(username).get("/console/dashboard").status_code == 200  # type: ignore[attr-defined]


def test_the_counts_by_state_dinas_and_kota(city: dict[str, str], signed_in: SignedIn) -> None:
    html = signed_in("koordinator").get("/console/dashboard").text  # type: ignore[attr-defined]
    by_state = {row[0]: int(row[1]) for row in table(html, "by-state")}
    assert by_state == {
        "Menunggu": 1,
        "Koordinasi": 2,
        "Disposisi": 2,
        "Proses": 3,
        "Verifikasi": 1,
        "Proses (dikembalikan)": 0,
    }
    by_agency = {row[0]: int(row[1]) for row in table(html, "by-agency")}
    assert by_agency == {
        "Dinas Bina Marga": 4,
        "Dinas Lingkungan Hidup": 1,
        "Belum diteruskan ke Dinas": 4,
    }
    by_kota = {row[0]: int(row[1]) for row in table(html, "by-kota")}
    assert by_kota == {"Jakarta Pusat": 7, "Jakarta Selatan": 2}
    closed = table(html, "closed")
    assert closed == [["Selesai", "1", "1"]]
    assert "100%" in html and "ditutup tepat waktu (1 dari 1)" in html
    assert_no_personal_data(html)
    assert len(CASES) == 10


def test_late_steps_and_the_lists_oldest_first(
    crm: Crm, city: dict[str, str], signed_in: SignedIn, clock: FakeClock
) -> None:
    from tests.crm_server.console.city import act

    clock.advance(days=21)  # every open complaint is now overdue and digantung
    act(crm, "verifikator", city["verification"], "approve")  # a late step
    figures = city_figures(crm)
    assert figures.closed_count == 2 and figures.closed_in_time == 1
    html = signed_in("koordinator").get("/console/dashboard").text  # type: ignore[attr-defined]
    overdue = tickets_on(html.split('id="overdue"')[1].split("</table>")[0])
    quiet = tickets_on(html.split('id="digantung"')[1].split("</table>")[0])
    open_ones = {city[n] for n in city if n not in ("done", "verification")}
    assert set(overdue) == set(quiet) == open_ones
    dues = [r.due_date for r in figures.overdue]
    assert dues == sorted(dues) and figures.overdue[0].timing.days_late >= 8
    assert "ditutup tepat waktu (1 dari 2)" in html and "50%" in html


def test_a_silent_desk_is_said_in_words(
    crm: Crm, city: dict[str, str], signed_in: SignedIn, clock: FakeClock
) -> None:
    with crm.sessions.begin() as session:
        session.execute(
            update(Desk).values(
                last_heartbeat_at=clock.now - dt.timedelta(minutes=5),
                pending_count=3,
                oldest_unsent_age_s=3 * 3600,
                app_version="1.4.0",
            )
        )
    html = signed_in("koordinator").get("/console/dashboard").text  # type: ignore[attr-defined]
    [desk] = table(html, "desks")
    assert desk[0] == "PBK1" and desk[3] == "3" and desk[5] == "1.4.0"
    assert desk[4] == "3.1"  # hours, as of now
    assert desk[7] == "Diam: ada data belum terkirim lebih dari 2 jam"
    with crm.sessions.begin() as session:
        session.execute(update(Desk).values(oldest_unsent_age_s=None, pending_count=0))
    html = signed_in("koordinator").get("/console/dashboard").text  # type: ignore[attr-defined]
    assert table(html, "desks")[0][7] == "Baik"


def test_the_workbook_holds_the_pages_rows(
    crm: Crm, city: dict[str, str], signed_in: SignedIn, clock: FakeClock
) -> None:
    from openpyxl import load_workbook

    clock.advance(days=21)
    koordinator = signed_in("koordinator")
    html = koordinator.get("/console/dashboard").text  # type: ignore[attr-defined]
    answer: Any = koordinator.get("/console/dashboard.xlsx")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in answer.headers["content-disposition"]
    book = load_workbook(io.BytesIO(answer.content))
    assert book.sheetnames == [
        "Per status",
        "Per Dinas",
        "Per kota",
        "Selesai",
        "Terlambat",
        "Digantung",
        "Meja",
    ]

    def sheet(name: str) -> list[list[str]]:
        rows = list(book[name].iter_rows(min_row=2, values_only=True))
        return [[_cell(v) for v in row] for row in rows]

    for name, table_id in (
        ("Per status", "by-state"),
        ("Per Dinas", "by-agency"),
        ("Per kota", "by-kota"),
        ("Selesai", "closed"),
    ):
        assert sheet(name) == table(html, table_id), name
    for name, table_id in (("Terlambat", "overdue"), ("Digantung", "digantung")):
        page_rows = table(html, table_id)
        assert len(page_rows) == 9
        book_rows = sheet(name)
        assert [r[0] for r in book_rows] == [r[0] for r in page_rows]  # same order
        assert [r[6] for r in book_rows] == [
            r[6].replace(" Digantung", "; Digantung") for r in page_rows
        ]
    assert [r[0] for r in sheet("Meja")] == ["PBK1"]
    for row in sheet("Terlambat") + sheet("Digantung"):
        assert_no_personal_data(" ".join(row))


def _cell(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return "–" if value is None else str(value)


def test_the_periodic_count_serves_the_minute_then_the_live_count_takes_over(
    city: dict[str, str], crm: Crm, push: Push, clock: FakeClock, signed_in: SignedIn
) -> None:
    from crm_server.core.jobs import CRM_JOBS, run_due
    from tests.crm_server.conftest import complaint_item

    live = city_figures(crm)
    assert live.counted_at is None
    assert "caseload" in run_due(crm, CRM_JOBS, "worker-1")
    counted = city_figures(crm)
    assert counted.counted_at == clock.now
    assert [(t.key, t.open, t.overdue, t.digantung) for t in counted.by_state] == [
        (t.key, t.open, t.overdue, t.digantung) for t in live.by_state
    ]
    push(complaint_item())  # after the count: the page shows the count of the minute
    assert city_figures(crm).total.open == live.total.open
    page = signed_in("koordinator").get("/console/dashboard").text  # type: ignore[attr-defined]
    assert "dihitung pukul" in page
    clock.advance(minutes=4)  # the jobs stopped: the count is stale, the page counts live
    stale = city_figures(crm)
    assert stale.counted_at is None and stale.total.open == live.total.open + 1
