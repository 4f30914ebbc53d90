"""Migration 0017 on a database with e-mail drafts (SQLite and PostgreSQL): a draft
stored before it gets the keyed hash of its sender (the complaints' e-mail HMAC),
made from its encrypted sender, so that a citizen's rights request finds it; one
already forgotten by retention gets none; down to 0015 and up again."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import select, text

from crm_server.core.crm import Crm
from crm_server.core.mail import triage as mail_triage
from crm_server.core.mail.mailbox import poll
from crm_server.core.retention import run_retention
from crm_server.db.channel_models import MailDraft
from crm_server.db.engine import alembic_config, migrate
from tests.crm_server.conftest import FakeClock
from tests.crm_server.mail.test_mailbox import THREE, FakeImap


def test_the_sender_hash_of_stored_mail_drafts_is_made(crm: Crm, clock: FakeClock) -> None:
    poll(crm, lambda _: FakeImap({102: THREE[102]}))
    (spam,) = mail_triage.drafts(crm)
    mail_triage.dismiss(crm, spam.id, 1, "spam")
    clock.now += dt.timedelta(days=731)
    run_retention(crm)  # the spam is forgotten: no sender, no hash
    poll(crm, lambda _: FakeImap({201: THREE[101]}))  # after it in the mailbox
    url = crm.settings.database_url
    try:
        command.downgrade(alembic_config(url), "0015")  # just below 0017
        with crm.engine.connect() as conn:
            columns = conn.execute(text("SELECT * FROM mail_drafts")).keys()
        assert "sender_hash" not in columns
    finally:
        migrate(url)
    with crm.sessions() as session:
        hashes = dict(session.execute(select(MailDraft.uid, MailDraft.sender_hash)).all())
    assert hashes == {201: crm.data_keys.lookup_hash("email", "sari@example.id"), 102: ""}
