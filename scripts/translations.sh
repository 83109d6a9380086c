#!/usr/bin/env bash
# Refresh the .ts sources from the code (new words appear untranslated, for Qt Linguist:
# .venv/bin/pyside6-linguist src/kiosk/i18n/kiosk_az.ts), then compile the .qm files the
# kiosk loads. Commit both; tests/test_languages.py::test_translations_are_complete_and_compiled
# checks they are current.
set -euo pipefail
cd "$(dirname "$0")/.."
sources=$(find src/kiosk/ui -name '*.py' | sort)
for language in az ru; do
  .venv/bin/pyside6-lupdate -no-obsolete -locations none $sources -ts "src/kiosk/i18n/kiosk_$language.ts"
  .venv/bin/pyside6-lrelease -silent "src/kiosk/i18n/kiosk_$language.ts" -qm "src/kiosk/i18n/kiosk_$language.qm"
done
