"""What the SMS tests share: a complaint with SMS consent pushed by a desk, workflow
steps as staff, and a gateway that keeps what it was handed (by reference, as a real
one does)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from crm_server.core.auth import user_by_name
from crm_server.core.crm import Crm
from crm_server.core.schemas import ActionRequest
from crm_server.core.sms.sender import GatewayError, Outcome, Outgoing
from crm_server.core.workflow import Workflow
from tests.crm_server.conftest import complaint_item

PHONE = "+6281234567890"  # the first citizen's, as in complaint_item
OTHER = "+6285700001111"

# The steps of the "whole life": received, accepted, forwarded, in progress,
# returned, done (with the verification before each verdict).
LIFE = (
    ("admin.kanal", "accept", {}),
    ("lurah.gambir", "forward", {}),
    ("dinas.binamarga", "assign", {}),
    ("sudin.binamarga.jp", "report", {"note": "Lubang sudah ditambal."}),
    ("verifikator", "return", {"note": "Foto sesudah perbaikan belum ada."}),
    ("sudin.binamarga.jp", "report", {"note": "Foto terlampir."}),
    ("verifikator", "approve", {"note": "Sudah diperiksa di lokasi, jalan rata kembali."}),
)
LIFE_KINDS = [
    "received",
    "coordination",
    "disposition",
    "in_progress",
    "verification",
    "returned",
    "verification",
    "done",
]


def sms_item(consent: bool = True, **overrides: Any) -> dict[str, Any]:
    item = complaint_item(**overrides)
    item["complainant"]["sms_consent"] = consent
    return item


def step(crm: Crm, who: str, ticket: str, action: str, **body: Any) -> None:
    user = user_by_name(crm, who)
    assert user is not None
    Workflow(crm).act(user, ticket, ActionRequest(action=action, **body))


@dataclass
class KeepingGateway:
    """Keeps each message once by its reference; fails while ``failing``."""

    name: str = "keeping"
    kept: dict[str, tuple[str, str]] = field(default_factory=dict)
    calls: int = 0
    failing: bool = False
    reports: list[Outcome] = field(default_factory=list)

    def submit(self, message: Outgoing) -> str:
        self.calls += 1
        if self.failing:
            raise GatewayError("gateway answered HTTP 503")
        self.kept.setdefault(message.ref, (message.phone, message.text))
        return f"gw-{message.ref}"

    def outcomes(self) -> Iterable[Outcome]:
        reports, self.reports = self.reports, []
        return reports

    def start_run(self) -> None:
        pass

    def received(self) -> list[Any]:
        return []

    def done(self, message: Any) -> None:
        pass

    def texts(self, phone: str = PHONE) -> list[str]:
        return [text for p, text in self.kept.values() if p == phone]
