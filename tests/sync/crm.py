"""The real CRM server for the sync tests: uvicorn in a child process on 127.0.0.1,
its own SQLite file in a temporary folder, restartable; plus checks of what it holds."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import select

from crm_server.core.crm import Crm
from crm_server.core.schemas import ActionRequest
from crm_server.core.workflow import Workflow
from crm_server.db.models import Complaint as CrmComplaint
from crm_server.db.models import Desk as CrmDesk
from crm_server.db.models import Event as CrmEvent
from crm_server.settings import Settings
from desk_app.services.desk import Desk
from desk_app.store import outbox
from desk_app.store.models import ComplaintAttachmentRow, ComplaintRow, EventRow

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class CrmProcess:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.env = {
            **os.environ,
            "MEJA_CRM_DATA_DIR": str(data_dir),
            "MEJA_CRM_LOG_LEVEL": "warning",
        }
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data_dir / "server.log"
        self._crm: Crm | None = None
        self._users: dict[str, Any] = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "--factory",
                    "crm_server.app:create_app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--log-level",
                    "warning",
                    "--no-access-log",
                ],
                env=self.env,
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"CRM exited: {self.log.read_text()[-2000:]}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError("CRM did not start in 30 s")

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        else:
            self.proc.terminate()
        try:
            self.proc.wait(3)  # kept-alive connections can hold a graceful stop
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def restart(self, kill: bool = True) -> None:
        """Same database and port: the CRM went away and came back."""
        port = self.port
        self.stop(kill=kill)
        self.start(port)

    @property
    def crm(self) -> Crm:
        """The CRM's own service layer, on the same database (for set-up and checks)."""
        if self._crm is None:
            self._crm = Crm(Settings.from_env(self.env))
        return self._crm

    def close(self) -> None:
        self.stop()
        if self._crm is not None:
            self._crm.close()

    # ------------------------------------------------------------------ set-up helpers

    def enrolment_code(self, desk_code: str, site: str = "Pendopo Balai Kota") -> str:
        return self.crm.create_enrolment(desk_code, site)

    def act(self, ticket: str, action: str, **fields: Any) -> None:
        """A workflow step as the CRM's staff takes it (service layer, same database)."""
        role = {
            "accept": "channel_admin",
            "reject": "channel_admin",
            "merge": "channel_admin",
            "handle": "kelurahan",
            "forward": "kelurahan",
            "assign": "dinas",
            "report": "kelurahan",
            "approve": "verifier",
            "return": "verifier",
        }[action]
        crm = self.crm
        with crm.sessions() as s:
            detail = s.execute(
                select(CrmComplaint.kelurahan_code).where(CrmComplaint.ticket_code == ticket)
            ).scalar_one()
        unit = detail if role == "kelurahan" else ""
        name = f"{role}-{unit or 'x'}"
        if name not in self._users:
            self._users[name] = crm.user_for_token(crm.create_user(name, name, role, unit))
        user = self._users[name]
        Workflow(crm).act(user, ticket, ActionRequest(action=action, **fields))  # type: ignore[arg-type]


def crm_snapshot(crm: Crm, desk_code: str) -> dict[str, Any]:
    """What the CRM holds for one desk: complaints, statuses, events, attachments."""
    with crm.sessions() as s:
        desk_id = s.execute(select(CrmDesk.id).where(CrmDesk.code == desk_code)).scalar_one()
        rows = s.execute(
            select(
                CrmComplaint.id,
                CrmComplaint.ticket_code,
                CrmComplaint.status,
                CrmComplaint.attachments,
                CrmComplaint.pk,
            ).where(CrmComplaint.desk_id == desk_id)
        ).all()
        events = s.execute(
            select(CrmEvent.id, CrmEvent.kind, CrmEvent.attachments).where(
                CrmEvent.desk_id == desk_id
            )
        ).all()
    return {
        "complaints": [(str(r[0]), r[1], r[2], r[3]) for r in rows],
        "events": [(str(e[0]), e[1], e[2]) for e in events],
    }


def assert_converged(server: CrmProcess, desk: Desk, expect_rejected: int = 0) -> None:
    """The CRM has exactly the desk's complaints, each once, same ticket codes, the
    same attachments byte for byte; the desk shows every status and event the CRM holds."""
    crm = server.crm
    snap = crm_snapshot(crm, desk.settings.desk_code)
    with desk.database.read() as s:
        assert outbox.pending_summary(s)[0] == 0, "items still waiting"
        assert outbox.rejected_count(s) == expect_rejected
        local = {
            r.id: r
            for r in s.execute(select(ComplaintRow)).scalars()
            if outbox.state_of(s, r.id) == "sent"
        }
        local_events = {e.id: e for e in s.execute(select(EventRow)).scalars()}
        local_files = s.execute(select(ComplaintAttachmentRow)).scalars().all()
        local_files_list = [(f.complaint_id, f.event_id, f.sha256) for f in local_files]
    crm_ids = [c[0] for c in snap["complaints"]]
    assert len(crm_ids) == len(set(crm_ids)), "a complaint reached the CRM twice"
    crm_codes = [c[1] for c in snap["complaints"]]
    assert len(crm_codes) == len(set(crm_codes))
    assert {c[0]: c[1] for c in snap["complaints"]} == {
        i: r.ticket_code for i, r in local.items()
    }, "the CRM and the desk disagree on which complaints exist"
    for cid, _code, status, _files in snap["complaints"]:
        assert local[cid].status == status, f"desk shows {local[cid].status}, CRM has {status}"
    for eid, kind, _files in snap["events"]:
        assert eid in local_events, f"CRM event {kind} {eid} not on the desk"
    desk_citizen = {
        e.id for e in local_events.values() if e.kind == "citizen_added" and e.source == "desk"
    }
    crm_citizen = [e[0] for e in snap["events"] if e[1] == "citizen_added"]
    assert len(crm_citizen) == len(set(crm_citizen))
    assert set(crm_citizen) == desk_citizen
    # Attachments: every file the desk holds for these items is on the CRM, same bytes.
    crm_refs = {(c[0], None, a["sha256"]) for c in snap["complaints"] for a in c[3]}
    crm_event_complaint = {e.id: e.complaint_id for e in local_events.values()}
    crm_refs |= {
        (crm_event_complaint.get(e[0]), e[0], a["sha256"]) for e in snap["events"] for a in e[2]
    }
    assert set(local_files_list) == crm_refs
    for _c, _e, sha in local_files_list:
        stored = crm.attachment_path(sha).read_bytes()
        assert hashlib.sha256(stored).hexdigest() == sha
        assert stored == desk.files.read(sha)


def new_uuid() -> str:
    return str(uuid.uuid4())
