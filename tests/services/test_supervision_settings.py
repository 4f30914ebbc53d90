"""The Pantauan's settings: the silent-desk limits and the opening hours, read as the
CRM is asked for them; a bad value is named, not used."""

from __future__ import annotations

from desk_app.services.settings import Settings


def test_opening_hours_and_limits() -> None:
    s = Settings()
    assert s.opening_window() == ("08:00", "16:00")
    assert (s.silent_unsent_minutes, s.silent_heartbeat_minutes) == (120, 30)
    assert s.problems() == {}
    for bad in ("16:00-08:00", "8-16", "", "08:00"):
        s.opening_hours = bad
        assert s.opening_window() is None, bad
        assert "opening_hours" in s.problems()
    s.opening_hours = " 07:30 - 15:00 "
    assert s.opening_window() == ("07:30", "15:00")
    s.silent_unsent_minutes = 2
    assert set(s.problems()) == {"silent_unsent_minutes"}
