"""A full disk (SQLite's own SQLITE_FULL, made real by capping the database's size):
the save fails with a plain Indonesian message, nothing half-written remains, no
personal data in the error, and the next save after space is freed succeeds."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from sqlalchemy import event

from desk_app.services.desk import Desk, open_desk
from desk_app.services.errors import message_for
from desk_app.store.db import StorageError
from tests.store.test_store import form


def cap_size(desk: Desk, pages: int | None) -> None:
    """Every connection from now on may grow the file to ``pages`` pages at most."""
    engine = desk.database.engine

    def cap(dbapi_connection: object, _record: object) -> None:
        size = pages if pages is not None else 1_073_741_823
        dbapi_connection.execute(f"PRAGMA max_page_count = {size}")  # type: ignore[attr-defined]

    for listener in getattr(desk, "_test_caps", []):
        event.remove(engine, "connect", listener)
    event.listen(engine, "connect", cap)
    desk._test_caps = [cap]  # type: ignore[attr-defined]
    engine.dispose()  # pooled connections reconnect with the cap


def fill_disk(desk: Desk) -> None:
    """The database cannot grow, and its free pages are used up: the next write that
    needs a page fails with SQLITE_FULL, as on a full disk."""
    with desk.database.write() as session:
        session.connection().exec_driver_sql("CREATE TABLE IF NOT EXISTS test_filler (b BLOB)")
    with desk.database.read() as session:
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
    cap_size(desk, int(pages))
    for size in (65536, 4096, 512, 64):  # big blobs first, then fill the gaps
        with contextlib.suppress(StorageError):
            while True:
                with desk.database.write() as session:
                    session.connection().exec_driver_sql(
                        f"INSERT INTO test_filler VALUES (zeroblob({size}))"
                    )


def free_disk(desk: Desk) -> None:
    cap_size(desk, None)
    with desk.database.write() as session:
        session.connection().exec_driver_sql("DROP TABLE IF EXISTS test_filler")


# Long enough to need new pages (an overflow page at least), which a full disk refuses.
LONG = ("Lampu jalan mati sejak seminggu, gelap dan rawan. " * 80)[:3990]


@pytest.fixture
def desk(data_dir: Path):
    d = open_desk(data_dir)
    d.accounts.create_first_admin("ani", "Ani", "rahasia-ani-1")
    yield d
    d.close()


def test_full_disk_gives_a_plain_message_and_loses_nothing(desk: Desk):
    officer = desk.accounts.sign_in("ani", "rahasia-ani-1")
    first = desk.intake.record(officer, form())
    fill_disk(desk)

    with pytest.raises(StorageError) as caught:
        desk.intake.record(officer, form(description=LONG))
    error = caught.value
    assert error.reason == "full"
    message = message_for(error)
    assert message is not None and "penuh" in message
    # Neither the statement nor its parameters (personal data) travel with the error.
    assert "Siti" not in str(error) and "3171011708450001" not in str(error)
    assert error.__cause__ is None and error.__suppress_context__

    # Nothing half-written: every complaint in the file is whole, with its outbox row.
    with desk.database.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        complaints = conn.exec_driver_sql("SELECT count(*) FROM complaints").scalar()
        outbox = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()
    assert complaints == outbox and complaints >= 1
    assert desk.lookup.detail(officer, str(first.complaint.id)) is not None

    free_disk(desk)  # space freed
    again = desk.intake.record(officer, form())
    assert again.ticket_code != first.ticket_code


def test_bugs_are_not_dressed_up_as_messages():
    assert message_for(ValueError("a bug")) is None


def test_other_database_errors_name_the_statement_but_not_its_values(desk: Desk):
    from sqlalchemy import exc, text

    with pytest.raises(exc.DBAPIError) as caught, desk.database.write() as session:
        session.execute(text("SELECT no_such_column, :nik"), {"nik": "3171011708450001"})
    assert "no_such_column" in str(caught.value)
    assert "3171011708450001" not in str(caught.value)  # it would reach a log line
