"""Gammu SMSD's files back-end (``gammu-smsd-files(7)``): messages to send are files
``OUT…`` in its outbox folder; it moves each to ``sent/`` once the modem took it, or
to ``error/``; messages received appear in ``inbox/`` as ``IN<date>_<time>_<serial>_
<sender>_<part>.txt``.

Our file name ends in our reference (``…_meja<id>.txt``): a message handed over again
after a crash is found (in the outbox, sent, error or our archive) instead of being
written twice. Files are written under another name and renamed, so the daemon never
reads half a message. Files we have read are moved to ``archive/`` (ours)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from crm_server.core.sms.sender import GatewayError, Outcome, Outgoing

FOLDERS = ("inbox", "outbox", "sent", "error")
_OURS = re.compile(r"_(meja\d+)\.txt\w*$")
_INCOMING = re.compile(r"^IN\d{8}_\d{6}_\d{2}_(?P<sender>[^_]+)_(?P<part>\d{2})\.txt$")


@dataclass(frozen=True)
class Received:
    ref: str  # the file's name: the gateway's reference of the message
    sender: str
    text: str


def read_text(path: Path) -> str:
    """A spool file as Gammu writes it (UTF-16 with a BOM in "unicode" format)."""
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    return data.decode("utf-8", errors="replace")


class GammuFilesGateway:
    name = "gammu-files"

    def __init__(self, spool: Path) -> None:
        self.spool = spool
        for folder in (*FOLDERS, "archive"):
            (spool / folder).mkdir(parents=True, exist_ok=True)
        self._known: set[str] | None = None

    def _handed_refs(self) -> set[str]:
        """Our references with a file anywhere (read once per run, on a retry)."""
        if self._known is None:
            names: set[str] = set()
            for folder in ("outbox", "sent", "error", "archive"):
                names.update(os.listdir(self.spool / folder))
            self._known = {m.group(1) for n in names if (m := _OURS.search(n))}
        return self._known

    def start_run(self) -> None:
        self._known = None

    def submit(self, message: Outgoing) -> str:
        if message.retry and message.ref in self._handed_refs():
            return message.ref
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d_%H%M%S")
        name = f"OUTC{stamp}_00_{message.phone}_{message.ref}.txt"
        outbox = self.spool / "outbox"
        temporary = outbox / f".{message.ref}.tmp"  # not OUT…: the daemon skips it
        try:
            with open(temporary, "wb") as f:
                f.write(message.text.encode("utf-16"))  # with a BOM: read as Unicode
                f.flush()
                os.fsync(f.fileno())
            os.rename(temporary, outbox / name)
        except OSError as err:
            raise GatewayError(f"spool not writable: {err.strerror}") from None
        if self._known is not None:
            self._known.add(message.ref)
        return message.ref

    def outcomes(self) -> Iterator[Outcome]:
        """Files the daemon moved to ``sent/`` (the modem took them) or ``error/``;
        each reported once (moved to our archive after)."""
        for folder, state in (("sent", "sent"), ("error", "failed")):
            for name in sorted(os.listdir(self.spool / folder)):
                found = _OURS.search(name)
                if not found:
                    continue
                error = "Gammu SMSD could not send it" if state == "failed" else ""
                yield Outcome(found.group(1), state, error)
                self._archive(self.spool / folder / name, f"{folder}-{name}")

    def received(self) -> Iterator[Received]:
        """Messages in the daemon's inbox, oldest first (the caller archives each
        with :meth:`done` once it has stored it)."""
        for name in sorted(os.listdir(self.spool / "inbox")):
            found = _INCOMING.match(name)
            if found:
                path = self.spool / "inbox" / name
                yield Received(name, found.group("sender"), read_text(path))

    def done(self, message: Received) -> None:
        self._archive(self.spool / "inbox" / message.ref, f"inbox-{message.ref}")

    def _archive(self, path: Path, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.replace(path, self.spool / "archive" / name)
