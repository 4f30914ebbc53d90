"""The complaint searches straight on the store: FTS5 queries built from what an
officer types never reach FTS5's own syntax, and words find the newest first."""

from __future__ import annotations

from pathlib import Path

from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import open_desk
from desk_app.services.intake import IntakeForm
from desk_app.store import complaints
from desk_app.store.complaints.search import fts_query

OFFICER = Officer("ani", "Ani Petugas", Role.OFFICER)


def test_fts_query_quotes_every_word_and_prefixes_only_the_last():
    assert fts_query('kali" OR ciliw*') == '"kali" AND "or" AND "ciliw"'
    assert fts_query("Kali Ciliw", prefix_last=True) == '"kali" AND "ciliw"*'
    assert fts_query("  ,.;  ") == ""


def test_words_find_the_newest_first_and_a_prefix_only_when_needed(data_dir: Path):
    desk = open_desk(data_dir)
    try:
        for name, words in (("Budi", "sampah di kali Ciliwung"), ("Sari", "sampah di kali")):
            desk.intake.record(
                OFFICER,
                IntakeForm(
                    name=name,
                    consent=True,
                    kelurahan_code="31.71.03.1005",
                    category_code="KEBERSIHAN.SAMPAH",
                    description=f"Ada {words}, sudah seminggu.",
                ),
            )
        with desk.database.read() as session:
            assert [s.name for s in complaints.search_words(session, "sampah kali")] == [
                "Sari",
                "Budi",
            ]
            assert [s.name for s in complaints.search_words(session, "kali ciliw")] == ["Budi"]
            assert complaints.search_words(session, "") == []
    finally:
        desk.close()
