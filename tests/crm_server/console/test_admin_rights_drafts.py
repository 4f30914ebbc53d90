"""Administrasi › Hak warga over the triage drafts (SQLite and PostgreSQL): the
request's page lists the drafts from the citizen's number and address (channel,
date, state; never the sender or the text), in Indonesian and in English; the
export holds them as held; a removal forgets them."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from crm_server.core.crm import Crm
from crm_server.core.rights import drafts, requests
from tests.crm_server.console.conftest import Console
from tests.crm_server.core.test_rights_drafts import HER_MAIL, HER_SMS, her_drafts

Push = Callable[..., dict[str, Any]]


def test_the_request_page_lists_the_drafts_and_the_export_holds_them(
    push: Push, client: TestClient, crm: Crm, signed_in: Callable[[str], Console]
) -> None:
    ticket = her_drafts(push, client, crm)
    admin = signed_in("admin.crm")
    made = admin.post(
        "/console/admin/rights",
        {"ticket_code": ticket, "identifier": "3171014506780003", "kind": "see"},
    )
    assert made.status_code == 303  # type: ignore[attr-defined]
    [row] = requests(crm)
    page = admin.get(f"/console/admin/rights/{row.id}").text  # type: ignore[attr-defined]
    assert "SMS · 18-11-2026" in page and "menunggu keputusan" in page
    assert "EMAIL · 18-11-2026" in page and "ditolak" in page
    for held in (HER_SMS, HER_MAIL, "sulastri.w@example.id", "6281234567890"):
        assert held not in page
    admin.client.cookies.set("meja_console_lang", "en", path="/console")
    english = admin.get(f"/console/admin/rights/{row.id}").text  # type: ignore[attr-defined]
    assert "waiting for a decision" in english and "Triage drafts from their number" in english
    admin.client.cookies.set("meja_console_lang", "id", path="/console")
    file = admin.post(f"/console/admin/rights/{row.id}/export")
    document = json.loads(file.content)  # type: ignore[attr-defined]
    assert [d["text"] for d in document["triage_drafts"]] == [HER_SMS, HER_MAIL]
    gone = admin.post(f"/console/admin/rights/{row.id}/remove")
    assert gone.status_code == 303  # type: ignore[attr-defined]
    assert drafts(crm, row.id) == []
