"""Qt translations: Indonesian is the source language, English the second.

The ``.ts`` / ``.qm`` files live in ``desk_app/translations/`` and are regenerated with
``scripts/i18n.sh`` (pyside6-lupdate, then pyside6-lrelease).

Qt's own words (the standard buttons of message boxes and button boxes, the file
dialog, the context menus of text fields) follow the same language: Qt's catalogue
``qtbase_<language>`` from the PySide6 wheel, installed beside ours. The wheel ships
``qtbase_en`` but no ``qtbase_id``; ours (``translations/qtbase_id.ts``, by hand, the
words an officer meets) takes its place.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from complaint_domain.messages import Message

# Inside the package, so an installed wheel (or a frozen app) finds them.
I18N_DIR = Path(str(files("desk_app") / "translations"))
CATALOGUE = "meja_aduan"
QT_CATALOGUE = "qtbase"


def qt_translations_dir() -> str:
    """Where the PySide6 wheel keeps Qt's own catalogues."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Qt's own catalogue for ``language``: the wheel's, else ours (Indonesian). Returns
    the translator, which the caller keeps alive, or None when there is none."""
    translator = QTranslator(app)
    for folder in (qt_translations_dir(), str(I18N_DIR)):
        if translator.load(f"{QT_CATALOGUE}_{language}", folder):
            app.installTranslator(translator)
            return translator
    return None


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
    """Switch the running app to ``language``: the previous catalogues (ours and Qt's)
    are removed and the new ones kept alive with the app (widgets built afterwards use
    them)."""
    for key in ("meja_translator", "meja_qt_translator"):
        previous = app.property(key)
        if isinstance(previous, QTranslator):
            app.removeTranslator(previous)
    app.setProperty("meja_qt_translator", install_qt_translator(app, language))
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
