"""Secrets: enrolment codes, desk and user tokens, Open311 API keys.

All are long random strings, so a plain SHA-256 is the right stored form (a slow
password hash buys nothing against 256-bit secrets and would cost every request).
"""

from __future__ import annotations

import hashlib
import secrets

from complaint_domain.ticket import CROCKFORD_ALPHABET


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_token(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def new_enrolment_code() -> str:
    """12 Crockford characters in groups of four: typed by hand at the desk."""
    raw = "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_enrolment_code(text: str) -> str:
    cleaned = text.strip().upper().replace("O", "0").replace("I", "1").replace("L", "1")
    raw = "".join(ch for ch in cleaned if ch.isalnum())
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
