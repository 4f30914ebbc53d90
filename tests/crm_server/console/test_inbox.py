"""The inbox through the real application: each role sees what waits for it and
nothing of other units, the filters narrow it, a ticket code is found (or not, the
same way for one this user may not see), pages follow each other, and overdue and
*digantung* are said in words, counted in working days across a holiday."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest

from crm_server.core.crm import Crm
from tests.crm_server.conftest import FakeClock, assert_no_personal_data, complaint_item
from tests.crm_server.console.city import WAITING, build_city, tickets_on
from tests.crm_server.console.conftest import Console

SignedIn = Callable[[str], Console]
Push = Callable[..., dict[str, Any]]


@pytest.fixture
def city(crm: Crm, push: Push, accounts: dict[str, str]) -> dict[str, str]:
    return build_city(crm, push)


def shown(console: Console, url: str = "/console/") -> list[str]:
    answer: Any = console.get(url)
    assert answer.status_code == 200, answer.text
    return tickets_on(answer.text)


def test_each_role_sees_what_waits_for_it_and_nothing_else(
    city: dict[str, str], signed_in: SignedIn
) -> None:
    for username, names in WAITING.items():
        assert set(shown(signed_in(username))) == {city[n] for n in names}, username
    open_ones = {n for n in city if n != "done"}
    assert set(shown(signed_in("koordinator"))) == {city[n] for n in open_ones}


def test_all_i_may_see_stays_within_my_unit(city: dict[str, str], signed_in: SignedIn) -> None:
    lurah = set(shown(signed_in("lurah.gambir"), "/console/?tampilan=all"))
    assert city["other_dinas"] in lurah and city["done"] in lurah
    assert city["other_kota_coordination"] not in lurah  # another kelurahan
    dinas = set(shown(signed_in("dinas.binamarga"), "/console/?tampilan=all"))
    assert city["other_dinas"] not in dinas  # forwarded to another Dinas
    assert city["other_kota_in_progress"] in dinas
    sudin = set(shown(signed_in("sudin.binamarga.jp"), "/console/?tampilan=all"))
    assert city["other_kota_in_progress"] not in sudin  # the same Dinas in another kota
    assert city["in_progress"] in sudin


def test_the_filters_narrow_the_list(city: dict[str, str], signed_in: SignedIn) -> None:
    koordinator = signed_in("koordinator")

    def names(query: str) -> set[str]:
        found = set(shown(koordinator, "/console/?" + query))
        return {n for n, code in city.items() if code in found}

    assert names("kota=31.74") == {"other_kota_coordination", "other_kota_in_progress"}
    assert names("kecamatan=31.74.01") == {"other_kota_coordination", "other_kota_in_progress"}
    assert names("kelurahan=31.74.01.1001&status=coordination") == {"other_kota_coordination"}
    assert names("kategori=KEBERSIHAN") == {"handled_by_kelurahan", "other_dinas"}
    assert names("status=disposition") == {"disposition", "other_dinas"}
    assert names("tampilan=all&status=done") == {"done"}
    assert names("kanal=JAKI") == set()
    assert len(names("kanal=PENDOPO")) == 9
    assert len(names("dari=2026-11-18&sampai=2026-11-18")) == 9
    assert names("dari=2026-11-19") == set()
    assert len(names("status=tidak-ada&kota=xx")) == 9  # a stray value is ignored


def test_a_ticket_is_found_forgivingly_and_not_found_alike_when_not_mine(
    city: dict[str, str], signed_in: SignedIn
) -> None:
    lurah = signed_in("lurah.gambir")
    typed = city["coordination"].replace("-", "").lower()
    answer: Any = lurah.get("/console/?cari=" + typed)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/console/c/{city['coordination']}"
    other: Any = lurah.get("/console/?cari=" + city["other_kota_coordination"])
    code = city["other_kota_coordination"]
    fake = code[:-6] + "9999-" + code[-1]  # the same form, not a real ticket
    missing: Any = lurah.get("/console/?cari=" + fake)
    assert other.status_code == missing.status_code == 200
    assert "Tidak ada aduan dengan kode" in other.text
    assert other.text.replace(code, "X") == missing.text.replace(fake, "X")


def test_pages_follow_each_other_oldest_due_first(
    crm: Crm, push: Push, signed_in: SignedIn, clock: FakeClock
) -> None:
    tickets = []
    for day in range(60):
        clock.now = dt.datetime(2026, 9, 1, 2, 0, tzinfo=dt.UTC) + dt.timedelta(days=day)
        item = complaint_item(day=clock.now.date())
        push(item)
        tickets.append(item["ticket_code"])
    admin = signed_in("admin.kanal")
    first: Any = admin.get("/console/")
    page_one = tickets_on(first.text)
    assert len(page_one) == 50
    next_url = re.search(r'href="([^"]+)" rel="next"', first.text)
    assert next_url
    page_two = shown(admin, next_url.group(1).replace("&amp;", "&"))
    assert page_one + page_two == tickets  # recorded a day apart: due in that order
    assert 'rel="next"' not in admin.get(next_url.group(1).replace("&amp;", "&")).text  # type: ignore[attr-defined]


def test_overdue_and_digantung_in_words_across_christmas(
    crm: Crm, push: Push, signed_in: SignedIn, clock: FakeClock, accounts: dict[str, str]
) -> None:
    clock.now = dt.datetime(2026, 12, 21, 2, 0, tzinfo=dt.UTC)  # Monday
    item = complaint_item(day=dt.date(2026, 12, 21))
    push(item)  # due Tuesday 22 December (one working day)
    admin = signed_in("admin.kanal")
    assert "Sisa 1 hari kerja" in admin.get("/console/").text  # type: ignore[attr-defined]
    clock.now = dt.datetime(2026, 12, 28, 2, 0, tzinfo=dt.UTC)  # Monday, after Christmas
    admin = signed_in("admin.kanal")  # a week later: a new session
    text = admin.get("/console/").text  # type: ignore[attr-defined]
    assert "Terlambat 3 hari kerja" in text  # 23, 24, 28 (25 is Christmas)
    assert "Digantung" not in text.split("<table")[1]  # 4 quiet working days, not 5
    assert shown(admin, "/console/?tenggat=digantung") == []
    assert shown(admin, "/console/?tenggat=overdue") == [item["ticket_code"]]
    clock.now = dt.datetime(2026, 12, 29, 2, 0, tzinfo=dt.UTC)
    admin = signed_in("admin.kanal")
    text = admin.get("/console/").text  # type: ignore[attr-defined]
    assert "Terlambat 4 hari kerja" in text
    assert "Digantung: 5 hari kerja tanpa kabar" in text
    assert shown(admin, "/console/?tenggat=digantung") == [item["ticket_code"]]
    english = admin.get("/console/lang/en?next=/console/")  # type: ignore[attr-defined]
    assert english.status_code == 303
    text = admin.get("/console/").text  # type: ignore[attr-defined]
    assert "4 working day(s) late" in text and "Left hanging: 5 working days" in text


def test_no_personal_data_in_any_list(city: dict[str, str], signed_in: SignedIn) -> None:
    for username in (*WAITING, "koordinator"):
        console = signed_in(username)
        for url in ("/console/", "/console/?tampilan=all"):
            assert_no_personal_data(console.get(url).text)  # type: ignore[attr-defined]


def test_an_account_without_its_unit_waits_for_nothing(crm: Crm, push: Push) -> None:
    """waiting() stays within visible(): before, a kelurahan or Suku Dinas account
    whose unit was left empty waited on every complaint in hand with no unit code."""
    from sqlalchemy import update

    from crm_server.core.inbox import Filters, inbox
    from crm_server.db.models import Complaint
    from tests.crm_server.console.city import user

    push(complaint_item())
    with crm.sessions.begin() as session:
        session.execute(update(Complaint).values(status="in_progress", unit_code=""))
    for role in ("kelurahan", "suku_dinas", "dinas"):
        crm.create_user(f"tanpa.unit.{role}", "Tanpa unit", role, "")
        assert inbox(crm, user(crm, f"tanpa.unit.{role}"), Filters()).rows == [], role


def test_the_kept_working_day_counts_agree_with_the_calendar() -> None:
    from complaint_domain.workdays import WorkCalendar
    from crm_server.core.lateness import digantung_cutoff, working_days_between

    calendar = WorkCalendar([dt.date(2026, 12, 24)])
    days = [dt.date(2023, 1, 1) + dt.timedelta(days=n) for n in range(0, 1500, 37)]
    for start in days:
        for end in (dt.date(2026, 12, 29), dt.date(2024, 2, 29), start):
            expected = calendar.working_days_between(start, end)
            assert working_days_between(calendar, start, end) == expected, (start, end)
    today = dt.date(2026, 12, 29)
    cutoff = digantung_cutoff(calendar, today, 5)
    assert calendar.working_days_between(cutoff, today) >= 5
    assert calendar.working_days_between(cutoff + dt.timedelta(days=1), today) < 5
