"""Qt translations: Indonesian is the source language, English the second.

The ``.ts`` / ``.qm`` files live in ``desk_app/translations/`` and are regenerated with
``scripts/i18n.sh`` (pyside6-lupdate, then pyside6-lrelease).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from complaint_domain.messages import Message

# Inside the package, so an installed wheel (or a frozen app) finds them.
I18N_DIR = Path(str(files("desk_app") / "translations"))
CATALOGUE = "meja_aduan"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load the catalogue for ``language`` ("id" needs none). Returns the translator,
    which the caller keeps alive, or None when the source language is wanted or the
    file is missing (the UI then stays in Indonesian)."""
    if language == "id":
        return None
    translator = QTranslator(app)
    if not translator.load(f"{CATALOGUE}_{language}", str(I18N_DIR)):
        return None
    app.installTranslator(translator)
    return translator


def install_language(app: QCoreApplication, language: str) -> None:
    """Switch the running app to ``language``: the previous catalogue is removed and
    the new one kept alive with the app (widgets built afterwards use it)."""
    previous = app.property("meja_translator")
    if isinstance(previous, QTranslator):
        app.removeTranslator(previous)
    app.setProperty("meja_translator", install_translator(app, language))


def shown(text: str) -> str:
    """``text`` in the language of the running app: a :class:`Message` made below the
    UI (validation, services, sync) is looked up in the installed catalogue and its
    fields filled in, each translated in turn; any other text is shown as it is."""
    if not isinstance(text, Message):
        return text
    translated = QCoreApplication.translate(text.context, text.source)
    if not text.fields:
        return translated
    fields = {k: shown(v) if isinstance(v, str) else v for k, v in text.fields.items()}
    try:
        return translated.format(**fields)
    except (KeyError, IndexError, ValueError):
        # A translation that names a field the source does not: the source still reads.
        return str(text)
