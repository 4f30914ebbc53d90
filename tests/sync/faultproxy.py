"""A small HTTP/1.1 fault-injecting TCP proxy for the sync tests (threads, loopback only).

It sits between the desk and the real CRM and understands just enough HTTP (request
and response heads, Content-Length bodies) to decide a fault *per request*:

- ``down``      the listening socket is closed: connections are refused;
- ``reset``     connections are accepted and closed at once;
- ``http500``   (with probability ``p``) a canned ``500``, the request never reaches the CRM;
- ``http503``   a canned ``503`` with ``Retry-After``;
- ``delay``     the request is forwarded, the answer held ``delay_s`` seconds (a client
                with a shorter read timeout times out after the CRM applied the request);
- ``blackhole`` the request is held ``delay_s`` seconds and never forwarded;
- ``drop``      (with probability ``p``) the request is forwarded and applied, the
                answer thrown away and the connection closed: "the answer is lost".

``only`` limits faults to requests whose path starts with it (``/api/v1/sync/complaints``).
Counters tell a test how many requests reached the CRM, per path prefix.

It also serves as the HTTP proxy a client is configured with (``HTTP_PROXY``): a
request in absolute form (``GET http://host:port/path``) goes on in origin form, as
from a forward proxy (to the CRM all the same), and is counted as proxied too.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass

CANNED_500 = (
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
    b"Content-Length: 74\r\nConnection: close\r\n\r\n"
    b'{"error": {"code": "internal", "message": "proxy fault", "field": null}}  '
)
CANNED_503 = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
    b"Retry-After: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
)


class _Closed(Exception):
    pass


def _read_head(sock: socket.socket, buf: bytearray) -> bytes:
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise _Closed
        buf += chunk
    end = buf.index(b"\r\n\r\n") + 4
    head = bytes(buf[:end])
    del buf[:end]
    return head


def _read_body(sock: socket.socket, buf: bytearray, length: int) -> bytes:
    while len(buf) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise _Closed
        buf += chunk
    body = bytes(buf[:length])
    del buf[:length]
    return body


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


def _response_has_body(status: int, method: bytes) -> bool:
    return not (method == b"HEAD" or status in (204, 304) or 100 <= status < 200)


@dataclass
class Fault:
    mode: str = "pass"
    p: float = 1.0
    delay_s: float = 0.0
    only: str = ""


class FaultProxy:
    def __init__(self, target_port: int, seed: int = 1, host: str = "127.0.0.1") -> None:
        self.host = host
        self.target_port = target_port
        self.fault = Fault()
        self.rng = random.Random(seed)
        self._lock = threading.Lock()
        self.forwarded: Counter[str] = Counter()  # path prefix -> requests that reached the CRM
        self.proxied: Counter[str] = Counter()  # those of them sent to it as to a proxy
        self.faulted: Counter[str] = Counter()
        self._conns: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._stopped = False
        probe = socket.socket()
        probe.bind((host, 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._open_listener()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # ------------------------------------------------------------------ control

    def set(self, mode: str = "pass", p: float = 1.0, delay_s: float = 0.0, only: str = "") -> None:
        with self._lock:
            self.fault = Fault(mode, p, delay_s, only)
        if mode == "down":
            self._close_listener()
            self._close_connections()
        elif mode == "reset":
            self._close_connections()  # kept-alive connections too
        elif self._listener is None and not self._stopped:
            self._open_listener()

    def clear(self) -> None:
        self.set("pass")

    def close(self) -> None:
        self._stopped = True
        self._close_listener()
        self._close_connections()

    def count(self, prefix: str, method: str = "", proxied: bool = False) -> int:
        """Requests that reached the CRM whose path starts with ``prefix`` (only those
        sent to this proxy as to an HTTP proxy when ``proxied``)."""
        with self._lock:
            return sum(
                n
                for key, n in (self.proxied if proxied else self.forwarded).items()
                if key.split(" ", 1)[1].startswith(prefix)
                and (not method or key.split(" ", 1)[0] == method)
            )

    # ------------------------------------------------------------------ plumbing

    def _open_listener(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        for _ in range(50):
            try:
                sock.bind((self.host, self.port))
                break
            except OSError:
                time.sleep(0.05)
        sock.listen(128)
        self._listener = sock
        threading.Thread(target=self._accept, args=(sock,), daemon=True).start()

    def _close_listener(self) -> None:
        sock, self._listener = self._listener, None
        if sock is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not,
            # and the port would keep accepting.
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def _close_connections(self) -> None:
        with self._lock:
            conns = list(self._conns)
            self._conns.clear()
        for c in conns:
            with contextlib.suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)
            c.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            if self.fault.mode == "reset":
                client.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                )
                client.close()
                continue
            with self._lock:
                self._conns.add(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _upstream(self) -> socket.socket:
        up = socket.create_connection((self.host, self.target_port), timeout=60)
        with self._lock:
            self._conns.add(up)
        return up

    def _serve(self, client: socket.socket) -> None:
        up: socket.socket | None = None
        cbuf, ubuf = bytearray(), bytearray()
        try:
            while True:
                head = _read_head(client, cbuf)
                body = _read_body(client, cbuf, _content_length(head))
                method, path = head.split(b" ", 2)[:2]
                as_proxy = path.startswith(b"http://")
                if as_proxy:  # absolute form: on in origin form, "/path?query"
                    path = b"/" + path.split(b"/", 3)[3] if path.count(b"/") >= 3 else b"/"
                    line, rest = head.split(b"\r\n", 1)
                    method, _, version = line.split(b" ", 2)
                    head = b" ".join((method, path, version)) + b"\r\n" + rest
                spath = path.decode(errors="replace").split("?")[0]
                with self._lock:
                    fault = self.fault
                    hit = (not fault.only or spath.startswith(fault.only)) and (
                        self.rng.random() < fault.p
                    )
                mode = fault.mode if hit else "pass"
                if mode in ("http500", "http503"):
                    with self._lock:
                        self.faulted[spath] += 1
                    client.sendall(CANNED_500 if mode == "http500" else CANNED_503)
                    return
                if mode == "blackhole":
                    time.sleep(fault.delay_s)
                    return
                if up is None:
                    try:
                        up = self._upstream()
                    except OSError:
                        return  # the CRM is down: the desk sees the connection close
                up.sendall(head + body)
                with self._lock:
                    self.forwarded[f"{method.decode()} {spath}"] += 1
                    if as_proxy:
                        self.proxied[f"{method.decode()} {spath}"] += 1
                rhead = _read_head(up, ubuf)
                status = int(rhead.split(b" ", 2)[1])
                rbody = (
                    _read_body(up, ubuf, _content_length(rhead))
                    if _response_has_body(status, method)
                    else b""
                )
                if mode == "drop":
                    with self._lock:
                        self.faulted[spath] += 1
                    return
                if mode == "delay":
                    time.sleep(fault.delay_s)
                client.sendall(rhead + rbody)
        except (_Closed, OSError, ValueError, IndexError):
            return
        finally:
            for s in (client, up):
                if s is None:
                    continue
                with self._lock:
                    self._conns.discard(s)
                with contextlib.suppress(OSError):
                    s.close()
