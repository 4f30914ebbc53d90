#!/bin/sh
# Regenerate the desk app's translations: collect every string marked for translation
# (self.tr() in desk_app/ui, QT_TRANSLATE_NOOP() below the UI: the shared domain, the
# services, the sync engine) into desk_app/translations/*.ts (existing translations are
# kept; new strings come in "unfinished" for a translator, e.g. with
# .venv/bin/pyside6-linguist), then compile them to the .qm files the app loads.
# Indonesian is the source language. No source locations are kept in the .ts: they
# changed with every edit and made the file conflict between branches.
set -eu
cd "$(dirname "$0")/.."
BIN=.venv/bin
SOURCES=$(find desk_app complaint_domain -name "*.py" -not -path "*/migrations/*" | sort)
for lang in en; do
    # shellcheck disable=SC2086
    "$BIN/pyside6-lupdate" $SOURCES -locations none -no-obsolete -ts "desk_app/translations/meja_aduan_${lang}.ts"
    "$BIN/pyside6-lrelease" "desk_app/translations/meja_aduan_${lang}.ts" -qm "desk_app/translations/meja_aduan_${lang}.qm"
done
# Qt's own words in Indonesian (the PySide6 wheel ships no qtbase_id): written by hand.
"$BIN/pyside6-lrelease" desk_app/translations/qtbase_id.ts -qm desk_app/translations/qtbase_id.qm
