"""Gammu SMSD's SQL back-end in the CRM's own PostgreSQL (``gammu-smsd-sql(7)``): the
daemon's tables (Gammu's ``pgsql.sql``) in a schema of their own (``gammu`` by
default) of the CRM's database; the daemon connects as a role whose ``search_path``
is that schema. A message is a row of ``outbox`` whose ``CreatorID`` is our reference
(found again on a retry, never inserted twice); the daemon moves it to ``sentitems``,
whose ``Status`` is the outcome (and later the delivery report); what citizens send
arrives in ``inbox`` and is marked ``Processed`` once we have stored it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from sqlalchemy import Engine, text

from crm_server.core.sms.sender import GatewayError, Outcome, Outgoing
from crm_server.sms_gateway.gammu import Received

STATES = {
    "SendingOK": "sent",
    "SendingOKNoReport": "sent",
    "DeliveryOK": "delivered",
    "SendingError": "failed",
    "DeliveryFailed": "failed",
    "Error": "failed",
}


class GammuSqlGateway:
    name = "gammu-sql"

    def __init__(self, engine: Engine, schema: str = "gammu") -> None:
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", schema):
            raise SystemExit("MEJA_CRM_SMS_GAMMU_SCHEMA: a plain schema name, e.g. gammu")
        if engine.dialect.name != "postgresql":
            raise SystemExit("Gammu's SQL back-end needs the CRM on PostgreSQL")
        self.engine = engine
        self.schema = schema
        self._seen_since = dt.datetime(2000, 1, 1)

    def start_run(self) -> None:
        pass

    def submit(self, message: Outgoing) -> str:
        s = self.schema
        try:
            with self.engine.begin() as conn:
                if message.retry and conn.scalar(
                    text(
                        f'SELECT 1 FROM {s}.outbox WHERE "CreatorID" = :ref UNION ALL '
                        f'SELECT 1 FROM {s}.sentitems WHERE "CreatorID" = :ref LIMIT 1'
                    ),
                    {"ref": message.ref},
                ):
                    return message.ref
                conn.execute(
                    text(
                        f'INSERT INTO {s}.outbox ("DestinationNumber", "TextDecoded", '
                        f'"CreatorID", "Coding") VALUES (:to, :text, :ref, '
                        "'Default_No_Compression')"
                    ),
                    {"to": message.phone, "text": message.text, "ref": message.ref},
                )
        except Exception as err:  # the schema missing, the database away: said plainly
            raise GatewayError(f"Gammu's tables not usable: {type(err).__name__}") from None
        return message.ref

    def outcomes(self) -> Iterator[Outcome]:
        """Rows of ``sentitems`` changed since the last call (from the start at the
        first: recording an outcome twice changes nothing)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                text(
                    f'SELECT "CreatorID", "Status", "UpdatedInDB" FROM {self.schema}.sentitems '
                    'WHERE "UpdatedInDB" >= :since AND "CreatorID" LIKE \'meja%\' '
                    'ORDER BY "UpdatedInDB"'
                ),
                {"since": self._seen_since},
            ).all()
        for ref, status, updated in rows:
            self._seen_since = max(self._seen_since, updated)
            state = STATES.get(status)
            if state:
                error = f"Gammu SMSD: {status}" if state == "failed" else ""
                yield Outcome(ref, state, error)

    def received(self) -> Iterator[Received]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                text(
                    f'SELECT "ID", "SenderNumber", "TextDecoded" FROM {self.schema}.inbox '
                    'WHERE NOT "Processed" ORDER BY "ID"'
                )
            ).all()
        for row_id, sender, message in rows:
            yield Received(f"gammu-sql:{row_id}", sender, message)

    def done(self, message: Received) -> None:
        row_id = int(message.ref.rsplit(":", 1)[1])
        with self.engine.begin() as conn:
            conn.execute(
                text(f'UPDATE {self.schema}.inbox SET "Processed" = true WHERE "ID" = :id'),
                {"id": row_id},
            )
