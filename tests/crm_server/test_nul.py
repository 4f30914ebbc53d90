"""No NUL character (U+0000) reaches the database from any endpoint.

PostgreSQL text and jsonb cannot hold NUL: one let through is a 500 there (and is
stored as is on SQLite). Every text input of every operation in the OpenAPI document
(body and form fields, query, path and header parameters), and the parameters Open311
reads by hand, is sent with a NUL in turn. Each must be refused with the answer of
its family: the API's JSON error naming the field, a push item "rejected" (the rest
of the batch goes on), Open311's error list, the tracking page's one not-found page.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx2
from fastapi import FastAPI
from fastapi.testclient import TestClient

from crm_server.core.auth import hash_secret
from crm_server.core.crm import Crm
from crm_server.db.models import ApiKey
from tests.crm_server.conftest import KELURAHAN, PNG, auth, complaint_item, event_item, sha

NUL = "\x00"
Staff = dict[str, dict[str, str]]


@dataclass
class Call:
    """One request; ``inputs()`` are its text inputs, by where they go."""

    method: str
    path: str  # the OpenAPI path template
    path_params: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = None
    form: dict[str, str] | None = None
    content: bytes | None = None
    fixed: dict[str, str] = field(default_factory=dict)  # headers never given a NUL

    def inputs(self) -> Iterator[tuple[str, str]]:
        """(where, concrete path) of every string: ``body`` paths with list indices."""
        for where, values in (("path", self.path_params), ("query", self.query)):
            for name in values:
                yield where, name
        for name in self.headers:
            yield "header", name.lower()
        if self.form is not None:
            for name in self.form:
                yield "body", name
        if self.json is not None:
            for leaf in _string_leaves(self.json):
                yield "body", leaf

    def with_nul(self, where: str, at: str) -> Call:
        """A copy with a NUL appended to the input ``at``."""
        call = copy.deepcopy(self)
        if where == "path":
            call.path_params[at] += NUL
        elif where == "query":
            call.query[at] += NUL
        elif where == "header":
            name = next(n for n in call.headers if n.lower() == at)
            call.headers[name] += NUL
        elif call.form is not None:
            call.form[at] += NUL
        else:
            *parents, last = at.split(".")
            node = call.json
            for part in parents:
                node = node[int(part)] if isinstance(node, list) else node[part]
            if isinstance(node, list):
                node[int(last)] += NUL
            else:
                node[last] += NUL
        return call

    def send(self, client: TestClient) -> httpx2.Response:
        url = self.path
        for name, value in self.path_params.items():
            url = url.replace("{" + name + "}", quote(value, safe=""))
        return client.request(
            self.method,
            url,
            params=self.query,
            headers={**self.fixed, **self.headers},
            json=self.json,
            data=self.form,
            content=self.content,
        )


def _string_leaves(value: Any, prefix: str = "") -> Iterator[str]:
    if isinstance(value, str):
        yield prefix
    children = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in children:
        yield from _string_leaves(child, f"{prefix}.{key}" if prefix else str(key))


def _wildcard(path: str) -> str:
    return ".".join("*" if part.isdigit() else part for part in path.split("."))


# ------------------------------------------------------------- the OpenAPI document


def documented_text_inputs(app: FastAPI) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """Every operation's string inputs in the OpenAPI document, list items as ``*``."""
    document = app.openapi()
    components = document.get("components", {}).get("schemas", {})
    found: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            inputs = {
                (p["in"], p["name"].lower() if p["in"] == "header" else p["name"])
                for p in operation.get("parameters", [])
                if any(True for _ in _strings(p.get("schema", {}), components))
            }
            content = operation.get("requestBody", {}).get("content", {})
            for media_type in ("application/json", "application/x-www-form-urlencoded"):
                if media_type in content:
                    body = content[media_type]["schema"]
                    inputs |= {("body", leaf) for leaf in _strings(body, components)}
            if inputs:
                found[(method.upper(), path)] = inputs
    return found


def _strings(schema: dict[str, Any], components: dict[str, Any], prefix: str = "") -> Iterator[str]:
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    for key in ("oneOf", "anyOf", "allOf"):
        for option in schema.get(key, []):
            yield from _strings(option, components, prefix)
    if schema.get("type") == "string" and schema.get("format") != "binary":
        yield prefix
    for name, inner in schema.get("properties", {}).items():
        yield from _strings(inner, components, f"{prefix}.{name}" if prefix else name)
    if "items" in schema:
        yield from _strings(schema["items"], components, f"{prefix}.*" if prefix else "*")


