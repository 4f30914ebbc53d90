"""The CRM's queue API, for the desk (``crm_server/queue_api``): typed calls on the
desk's :class:`CrmClient` (its session, token, timeouts and error sorting: a
:class:`Transient` means the CRM is unreachable and the desk goes on by itself)."""

from __future__ import annotations

from typing import Any

from desk_app.sync.client import CrmClient


class QueueClient:
    def __init__(self, client: CrmClient) -> None:
        self.client = client

    def _post(self, path: str, body: dict[str, Any]) -> Any:
        return self.client._request("POST", path, json_body=body).json()

    def issue(self, priority: str, seat_call: bool, complaint_code: str) -> dict[str, Any]:
        body = {"priority": priority, "seat_call": seat_call, "complaint_code": complaint_code}
        answer: dict[str, Any] = self._post("/api/v1/queue/tickets", body)
        return answer

    def call_next(self, officer: str) -> dict[str, Any] | None:
        ticket: dict[str, Any] | None = self._post("/api/v1/queue/call-next", {"officer": officer})[
            "ticket"
        ]
        return ticket

    def act(self, ticket_id: str, action: str, **body: str) -> dict[str, Any]:
        ticket: dict[str, Any] = self._post(f"/api/v1/queue/tickets/{ticket_id}/{action}", body)[
            "ticket"
        ]
        return ticket

    def board(self, after: str | None = None, wait: float = 0) -> dict[str, Any]:
        """The site's board; with ``after`` (the version shown), once it differs, at
        most ``wait`` seconds later (kept under the client's read timeout)."""
        params = {"after": after, "wait": wait} if after is not None else None
        answer: dict[str, Any] = self.client._request(
            "GET", "/api/v1/queue/board", params=params
        ).json()
        return answer

    def send_events(self, events: list[dict[str, Any]]) -> dict[str, int]:
        answer: dict[str, int] = self._post("/api/v1/queue/events", {"events": events})
        return answer
