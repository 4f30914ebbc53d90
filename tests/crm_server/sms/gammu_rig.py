"""A real ``gammu-smsd`` with its dummy phone driver: the daemon runs for real, with
the files back-end, and "sends" through a phone emulated in a folder; a message from
a citizen is put into that phone's inbox folder, where the daemon finds it."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

SKIP_REASON = (
    "gammu-smsd is not installed (Debian package gammu-smsd; scripts/system-deps.sh "
    "installs it when run as root): the tests against the real SMS daemon are skipped"
)
CONFIG = """[gammu]
device = {root}/phone
model = dummy
connection = none

[smsd]
service = files
inboxpath = {root}/spool/inbox/
outboxpath = {root}/spool/outbox/
sentsmspath = {root}/spool/sent/
errorsmspath = {root}/spool/error/
inboxformat = unicode
outboxformat = unicode
transmitformat = 7bit
commtimeout = 1
receivefrequency = 1
loopsleep = 1
statusfrequency = 0
checksecurity = 0
checkbattery = 0
checksignal = 0
checknetwork = 0
logfile = {root}/smsd.log
debuglevel = 1
"""
INCOMING = """[SMSBackup000]
PDU = Deliver
DateTime = {stamp}Z
State = UnRead
Number = "{sender}"
Text00 = {text}
Coding = Default_No_Compression
Folder = 1
Length = {length}
Class = -1
"""


def available() -> bool:
    return shutil.which("gammu-smsd") is not None


class GammuDaemon:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.spool = root / "spool"
        for folder in ("phone", "spool/inbox", "spool/outbox", "spool/sent", "spool/error"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        self.config = root / "smsdrc"
        self.config.write_text(CONFIG.format(root=root))
        self.process: subprocess.Popen[bytes] | None = None
        self._incoming = 0

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["gammu-smsd", "-c", str(self.config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: "Starting phone communication" in self.log(), 15, "gammu-smsd start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=15)
            self.process = None

    def log(self) -> str:
        path = self.root / "smsd.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def transmitted(self) -> list[str]:
        """Our references in the order the daemon sent them (its log)."""
        return re.findall(r"Transmitted OUT\S*_(meja\d+)\.txt", self.log())

    def sent_files(self) -> list[Path]:
        return sorted((self.spool / "sent").iterdir()) + sorted(
            (self.spool / "archive").glob("sent-*")
        )

    def citizen_sends(self, sender: str, text: str) -> None:
        """A message arrives in the emulated phone's inbox (folder 1)."""
        self._incoming += 1
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        encoded = text.encode("utf-16-be").hex().upper()
        body = INCOMING.format(stamp=stamp, sender=sender, text=encoded, length=len(text))
        folder = self.root / "phone" / "sms" / "1"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / str(self._incoming)).write_text(body)

    def wait_received(self, count: int) -> None:
        wait_for(lambda: self.log().count("Received IN") >= count, 20, f"{count} messages received")

    def wait_transmitted(self, count: int) -> None:
        """Until the daemon has sent ``count`` and moved their files to ``sent/`` (it
        logs "Transmitted" a moment before it renames the file)."""
        wait_for(
            lambda: len(self.transmitted()) >= count and len(self.sent_files()) >= count,
            60,
            f"{count} messages transmitted",
        )


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)
