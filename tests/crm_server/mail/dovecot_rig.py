"""A real IMAP server for the e-mail channel's tests: Debian's Dovecot
(``dovecot-imapd``; the test command installs it where it can, as root), started in
the foreground on a free loopback port with its own configuration, one user and
Maildir storage in a temporary folder; stopped (by its own process) after the test.
Without root or without Dovecot the tests that need it skip and say why."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

DOVECOT = "/usr/sbin/dovecot"
USER, PASSWORD = "aduan", "kata-sandi-imap"

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
first_valid_uid = 0
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/users
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


@dataclass(frozen=True)
class Dovecot:
    port: int
    root: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_dovecot() -> Iterator[Dovecot]:
    if not Path(DOVECOT).exists():
        pytest.skip("Dovecot is not installed (apt-get install dovecot-imapd, as root)")
    if os.geteuid() != 0:
        pytest.skip("Dovecot is started here as root (it drops to its own users)")
    root = Path(tempfile.mkdtemp(prefix="meja-dovecot-"))
    root.chmod(0o755)  # the dovecot user reaches its Maildir
    for sub in ("run", "state", "mail"):
        (root / sub).mkdir()
    shutil.chown(root / "mail", "dovecot", "dovecot")
    (root / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    port = free_port()
    conf = root / "dovecot.conf"
    conf.write_text(CONFIG.format(root=root, port=port))
    server = subprocess.Popen([DOVECOT, "-F", "-c", str(conf)])
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("Dovecot did not start: " + (root / "dovecot.log").read_text())
                time.sleep(0.1)
        yield Dovecot(port, root)
    finally:
        server.terminate()
        server.wait(timeout=15)
        shutil.rmtree(root, ignore_errors=True)
