"""``/metrics`` counts what happened and reads the desks' lag from the database,
with nothing personal and no ticket code; the log lines are JSON objects with the
tracking token cut out."""

from __future__ import annotations

import json
import logging
import logging.config
import re
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from crm_server.web.logs import log_config, redact
from tests.crm_server.conftest import assert_no_personal_data, auth, complaint_item


def metric(text: str, name: str, **labels: str) -> float:
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    pattern = re.escape(name) + (r"\{" + re.escape(wanted) + r"\}" if labels else "") + r" (\S+)"
    match = re.search(pattern, text)
    assert match, f"{name}{{{wanted}}} not in the metrics"
    return float(match.group(1))


def test_metrics_count_pushes_changes_requests_and_desk_lag(
    client: TestClient, desk: dict[str, str], push: Callable[..., dict[str, Any]]
) -> None:
    before = client.get("/metrics").text
    accepted_before = (
        metric(before, "meja_push_items_total", outcome="accepted")
        if 'outcome="accepted"' in before
        else 0.0
    )
    items = [complaint_item() for _ in range(3)]
    push(*items)
    push(items[0])  # again: a duplicate
    client.post(
        "/api/v1/sync/heartbeat",
        json={"pending_count": 4, "oldest_unsent_age_seconds": 7300, "app_version": "1.2.0"},
        headers=auth(desk),
    )
    client.get(f"/T/{items[0]['ticket_code']}/{items[0]['tracking_token']}")
    text = client.get("/metrics").text
    assert metric(text, "meja_push_items_total", outcome="accepted") == accepted_before + 3
    assert metric(text, "meja_push_items_total", outcome="already_had") >= 1
    assert metric(text, "meja_desk_pending_items", desk="PBK1") == 4
    assert metric(text, "meja_desk_oldest_unsent_seconds", desk="PBK1") == 7300
    assert metric(text, "meja_complaints_open", state="received") == 3
    assert "/T/{code}/{token}" in text  # the route's template labels the latency
    for item in items:
        assert item["ticket_code"] not in text and item["tracking_token"] not in text
    assert_no_personal_data(text)


def test_log_lines_are_json_without_the_tracking_token(capsys: Any) -> None:
    logging.config.dictConfig(log_config("info", "json"))
    try:
        access = logging.getLogger("uvicorn.access")
        access.info(
            '%s - "%s %s HTTP/%s" %d',
            "203.0.113.5:5000",
            "GET",
            "/T/PBK1-261122-0042-K/7KQ2MX",
            "1.1",
            200,
        )
        logging.getLogger("crm_server").error("failed on /T/PBK1-261122-0042-K/7KQ2MX.json")
    finally:
        logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line]
    assert [line["logger"] for line in lines] == ["uvicorn.access", "crm_server"]
    assert all("7KQ2MX" not in json.dumps(line) for line in lines)
    assert "/T/PBK1-261122-0042-K/…" in lines[0]["message"]
    assert lines[1]["level"] == "error"


def test_redaction_keeps_everything_else() -> None:
    assert (
        redact("GET /console/c/PBK1-261122-0042-K 200") == "GET /console/c/PBK1-261122-0042-K 200"
    )
    assert redact("/t/pbk1-261122-0042-k/7kq2mx?x=1") == "/t/pbk1-261122-0042-k/…?x=1"
