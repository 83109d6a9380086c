"""The health report's problems in the staff's language.

``kiosk.ops.health`` writes them as English sentences (for health.json and monitoring); the
panel recognises each sentence's form, named there, and words it through Qt's translations.
A sentence of an unknown form is shown as it is: never lost, only untranslated."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from kiosk.ops import health


def _pattern(template: str) -> re.Pattern[str]:
    parts = [re.escape(part) for part in template.split("%s")]
    return re.compile("(.+?)".join(parts) + r"\Z", re.DOTALL)


class ProblemWords(QObject):
    """Translates problems; a QObject so that ``self.tr`` gives lupdate its context."""

    def sentences(self) -> list[tuple[re.Pattern[str], str]]:
        return [
            (
                _pattern(health.DATA_FOLDER),
                self.tr(
                    "The data folder %1 cannot be written (%2): visit counts, the health "
                    "report and the record of wrong PINs are not saved."
                ),
            ),
            (
                _pattern(health.LOG_FOLDER),
                self.tr(
                    "The log folder %1 cannot be written (%2): the log goes to the journal only."
                ),
            ),
            (_pattern(health.COUNTS_OFF), self.tr("Visit counts are off for this run: %1.")),
            (
                _pattern(health.ALTERED),
                self.tr("Content version changed since it was installed, so it is not shown: %1."),
            ),
        ]

    def reasons(self) -> dict[str, str]:
        return {
            health.READ_ONLY: self.tr("the disk is read-only"),
            health.FULL: self.tr("the disk is full"),
            health.NOT_ALLOWED: self.tr("permission denied"),
        }

    def translate(self, problem: str) -> str:
        reasons = self.reasons()
        for pattern, words in self.sentences():
            match = pattern.match(problem)
            if match is None:
                continue
            return _fill(words, [reasons.get(value, value) for value in match.groups()])
        return problem


def _fill(words: str, values: list[str]) -> str:
    """%1, %2... in one pass: a value holding "%2" (a folder's name) is never filled in."""

    def value(match: re.Match[str]) -> str:
        return values[int(match.group(1)) - 1]

    return re.sub(r"%(\d)", value, words)