# ------------------------------------------------------------- a valid call of each


@dataclass
class World:
    crm: Crm
    client: TestClient
    desk: dict[str, str]
    staff: Staff

    def complaint(self, **overrides: Any) -> dict[str, Any]:
        """A complaint stored at the CRM (a new one each time)."""
        item = complaint_item(**overrides)
        answer = self.client.post(
            "/api/v1/sync/complaints", json={"items": [item]}, headers=auth(self.desk)
        )
        assert answer.json()["results"][0]["outcome"] == "accepted", answer.text
        return item

    def act(self, ticket: str, action: str, who: str, **body: Any) -> Call:
        return Call(
            "POST",
            "/api/v1/workflow/complaints/{ticket_code}/actions",
            path_params={"ticket_code": ticket},
            json={"action": action, **body},
            fixed=self.staff[who],
        )


ATTACHMENT = {
    "sha256": sha(PNG),
    "size": len(PNG),
    "media_type": "image/png",
    "original_name": "foto.png",
}


def valid_calls(w: World) -> list[Callable[[], Call]]:
    """Valid calls of every operation that takes text, each built afresh (a new
    complaint, a new enrolment code) so that one case cannot change the next."""

    def push() -> Call:
        complaint = complaint_item(attachments=[])
        event = event_item(complaint, "Warga membawa fotokopi surat.", attachments=[ATTACHMENT])
        co_reporter = event_item(
            complaint,
            "Warga lain mengadukan masalah yang sama.",
            kind="reporter_added",
            reporter={**complaint["complainant"], "name": "Warga Kedua"},
        )
        return Call(
            "POST",
            "/api/v1/sync/complaints",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            json={"items": [complaint, event, co_reporter]},
            fixed=auth(w.desk),
        )

    def forward() -> Call:
        ticket = w.complaint()["ticket_code"]
        w.act(ticket, "accept", "admin.kanal").send(w.client)
        return w.act(ticket, "forward", "lurah.gambir", agency_code="BINAMARGA")

    def tracking(suffix: str) -> Callable[[], Call]:
        def call() -> Call:
            item = w.complaint()
            return Call(
                "GET",
                "/T/{code}/{token}",
                path_params={"code": item["ticket_code"], "token": item["tracking_token"] + suffix},
            )

        return call

    def open311(path: str, **query: str) -> Callable[[], Call]:
        return lambda: Call("GET", "/open311/v2" + path, path_params={"fmt": "json"}, query=query)

    def queue_step() -> Call:
        issued = w.client.post("/api/v1/queue/tickets", json={}, headers=auth(w.desk))
        return Call(
            "POST",
            "/api/v1/queue/tickets/{ticket_id}/{action}",
            path_params={"ticket_id": issued.json()["ticket"]["id"], "action": "link"},
            json={"officer": "Petugas", "to_desk": "PBK2", "complaint_code": "PBK1-261118-0001-K"},
            fixed=auth(w.desk),
        )

    def queue_events() -> Call:
        ticket, at = str(uuid.uuid4()), "2026-11-18T09:00:00+07:00"
        event = {"id": str(uuid.uuid4()), "ticket_id": ticket, "kind": "issued", "at": at}
        issued = {**event, "number": "PBK1-001", "seq": 1, "priority": "lansia"}
        linked = {
            **event,
            "id": str(uuid.uuid4()),
            "kind": "linked",
            "officer": "Petugas",
            "to_desk": "",
            "complaint_code": "PBK1-261118-0001-K",
        }
        return Call(
            "POST", "/api/v1/queue/events", json={"events": [issued, linked]}, fixed=auth(w.desk)
        )

    def layar(suffix: str, **query: str) -> Callable[[], Call]:
        return lambda: Call(
            "GET", "/layar/{site}" + suffix, path_params={"site": "Pendopo Balai Kota"}, query=query
        )

    staff = w.staff["koordinator"]  # reads the whole city
    return [
        lambda: Call(
            "POST",
            "/api/v1/queue/tickets",
            json={"priority": "lansia", "seat_call": True, "complaint_code": "PBK1-261118-0001-K"},
            fixed=auth(w.desk),
        ),
        lambda: Call(
            "POST", "/api/v1/queue/call-next", json={"officer": "Petugas"}, fixed=auth(w.desk)
        ),
        queue_step,
        queue_events,
        lambda: Call(
            "GET",
            "/api/v1/queue/figures",
            query={"from": "2026-11-18", "to": "2026-11-18", "site": "Pendopo Balai Kota"},
            fixed=auth(w.desk),
        ),
        layar(""),
        layar(".json", after="0123456789abcdef", wait="0"),
        lambda: Call(
            "GET",
            "/api/v1/queue/board",
            query={"after": "0123456789abcdef", "wait": "0"},
            fixed=auth(w.desk),
        ),
        lambda: Call(
            "POST",
            "/api/v1/enrol",
            json={
                "enrolment_code": w.crm.create_enrolment("PBK2", "Kantor Wali Kota"),
                "app_version": "0.1.0",
            },
        ),
        push,
        lambda: Call(
            "PUT",
            "/api/v1/attachments/{sha256}",
            path_params={"sha256": sha(PNG)},
            content=PNG,
            fixed={**auth(w.desk), "Content-Type": "image/png"},
        ),
        lambda: Call(
            "GET", "/api/v1/reference", headers={"If-None-Match": '"abc"'}, fixed=auth(w.desk)
        ),
        lambda: Call(
            "POST",
            "/api/v1/sync/heartbeat",
            json={
                "pending_count": 1,
                "app_version": "0.1.0",
                "officer": "ani",
                "desk_time": "2026-11-18T02:00:00+00:00",
            },
            fixed=auth(w.desk),
        ),
        lambda: Call(
            "POST",
            "/api/v1/sync/lookup",
            json={"kind": "phone", "value": "0812 3456 7890", "officer": "ani"},
            fixed=auth(w.desk),
        ),
        lambda: Call(
            "GET",
            "/api/v1/supervision",
            query={
                "unsent_minutes": "120",
                "heartbeat_minutes": "30",
                "opens": "08:00",
                "closes": "16:00",
                "day": "2026-11-18",
                "days": "7",
            },
            fixed=auth(w.desk),
        ),
        lambda: Call(
            "GET",
            "/api/v1/supervision/complaints/{ticket_code}",
            path_params={"ticket_code": w.complaint()["ticket_code"]},
            fixed=auth(w.desk),
        ),
        lambda: w.act(
            # a step names only files its complaint has (the workflow API has no upload)
            w.complaint(attachments=[ATTACHMENT])["ticket_code"],
            "accept",
            "admin.kanal",
            note="Lengkap.",
            internal_note="Berkas dicek.",
            kelurahan_code=KELURAHAN,  # named again at acceptance (as for an unknown one)
            attachments=[ATTACHMENT],
        ),
        lambda: w.act(w.complaint()["ticket_code"], "reject", "admin.kanal", reason="Bukan DKI."),
        lambda: w.act(
            w.complaint()["ticket_code"],
            "merge",
            "admin.kanal",
            target_ticket=w.complaint()["ticket_code"],
        ),
        forward,
        lambda: Call(
            "GET",
            "/api/v1/workflow/complaints/{ticket_code}",
            path_params={"ticket_code": w.complaint()["ticket_code"]},
            fixed=staff,
        ),
        lambda: Call(
            "GET",
            "/api/v1/workflow/complaints",
            query={"status": "received", "unit": KELURAHAN},
            fixed=staff,
        ),
        lambda: Call(
            "GET",
            "/api/v1/workflow/complaints/{ticket_code}/sms",
            path_params={"ticket_code": w.complaint()["ticket_code"]},
            fixed=staff,
        ),
        lambda: Call(
            "GET", "/api/v1/workflow/sms/totals", query={"day": "2026-11-18"}, fixed=staff
        ),
        tracking(""),
        tracking(".json"),
        open311("/discovery.{fmt}"),
        open311("/services.{fmt}"),
        lambda: Call(
            "GET",
            "/open311/v2/services/{service_code}.{fmt}",
            path_params={"service_code": "JALAN.RUSAK", "fmt": "json"},
        ),
        open311(
            "/requests.{fmt}",
            service_code="JALAN.RUSAK",
            status="open",
            start_date="2026-11-01T00:00:00+07:00",
            end_date="2026-11-30T00:00:00+07:00",
        ),
        open311("/requests.{fmt}", service_request_id="PBK1-261118-0001-K"),
        lambda: Call(
            "GET",
            "/open311/v2/requests/{service_request_id}.{fmt}",
            path_params={"service_request_id": w.complaint()["ticket_code"], "fmt": "json"},
        ),
        open311(
            "/servicerequestupdates.{fmt}",
            service_request_id="PBK1-261118-0001-K",
            start_date="2026-11-01T00:00:00+07:00",
            end_date="2026-11-30T00:00:00+07:00",
        ),
        lambda: Call(
            "POST",
            "/open311/v2/requests.{fmt}",
            path_params={"fmt": "json"},
            form={
                "api_key": "k1",
                "service_code": "POHON.TUMBANG",
                "lat": "-6.1754",
                "long": "106.8272",
                "address_string": "Jl. Medan Merdeka",
                "address_id": KELURAHAN,
                "email": "warga@example.org",
                "device_id": "hp-1",
                "account_id": "akun-1",
                "first_name": "Sulastri",
                "last_name": "W",
                "phone": "081234567890",
                "description": "Pohon besar miring ke jalan setelah hujan deras.",
                "media_url": "https://example.org/foto.jpg",
                "channel": "JAKI",
            },
        ),
    ]


