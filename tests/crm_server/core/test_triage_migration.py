"""Migration 0015 on a database with complaints and e-mail drafts (SQLite and
PostgreSQL): the e-mail hashes of the complaints and co-reporters already stored are
made from their encrypted citizens, so that the triage suggests them; the e-mail
drafts' senders and texts are encrypted in place (and clear again below it); down to
0011 and up again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select, text

from crm_server.core.channel_intake import ChannelReport, record
from crm_server.core.crm import Crm
from crm_server.core.mail import triage as mail_triage
from crm_server.core.mail.mailbox import poll
from crm_server.db.engine import alembic_config, migrate
from crm_server.db.models import Complaint
from tests.crm_server.mail.test_mailbox import THREE, FakeImap


def test_the_email_hashes_of_stored_complaints_are_made(crm: Crm) -> None:
    report = ChannelReport(
        channel="FACEBOOK",
        source="https://facebook.com/posts/42",
        contact="Warga.Satu@Example.id",
        name="Warga Satu",
        description="Saluran air tersumbat di RT 03, banjir setiap hujan.",
        kelurahan_code="31.71.01.1001",
        category_code="JALAN.RUSAK",
    )
    ticket = record(crm, 1, "Admin Facebook", report).ticket_code
    poll(crm, lambda _: FakeImap({101: THREE[101]}))
    url = crm.settings.database_url
    try:
        command.downgrade(alembic_config(url), "0016")  # just below 0015
        with crm.engine.connect() as conn:
            columns = conn.execute(text("SELECT * FROM complaints")).keys()
            sender = conn.execute(text("SELECT sender FROM mail_drafts")).scalar_one()
        assert "complainant_email_hash" not in columns
        assert sender == "sari@example.id"  # clear below 0015, as it was
        migrate(url)
    finally:
        migrate(url)
    with crm.engine.connect() as conn:
        at_rest = conn.execute(text("SELECT sender, body FROM mail_drafts")).one()
    assert all("enc1:" in str(v) and "sari" not in str(v) for v in at_rest)
    (draft,) = mail_triage.drafts(crm)
    assert draft.sender == "sari@example.id" and draft.body.startswith("Jalan berlubang")
    with crm.sessions() as session:
        stored = session.scalar(
            select(Complaint.complainant_email_hash).where(Complaint.ticket_code == ticket)
        )
    assert stored == crm.data_keys.lookup_hash("email", "warga.satu@example.id")
