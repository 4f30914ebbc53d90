"""The CRM's lookup of any channel's complaints (``POST /api/v1/sync/lookup``), for the
desk: a typed call on the desk's :class:`CrmClient` (its token, timeouts and error
sorting). The key goes in the body, never in the URL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desk_app.sync.client import API, CrmClient


@dataclass(frozen=True)
class Found:
    """What the CRM answered: the complaints (the newest, at most 20) and whether it
    finds more than it listed (a CRM from before it said so: never)."""

    complaints: list[dict[str, Any]]
    more: bool = False


class LookupClient:
    def __init__(self, client: CrmClient) -> None:
        self.client = client

    @property
    def base_url(self) -> str:
        return self.client.base_url

    def find(self, kind: str, value: str, officer: str) -> Found:
        """The complaints the CRM finds for a ``kind`` ("ticket", "phone", "nik") of key."""
        body = {"kind": kind, "value": value, "officer": officer}
        answer = self.client._request("POST", f"{API}/sync/lookup", json_body=body).json()
        if not isinstance(answer, dict):
            return Found([])
        found = answer.get("complaints")
        complaints = [c for c in found if isinstance(c, dict)] if isinstance(found, list) else []
        return Found(complaints, answer.get("more") is True)
