"""Fixtures of the sync tests: the real CRM (uvicorn, loopback), a fault proxy in
front of it, and desks enrolled with it."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import random
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk, open_desk
from desk_app.services.intake import AttachmentFile, IntakeForm
from desk_app.sync.backoff import Backoff
from desk_app.sync.client import CrmClient
from desk_app.sync.engine import SyncEngine, SyncReport
from tests.sync.crm import CrmProcess
from tests.sync.faultproxy import FaultProxy

OFFICER = Officer("ani", "Ani Petugas", Role.OFFICER)
KELURAHAN = "31.71.03.1005"


def png(seed: int, size: int = 200) -> bytes:
    rng = random.Random(seed)
    return b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(size))


def form(i: int = 0, files: list[AttachmentFile] | None = None) -> IntakeForm:
    return IntakeForm(
        name=f"Warga Nomor {i}",
        nik="3171011708450001",
        phone="0812-3456-7890",
        consent=True,
        kelurahan_code=KELURAHAN,
        category_code="JALAN.RUSAK",
        description=f"Jalan berlubang besar di depan pasar, laporan nomor {i}.",
        attachments=files or [],
    )


@dataclass
class DeskRig:
    desk: Desk
    engine: SyncEngine
    client: CrmClient

    def record(self, n: int, every_file: int = 0, start: int = 0) -> list[str]:
        ids = []
        for i in range(start, start + n):
            files = (
                [AttachmentFile(f"scan{i}.png", png(i))]
                if every_file and i % every_file == 0
                else []
            )
            ids.append(str(self.desk.intake.record(OFFICER, form(i, files)).complaint.id))
        return ids

    def converge(self, max_cycles: int = 200) -> SyncReport:
        """Run cycles (ignoring the backoff wait) until one succeeds with nothing left."""
        report = None
        for _ in range(max_cycles):
            report = self.engine.run_once()
            if report.ok and self.engine.state.pending_count == 0:
                return report
        raise AssertionError(f"did not converge: {report} {self.engine.state}")


def fast_engine(desk: Desk, client: CrmClient, **kwargs: object) -> SyncEngine:
    return SyncEngine(
        desk.database,
        desk.files,
        client,
        lambda: dt.datetime.now(dt.UTC),
        backoff=Backoff(base_s=0.01, cap_s=0.05, rng=random.Random(3)),
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def crm_server(tmp_path: Path) -> Iterator[CrmProcess]:
    server = CrmProcess(tmp_path / "crm")
    server.start()
    yield server
    server.close()


@pytest.fixture
def proxy(crm_server: CrmProcess) -> Iterator[FaultProxy]:
    p = FaultProxy(crm_server.port, seed=7)
    yield p
    p.close()


@pytest.fixture
def make_desk(
    tmp_path: Path, crm_server: CrmProcess, proxy: FaultProxy
) -> Iterator[Callable[..., DeskRig]]:
    opened: list[Desk] = []

    def make(
        code: str = "PBK1",
        timeout: tuple[float, float] = (1.0, 3.0),
        home: Path | None = None,
        **kw: object,
    ) -> DeskRig:
        desk = open_desk((home or tmp_path) / f"desk-{code}")
        desk.settings.desk_code = code
        opened.append(desk)
        enrol = CrmClient(crm_server.url).enrol(crm_server.enrolment_code(code))
        client = CrmClient(proxy.url, enrol.token, timeout=timeout)
        return DeskRig(desk, fast_engine(desk, client, **kw), client)

    yield make
    for d in opened:
        d.close()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a file system of its own, 64 MiB (tmpfs): a desk kept there meets
    a real full disk (ENOSPC from the kernel, SQLITE_FULL from SQLite) when
    ``fill_filesystem`` has taken its room. Mounting needs root (CAP_SYS_ADMIN)."""
    where = tmp_path / "small-disk"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "--lazy", str(where)], check=False)


def fill_filesystem(desk: Desk) -> None:
    """The desk's disk is full, whatever the database's page layout: the write-ahead
    log is emptied (so the next commit must grow it) and a file takes every free
    block of the file system. Every write then fails (SQLITE_FULL), as on a real
    desk whose disk filled up; reads go on."""
    conn = desk.database.raw_connection()
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    assert busy == 0 and os.path.getsize(f"{desk.database.path}-wal") == 0
    fd = os.open(desk.data_dir / "filler", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (1 << 20, 1 << 12, 1):  # big chunks first, then the last blocks
            with contextlib.suppress(OSError):
                while os.write(fd, bytes(size)) == size:
                    pass
        with pytest.raises(OSError) as full:  # no byte fits any more
            os.write(fd, b"x")
        assert full.value.errno == errno.ENOSPC
    finally:
        os.close(fd)


def free_filesystem(desk: Desk) -> None:
    (desk.data_dir / "filler").unlink()
