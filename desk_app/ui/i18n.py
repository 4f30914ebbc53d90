"""Qt translations: Indonesian is the source language, English the second.

The ``.ts`` / ``.qm`` files live in ``resources/i18n/`` and are regenerated with
``scripts/i18n.sh`` (pyside6-lupdate, then pyside6-lrelease).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
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
