"""Sentences for people, made below the UI, that the UI shows in the officer's language.

Validation, the services and the sync engine speak to the officer too ("NIK harus 16
angka", "Tidak dapat terhubung ke CRM"), but they import no Qt. Each such sentence is
written as ``QT_TRANSLATE_NOOP(context, source)`` — the marker Qt's ``lupdate`` finds
in Python sources, so ``scripts/i18n.sh`` collects it into the catalogue beside the
UI's own ``self.tr()`` strings — with its variable parts as named fields filled by
``.format(...)``::

    QT_TRANSLATE_NOOP("Validation", "NIK harus 16 angka (sekarang {count}).").format(count=15)

What comes back is a :class:`Message`: a ``str`` holding the Indonesian sentence (so
logs, comparisons and stored copies keep working as before) that also remembers its
context, its source text and its fields. The UI (``desk_app.ui.i18n.shown``) looks the
source text up in the catalogue of the chosen language and fills in the fields, each
translated in turn when it is a Message itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Message(str):
    """A translatable sentence: ``str(message)`` is the Indonesian text."""

    context: str
    source: str
    fields: Mapping[str, object]

    def __new__(
        cls, context: str, source: str, fields: Mapping[str, object] | None = None
    ) -> Message:
        fields = dict(fields or {})
        text = source.format(**fields) if fields else source
        made = super().__new__(cls, text)
        made.context = context
        made.source = source
        made.fields = fields
        return made

    def format(self, *args: object, **fields: Any) -> Message:
        """The same sentence with its named fields filled (positional ones are refused:
        a translation may put the fields in another order)."""
        if args:
            raise TypeError("Message.format takes named fields only")
        return Message(self.context, self.source, {**self.fields, **fields})

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.context, self.source, dict(self.fields)))

    def __repr__(self) -> str:
        return f"Message({self.context!r}, {self.source!r}, {dict(self.fields)!r})"


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:
    """Mark ``source`` for translation under ``context``; fill fields with ``.format``."""
    return Message(context, source)
