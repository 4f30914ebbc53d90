"""The CRM's sync API v1 over HTTP (docs/sync-protocol.md), and nothing else.

Every failure comes out as one of three exceptions, sorted the way the engine acts
on them:

- :class:`AuthFailed` — the token is not (or no longer) valid: stop, enrol again;
- :class:`Transient` — server down, refused connection, timeout, 5xx, 429, a
  response cut short: retry later with backoff (``retry_after`` when the server said);
- :class:`RequestRefused` — the server understood and refused the whole request
  (4xx other than auth): retrying the same request will not help; shown to the officer.

No message carries request data (names, NIKs), only codes and the server's message, as
translatable Messages; a known refusal in our words (:mod:`desk_app.sync.refusals`).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests

from complaint_domain.messages import QT_TRANSLATE_NOOP
from desk_app.sync.refusals import refusal_reason

API = "/api/v1"
DEFAULT_TIMEOUT = (5.0, 30.0)  # connect, read


class SyncError(Exception):
    """Base of what the client raises; ``message`` is safe to show and to log."""

    def __init__(
        self, message: str, code: str = "", status: int | None = None, server_text: str = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.server_text = server_text  # the CRM's own words, if it said any


class AuthFailed(SyncError):
    pass


class Transient(SyncError):
    def __init__(
        self,
        message: str,
        code: str = "",
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, code, status)
        self.retry_after = retry_after


class RequestRefused(SyncError):
    def __init__(
        self,
        message: str,
        code: str = "",
        status: int | None = None,
        field: str | None = None,
        server_text: str = "",
    ) -> None:
        super().__init__(message, code, status, server_text)
        self.field = field


def encode_json(value: Any) -> bytes:
    """A request body as the client sends it (compact, UTF-8)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def parse_retry_after(value: str | None, now: dt.datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


@dataclass(frozen=True)
class Enrolment:
    desk_code: str
    site: str
    token: str
    tracking_host: str = ""
    help_phone: str = ""  # the help line to print on receipts; "" when the CRM gave none


@dataclass(frozen=True)
class ReferenceAnswer:
    """``document`` is None when the server said 304 (the ETag still holds)."""

    etag: str
    document: dict[str, Any] | None


class CrmClient:
    """A thin, typed wrapper of the endpoints; the session is injected (tests, TLS pins)
    and given over to the client (its environment settings are resolved for this host).

    The push calls it from several threads at once (a batch in flight, files going up):
    requests' Session holds no per-request state but its cookie jar (locked; the CRM
    sets no cookies), and its urllib3 pool hands each thread its own connection.
    """

    def __init__(
        self,
        base_url: str,
        token: str = "",
        session: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        verify: bool | str = True,
        clock: Any = None,
    ) -> None:
        self.session = session or requests.Session()
        # The environment (HTTP(S)_PROXY, ALL_PROXY, NO_PROXY, the OS settings urllib
        # reads — the registry on Windows — and a CA bundle it names) is read when the
        # address or the TLS setting is set (the setters below), not by requests on
        # every request (~0.4 ms each), and passed with each request. The session is
        # shared (enrolment, the engine), so every client brings its own; the session
        # itself stops reading the environment (nor ~/.netrc, whose entry for the host
        # would replace the bearer token).
        self.session.trust_env = False
        self.base_url = base_url
        self.token = token
        self.timeout = timeout
        self.verify = verify
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))

    @property
    def base_url(self) -> str:
        return self._base_url

    @base_url.setter
    def base_url(self, value: str) -> None:
        self._base_url = value.rstrip("/")
        self._proxies: dict[str, str] = requests.utils.get_environ_proxies(self._base_url)

    @property
    def verify(self) -> bool | str:
        return self._verify

    @verify.setter
    def verify(self, value: bool | str) -> None:
        if value is True:  # a CA named in the environment, as requests would take it
            value = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
        self._verify = value

    # ------------------------------------------------------------------ plumbing

    def _request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None,
        auth: bool = True,
    ) -> requests.Response:
        all_headers = {"Accept": "application/json"}
        if auth:
            all_headers["Authorization"] = f"Bearer {self.token}"
        if headers:
            all_headers.update(headers)
        body = data
        if json_body is not None:
            body = encode_json(json_body)
            all_headers["Content-Type"] = "application/json"
        try:
            response = self.session.request(
                method,
                self.base_url + path,
                data=body,
                headers=all_headers,
                params=params,
                timeout=self.timeout,
                verify=self.verify,
                proxies=self._proxies,
            )
        except requests.exceptions.SSLError as exc:
            # A certificate problem does not heal by itself: show it, retry slowly.
            raise Transient(
                QT_TRANSLATE_NOOP(
                    "Sync", "TLS: sertifikat CRM tidak dapat diverifikasi ({kind})."
                ).format(kind=type(exc).__name__),
                "tls",
            ) from None
        except requests.exceptions.Timeout:
            raise Transient(
                QT_TRANSLATE_NOOP("Sync", "CRM tidak menjawab tepat waktu (timeout)."), "timeout"
            ) from None
        except requests.exceptions.ConnectionError:
            raise Transient(
                QT_TRANSLATE_NOOP("Sync", "Tidak dapat terhubung ke CRM (offline)."), "offline"
            ) from None
        except requests.exceptions.RequestException as exc:
            raise Transient(
                QT_TRANSLATE_NOOP("Sync", "Gangguan jaringan ({kind}).").format(
                    kind=type(exc).__name__
                ),
                "network",
            ) from None
        self._raise_for(response)
        return response

    def _raise_for(self, response: requests.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        code, server_text, field = _error_fields(response)
        message = refusal_reason(code, server_text)
        if status in (401, 403):
            raise AuthFailed(
                message or QT_TRANSLATE_NOOP("Sync", "Token meja tidak berlaku."),
                code or "unauthorized",
                status,
            )
        if status >= 500 or status in (408, 425, 429):
            retry_after = parse_retry_after(response.headers.get("Retry-After"), self._clock())
            raise Transient(
                message
                or QT_TRANSLATE_NOOP("Sync", "CRM sedang bermasalah (HTTP {status}).").format(
                    status=status
                ),
                code or "server_error",
                status,
                retry_after,
            )
        raise RequestRefused(
            message
            or QT_TRANSLATE_NOOP("Sync", "CRM menolak permintaan (HTTP {status}).").format(
                status=status
            ),
            code,
            status,
            field,
            server_text,
        )

    @staticmethod
    def _json(response: requests.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            # A body cut short on the way (a proxy, a dropped connection): try again later.
            raise Transient(
                QT_TRANSLATE_NOOP("Sync", "Jawaban CRM tidak utuh."),
                "bad_response",
                response.status_code,
            ) from None

    # ------------------------------------------------------------------ endpoints

    def enrol(self, enrolment_code: str, app_version: str = "") -> Enrolment:
        response = self._request(
            "POST",
            f"{API}/enrol",
            json_body={"enrolment_code": enrolment_code, "app_version": app_version},
            auth=False,
        )
        body = self._json(response)
        try:
            return Enrolment(
                str(body["desk_code"]),
                str(body.get("site", "")),
                str(body["token"]),
                str(body.get("tracking_host", "")),
                str(body.get("help_phone", "") or ""),
            )
        except (KeyError, TypeError):
            raise Transient(
                QT_TRANSLATE_NOOP("Sync", "Jawaban pendaftaran CRM tidak lengkap."),
                "bad_response",
            ) from None

    def push(self, items: list[dict[str, Any]], idempotency_key: str) -> list[dict[str, Any]]:
        return self.push_body(encode_json({"items": items}), idempotency_key)

    def push_body(self, body: bytes, idempotency_key: str) -> list[dict[str, Any]]:
        """:meth:`push` of a body already encoded (``encode_json({"items": ...})``):
        the engine hashes the very bytes it sends."""
        response = self._request(
            "POST",
            f"{API}/sync/complaints",
            data=body,
            headers={"Idempotency-Key": idempotency_key, "Content-Type": "application/json"},
        )
        body = self._json(response)
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list):
            raise Transient(
                QT_TRANSLATE_NOOP("Sync", "Jawaban CRM tanpa hasil per item."), "bad_response"
            )
        return [r for r in results if isinstance(r, dict)]

    def has_attachment(self, sha256: str) -> bool | None:
        """True/False when the server says; None when it cannot tell (no HEAD route)."""
        try:
            answer = self._request("HEAD", f"{API}/attachments/{sha256}")
        except RequestRefused as exc:
            if exc.status == 404:
                return False
            return None
        return answer.status_code == 200

    def put_attachment(self, sha256: str, media_type: str, data: bytes) -> bool:
        """Upload a file by its hash; True if the server stored it now, False if it had it."""
        response = self._request(
            "PUT",
            f"{API}/attachments/{sha256}",
            data=data,
            headers={"Content-Type": media_type},
        )
        return response.status_code == 201

    def changes(self, cursor: int, limit: int) -> tuple[list[dict[str, Any]], int, bool]:
        response = self._request(
            "GET", f"{API}/sync/changes", params={"cursor": cursor, "limit": limit}
        )
        body = self._json(response)
        try:
            return list(body["changes"]), int(body["next_cursor"]), bool(body["has_more"])
        except (KeyError, TypeError, ValueError):
            raise Transient(
                QT_TRANSLATE_NOOP("Sync", "Jawaban perubahan CRM tidak lengkap."), "bad_response"
            ) from None

    def reference(self, etag: str) -> ReferenceAnswer:
        headers = {"If-None-Match": f'"{etag}"'} if etag else {}
        response = self._request("GET", f"{API}/reference", headers=headers)
        new_etag = response.headers.get("ETag", "").strip().removeprefix("W/").strip('"')
        if response.status_code == 304:
            return ReferenceAnswer(etag, None)
        body = self._json(response)
        if not isinstance(body, dict):
            raise Transient(
                QT_TRANSLATE_NOOP("Sync", "Data referensi CRM tidak sah."), "bad_response"
            )
        return ReferenceAnswer(new_etag or str(body.get("version", "")), body)

    def heartbeat(
        self, pending_count: int, oldest_age_s: int | None, app_version: str, officer: str = ""
    ) -> Any:
        """What waits, the version, who is signed in and the desk's clock; the CRM's
        answer (``desk_release`` …), ``{}`` when unreadable (the heartbeat arrived)."""
        response = self._request(
            "POST",
            f"{API}/sync/heartbeat",
            json_body={
                "pending_count": pending_count,
                "oldest_unsent_age_seconds": oldest_age_s,
                "app_version": app_version,
                "officer": officer,
                "desk_time": self._clock().isoformat(),
            },
        )
        try:
            return response.json()
        except ValueError:
            return {}

    def get_json(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """A GET under ``/api/v1`` answered with JSON (the supervisor API's reads)."""
        return self._json(self._request("GET", API + path, params=params))


def _error_fields(response: requests.Response) -> tuple[str, str, str | None]:
    try:
        body = response.json()
    except ValueError:
        return "", "", None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return "", "", None
    field = error.get("field")
    return (
        str(error.get("code") or ""),
        str(error.get("message") or ""),
        str(field) if field else None,
    )
