"""Migration 0010 on a database with personal data in clear (SQLite and PostgreSQL):
the rows are encrypted in place with the configured key and still read, their
lookup hashes made, the existing audit entries chained; back down to 0005 they are
clear text again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alembic import command
from sqlalchemy import select, text

from crm_server.core import audit
from crm_server.core.crm import Crm
from crm_server.db.engine import alembic_config, migrate
from crm_server.db.models import Complaint
from tests.crm_server.conftest import complaint_item
from tests.crm_server.sync_api.test_co_reporters import reporter_event


def raw_people(crm: Crm) -> list[str]:
    with crm.engine.connect() as conn:
        values = conn.execute(text("SELECT complainant FROM complaints")).scalars().all()
        values += conn.execute(text("SELECT reporter FROM co_reporters")).scalars().all()
    return [str(v) for v in values]


def test_existing_rows_are_encrypted_in_place(
    crm: Crm, push: Callable[..., dict[str, Any]]
) -> None:
    item = complaint_item()
    push(item, reporter_event(item))
    audit.record(crm, "admin", "contact_viewed", item["ticket_code"], "menelepon")
    url = crm.settings.database_url
    try:
        command.downgrade(alembic_config(url), "0005")
        clear = raw_people(crm)
        assert any("3171014506780003" in v for v in clear)
        assert any("Bambang" in v for v in clear)
        migrate(url)  # the upgrade, with the data key of the settings
    finally:
        migrate(url)
    assert all(
        v.strip('"').startswith(f"enc1:{crm.data_keys.current_id}:") for v in raw_people(crm)
    )
    assert not any("3171014506780003" in v for v in raw_people(crm))
    with crm.sessions() as s:
        c = s.scalars(select(Complaint)).one()
    assert c.complainant["name"] == "Sulastri Wijayakusuma"
    assert c.complainant_nik_hash == crm.data_keys.lookup_hash("nik", "3171014506780003")
    assert audit.verify(crm) == (1, None)
