"""Who is asking: desks (a bearer token from enrolment), staff users (a token and a
role) and Open311 clients (an API key).

Secrets (enrolment codes, tokens, API keys) are long random strings, so a plain
SHA-256 is the right stored form (a slow password hash buys nothing against 256-bit
secrets and would cost every request).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from complaint_domain.ticket import CROCKFORD_ALPHABET
from crm_server.core.context import CrmContext
from crm_server.core.errors import unauthorized
from crm_server.db.engine import transaction
from crm_server.db.models import ApiKey, Desk, User

ROLES = (
    "channel_admin",
    "kelurahan",
    "dinas",
    "suku_dinas",
    "verifier",
    "koordinator",
    "admin",
)
ROLE_LABELS = {
    "channel_admin": "Admin kanal",
    "kelurahan": "Kelurahan",
    "dinas": "Dinas",
    "suku_dinas": "Suku Dinas",
    "verifier": "Biro Pemerintahan (verifikator)",
    "koordinator": "Koordinator kota",
    "admin": "Administrator CRM",
}


@dataclass(frozen=True)
class DeskAuth:
    id: int
    code: str
    site: str


@dataclass(frozen=True)
class UserAuth:
    id: int
    username: str
    display_name: str
    role: str
    unit_code: str


# ---------------------------------------------------------------- secrets


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


# ---------------------------------------------------------------- tokens and keys


def desk_for_token(crm: CrmContext, token: str) -> DeskAuth:
    with crm.reads() as session:
        row = session.execute(
            select(Desk.id, Desk.code, Desk.site).where(Desk.token_hash == hash_secret(token))
        ).first()
    if row is None:
        raise unauthorized("The desk token is not valid (enrol the desk again).")
    return DeskAuth(*row)


def user_for_token(crm: CrmContext, token: str) -> UserAuth:
    with crm.sessions() as session:
        user = session.scalar(
            select(User).where(User.token_hash == hash_secret(token), User.active.is_(True))
        )
    if user is None:
        raise unauthorized("The user token is not valid.")
    return UserAuth(user.id, user.username, user.display_name, user.role, user.unit_code)


def user_by_name(crm: CrmContext, username: str) -> UserAuth | None:
    with crm.sessions() as session:
        user = session.scalar(select(User).where(User.username == username))
    if user is None:
        return None
    return UserAuth(user.id, user.username, user.display_name, user.role, user.unit_code)


def create_user(
    crm: CrmContext, username: str, display_name: str, role: str, unit_code: str = ""
) -> str:
    """Create or update a staff account; returns a fresh API token."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    username = username.strip().lower()  # the console's sign-in ignores case
    token = new_token("mut")
    with transaction(crm.sessions) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            user = User(username=username, display_name=display_name, role=role)
            session.add(user)
        user.display_name, user.role, user.unit_code = display_name, role, unit_code
        user.token_hash = hash_secret(token)
    return token


def add_api_key(crm: CrmContext, name: str, key: str | None = None) -> str:
    """An Open311 API key (a new one unless ``key`` is given; kept if it exists)."""
    key = key or new_token("o311")
    with transaction(crm.sessions) as session:
        if session.get(ApiKey, hash_secret(key)) is None:
            session.add(ApiKey(key_hash=hash_secret(key), name=name, created_at=crm.now()))
    return key


def api_key_known(crm: CrmContext, key: str) -> bool:
    if not key:
        return False
    with crm.sessions() as session:
        return session.get(ApiKey, hash_secret(key)) is not None
