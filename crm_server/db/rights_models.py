"""The citizens' requests about their personal data (issue 18, item 4)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_server.db.models import Base, SeqType


class RightsRequest(Base):
    """A citizen's request under UU 27/2022 (see, correct or remove their data),
    answered within 3 × 24 hours (``due_at``). Who asked is kept as the keyed hash of
    the NIK or phone number they gave (never the number itself) and as their place:
    the complaint's complainant ("") or a co-reporter (its event id)."""

    __tablename__ = "rights_requests"
    id: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=True)
    complaint_pk: Mapped[int] = mapped_column(ForeignKey("complaints.pk"), index=True)
    reporter: Mapped[str] = mapped_column(String(40), default="")
    identifier_hash: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(10))  # see | correct | remove
    received_at: Mapped[dt.datetime]
    due_at: Mapped[dt.datetime]
    recorded_by: Mapped[str] = mapped_column(String(60))
    answered_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    answer: Mapped[str] = mapped_column(String(20), default="")  # exported | corrected | removed
