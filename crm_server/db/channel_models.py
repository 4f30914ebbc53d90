"""The channels' table (issue 22): which source (a post's link, an e-mail's message
id, an SMS) a complaint recorded on behalf of a channel came from, so that the
same source is never recorded twice. Only a digest of the source is kept: an SMS
source holds a phone number. Imported by ``db`` so that the one metadata knows it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_server.db.models import Base


class ChannelSource(Base):
    """One recorded source: ``digest`` is the SHA-256 of the channel and the
    normalised source (never the source itself)."""

    __tablename__ = "channel_sources"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    complaint_pk: Mapped[int] = mapped_column(ForeignKey("complaints.pk"), index=True)
    recorded_by: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[dt.datetime]
