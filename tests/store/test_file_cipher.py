"""The attachment files' seal: AES-256-GCM, readable both ways with the cryptography
package's AESGCM (which sealed the files of desks before PyCryptodome did), and a
file altered, cut short, renamed or sealed under another key is refused, never
returned half-read."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desk_app.store import crypto
from desk_app.store.attachments import FileStore

KEYS = crypto.DeskKeys.from_secret(bytes(range(32)))
CONTENT = b"%PDF-1.4 surat pengantar RT 05 " * 500
SHA = hashlib.sha256(CONTENT).hexdigest()


def _sealed_as_before(data: bytes, sha256: str) -> bytes:
    """A file as desks before release 0.2 sealed it (cryptography's AESGCM)."""
    nonce = os.urandom(12)
    return b"MAEF1" + nonce + AESGCM(KEYS.files).encrypt(nonce, data, sha256.encode())


def test_a_file_sealed_by_an_older_desk_opens():
    assert crypto.FileCipher(KEYS).open(_sealed_as_before(CONTENT, SHA), SHA) == CONTENT


def test_a_sealed_file_is_what_aesgcm_reads():
    blob = crypto.FileCipher(KEYS).seal(CONTENT, SHA)
    assert blob.startswith(b"MAEF1") and CONTENT[:40] not in blob
    nonce, rest = blob[5:17], blob[17:]
    assert AESGCM(KEYS.files).decrypt(nonce, rest, SHA.encode()) == CONTENT


def test_two_seals_of_one_file_differ():
    cipher = crypto.FileCipher(KEYS)
    assert cipher.seal(CONTENT, SHA) != cipher.seal(CONTENT, SHA)  # a fresh nonce each


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 1]),  # the tag
        lambda blob: blob[:40] + bytes([blob[40] ^ 0x80]) + blob[41:],  # the content
        lambda blob: blob[:20],  # cut short inside the nonce and tag
        lambda blob: blob[:-16],  # the tag cut off
    ],
    ids=["tag", "content", "cut-short", "no-tag"],
)
def test_an_altered_file_is_refused(damage):
    cipher = crypto.FileCipher(KEYS)
    with pytest.raises(crypto.SealBroken):
        cipher.open(damage(cipher.seal(CONTENT, SHA)), SHA)


def test_another_name_or_another_key_is_refused():
    blob = crypto.FileCipher(KEYS).seal(CONTENT, SHA)
    with pytest.raises(crypto.SealBroken):
        crypto.FileCipher(KEYS).open(blob, hashlib.sha256(b"other").hexdigest())
    other = crypto.DeskKeys.from_secret(bytes(32))
    with pytest.raises(crypto.SealBroken):
        crypto.FileCipher(other).open(blob, SHA)


def test_a_plain_file_from_before_encryption_passes_through():
    assert crypto.FileCipher(KEYS).open(CONTENT, SHA) == CONTENT


def test_the_store_says_a_damaged_file_is_damaged(tmp_path: Path):
    store = FileStore(tmp_path, crypto.FileCipher(KEYS))
    store.path_for(SHA).parent.mkdir(parents=True, exist_ok=True)
    store.path_for(SHA).write_bytes(_sealed_as_before(CONTENT, SHA))
    assert store.read(SHA) == CONTENT
    blob = store.path_for(SHA).read_bytes()
    store.path_for(SHA).write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))
    with pytest.raises(OSError, match="damaged"):
        store.read(SHA)
