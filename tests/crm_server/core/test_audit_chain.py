"""The audit log's hash chain (issue 18), SQLite and PostgreSQL: entries written
one after another and by concurrent writers make one whole chain; an entry altered
later with raw SQL is named by ``crm-server audit-verify``."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from crm_server.cli import main as cli_main
from crm_server.core import audit
from crm_server.core.crm import Crm


def use_cli(monkeypatch: pytest.MonkeyPatch, crm: Crm) -> None:
    """The command line on the test's database and data folder (so its data key)."""
    monkeypatch.setenv("MEJA_CRM_DATABASE_URL", crm.settings.database_url)
    monkeypatch.setenv("MEJA_CRM_DATA_DIR", str(crm.settings.data_dir))
    monkeypatch.delenv("MEJA_CRM_DATA_KEY", raising=False)
    monkeypatch.delenv("MEJA_CRM_DATA_KEY_FILE", raising=False)


def test_an_altered_past_entry_is_named(
    crm: Crm, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(5):
        audit.record(crm, "admin", "contact_viewed", f"PBK1-0000-{i}", "menelepon warga")
    ids = [e.id for e in reversed(audit.entries(crm))]
    assert audit.verify(crm) == (5, None)
    use_cli(monkeypatch, crm)
    assert cli_main(["audit-verify"]) == 0
    assert "whole: 5 entries" in capsys.readouterr().out

    with crm.engine.begin() as conn:  # someone hides who looked
        conn.execute(text("UPDATE audit_log SET actor = 'x' WHERE id = :i"), {"i": ids[2]})
    assert audit.verify(crm) == (2, ids[2])
    assert cli_main(["audit-verify"]) == 1
    assert f"entry {ids[2]} does not match" in capsys.readouterr().out

    with crm.engine.begin() as conn:  # put back, then remove an entry altogether
        conn.execute(text("UPDATE audit_log SET actor = 'admin' WHERE id = :i"), {"i": ids[2]})
    assert audit.verify(crm) == (5, None)
    with crm.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": ids[1]})
    assert audit.verify(crm) == (1, ids[2])


def test_concurrent_writers_do_not_fork_the_chain(crm: Crm) -> None:
    def write(name: str) -> None:
        for i in range(10):
            audit.record(crm, name, "user_changed", f"{name}-{i}")

    threads = [threading.Thread(target=write, args=(f"w{n}",)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert audit.verify(crm) == (40, None)


def test_the_chain_survives_a_restart(crm: Crm, tmp_path: Path) -> None:
    audit.record(crm, "admin", "user_changed", "a")
    again = Crm(crm.settings, clock=crm.clock)
    try:
        audit.record(again, "admin", "user_changed", "b")
        assert audit.verify(again) == (2, None)
    finally:
        again.close()
