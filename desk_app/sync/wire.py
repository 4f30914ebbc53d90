"""Turning the desk's records into the items of a push (sync protocol v1)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desk_app.domain.complaint import Attachment, Complaint, ComplaintEvent


def _time(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat() if value is not None else None


def attachment_item(a: Attachment) -> dict[str, Any]:
    return {
        "sha256": a.sha256,
        "size": a.size,
        "media_type": a.media_type,
        "original_name": a.original_name[:200],
    }


def complaint_item(c: Complaint) -> dict[str, Any]:
    p, loc = c.complainant, c.location
    return {
        "type": "complaint",
        "id": str(c.id),
        "ticket_code": c.ticket_code,
        "tracking_token": c.tracking_token,
        "created_at": _time(c.created_at),
        "channel": c.channel,
        "officer": c.officer,
        "urgency": c.urgency.value,
        "category_code": c.category_code,
        "description": c.description,
        "earlier_references": list(c.earlier_references),
        "complainant": {
            "name": p.name,
            "nik": p.nik,
            "phone": p.phone,
            "address": p.address,
            "keep_identity_private": p.keep_identity_private,
            "consent_given_at": _time(p.consent_given_at or c.created_at),
        },
        "location": {
            "kelurahan_code": loc.kelurahan_code,
            "rt_rw": loc.rt_rw,
            "street": loc.street,
            "landmark": loc.landmark,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
        },
        "attachments": [attachment_item(a) for a in c.attachments],
    }


def event_item(c: Complaint, e: ComplaintEvent) -> dict[str, Any]:
    return {
        "type": "event",
        "id": str(e.id),
        "complaint_id": str(c.id),
        "ticket_code": c.ticket_code,
        "kind": e.kind.value,
        "at": _time(e.at),
        "note": e.note,
        "attachments": [attachment_item(a) for a in e.attachments],
    }
