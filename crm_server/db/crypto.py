"""The CRM's personal columns encrypted at rest (issue 18), and keyed hashes for the
lookups that need them.

A *data key* is 32 random bytes, given base64-encoded in ``MEJA_CRM_DATA_KEY`` or in
the file ``MEJA_CRM_DATA_KEY_FILE`` (never in the database). Several keys may be
given, separated by commas or white space: the first encrypts, all of them decrypt
(so rows written under the old key still read during a rotation, see
``crm-server rotate-data-key``). Without one, a key is generated into the data folder
(``data-key``, mode 0600) on first start; production sets its own.

A value is stored as ``enc1:<key id>:<base64(nonce | AES-256-GCM ciphertext)>``; the
key id is the first 8 hex digits of the key's SHA-256. Lookups (a NIK, a phone
number) use HMAC-SHA256 under a key derived from the data key, so a copy of the
database cannot be searched by a known NIK without the key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import JSON, Dialect, Text, or_, type_coerce
from sqlalchemy.types import TypeDecorator

log = logging.getLogger("crm_server.crypto")
PREFIX = "enc1:"
KEY_FILE_NAME = "data-key"


class DataKeyError(RuntimeError):
    """A data key is missing, malformed, or not the one a value was written with
    (the message names the key id, never a value)."""


class DataKeys:
    """The live data keys: the first encrypts, every one decrypts."""

    def __init__(self, keys: Iterable[bytes]) -> None:
        self.keys = list(keys)
        if not self.keys or any(len(k) != 32 for k in self.keys):
            raise DataKeyError("a data key is 32 bytes, base64-encoded")
        self._by_id = {key_id(k): AESGCM(k) for k in self.keys}
        self._lookup = {
            k: hmac.new(k, b"meja-lookup-v1", hashlib.sha256).digest() for k in self.keys
        }
        self.current_id = key_id(self.keys[0])

    @classmethod
    def parse(cls, text: str) -> DataKeys:
        try:
            return cls(
                base64.b64decode(part, validate=True)
                for part in re.split(r"[\s,]+", text.strip())
                if part
            )
        except ValueError:
            raise DataKeyError("a data key is 32 bytes, base64-encoded") from None

    def encrypt(self, plain: bytes) -> str:
        nonce = secrets.token_bytes(12)
        sealed = self._by_id[self.current_id].encrypt(nonce, plain, None)
        return f"{PREFIX}{self.current_id}:{base64.b64encode(nonce + sealed).decode()}"

    def decrypt(self, stored: str) -> bytes:
        _, kid, body = stored.split(":", 2)
        cipher = self._by_id.get(kid)
        if cipher is None:
            raise DataKeyError(f"no data key {kid} is configured")
        raw = base64.b64decode(body)
        return cipher.decrypt(raw[:12], raw[12:], None)

    def lookup_hash(self, kind: str, value: str, key: bytes | None = None) -> str:
        """HMAC-SHA256 of a normalised NIK or phone under the (current) key's lookup key."""
        lookup = self._lookup[key or self.keys[0]]
        return hmac.new(lookup, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()

    def lookup_hashes(self, kind: str, value: str) -> list[str]:
        """The value's hash under every live key (a row not yet rotated still matches)."""
        return [self.lookup_hash(kind, value, k) for k in self.keys]


def key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:8]


def new_key_text() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


# The keys of this process. The column type below is module-level (SQLAlchemy makes
# it once), so it reads them from here: the last installed (one CRM per process).
_ACTIVE: DataKeys | None = None


def install(keys: DataKeys) -> None:
    global _ACTIVE
    _ACTIVE = keys


def load_and_install(key_text: str, key_file: str, data_dir: Path) -> DataKeys:
    """The settings' keys, installed: before a migration, which encrypts with them."""
    keys = load(key_text, key_file, data_dir)
    install(keys)
    return keys


def active() -> DataKeys:
    if _ACTIVE is None:
        raise DataKeyError("no data key is installed")
    return _ACTIVE


def for_migration() -> DataKeys:
    """The installed keys, or the settings' (a migration run by Alembic's own command,
    outside a CRM process, installs them first)."""
    try:
        return active()
    except DataKeyError:
        from crm_server.settings import Settings

        s = Settings.from_env()
        return load_and_install(s.data_key, s.data_key_file, s.data_dir)


