"""The console's words: Indonesian is written in the templates and the code, and
each page's module here gives its English. ``translator(lang)`` is the ``t()`` the
templates call: ``t("Terlambat {n} hari kerja", n=3)``.

A test reads every ``t("…")`` of the templates and every ``say("…")`` of the
console's code and fails on one without its English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crm_server.console.words import (
    admin,
    channel,
    common,
    complaint,
    inbox,
    rights,
    sign_in,
    sms,
    triage,
)

LANGUAGES = ("id", "en")
ENGLISH: dict[str, str] = {
    **common.ENGLISH,
    **sign_in.ENGLISH,
    **inbox.ENGLISH,
    **complaint.ENGLISH,
    **admin.ENGLISH,
    **channel.ENGLISH,
    **sms.ENGLISH,
    **triage.ENGLISH,
    **rights.ENGLISH,
}

Translator = Callable[..., str]


def say(text: str) -> str:
    """Marks Indonesian in the code that a page shows through ``t()`` (the words
    test finds it); returns it unchanged."""
    return text


def translator(lang: str) -> Translator:
    def t(text: str, **values: Any) -> str:
        if lang == "en":
            text = ENGLISH.get(text, text)
        return text.format(**values) if values else text

    return t
