"""Where sync stands when the desk's own disk fails (full, or failing in SQLite
itself): a retried failure, said as such, and nothing lost or doubled after it."""

from __future__ import annotations

from pathlib import Path

from desk_app.sync.state import LAST_SUCCESS_KEY
from tests.sync.conftest import DeskRig, fill_filesystem, free_filesystem
from tests.sync.crm import CrmProcess, assert_converged


def test_a_full_desk_disk_is_a_retried_failure_then_nothing_lost_or_doubled(
    make_desk, crm_server: CrmProcess, small_disk: Path
):
    rig: DeskRig = make_desk(home=small_disk)
    rig.record(30)
    assert rig.engine.run_once().ok and rig.engine.state.online
    rig.record(10, start=30)
    # The disk fills up (a real ENOSPC): the cycle's first write fails, whatever it is
    # and wherever the database's pages have room left.
    fill_filesystem(rig.desk)
    report = rig.engine.run_once()
    state = rig.engine.state
    assert not report.ok and state.phase == "retry_wait"
    assert state.last_error_code == "storage_full" and "disk" in state.last_error
    assert state.online  # the desk's disk failed, not the line to the CRM ("Luring")
    assert state.pending_count == 10  # nothing marked sent that the desk did not write
    free_filesystem(rig.desk)
    rig.converge()
    assert_converged(crm_server, rig.desk)


def test_a_disk_fault_at_the_cycle_s_last_write_is_a_retried_failure(
    make_desk, crm_server: CrmProcess
):
    """The cycle's last write (when it last succeeded) fails in SQLite itself, as a
    failing disk makes it fail: the status must not stay on "pulling" with the error
    only in the log; the next cycle finds nothing to redo."""
    import sqlite3

    from sqlalchemy import event

    rig: DeskRig = make_desk()
    rig.record(5)
    faults: list[str] = []

    def disk_fault(_conn, _cursor, statement: str, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")) and (
            "key_value" in statement and LAST_SUCCESS_KEY in (parameters or ())
        ):
            faults.append(statement)
            # The driver's own error (SQLCipher's module), as SQLite raises it.
            error = rig.desk.database.engine.dialect.loaded_dbapi.OperationalError("disk I/O error")
            error.sqlite_errorcode = sqlite3.SQLITE_IOERR_WRITE  # type: ignore[attr-defined]
            raise error

    engine = rig.desk.database.engine
    event.listen(engine, "before_cursor_execute", disk_fault)
    try:
        report = rig.engine.run_once()
    finally:
        event.remove(engine, "before_cursor_execute", disk_fault)
    state = rig.engine.state
    assert faults, "the fault was never met: the cycle did not write its last success"
    assert not report.ok and state.phase == "retry_wait"
    assert state.last_error_code == "storage_io" and state.online
    assert state.last_success_at is None
    rig.converge()
    assert rig.engine.state.last_success_at is not None
    assert_converged(crm_server, rig.desk)