# ------------------------------------------------------------- the answers expected


def refusal_problem(
    call: Call, where: str, at: str, answer: httpx2.Response, pages: dict[str, str]
) -> str | None:
    """What is wrong with the answer to ``call`` (a NUL at ``at``), or None."""
    status = answer.status_code
    if call.path.startswith("/T/"):
        token = call.path_params["token"]
        wanted = pages["json" if token.lower().endswith(".json") else "html"]
        if status != 404 or answer.text != wanted:
            return f"{status}, not the not-found page"
        return None
    if call.path.startswith("/open311/"):
        body = (
            answer.json()
            if answer.headers.get("content-type", "").startswith("application/json")
            else None
        )
        shaped = isinstance(body, list) and [set(e) for e in body] == [{"code", "description"}]
        if not 400 <= status < 500 or not shaped:
            return f"{status} {answer.text[:200]!r}, not an Open311 error list"
        return None
    if call.path == "/api/v1/sync/complaints" and where == "body":
        if status != 200:
            return f"{status} {answer.text[:200]!r}, not a per-item answer"
        index, _, inner = at.partition(".")[2].partition(".")
        result = answer.json()["results"][int(index)]
        error = result.get("error") or {}
        if (
            result["outcome"] != "rejected"
            or error.get("code") != "invalid"
            or error.get("field") != inner
        ):
            return f"item answered {result}"
        return None
    body = answer.json() if answer.headers.get("content-type") == "application/json" else None
    error = body.get("error") if isinstance(body, dict) else None
    if (
        not 400 <= status < 500
        or not isinstance(error, dict)
        or set(error) != {"code", "message", "field"}
    ):
        return f"{status} {answer.text[:200]!r}, not a JSON error"
    if error["code"] != "invalid" or (error["field"] or "").lower() != at.lower():
        return f"{status} {error}, not invalid at {at}"
    return None


