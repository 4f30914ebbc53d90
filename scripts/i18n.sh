#!/bin/sh
# Regenerate the desk app's translations: collect every self.tr() string of
# desk_app/ui into resources/i18n/*.ts (existing translations are kept; new strings
# come in "unfinished" for a translator, e.g. with .venv/bin/pyside6-linguist), then
# compile them to the .qm files the app loads. Indonesian is the source language.
set -eu
cd "$(dirname "$0")/.."
BIN=.venv/bin
for lang in en; do
    "$BIN/pyside6-lupdate" desk_app/ui/*.py -ts "resources/i18n/meja_aduan_${lang}.ts" -no-obsolete
    "$BIN/pyside6-lrelease" "resources/i18n/meja_aduan_${lang}.ts" -qm "resources/i18n/meja_aduan_${lang}.qm"
done