def load(key_text: str, key_file: str, data_dir: Path) -> DataKeys:
    """The keys from the setting, the key file, or the data folder's generated key."""
    if key_text.strip():
        return DataKeys.parse(key_text)
    if key_file.strip():
        try:
            return DataKeys.parse(Path(key_file).read_text())
        except OSError:
            raise DataKeyError(f"cannot read the data key file {key_file}") from None
    path = data_dir / KEY_FILE_NAME
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(new_key_text() + "\n")
        log.warning(
            "generated a data key in %s: production must set MEJA_CRM_DATA_KEY_FILE"
            " or MEJA_CRM_DATA_KEY (and keep a copy: without it personal data is lost)",
            path,
        )
    return DataKeys.parse(path.read_text())


# ---------------------------------------------------------------- normalised lookups


def normal_nik(raw: str) -> str:
    return re.sub(r"\D", "", raw)


def normal_phone(raw: str) -> str:
    """E.164 as the desk stores it (``0812…`` → ``+62812…``); "" for no number."""
    digits = re.sub(r"\D", "", raw)
    if not digits:
        return ""
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return "+" + digits


def person_hashes(
    person: Mapping[str, Any] | None, keys: DataKeys | None = None
) -> tuple[str, str]:
    """A citizen's (NIK hash, phone hash) under the current key; "" where not given."""
    keys = keys or active()
    nik = normal_nik(str((person or {}).get("nik") or ""))
    phone = normal_phone(str((person or {}).get("phone") or ""))
    return (
        keys.lookup_hash("nik", nik) if nik else "",
        keys.lookup_hash("phone", phone) if phone else "",
    )


def phone_lookup(phone: str, keys: DataKeys | None = None) -> str:
    """A number's keyed hash under the current key, as ``person_hashes`` makes it
    (so an SMS row matches its complaint's citizen); "" for no number."""
    phone = normal_phone(phone)
    return (keys or active()).lookup_hash("phone", phone) if phone else ""


def phone_lookups(phone: str, keys: DataKeys | None = None) -> list[str]:
    """The number's hash under every live key (rows not yet rotated still match)."""
    phone = normal_phone(phone)
    return (keys or active()).lookup_hashes("phone", phone) if phone else []


def normal_email(raw: str) -> str:
    """An e-mail address compared without case or spaces; "" for none."""
    text = "".join(raw.split()).lower()
    return text if "@" in text else ""


def email_hash(person: Mapping[str, Any] | None, keys: DataKeys | None = None) -> str:
    """A citizen's e-mail hash under the current key (migration 0015), "" without one:
    the same complaint reported by e-mail and at a desk is found without decrypting."""
    return email_lookup(str((person or {}).get("email") or ""), keys)


def email_lookup(address: str, keys: DataKeys | None = None) -> str:
    """An address's keyed hash under the current key, as ``email_hash`` makes it (so
    an e-mail draft's sender matches the complaints' e-mail); "" for none."""
    email = normal_email(address)
    return (keys or active()).lookup_hash("email", email) if email else ""


def stored_under(column: Any, kid: str | None = None) -> Any:
    """SQL: the raw column holds a value encrypted (under key ``kid``, or any)."""
    pattern = f"{PREFIX}{kid}:%" if kid else f"{PREFIX}%"
    raw = type_coerce(column, Text)
    # SQLite keeps the column's JSON type: the ciphertext is stored as a JSON string.
    return or_(raw.like(pattern), raw.like('"' + pattern))


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON value stored encrypted in a text column (on SQLite, whose tables
    cannot change a column's type in place while rows refer to them, in the JSON
    column it was, as a JSON string). A plain JSON value (a row from before migration
    0010) still reads."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(JSON())
        return super().load_dialect_impl(dialect)

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        plain = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
        return active().encrypt(plain)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, str) and value.startswith(PREFIX):
            return json.loads(active().decrypt(value))
        return json.loads(value) if isinstance(value, str) else value


class EncryptedText(TypeDecorator[str]):
    """A short text (a phone number in the SMS tables) stored encrypted. "" stays ""
    (nothing to hide: what retention leaves); a clear value from before migration
    0016 still reads."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None or value == "":
            return value
        return active().encrypt(str(value).encode())

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if isinstance(value, str) and value.startswith(PREFIX):
            return active().decrypt(value).decode()
        return value