def test_no_nul_reaches_the_database(
    app: FastAPI, client: TestClient, crm: Crm, desk: dict[str, str], staff: Staff
) -> None:
    with crm.sessions() as session, session.begin():
        session.add(ApiKey(key_hash=hash_secret("k1"), name="test", created_at=crm.now()))
    world = World(crm, client, desk, staff)
    item = world.complaint()
    wrong = f"/T/{item['ticket_code']}/" + (
        "ZZZZZZ" if item["tracking_token"] != "ZZZZZZ" else "YYYYYY"
    )
    pages = {"html": client.get(wrong).text, "json": client.get(wrong + ".json").text}
    builders = valid_calls(world)
    covered: dict[tuple[str, str], set[tuple[str, str]]] = {}
    problems = []
    for build in builders:
        base = build()
        valid = base.send(client)
        assert valid.status_code < 400, (base.method, base.path, valid.text)
        for where, at in list(base.inputs()):
            covered.setdefault((base.method, base.path), set()).add((where, _wildcard(at)))
            call = build().with_nul(where, at)
            answer = call.send(client)
            problem = refusal_problem(call, where, at, answer, pages)
            if problem is not None:
                problems.append(f"{call.method} {call.path} {where} {at}: {problem}")
    assert not problems, "\n".join(problems)
    # Every text input the OpenAPI document declares was given a NUL above.
    documented = documented_text_inputs(app)
    assert ("body", "items.*.complainant.name") in documented[("POST", "/api/v1/sync/complaints")]
    for operation, inputs in documented.items():
        missing = inputs - covered.get(operation, set())
        assert not missing, f"{operation}: no valid call sends {sorted(missing)}"
