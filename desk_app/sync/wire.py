"""Turning the desk's records into the items of a push (sync protocol v1).

The one definition of the wire format: from rows of the ``complaints`` and
``complaint_events`` tables (a mapping by column name, as the push reads them,
without building domain objects first); a complaint as a domain object goes through
the same function.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from complaint_domain.complaint import Attachment, Complaint

# The columns the items are made of (the push selects just these).
COMPLAINT_COLUMNS = (
    "id",
    "ticket_code",
    "tracking_token",
    "created_at",
    "channel",
    "officer_username",
    "urgency",
    "category_code",
    "description",
    "earlier_references",
    "name",
    "nik",
    "phone",
    "address",
    "keep_identity_private",
    "consent_given_at",
    "sms_consent",
    "kelurahan_code",
    "rt_rw",
    "street",
    "landmark",
    "latitude",
    "longitude",
)
EVENT_COLUMNS = ("id", "kind", "at", "note")


def _time(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat() if value is not None else None


def attachment_item(a: Attachment) -> dict[str, Any]:
    return {
        "sha256": a.sha256,
        "size": a.size,
        "media_type": a.media_type,
        "original_name": a.original_name[:200],
    }


def complaint_row_item(row: Mapping[str, Any], attachments: Iterable[Attachment]) -> dict[str, Any]:
    """A complaint from its row (``COMPLAINT_COLUMNS``; ``earlier_references`` as
    stored, a JSON list) and its intake attachments."""
    return {
        "type": "complaint",
        "id": row["id"],
        "ticket_code": row["ticket_code"],
        "tracking_token": row["tracking_token"],
        "created_at": _time(row["created_at"]),
        "channel": row["channel"],
        "officer": row["officer_username"],
        "urgency": row["urgency"],
        "category_code": row["category_code"],
        "description": row["description"],
        "earlier_references": json.loads(row["earlier_references"]),
        "complainant": {
            "name": row["name"],
            "nik": row["nik"],
            "phone": row["phone"],
            "address": row["address"],
            "keep_identity_private": row["keep_identity_private"],
            "consent_given_at": _time(row["consent_given_at"] or row["created_at"]),
            "sms_consent": bool(row["sms_consent"]),
        },
        "location": {
            "kelurahan_code": row["kelurahan_code"],
            "rt_rw": row["rt_rw"],
            "street": row["street"],
            "landmark": row["landmark"],
            "latitude": row["latitude"],
            "longitude": row["longitude"],
        },
        "attachments": [attachment_item(a) for a in attachments],
    }


def reporter_item(row: Mapping[str, Any]) -> dict[str, Any]:
    """A co-reporter from its row (``REPORTER_COLUMNS``): the same fields as the
    first citizen's ``complainant``."""
    return {
        "name": row["name"],
        "nik": row["nik"],
        "phone": row["phone"],
        "address": row["address"],
        "keep_identity_private": row["keep_identity_private"],
        "consent_given_at": _time(row["consent_given_at"]),
        "sms_consent": bool(row["sms_consent"]),
    }


def event_row_item(
    row: Mapping[str, Any],
    complaint_id: str,
    ticket_code: str,
    attachments: Iterable[Attachment],
    reporter: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """An event from its row (``EVENT_COLUMNS``), its complaint's id and ticket code,
    the files it brought and, for ``reporter_added``, its co-reporter's row."""
    item = {
        "type": "event",
        "id": row["id"],
        "complaint_id": complaint_id,
        "ticket_code": ticket_code,
        "kind": row["kind"],
        "at": _time(row["at"]),
        "note": row["note"],
        "attachments": [attachment_item(a) for a in attachments],
    }
    if reporter is not None:
        item["reporter"] = reporter_item(reporter)
    return item


def complaint_item(c: Complaint) -> dict[str, Any]:
    p, loc = c.complainant, c.location
    row = {
        "id": str(c.id),
        "ticket_code": c.ticket_code,
        "tracking_token": c.tracking_token,
        "created_at": c.created_at,
        "channel": c.channel,
        "officer_username": c.officer,
        "urgency": c.urgency.value,
        "category_code": c.category_code,
        "description": c.description,
        "earlier_references": json.dumps(list(c.earlier_references)),
        "name": p.name,
        "nik": p.nik,
        "phone": p.phone,
        "address": p.address,
        "keep_identity_private": p.keep_identity_private,
        "consent_given_at": p.consent_given_at,
        "sms_consent": p.sms_consent,
        "kelurahan_code": loc.kelurahan_code,
        "rt_rw": loc.rt_rw,
        "street": loc.street,
        "landmark": loc.landmark,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
    }
    return complaint_row_item(row, c.attachments)
