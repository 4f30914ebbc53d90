"""The access log under a plain uvicorn (not only ``crm-server serve``'s logging set-up)
records no tracking token, no query string and no unknown path segment (issue 18,
item 6): the test failed on the code before its fix."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx2

from tests.crm_server.conftest import complaint_item
from tests.crm_server.test_logs import _Everything, logged, server  # noqa: F401 (fixtures)

Push = Callable[..., dict[str, Any]]


def test_the_access_log_masks_tokens_and_whatever_a_client_puts_in_a_path(
    push: Push,
    server: str,  # noqa: F811
    logged: _Everything,  # noqa: F811
) -> None:
    item = complaint_item()
    push(item)
    code, token = item["ticket_code"], item["tracking_token"]
    with httpx2.Client(base_url=server) as http:
        assert http.get(f"/T/{code}/{token}").status_code == 200
        assert http.get(f"/T/{code}/{token}.json").status_code == 200
        http.get("/api/v1/workflow/complaints/3171014506780003")
        http.get("/open311/v2/requests.json", params={"phone": "081234567890"})
        http.get("/console/Sulastri-Wijayakusuma")
    access = [line for line in logged.lines if line.startswith("uvicorn.access")]
    text = "\n".join(access)
    assert len(access) >= 5, text
    assert code in text and "/open311/v2/requests.json" in text  # still useful
    for secret in (token, "3171014506780003", "081234567890", "Sulastri"):
        assert secret not in text, (secret, text)
